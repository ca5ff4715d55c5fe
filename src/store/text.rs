//! The review file's text, written and read directly rather than through serde.
//!
//! ron's serde serializer escapes strings one character at a time, and its deserializer goes
//! through serde's generic field matching; for a review of 10,000 annotations (11 MB) that took
//! about 65 ms to write and 78 ms to read, most of the 100 ms budget for save and open.
//!
//! [`write`] produces byte for byte what `ron::ser::to_string_pretty` writes with the file's
//! settings (two-space indent, no struct names), and [`read`] reads that layout with any
//! whitespace and fields in any order. Anything else that is valid RON (comments, struct names,
//! unknown fields, other escapes) makes [`read`] give up, and the caller falls back to the ron
//! crate, which also says where a damaged file is damaged. tests/review.rs checks both
//! directions against ron on random reviews, so a field added to a type and not here fails there.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use super::ReviewFile;
use crate::analysis::Kind;
use crate::review::{Anchor, Annotation, ReviewedArticle, ValueRange, Verdict};

// ---------------------------------------------------------------------------------------------
// Writing.

/// Pretty RON with two-space indentation.
struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// `name: ` at the current depth.
    fn key(&mut self, name: &str) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": ");
    }

    /// A field whose value is written by `Display` (numbers, identifiers).
    fn plain(&mut self, name: &str, value: impl std::fmt::Display) {
        self.key(name);
        let _ = write!(self.out, "{value}");
        self.out.push_str(",\n");
    }

    fn string_field(&mut self, name: &str, value: &str) {
        self.key(name);
        self.string(value);
        self.out.push_str(",\n");
    }

    /// A string literal, escaped as `char::escape_debug` escapes (as ron does).
    fn string(&mut self, value: &str) {
        self.out.push('"');
        let mut rest = value;
        while let Some(i) = rest
            .bytes()
            .position(|b| !(b' '..=b'~').contains(&b) || matches!(b, b'"' | b'\'' | b'\\'))
        {
            self.out.push_str(&rest[..i]);
            let c = rest[i..].chars().next().unwrap_or_default();
            for e in c.escape_debug() {
                self.out.push(e);
            }
            rest = &rest[i + c.len_utf8()..];
        }
        self.out.push_str(rest);
        self.out.push('"');
    }

    /// Opens `name: (` or `name: [` (or a bare one inside a list).
    fn open(&mut self, name: Option<&str>, bracket: &str) {
        match name {
            Some(name) => self.key(name),
            None => self.indent(),
        }
        self.out.push_str(bracket);
        self.out.push('\n');
        self.depth += 1;
    }

    fn close(&mut self, bracket: &str) {
        self.depth -= 1;
        self.indent();
        self.out.push_str(bracket);
        self.out.push_str(",\n");
    }

    /// A list field: `name: []` when empty, else one item per line.
    fn list<T>(&mut self, name: &str, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        if items.is_empty() {
            self.plain(name, "[]");
            return;
        }
        self.open(Some(name), "[");
        for x in items {
            item(self, x);
        }
        self.close("]");
    }

    fn article(&mut self, article: &ReviewedArticle) {
        self.open(None, "(");
        self.string_field("path", &article.path);
        self.string_field("hash", &article.hash);
        self.string_field("title", &article.title);
        match article.date {
            Some(date) => {
                self.key("date");
                self.out.push_str("Some(");
                self.string(&format!("{date:?}"));
                self.out.push_str("),\n");
            }
            None => self.plain("date", "None"),
        }
        self.close(")");
    }

    fn anchor(&mut self, anchor: &Anchor) {
        self.open(None, "(");
        self.plain("article", anchor.article);
        self.plain("start", anchor.start);
        self.plain("end", anchor.end);
        self.string_field("exact", &anchor.exact);
        self.string_field("prefix", &anchor.prefix);
        self.string_field("suffix", &anchor.suffix);
        if !anchor.value.is_empty() {
            self.string_field("value", &anchor.value);
        }
        self.close(")");
    }

    fn annotation(&mut self, a: &Annotation) {
        self.open(None, "(");
        self.plain("id", a.id);
        self.plain("kind", a.kind.name());
        self.string_field("subject", &a.subject);
        self.plain("from_engine", a.from_engine);
        self.list("anchors", &a.anchors, Writer::anchor);
        self.plain("verdict", a.verdict.name());
        if !a.reconciled.is_empty() {
            self.string_field("reconciled", &a.reconciled);
        }
        if let Some(value) = a.value {
            self.open(Some("value"), "Some((");
            self.plain("low", format_args!("{:?}", value.low));
            self.plain("high", format_args!("{:?}", value.high));
            self.close("))");
        }
        if !a.sides_with.is_empty() {
            self.list("sides_with", &a.sides_with, |w, i| {
                w.indent();
                let _ = writeln!(w.out, "{i},");
            });
        }
        if !a.note.is_empty() {
            self.string_field("note", &a.note);
        }
        for (name, items) in [("sources", &a.sources), ("tags", &a.tags)] {
            if !items.is_empty() {
                self.list(name, items, |w, s| {
                    w.indent();
                    w.string(s);
                    w.out.push_str(",\n");
                });
            }
        }
        if !a.reviewer.is_empty() {
            self.string_field("reviewer", &a.reviewer);
        }
        self.string_field("created", &time(a.created));
        self.string_field("modified", &time(a.modified));
        self.close(")");
    }
}

/// As chrono's serde writes a UTC time.
fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The file's text, without the final newline (as ron writes it).
pub(super) fn write(
    articles: &[ReviewedArticle],
    annotations: &[&Annotation],
    next_id: u64,
) -> String {
    // About 1.1 KB per annotation in practice; reserving avoids most regrowth.
    let mut w = Writer {
        out: String::with_capacity(1024 + annotations.len() * 1200),
        depth: 0,
    };
    w.out.push_str("(\n");
    w.depth = 1;
    w.string_field("format", super::FORMAT_NAME);
    w.plain("version", super::FORMAT_VERSION);
    w.list("articles", articles, Writer::article);
    w.list("annotations", annotations, |w, a| w.annotation(a));
    w.plain("next_id", next_id);
    w.out.push(')');
    w.out
}

/// The recovery file's text: the review file's text as one escaped string, with where it
/// belongs and when it was written (ron reads it back; it is read once, at start).
pub(super) fn write_recovery(
    review_path: Option<&std::path::Path>,
    saved_at: DateTime<Utc>,
    review: &str,
) -> String {
    let mut w = Writer {
        out: String::with_capacity(review.len() + review.len() / 8 + 256),
        depth: 0,
    };
    w.out.push_str("(\n");
    w.depth = 1;
    match review_path {
        Some(path) => {
            w.key("review_path");
            w.out.push_str("Some(");
            w.string(&path.to_string_lossy());
            w.out.push_str("),\n");
        }
        None => w.plain("review_path", "None"),
    }
    w.string_field("saved_at", &time(saved_at));
    w.string_field("review", review);
    w.out.push_str(")\n");
    w.out
}

// ---------------------------------------------------------------------------------------------
// Reading. Every function returns `None` on anything unexpected; the caller then asks ron.

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn skip_space(&mut self) {
        let bytes = self.text.as_bytes();
        while bytes.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    /// Consumes `token` after optional whitespace.
    fn eat(&mut self, token: &str) -> Option<()> {
        self.skip_space();
        self.text[self.pos..].starts_with(token).then(|| {
            self.pos += token.len();
        })
    }

    /// Whether the next token is `token` (consumed if so).
    fn at(&mut self, token: &str) -> bool {
        self.eat(token).is_some()
    }

    fn ident(&mut self) -> Option<&'a str> {
        self.skip_space();
        let rest = &self.text[self.pos..];
        let len = rest
            .bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'_'))
            .unwrap_or(rest.len());
        (len > 0).then(|| {
            self.pos += len;
            &rest[..len]
        })
    }

    /// A token of a number: digits, sign, point, exponent, `inf`, `NaN`.
    fn number<T: std::str::FromStr>(&mut self) -> Option<T> {
        self.skip_space();
        let rest = &self.text[self.pos..];
        let len = rest
            .bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+')))
            .unwrap_or(rest.len());
        let value = rest[..len].parse().ok()?;
        self.pos += len;
        Some(value)
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    fn string(&mut self) -> Option<String> {
        self.eat("\"")?;
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        let mut from = self.pos;
        loop {
            let i = from
                + bytes[from..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.text[from..i]);
            if bytes[i] == b'"' {
                self.pos = i + 1;
                return Some(out);
            }
            let (c, len) = match bytes.get(i + 1)? {
                b'n' => ('\n', 2),
                b't' => ('\t', 2),
                b'r' => ('\r', 2),
                b'0' => ('\0', 2),
                b'\\' => ('\\', 2),
                b'"' => ('"', 2),
                b'\'' => ('\'', 2),
                b'u' => {
                    let rest = self.text.get(i + 2..)?.strip_prefix('{')?;
                    let close = rest.find('}')?;
                    let code = u32::from_str_radix(&rest[..close], 16).ok()?;
                    (char::from_u32(code)?, 2 + 1 + close + 1)
                }
                _ => return None,
            };
            out.push(c);
            from = i + len;
        }
    }

    /// `[ item, item, ]` with an optional trailing comma.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat("[")?;
        let mut items = Vec::new();
        loop {
            if self.at("]") {
                return Some(items);
            }
            items.push(item(self)?);
            if !self.at(",") {
                self.eat("]")?;
                return Some(items);
            }
        }
    }

    /// `( name: value, … )`, calling `field` with each name to read its value.
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &str) -> Option<()>) -> Option<()> {
        self.eat("(")?;
        loop {
            if self.at(")") {
                return Some(());
            }
            let name = self.ident()?;
            self.eat(":")?;
            field(self, name)?;
            if !self.at(",") {
                return self.eat(")");
            }
        }
    }

    /// `None` or `Some(value)`, into `slot`.
    fn option<T>(
        &mut self,
        slot: &mut Option<T>,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<()> {
        if self.at("None") {
            *slot = None;
            return Some(());
        }
        self.eat("Some(")?;
        *slot = Some(value(self)?);
        self.eat(")")
    }

    fn time(&mut self) -> Option<DateTime<Utc>> {
        self.string()?.parse().ok()
    }

    fn article(&mut self) -> Option<ReviewedArticle> {
        let (mut path, mut hash, mut title, mut date) = (None, None, None, None);
        self.fields(|r, name| {
            match name {
                "path" => path = Some(r.string()?),
                "hash" => hash = Some(r.string()?),
                "title" => title = Some(r.string()?),
                "date" => {
                    r.option(&mut date, |r| r.string()?.parse::<NaiveDate>().ok())?;
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(ReviewedArticle {
            path: path?,
            hash: hash?,
            title: title?,
            date,
        })
    }

    fn anchor(&mut self) -> Option<Anchor> {
        let (mut article, mut start, mut end) = (None, None, None);
        let (mut exact, mut prefix, mut suffix) = (None, None, None);
        let mut value = String::new();
        self.fields(|r, name| {
            match name {
                "article" => article = Some(r.number()?),
                "start" => start = Some(r.number()?),
                "end" => end = Some(r.number()?),
                "exact" => exact = Some(r.string()?),
                "prefix" => prefix = Some(r.string()?),
                "suffix" => suffix = Some(r.string()?),
                "value" => value = r.string()?,
                _ => return None,
            }
            Some(())
        })?;
        Some(Anchor {
            article: article?,
            start: start?,
            end: end?,
            exact: exact?,
            prefix: prefix?,
            suffix: suffix?,
            value,
        })
    }

    fn value_range(&mut self) -> Option<ValueRange> {
        let (mut low, mut high) = (None, None);
        self.fields(|r, name| {
            match name {
                "low" => low = Some(r.number()?),
                "high" => high = Some(r.number()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(ValueRange {
            low: low?,
            high: high?,
        })
    }

    fn annotation(&mut self) -> Option<Annotation> {
        let (mut id, mut kind, mut subject, mut anchors) = (None, None, None, None);
        let (mut created, mut modified) = (None, None);
        let (mut from_engine, mut verdict, mut value) = (false, Verdict::default(), None);
        let (mut reconciled, mut note, mut reviewer) =
            (String::new(), String::new(), String::new());
        let (mut sides_with, mut sources, mut tags) = (Vec::new(), Vec::new(), Vec::new());
        self.fields(|r, name| {
            match name {
                "id" => id = Some(r.number()?),
                "kind" => {
                    let name = r.ident()?;
                    kind = Some(Kind::ALL.into_iter().find(|k| k.name() == name)?);
                }
                "subject" => subject = Some(r.string()?),
                "from_engine" => from_engine = r.boolean()?,
                "anchors" => anchors = Some(r.list(Reader::anchor)?),
                "verdict" => {
                    let name = r.ident()?;
                    verdict = Verdict::ALL.into_iter().find(|v| v.name() == name)?;
                }
                "reconciled" => reconciled = r.string()?,
                "value" => r.option(&mut value, Reader::value_range)?,
                "sides_with" => sides_with = r.list(Reader::number)?,
                "note" => note = r.string()?,
                "sources" => sources = r.list(Reader::string)?,
                "tags" => tags = r.list(Reader::string)?,
                "reviewer" => reviewer = r.string()?,
                "created" => created = Some(r.time()?),
                "modified" => modified = Some(r.time()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Annotation {
            id: id?,
            kind: kind?,
            subject: subject?,
            from_engine,
            anchors: anchors?,
            verdict,
            reconciled,
            value,
            sides_with,
            note,
            sources,
            tags,
            reviewer,
            created: created?,
            modified: modified?,
        })
    }
}

/// Reads a review file in the layout [`write`] produces; `None` for anything else.
pub(super) fn read(text: &str) -> Option<ReviewFile> {
    let mut r = Reader { text, pos: 0 };
    let (mut format, mut version, mut articles, mut annotations) = (None, None, None, None);
    let mut next_id = 0;
    r.fields(|r, name| {
        match name {
            "format" => format = Some(r.string()?),
            "version" => version = Some(r.number()?),
            "articles" => articles = Some(r.list(Reader::article)?),
            "annotations" => annotations = Some(r.list(Reader::annotation)?),
            "next_id" => next_id = r.number()?,
            _ => return None,
        }
        Some(())
    })?;
    r.skip_space();
    (r.pos == text.len()).then_some(())?;
    Some(ReviewFile {
        format: format?,
        version: version?,
        articles: articles?,
        annotations: annotations?,
        next_id,
    })
}
