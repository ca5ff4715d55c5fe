//! Review files: `annotations/<name>.ron`, a readable RON document with a format name and
//! version, the reports reviewed and the annotations in id order (so git diffs stay small and
//! merges clean). Saving writes a temporary file in the same folder, flushes it to disk and
//! renames it over the old one, so a crash mid-save leaves the old file whole.
//!
//! A file that could not be read is never written over: the caller only saves to a path it
//! opened successfully (or one the user chose), and [`check_unchanged`] refuses to overwrite a
//! file another program changed since it was opened.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::review::{Annotation, Publisher, Review, ReviewedArticle};

/// The `format` field of every review file.
pub const FORMAT_NAME: &str = "crosscheck-review";
/// The version this build writes. Files of this version or older open; newer ones are refused
/// with a message rather than misread.
///
/// Version 2 added the review's title and publisher, report metadata (outlet, address,
/// authors, publication time) and each annotation's claim and address; an older crosscheck
/// would drop them on saving, so it is told the file is newer instead.
pub const FORMAT_VERSION: u32 = 2;
/// Largest review file read, in bytes (10,000 annotations take about 11 MB).
pub const MAX_REVIEW_BYTES: u64 = 256 * 1024 * 1024;

/// The file's shape, as read.
#[derive(Deserialize)]
struct ReviewFile {
    format: String,
    version: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    publisher: Publisher,
    articles: Vec<ReviewedArticle>,
    annotations: Vec<Annotation>,
    #[serde(default)]
    next_id: u64,
}

/// The file's shape, as written (borrowing the review).
#[derive(Serialize)]
struct ReviewFileRef<'a> {
    format: &'a str,
    version: u32,
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    url: &'a str,
    #[serde(skip_serializing_if = "Publisher::is_empty")]
    publisher: &'a Publisher,
    articles: &'a [ReviewedArticle],
    annotations: Vec<&'a Annotation>,
    next_id: u64,
}

/// How review and recovery files are written: two-space indentation, no struct names, and
/// strings as they are (an apostrophe stays an apostrophe, a note's line breaks stay line
/// breaks; a string holding a quote mark is written as a raw string `r#"…"#`).
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(false)
}

/// Only the fields needed to decide whether the rest can be read.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
}

/// Why a review could not be read or written. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read.
    #[error("{path}: could not be read: {source}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Not RON, or not a review.
    #[error(
        "{path}: damaged review file at line {line}, column {column}: {message}; the file was left untouched"
    )]
    Damaged {
        /// The file.
        path: String,
        /// Where.
        line: usize,
        /// Where.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Valid RON of something else.
    #[error("{path}: not a crosscheck review (no `format: \"{FORMAT_NAME}\"`)")]
    NotAReview {
        /// The file.
        path: String,
    },
    /// Written by a newer crosscheck.
    #[error(
        "{path}: written by a newer crosscheck (format version {version}, this one reads up to {FORMAT_VERSION}); update crosscheck to open it"
    )]
    NewerVersion {
        /// The file.
        path: String,
        /// Its version.
        version: u32,
    },
    /// Over [`MAX_REVIEW_BYTES`].
    #[error("{path}: {size} bytes is too large for a review file")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
    },
    /// Another program changed the file since it was opened or saved.
    #[error("{path}: changed on disk since it was opened; save under another name, or reopen it")]
    ChangedOnDisk {
        /// The file.
        path: String,
    },
    /// The write failed; the old file (if any) is unchanged.
    #[error(
        "{path}: could not be saved ({reason}); the previous version is unchanged and your work is kept"
    )]
    Write {
        /// The file.
        path: String,
        /// Read-only folder, full disk, …
        reason: String,
    },
}

/// What was on disk when a review was read or written, to notice outside changes.
///
/// A fast non-cryptographic hash (`FxHash`) and the length: it guards against another program's
/// edits, not against an adversary, and SHA-256 would cost a third of opening a large review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Length in bytes.
    pub len: u64,
    /// `FxHash` of the bytes.
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of some bytes.
    pub fn of(bytes: &[u8]) -> Self {
        use std::hash::Hasher as _;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(bytes);
        Self {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }
}

/// Serialises a review to the file's text: RON through serde, annotations in id order.
///
/// # Errors
///
/// Only if serde cannot represent a value; nothing is written then.
pub fn to_ron(review: &Review) -> Result<String, ron::Error> {
    let mut annotations: Vec<&Annotation> = review.annotations.iter().collect();
    annotations.sort_by_key(|a| a.id);
    let file = ReviewFileRef {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        title: &review.title,
        url: &review.url,
        publisher: &review.publisher,
        articles: &review.articles,
        annotations,
        next_id: review.new_id(),
    };
    let mut s = ron::ser::to_string_pretty(&file, pretty())?;
    s.push('\n');
    Ok(s)
}

/// The error of a review that could not be serialised, for `path`.
fn unwritable(path: &Path, err: &ron::Error) -> StoreError {
    StoreError::Write {
        path: path.display().to_string(),
        reason: format!("the review could not be written as RON ({err})"),
    }
}

/// Parses a review from the JSON export (which is a review file in JSON).
pub fn from_json(text: &str, path: &str) -> Result<Review, StoreError> {
    let damaged = |err: serde_json::Error| StoreError::Damaged {
        path: path.to_owned(),
        line: err.line(),
        column: err.column(),
        message: err.to_string(),
    };
    match serde_json::from_str::<ReviewFile>(text) {
        Ok(file) => {
            check_header(&file.format, file.version, path)?;
            Ok(into_review(file))
        }
        Err(err) => {
            let header: Header = serde_json::from_str(text).map_err(damaged)?;
            check_header(&header.format, header.version, path)?;
            Err(damaged(err))
        }
    }
}

/// Refuses files of another format or of a newer version.
fn check_header(format: &str, version: u32, path: &str) -> Result<(), StoreError> {
    if format != FORMAT_NAME {
        return Err(StoreError::NotAReview {
            path: path.to_owned(),
        });
    }
    if version > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            version,
        });
    }
    Ok(())
}

fn into_review(file: ReviewFile) -> Review {
    let mut review = Review {
        title: file.title,
        url: file.url,
        publisher: file.publisher,
        articles: file.articles,
        annotations: file.annotations,
        next_id: file.next_id,
    };
    review.annotations.sort_by_key(|a| a.id);
    review.annotations.dedup_by_key(|a| a.id);
    review
}

/// Parses a review file's text; `path` is only for messages.
pub fn from_ron(text: &str, path: &str) -> Result<Review, StoreError> {
    let damaged = |err: ron::error::SpannedError| StoreError::Damaged {
        path: path.to_owned(),
        line: err.span.start.line,
        column: err.span.start.col,
        message: err.code.to_string(),
    };
    // The header alone is read only to explain a failure.
    match ron::from_str::<ReviewFile>(text) {
        Ok(file) => {
            check_header(&file.format, file.version, path)?;
            Ok(into_review(file))
        }
        Err(err) => {
            let header: Header = ron::from_str(text).map_err(damaged)?;
            check_header(&header.format, header.version, path)?;
            Err(damaged(err))
        }
    }
}

/// Whether the file at `path` is a review file (RON or the JSON export), judged by the
/// format name near its start, so that a review given where reports are expected opens as a
/// review.
pub fn is_review_file(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = Vec::with_capacity(512);
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if file.take(512).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    compact.contains(&format!("format:\"{FORMAT_NAME}\""))
        || compact.contains(&format!("\"format\":\"{FORMAT_NAME}\""))
}

/// Reads a review file.
pub fn load(path: &Path) -> Result<(Review, Fingerprint), StoreError> {
    let name = path.display().to_string();
    let read_err = |source| StoreError::Read {
        path: name.clone(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_err)?;
    if metadata.len() > MAX_REVIEW_BYTES {
        return Err(StoreError::TooLarge {
            path: name,
            size: metadata.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let text = std::str::from_utf8(&bytes).map_err(|err| StoreError::Damaged {
        path: name.clone(),
        line: 0,
        column: 0,
        message: format!("not UTF-8 text (byte offset {})", err.valid_up_to()),
    })?;
    // A JSON export opens as a review too.
    let review = if text.trim_start().starts_with('{') {
        from_json(text, &name)?
    } else {
        from_ron(text, &name)?
    };
    Ok((review, Fingerprint::of(&bytes)))
}

/// Refuses to write over `path` if it changed since `fingerprint` was taken.
pub fn check_unchanged(path: &Path, fingerprint: Option<&Fingerprint>) -> Result<(), StoreError> {
    let Some(fingerprint) = fingerprint else {
        return Ok(());
    };
    match std::fs::read(path) {
        Ok(bytes) if Fingerprint::of(&bytes) != *fingerprint => Err(StoreError::ChangedOnDisk {
            path: path.display().to_string(),
        }),
        // Deleted since: writing it again loses nothing.
        _ => Ok(()),
    }
}

fn write_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            "the folder is read-only".to_owned()
        }
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "the disk is full".to_owned()
        }
        std::io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        _ => err.to_string(),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over `path`. A missing folder is created. The file gets the permissions a new
/// file gets from the user's umask (the temporary file would otherwise be private, 0600).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_then(path, bytes, &|| {})
}

/// [`write_atomic`], calling `before_rename` once the new content is on disk and before it
/// replaces the old file (crash tests kill the process there).
pub fn write_atomic_then(
    path: &Path,
    bytes: &[u8],
    before_rename: &dyn Fn(),
) -> Result<(), StoreError> {
    let name = path.display().to_string();
    let fail = |err: &std::io::Error| StoreError::Write {
        path: name.clone(),
        reason: write_reason(err),
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|err| fail(&err))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosscheck-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // The mode given at creation is masked by the umask, as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(|err| fail(&err))?;
    temp.write_all(bytes).map_err(|err| fail(&err))?;
    temp.as_file().sync_all().map_err(|err| fail(&err))?;
    before_rename();
    temp.persist(path).map_err(|err| fail(&err.error))?;
    // Make the rename itself durable where the platform allows.
    if let Ok(dir) = std::fs::File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Saves a review; returns the fingerprint of what was written.
pub fn save(path: &Path, review: &Review) -> Result<Fingerprint, StoreError> {
    let text = to_ron(review).map_err(|err| unwritable(path, &err))?;
    write_atomic(path, text.as_bytes())?;
    Ok(Fingerprint::of(text.as_bytes()))
}

/// Unsaved work kept aside in case of a crash: the review and where it belongs.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Recovery {
    /// The review file it was opened from or will be saved to, if any.
    pub review_path: Option<PathBuf>,
    /// When it was written.
    pub saved_at: chrono::DateTime<chrono::Utc>,
    /// The review, as RON text of a review file.
    pub review: String,
}

/// Writes the recovery file.
pub fn save_recovery(
    path: &Path,
    review: &Review,
    review_path: Option<&Path>,
) -> Result<(), StoreError> {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let recovery = Recovery {
        review_path: review_path.map(Path::to_path_buf),
        saved_at: chrono::Utc::now(),
        review: to_ron(review).map_err(|err| unwritable(path, &err))?,
    };
    let text = ron::ser::to_string_pretty(&recovery, pretty())
        .map_err(|err| unwritable(path, &err))?
        + "\n";
    write_atomic(path, text.as_bytes())
}

/// Reads the recovery file, if there is one.
pub fn load_recovery(path: &Path) -> Option<Result<(Recovery, Review), StoreError>> {
    let bytes = std::fs::read(path).ok()?;
    let name = path.display().to_string();
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|_| StoreError::NotAReview { path: name.clone() })
        .and_then(|text| {
            ron::from_str::<Recovery>(text).map_err(|err| StoreError::Damaged {
                path: name.clone(),
                line: err.span.start.line,
                column: err.span.start.col,
                message: err.code.to_string(),
            })
        })
        .and_then(|recovery| {
            let review = from_ron(&recovery.review, &name)?;
            Ok((recovery, review))
        });
    Some(parsed)
}

/// Removes the recovery file (after a save, or when the user discards it).
pub fn clear_recovery(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// A file name (without extension) for a new review of reports about `title`, published on
/// `date` at the earliest: `2025-04-16-rubio-headed-to-paris-for`. Plain ASCII letters,
/// digits and hyphens, whatever the title holds, so the name works on every file system.
pub fn review_name(date: Option<chrono::NaiveDate>, title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_ascii_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let mut name = date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    for word in words {
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(word);
    }
    if name.is_empty() {
        name.push_str("review");
    }
    name
}

/// A report path as stored in a review next to `review_path`: relative to the review's folder
/// when the report lies below it or beside it, so a review and its reports move together.
pub fn relative_to_review(report: &Path, review_path: &Path) -> String {
    let (Ok(report_abs), Some(dir)) = (std::fs::canonicalize(report), review_path.parent()) else {
        return report.display().to_string();
    };
    let Ok(dir_abs) = std::fs::canonicalize(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return report.display().to_string();
    };
    // Up to two levels up: annotations/../assets/articles/x.txt.
    let mut base = dir_abs.clone();
    let mut ups = String::new();
    for _ in 0..3 {
        if let Ok(rest) = report_abs.strip_prefix(&base) {
            return format!("{ups}{}", rest.display());
        }
        if !base.pop() {
            break;
        }
        ups.push_str("../");
    }
    report_abs.display().to_string()
}

/// Loads a report a review names: the stored path resolved against the review's folder, or,
/// when no such file exists, the bundled sample report of that file name (a review of the
/// sample opens from any folder).
pub fn load_report(
    stored: &str,
    review_path: &Path,
) -> Result<crate::corpus::Article, crate::corpus::LoadError> {
    crate::corpus::load_path(&resolve(stored, review_path)).or_else(|err| {
        let name = Path::new(stored)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        name.and_then(|n| crate::corpus::bundled(&n)).ok_or(err)
    })
}

/// Resolves a stored report path against the review's folder.
pub fn resolve(stored: &str, review_path: &Path) -> PathBuf {
    let path = Path::new(stored);
    if path.is_absolute() {
        return path.to_path_buf();
    }
    review_path
        .parent()
        .map_or_else(|| path.to_path_buf(), |dir| dir.join(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_names_are_plain_words_of_the_date_and_headline() {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 4, 16);
        assert_eq!(
            review_name(date, "Rubio headed to Paris for Ukraine war talks"),
            "2025-04-16-rubio-headed-to-paris-for-ukraine"
        );
        assert_eq!(
            review_name(None, "Zürich: “Fünf” Tote?"),
            "zurich-funf-tote"
        );
        assert_eq!(review_name(None, "…"), "review");
    }

    #[test]
    fn newer_versions_and_other_files_are_refused() {
        let newer =
            format!("(format: \"{FORMAT_NAME}\", version: 99, articles: [], annotations: [])");
        assert!(matches!(
            from_ron(&newer, "r.ron"),
            Err(StoreError::NewerVersion { version: 99, .. })
        ));
        assert!(matches!(
            from_ron("(name: \"x\")", "r.ron"),
            Err(StoreError::NotAReview { .. })
        ));
        let damaged = from_ron(
            "(format: \"crosscheck-review\", version: 1, articles: [",
            "r.ron",
        );
        let Err(StoreError::Damaged { line, .. }) = damaged else {
            panic!("{damaged:?}");
        };
        assert_eq!(line, 1);
    }

    #[test]
    fn the_recovery_file_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("recovery.ron");
        let review = Review {
            articles: vec![ReviewedArticle {
                path: "reports/a \"b\"\n.txt".into(),
                hash: "sha256:00".into(),
                title: "Ünïcode \\ title".into(),
                date: None,
                meta: crate::corpus::Meta::default(),
            }],
            ..Review::default()
        };
        for review_path in [None, Some(Path::new("annotations/ü \"x\".ron"))] {
            save_recovery(&path, &review, review_path).unwrap();
            let Some(Ok((recovery, back))) = load_recovery(&path) else {
                panic!("{:?}", load_recovery(&path));
            };
            assert_eq!(back, review);
            assert_eq!(recovery.review_path.as_deref(), review_path);
        }
    }

    #[test]
    fn an_empty_review_round_trips() {
        let review = Review::default();
        let text = to_ron(&review).unwrap();
        assert!(text.contains("format: \"crosscheck-review\""), "{text}");
        assert_eq!(from_ron(&text, "r.ron").unwrap(), review);
    }

    #[test]
    fn saving_replaces_atomically_and_notices_outside_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.ron");
        let fp = save(&path, &Review::default()).unwrap();
        check_unchanged(&path, Some(&fp)).unwrap();
        std::fs::write(&path, "edited elsewhere").unwrap();
        assert!(matches!(
            check_unchanged(&path, Some(&fp)),
            Err(StoreError::ChangedOnDisk { .. })
        ));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary files left behind");
    }

    #[test]
    fn report_paths_are_stored_relative_to_the_review() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("annotations")).unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        let report = dir.path().join("assets/a.txt");
        std::fs::write(&report, "text").unwrap();
        let review = dir.path().join("annotations/r.ron");
        let stored = relative_to_review(&report, &review);
        assert_eq!(stored, "../assets/a.txt");
        assert_eq!(
            std::fs::canonicalize(resolve(&stored, &review)).unwrap(),
            std::fs::canonicalize(report).unwrap()
        );
    }
}
