//! The reports being compared: loading them from files (plain text or saved web pages), the
//! clipboard or the bundled sample, refusing bad input with a clear message, and what a report
//! says about itself (headline, date, outlet, address, authors, publication time).
//!
//! Every later layer points into an [`Article`] by byte range of its text. For a plain-text
//! report that is the file exactly as read: no decoding with replacement, no line-ending
//! changes, and a file that is not UTF-8 is refused rather than silently altered (offsets would
//! no longer match the file on disk). For a web page it is the article text extracted from it
//! ([`html`]), which `crosscheck text FILE` prints; [`Article::form`] says which.
//!
//! A plain-text report may open with a header: a `date YYYY-MM-DD headline` line, then any of
//! `outlet: …`, `url: …`, `author: …` (or `by: …`, names separated by commas or "and") and
//! `published: …` (an ISO 8601 time), one a line. The header is not analysed.

pub mod html;
pub mod text;

use std::fmt;
use std::io::Read as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use sha2::{Digest as _, Sha256};

/// Largest report accepted, in bytes.
///
/// News reports are 2–50 KB; 2 MiB is forty times the longest of them and keeps the side-by-side
/// panes responsive (each pane lays out its whole text). A bigger file is almost certainly not
/// a single report (a database dump, a PDF, a log) and is refused with a message.
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// Largest saved web page accepted, in bytes. Pages carry their scripts, styles and inline
/// images: 16 MiB is several times the heaviest news page saved as "HTML only".
pub const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

/// Where a report came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Source {
    /// A file on disk, with the path as the user gave it.
    File(PathBuf),
    /// One of the sample reports embedded in the binary.
    Bundled(String),
    /// Text pasted from the clipboard; the number counts pastes in this session.
    Pasted(u32),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(path) => write!(f, "{}", path.display()),
            Self::Bundled(name) => write!(f, "{name}"),
            Self::Pasted(n) => write!(f, "pasted text {n}"),
        }
    }
}

/// How the date of a report is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateOrigin {
    /// From the `date YYYY-MM-DD` header line.
    Header,
    /// Set by the user (window or `--date`).
    User,
    /// Not known; relative dates ("on Monday") cannot be resolved.
    Unknown,
}

/// What the text of a report is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A plain-text file, exactly as read.
    #[default]
    Text,
    /// The article text extracted from a saved web page.
    Html,
}

impl Form {
    /// The name in `check --json` (`"text"` or `"html"`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "html",
        }
    }
}

/// What a report says about where and when it appeared. Every field may be empty (unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The outlet that published it ("The Northern Ledger").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    /// Its address on the web.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Its authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// When it was published, as the outlet gives it (ISO 8601, "2024-03-11T08:40:00+01:00").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub published: String,
}

impl Meta {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self.outlet.is_empty()
            && self.url.is_empty()
            && self.authors.is_empty()
            && self.published.is_empty()
    }
}

/// One report, its text exactly as read, and what the loader learnt about it.
#[derive(Clone, Debug)]
pub struct Article {
    /// Where it came from.
    pub source: Source,
    /// The text the engine reads: the file as read (header included) for a plain-text
    /// report, the extracted article for a web page.
    pub text: Arc<str>,
    /// Which of the two [`Self::text`] is.
    pub form: Form,
    /// Outlet, address, authors and publication time, when known.
    pub meta: Meta,
    /// `sha256:<hex>` of the text, to notice when a file changed under a saved review.
    pub hash: String,
    /// The headline from the header, or the opening words of the text.
    pub title: String,
    /// The date the report was published, if known.
    pub date: Option<NaiveDate>,
    /// How [`Self::date`] is known.
    pub date_origin: DateOrigin,
    /// Byte range of the text after the header line (the whole text without a header).
    pub body: Range<usize>,
    /// Things the user should know that did not stop loading (for example a header whose date
    /// is not a real date).
    pub warnings: Vec<String>,
}

/// Why a report could not be opened. Each message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No such file.
    #[error("{path}: no such file")]
    NotFound { path: String },
    /// The OS refused to let us read it.
    #[error("{path}: permission denied")]
    PermissionDenied { path: String },
    /// A folder was given instead of a file.
    #[error("{path}: is a folder, not a text file")]
    IsDirectory { path: String },
    /// Nothing but whitespace.
    #[error("{path}: the report is empty")]
    Empty { path: String },
    /// NUL bytes: an image, a PDF, an office document…
    #[error(
        "{path}: looks like binary data (a NUL byte at offset {offset}), not a plain-text report"
    )]
    Binary { path: String, offset: usize },
    /// Bytes that are not UTF-8.
    #[error(
        "{path}: not UTF-8 text (byte 0x{byte:02x} at offset {offset}); convert it, for example \
         with `iconv -f windows-1252 -t utf-8`, and open it again"
    )]
    InvalidUtf8 {
        path: String,
        offset: usize,
        byte: u8,
    },
    /// A file of a kind that is no report at all (a PDF, an image, an office document).
    #[error(
        "{path}: is {what}, not a report; save the article as a web page (.html) or as plain \
         text and open that"
    )]
    NotAReport { path: String, what: &'static str },
    /// A web page the page reader failed on.
    #[error(
        "{path}: this web page could not be read; save it again from the browser and open that"
    )]
    UnreadablePage { path: String },
    /// A web page in which no article text was found.
    #[error(
        "{path}: no article text found in this web page; save the article's own page once it \
         has loaded (in the browser: Save Page As…) and open that"
    )]
    NoArticleText { path: String },
    /// Over [`MAX_ARTICLE_BYTES`] (or [`MAX_PAGE_BYTES`] for a web page).
    #[error("{path}: {size} bytes is over the limit of {limit} bytes for one report")]
    TooLarge { path: String, size: u64, limit: u64 },
    /// The same file, or a file with the very same text, is already open.
    #[error("{path}: already open as “{other}”")]
    AlreadyOpen { path: String, other: String },
    /// Any other I/O failure.
    #[error("{path}: could not be read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl LoadError {
    fn from_io(path: &Path, source: std::io::Error) -> Self {
        let path = path.display().to_string();
        match source.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound { path },
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied { path },
            std::io::ErrorKind::IsADirectory => Self::IsDirectory { path },
            _ => Self::Io { path, source },
        }
    }
}

/// Reads a report from disk: a plain-text report or a saved web page, refusing anything else.
pub fn load_path(path: &Path) -> Result<Article, LoadError> {
    let metadata = std::fs::metadata(path).map_err(|err| LoadError::from_io(path, err))?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.display().to_string(),
        });
    }
    let limit = limit_for(&Source::File(path.to_path_buf()), None);
    if metadata.len() > limit {
        return Err(LoadError::TooLarge {
            path: path.display().to_string(),
            size: metadata.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|err| LoadError::from_io(path, err))?;
    // Read one byte past the limit: special files (pipes, /dev/zero) report a length of 0.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| LoadError::from_io(path, err))?;
    from_bytes(Source::File(path.to_path_buf()), bytes)
}

/// The extension of a report's file or sample name.
fn extension(source: &Source) -> Option<&str> {
    let name = match source {
        Source::File(path) => path.to_str()?,
        Source::Bundled(name) => name,
        Source::Pasted(_) => return None,
    };
    let (_, ext) = name.rsplit_once('.')?;
    (!ext.contains(['/', '\\'])).then_some(ext)
}

/// The size limit for a report from this source: a page's if it is named or shaped like one.
fn limit_for(source: &Source, bytes: Option<&[u8]>) -> u64 {
    if html::looks_like_html(extension(source), bytes.unwrap_or_default()) {
        MAX_PAGE_BYTES
    } else {
        MAX_ARTICLE_BYTES
    }
}

/// What a file is, from its first bytes, when it is a kind that is never a report.
fn foreign_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 9] = [
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a zip archive or an office document"),
        (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
        (b"{\\rtf", "an RTF document"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"II*\x00", "a TIFF image"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Builds a report from bytes already in memory (bundled sample, clipboard, tests).
pub fn from_bytes(source: Source, bytes: Vec<u8>) -> Result<Article, LoadError> {
    let name = source.to_string();
    let limit = limit_for(&source, Some(&bytes));
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: name,
            size: bytes.len() as u64,
            limit,
        });
    }
    if let Some(what) = foreign_kind(&bytes) {
        return Err(LoadError::NotAReport { path: name, what });
    }
    if html::looks_like_html(extension(&source), &bytes) {
        return from_page(source, &bytes);
    }
    // Binary first: a PDF is also invalid UTF-8, and "binary" is the more useful message.
    // A NUL byte anywhere means binary (git and ripgrep look at the first 8 KiB; reports are
    // small enough to look at all of it).
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary { path: name, offset });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let byte = err.as_bytes().get(offset).copied().unwrap_or_default();
            return Err(LoadError::InvalidUtf8 {
                path: name,
                offset,
                byte,
            });
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(LoadError::Empty { path: name });
    }
    Ok(Article::new(source, text))
}

/// A report from a saved web page: decoded in its declared charset, its article extracted.
fn from_page(source: Source, bytes: &[u8]) -> Result<Article, LoadError> {
    let name = source.to_string();
    let (html_text, warning) = html::decode(bytes);
    if html_text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(LoadError::Empty { path: name });
    }
    // Text with control bytes other than whitespace is no page (a binary file named .html).
    if let Some(offset) = html_text.find('\0') {
        return Err(LoadError::Binary { path: name, offset });
    }
    let page =
        html::extract(&html_text).map_err(|_| LoadError::NoArticleText { path: name.clone() })?;
    if page.text.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: name,
            size: page.text.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let mut warnings = page.warnings;
    warnings.extend(warning);
    let date_origin = if page.date.is_some() {
        DateOrigin::Header
    } else {
        DateOrigin::Unknown
    };
    let body = 0..page.text.len();
    Ok(Article {
        source,
        hash: content_hash(page.text.as_bytes()),
        text: page.text.into(),
        form: Form::Html,
        meta: page.meta,
        title: page.title,
        date: page.date,
        date_origin,
        body,
        warnings,
    })
}

/// Builds a report from pasted text. Pasted text has no file, so only emptiness and the size
/// limit can be wrong with it.
pub fn from_pasted(number: u32, text: &str) -> Result<Article, LoadError> {
    from_bytes(Source::Pasted(number), text.as_bytes().to_vec())
}

impl Article {
    fn new(source: Source, text: String) -> Self {
        let hash = content_hash(text.as_bytes());
        let header = parse_header(&text);
        let mut warnings = Vec::new();
        if let Some(bad) = &header.bad_date {
            warnings.push(format!(
                "the header date “{bad}” is not a real date; set the date by hand"
            ));
        }
        let title = if header.headline.is_empty() {
            title_from_text(&text[header.body_start..])
        } else {
            header.headline
        };
        let date = header
            .date
            .or_else(|| html::date_of(&header.meta.published));
        let date_origin = if date.is_some() {
            DateOrigin::Header
        } else {
            DateOrigin::Unknown
        };
        let body = header.body_start..text.len();
        Self {
            source,
            text: text.into(),
            form: Form::Text,
            meta: header.meta,
            hash,
            title,
            date,
            date_origin,
            body,
            warnings,
        }
    }

    /// Sets or clears the date by the user's hand.
    pub fn set_date(&mut self, date: Option<NaiveDate>) {
        self.date = date;
        self.date_origin = if date.is_some() {
            DateOrigin::User
        } else {
            DateOrigin::Unknown
        };
    }

    /// The file name (or sample or paste name) shown in pane headers.
    pub fn short_name(&self) -> String {
        match &self.source {
            Source::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            other => other.to_string(),
        }
    }

    /// The path as given, for files; the display name otherwise.
    pub fn label(&self) -> String {
        self.source.to_string()
    }
}

/// `sha256:<hex>` of some bytes.
pub fn content_hash(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[derive(Default)]
struct Header {
    date: Option<NaiveDate>,
    bad_date: Option<String>,
    headline: String,
    meta: Meta,
    body_start: usize,
}

/// Parses the optional header: `date YYYY-MM-DD headline` on the first line (leading
/// whitespace and a byte-order mark allowed), then `key: value` lines for the metadata keys.
/// A first line that starts with "date" but has no date-shaped word is text, and so is any
/// line whose key is not one of the metadata keys.
fn parse_header(text: &str) -> Header {
    let mut header = Header::default();
    let mut at = 0;
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if let Some((date, bad_date, headline)) = date_line(&text[..first_end]) {
        header.date = date;
        header.bad_date = bad_date;
        header.headline = headline;
        at = first_end;
    }
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..end].trim_start_matches('\u{feff}').trim();
        let Some((key, value)) = line.split_once(':') else {
            break;
        };
        let value = value.trim().to_owned();
        match key.trim().to_ascii_lowercase().as_str() {
            "outlet" | "publisher" => header.meta.outlet = value,
            "url" => header.meta.url = value,
            "author" | "authors" | "by" => {
                header.meta.authors = split_names(&value);
            }
            "published" => header.meta.published = value,
            _ => break,
        }
        at = end;
    }
    header.body_start = at;
    header
}

/// The names in a byline or an authors field: "By Ana Ruhl and Tomas Welde" → both;
/// commas, semicolons, bars and middle dots part them too ("Staff, Reuters").
pub fn split_names(byline: &str) -> Vec<String> {
    let byline = byline.trim();
    let byline = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| byline.strip_prefix(p))
        .unwrap_or(byline);
    byline
        .split([',', ';', '|', '·'])
        .flat_map(|part| part.split(" and "))
        .map(text::one_line)
        .filter(|n| !n.is_empty())
        .collect()
}

/// A `date YYYY-MM-DD headline` line: the date (if real), the word if not, the headline.
fn date_line(line: &str) -> Option<(Option<NaiveDate>, Option<String>, String)> {
    let rest = line
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .strip_prefix("date")?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = &rest[..word_end];
    let shaped = word.len() == 10
        && word.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let date = NaiveDate::parse_from_str(word, "%Y-%m-%d").ok();
    Some((
        date,
        date.is_none().then(|| word.to_owned()),
        rest[word_end..].trim().to_owned(),
    ))
}

/// Longest title taken from the text itself, in characters.
const TITLE_CHARS: usize = 90;

/// A title for a report without a header: its first line if that reads like a headline,
/// otherwise its first sentence, cut at a word boundary.
fn title_from_text(text: &str) -> String {
    let first_line = text
        .lines()
        .map(|line| line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    let sentence_end = first_line
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|&i| i > 20)
        .unwrap_or(first_line.len());
    let sentence = first_line[..sentence_end].trim_end_matches('.');
    if sentence.chars().count() <= TITLE_CHARS {
        return sentence.to_owned();
    }
    let cut = sentence
        .char_indices()
        .nth(TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let cut = sentence[..cut].rfind(' ').unwrap_or(cut);
    format!(
        "{}…",
        sentence[..cut].trim_end_matches([',', ';', ':', ' '])
    )
}

/// A file embedded in the binary as part of the sample corpus.
pub struct BundledArticle {
    /// File name under `assets/articles/`.
    pub name: &'static str,
    /// Its exact bytes.
    pub bytes: &'static [u8],
}

/// The sample: two reports of one event from two outlets, shipped verbatim.
pub const SAMPLE: [BundledArticle; 2] = [
    BundledArticle {
        name: "afp-rubio-witkoff-in-paris-for-ukraine-talks.txt",
        bytes: include_bytes!(
            "../../assets/articles/afp-rubio-witkoff-in-paris-for-ukraine-talks.txt"
        ),
    },
    BundledArticle {
        name: "wire-2025-04-16-rubio-headed-to-paris.txt",
        bytes: include_bytes!("../../assets/articles/wire-2025-04-16-rubio-headed-to-paris.txt"),
    },
];

/// Loads the bundled sample reports.
pub fn sample() -> Vec<Article> {
    SAMPLE.iter().filter_map(|b| bundled(b.name)).collect()
}

/// The bundled sample report with this file name, if there is one.
pub fn bundled(name: &str) -> Option<Article> {
    let b = SAMPLE.iter().find(|b| b.name == name)?;
    from_bytes(Source::Bundled(b.name.to_owned()), b.bytes.to_vec()).ok()
}

/// Refuses a report that is already open: the same file (however its path is spelled) or the
/// very same text under another name.
pub fn check_not_open(article: &Article, open: &[Article]) -> Result<(), LoadError> {
    let canonical = |source: &Source| match source {
        Source::File(path) => std::fs::canonicalize(path).ok(),
        _ => None,
    };
    let mine = canonical(&article.source);
    for other in open {
        let same_file = mine.is_some() && mine == canonical(&other.source);
        if same_file || other.hash == article.hash {
            return Err(LoadError::AlreadyOpen {
                path: article.label(),
                other: other.short_name(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        from_bytes(Source::Pasted(1), text.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn header_gives_date_and_title() {
        let a = article(" date 2025-04-16 Rubio headed to Paris\n\nPARIS\n\nText.");
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2025, 4, 16));
        assert_eq!(a.date_origin, DateOrigin::Header);
        assert_eq!(a.title, "Rubio headed to Paris");
        assert_eq!(&a.text[a.body.clone()], "\nPARIS\n\nText.");
    }

    #[test]
    fn header_with_impossible_date_warns_and_keeps_headline() {
        let a = article("date 2025-02-30 A headline\nBody text here.");
        assert_eq!(a.date, None);
        assert_eq!(a.title, "A headline");
        assert_eq!(a.warnings.len(), 1, "{:?}", a.warnings);
    }

    #[test]
    fn a_first_line_starting_with_date_is_not_always_a_header() {
        let a = article("date night ended badly for the mayor.\nMore text.");
        assert_eq!(a.date, None);
        assert_eq!(a.body, 0..a.text.len());
        assert!(a.title.starts_with("date night"), "{}", a.title);
    }

    #[test]
    fn long_first_sentence_is_cut_at_a_word() {
        let long = "word ".repeat(60);
        let a = article(&long);
        assert!(a.title.ends_with('…'), "{}", a.title);
        assert!(a.title.chars().count() <= TITLE_CHARS + 1);
    }

    #[test]
    fn short_first_line_is_the_title() {
        let a = article("Storm hits coast\n\nThe storm hit the coast on Monday.");
        assert_eq!(a.title, "Storm hits coast");
    }

    #[test]
    fn bad_bytes_are_refused_with_their_reason() {
        let err = from_bytes(Source::Pasted(1), b"abc\0def".to_vec()).unwrap_err();
        assert!(matches!(err, LoadError::Binary { offset: 3, .. }), "{err}");
        let err = from_bytes(Source::Pasted(1), b"caf\xe9 au lait".to_vec()).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::InvalidUtf8 {
                    offset: 3,
                    byte: 0xe9,
                    ..
                }
            ),
            "{err}"
        );
        let err = from_bytes(Source::Pasted(1), b" \n\t\n".to_vec()).unwrap_err();
        assert!(matches!(err, LoadError::Empty { .. }), "{err}");
    }

    #[test]
    fn the_same_text_twice_is_refused() {
        let a = article("Some report text.");
        let b = from_bytes(Source::Pasted(2), b"Some report text.".to_vec()).unwrap();
        let err = check_not_open(&b, std::slice::from_ref(&a)).unwrap_err();
        assert!(matches!(err, LoadError::AlreadyOpen { .. }), "{err}");
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            split_names("By Ana Ruhl and Tomas Welde"),
            ["Ana Ruhl", "Tomas Welde"]
        );
        assert_eq!(
            split_names("Jonas Brekke,  Lena Ost"),
            ["Jonas Brekke", "Lena Ost"]
        );
    }

    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(
            content_hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
