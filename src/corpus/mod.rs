//! The reports being compared: loading them from files, the clipboard or the bundled sample,
//! refusing bad input with a clear message, and the optional `date YYYY-MM-DD headline` header.
//!
//! Every later layer points into an [`Article`] by byte range of its original text, so the
//! text is kept exactly as read: no decoding with replacement, no line-ending changes. A file
//! that is not UTF-8 is refused rather than silently altered (offsets would no longer match
//! the file on disk).

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

/// One report, its text exactly as read, and what the loader learnt about it.
#[derive(Clone, Debug)]
pub struct Article {
    /// Where it came from.
    pub source: Source,
    /// The full text as read (including the header line, if any).
    pub text: Arc<str>,
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
    /// Over [`MAX_ARTICLE_BYTES`].
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

/// Reads a report from disk, refusing anything that is not a plain-text report.
pub fn load_path(path: &Path) -> Result<Article, LoadError> {
    let metadata = std::fs::metadata(path).map_err(|err| LoadError::from_io(path, err))?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.display().to_string(),
        });
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.display().to_string(),
            size: metadata.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(|err| LoadError::from_io(path, err))?;
    // Read one byte past the limit: special files (pipes, /dev/zero) report a length of 0.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| LoadError::from_io(path, err))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.display().to_string(),
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    from_bytes(Source::File(path.to_path_buf()), bytes)
}

/// Builds a report from bytes already in memory (bundled sample, clipboard, tests).
pub fn from_bytes(source: Source, bytes: Vec<u8>) -> Result<Article, LoadError> {
    let name = source.to_string();
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: name,
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
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
        let (title, date, body) = match header {
            Some(header) => {
                if let Some(bad) = header.bad_date {
                    warnings.push(format!(
                        "the header date “{bad}” is not a real date; set the date by hand"
                    ));
                }
                let title = if header.headline.is_empty() {
                    title_from_text(&text[header.body_start..])
                } else {
                    header.headline
                };
                (title, header.date, header.body_start..text.len())
            }
            None => (title_from_text(&text), None, 0..text.len()),
        };
        let date_origin = if date.is_some() {
            DateOrigin::Header
        } else {
            DateOrigin::Unknown
        };
        Self {
            source,
            text: text.into(),
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

struct Header {
    date: Option<NaiveDate>,
    bad_date: Option<String>,
    headline: String,
    body_start: usize,
}

/// Parses `date YYYY-MM-DD headline` on the first line (leading whitespace and a byte-order
/// mark allowed). A first line that starts with "date" but has no date-shaped word is text.
fn parse_header(text: &str) -> Option<Header> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let line = &text[..line_end];
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
    Some(Header {
        date,
        bad_date: date.is_none().then(|| word.to_owned()),
        headline: rest[word_end..].trim().to_owned(),
        body_start: line_end,
    })
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
    fn hash_is_sha256_hex() {
        assert_eq!(
            content_hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
