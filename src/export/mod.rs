//! What leaves the tool: the reviewed facts as JSON (complete, re-importable), CSV (one row
//! per fact), a Markdown report, schema.org `ClaimReview` JSON-LD and W3C Web Annotation
//! JSON-LD. Everything is built from the review alone (plus the reports' texts when they can
//! be read, for character positions).
//!
//! `ClaimReview` ratings use a documented 1–4 scale (`worstRating` 1, `bestRating` 4): 1
//! confirmed conflict (the reports contradict each other), 2 needs more sourcing, 3 reconciled
//! (the disagreement is settled; see `ratingExplanation`), 4 not a conflict (the reports agree).
//! Unreviewed items (only with `--all`) carry no `ratingValue`.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::review::{Annotation, Review, Verdict};
use crate::store;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The whole review as JSON; opens again as a review.
    Json,
    /// One row per reviewed fact.
    Csv,
    /// A readable report.
    Markdown,
    /// schema.org `ClaimReview` JSON-LD.
    ClaimReview,
    /// W3C Web Annotation JSON-LD.
    WebAnnotation,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 5] = [
        Self::Json,
        Self::Csv,
        Self::Markdown,
        Self::ClaimReview,
        Self::WebAnnotation,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::ClaimReview => "claimreview",
            Self::WebAnnotation => "webanno",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Json => "JSON (complete, opens again as a review)",
            Self::Csv => "CSV (one row per fact)",
            Self::Markdown => "Markdown report",
            Self::ClaimReview => "schema.org ClaimReview (JSON-LD)",
            Self::WebAnnotation => "W3C Web Annotation (JSON-LD)",
        }
    }

    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::ClaimReview => "claimreview.jsonld",
            Self::WebAnnotation => "webanno.jsonld",
        }
    }

    /// Parses a command-line name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Serialising failed (should not happen with valid data).
    #[error("could not write {format}: {message}")]
    Encode {
        /// Format name.
        format: &'static str,
        /// Cause.
        message: String,
    },
}

/// The annotations an export includes: reviewed ones, or all with `all`.
fn selected(review: &Review, all: bool) -> Vec<&Annotation> {
    review
        .annotations
        .iter()
        .filter(|a| all || a.is_reviewed())
        .collect()
}

/// Exports a review. `texts` holds each review article's text when it could be read (for
/// character positions in Web Annotation selectors); pass an empty slice when unknown.
pub fn export_with_texts(
    format: Format,
    review: &Review,
    all: bool,
    texts: &[Option<String>],
) -> Result<String, ExportError> {
    let items = selected(review, all);
    match format {
        Format::Json => json_export(review, &items),
        Format::Csv => csv_export(review, &items),
        Format::Markdown => Ok(markdown_export(review, &items)),
        Format::ClaimReview => pretty(&claim_review_export(review, &items), format),
        Format::WebAnnotation => pretty(&web_annotation_export(review, &items, texts), format),
    }
}

/// Exports a review without the reports' texts.
pub fn export(format: Format, review: &Review, all: bool) -> Result<String, ExportError> {
    export_with_texts(format, review, all, &[])
}

fn pretty(value: &Value, format: Format) -> Result<String, ExportError> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|err| ExportError::Encode {
            format: format.name(),
            message: err.to_string(),
        })
}

fn json_export(review: &Review, items: &[&Annotation]) -> Result<String, ExportError> {
    let subset = Review {
        title: review.title.clone(),
        publisher: review.publisher.clone(),
        articles: review.articles.clone(),
        annotations: items.iter().map(|a| (*a).clone()).collect(),
        next_id: review.new_id(),
    };
    let value = json!({
        "format": store::FORMAT_NAME,
        "version": store::FORMAT_VERSION,
        "title": subset.title,
        "publisher": subset.publisher,
        "articles": subset.articles,
        "annotations": subset.annotations,
        "next_id": subset.next_id,
    });
    pretty(&value, Format::Json)
}

/// A spreadsheet would run a cell starting with `=`, `+`, `@`, a tab, a carriage return, or
/// `-` not followed by a digit as a formula: prefix it with `'` (OWASP's advice).
pub fn neutralize(cell: &str) -> String {
    let mut chars = cell.chars();
    let risky = match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !chars.next().is_some_and(|c| c.is_ascii_digit() || c == '.'),
        _ => false,
    };
    if risky {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn value_text(a: &Annotation) -> (String, String) {
    a.value.map_or((String::new(), String::new()), |v| {
        (v.low.to_string(), v.high.to_string())
    })
}

fn csv_export(review: &Review, items: &[&Annotation]) -> Result<String, ExportError> {
    let fail = |err: csv::Error| ExportError::Encode {
        format: "csv",
        message: err.to_string(),
    };
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut header: Vec<String> = [
        "id",
        "subject",
        "kind",
        "verdict",
        "reconciled",
        "value_low",
        "value_high",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for i in 0..review.articles.len() {
        header.push(format!("report_{}_value", i + 1));
        header.push(format!("report_{}_quote", i + 1));
    }
    header.extend(
        [
            "sides_with",
            "note",
            "sources",
            "tags",
            "reviewer",
            "modified",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    writer.write_record(&header).map_err(fail)?;
    for a in items {
        let (low, high) = value_text(a);
        let mut row = vec![
            a.id.to_string(),
            a.subject.clone(),
            a.kind.name().to_owned(),
            a.verdict.name().to_owned(),
            a.reconciled.clone(),
            low,
            high,
        ];
        for i in 0..review.articles.len() {
            let anchors: Vec<_> = a.anchors.iter().filter(|x| x.article == i).collect();
            row.push(
                anchors
                    .iter()
                    .map(|x| x.value.as_str())
                    .filter(|v| !v.is_empty())
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            row.push(
                anchors
                    .iter()
                    .map(|x| x.exact.as_str())
                    .collect::<Vec<_>>()
                    .join(" … "),
            );
        }
        row.push(
            a.sides_with
                .iter()
                .map(|&i| format!("report_{}", i + 1))
                .collect::<Vec<_>>()
                .join("; "),
        );
        row.push(a.note.clone());
        row.push(a.sources.join("\n"));
        row.push(a.tags.join(", "));
        row.push(a.reviewer.clone());
        row.push(a.modified.to_rfc3339());
        let row: Vec<String> = row.iter().map(|c| neutralize(c)).collect();
        writer.write_record(&row).map_err(fail)?;
    }
    let bytes = writer.into_inner().map_err(|err| ExportError::Encode {
        format: "csv",
        message: err.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|err| ExportError::Encode {
        format: "csv",
        message: err.to_string(),
    })
}

/// Escapes user text for Markdown: no markup, no HTML, one line.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|'
            | '~' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// What a finding of this kind is about, as an editor reads it.
fn kind_in_words(kind: crate::analysis::Kind) -> &'static str {
    use crate::analysis::Kind;
    match kind {
        Kind::Number => "figures",
        Kind::People => "who was named",
        Kind::Date => "dates and times",
        Kind::Spelling => "spelling of a name",
        Kind::OnlyInOne => "only in one report",
        Kind::Statement => "a statement",
    }
}

fn markdown_export(review: &Review, items: &[&Annotation]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Fact-check review\n");
    let _ = writeln!(out, "## Reports\n");
    for (i, a) in review.articles.iter().enumerate() {
        let date = a.date.map_or_else(
            || "date unknown".to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
        // The file's name, not where it lies on the reviewer's disk; an address as it is.
        let file = if a.path.contains("://") {
            a.path.clone()
        } else {
            std::path::Path::new(&a.path)
                .file_name()
                .map_or_else(|| a.path.clone(), |n| n.to_string_lossy().into_owned())
        };
        let _ = writeln!(
            out,
            "{}. **{}** — {} ({date})",
            i + 1,
            escape_markdown(&a.title),
            escape_markdown(&file)
        );
    }
    let _ = writeln!(out, "\n## Reviewed facts ({})\n", items.len());
    for (n, a) in items.iter().enumerate() {
        let _ = writeln!(
            out,
            "### {}. {} ({})\n",
            n + 1,
            escape_markdown(&a.subject),
            kind_in_words(a.kind)
        );
        let _ = writeln!(out, "| Report | Quote | Value |");
        let _ = writeln!(out, "| --- | --- | --- |");
        for anchor in &a.anchors {
            let title = review.articles.get(anchor.article).map_or_else(
                || format!("report {}", anchor.article + 1),
                |r| r.title.clone(),
            );
            let _ = writeln!(
                out,
                "| {}. {} | “{}” | {} |",
                anchor.article + 1,
                escape_markdown(&title),
                escape_markdown(&anchor.exact),
                escape_markdown(&crate::analysis::readable(&anchor.value))
            );
        }
        let _ = writeln!(out, "\n**Verdict:** {}", a.verdict.label());
        if !a.reconciled.is_empty() {
            let _ = writeln!(
                out,
                "\n**Reconciled fact:** {}",
                escape_markdown(&a.reconciled)
            );
        }
        if let Some(v) = a.value {
            if v.low.to_bits() == v.high.to_bits() {
                let _ = writeln!(out, "\n**Value:** {}", v.low);
            } else {
                let _ = writeln!(out, "\n**Value:** {} to {}", v.low, v.high);
            }
        }
        if !a.sides_with.is_empty() {
            let sides: Vec<String> = a
                .sides_with
                .iter()
                .map(|i| format!("report {}", i + 1))
                .collect();
            let _ = writeln!(out, "\n**Sides with:** {}", sides.join(", "));
        }
        if !a.note.is_empty() {
            let _ = writeln!(out, "\n**Note:** {}", escape_markdown(&a.note));
        }
        if !a.sources.is_empty() {
            let _ = writeln!(out, "\n**Sources:**\n");
            for s in &a.sources {
                let _ = writeln!(out, "- {}", escape_markdown(s));
            }
        }
        if !a.tags.is_empty() {
            let tags: Vec<String> = a.tags.iter().map(|t| escape_markdown(t)).collect();
            let _ = writeln!(out, "\n**Tags:** {}", tags.join(", "));
        }
        let _ = writeln!(
            out,
            "\n_{}{}_\n",
            if a.reviewer.is_empty() {
                String::new()
            } else {
                format!("{} · ", escape_markdown(&a.reviewer))
            },
            a.modified.format("%Y-%m-%d %H:%M UTC")
        );
    }
    out
}

/// The rating of a verdict on the documented 1–4 scale.
pub fn rating(verdict: Verdict) -> Option<u8> {
    match verdict {
        Verdict::Unreviewed => None,
        Verdict::ConfirmedConflict => Some(1),
        Verdict::NeedsSourcing => Some(2),
        Verdict::Reconciled => Some(3),
        Verdict::NotAConflict => Some(4),
    }
}

fn url_of(path: &str) -> Option<&str> {
    (path.starts_with("http://") || path.starts_with("https://")).then_some(path)
}

fn claim_review_export(review: &Review, items: &[&Annotation]) -> Value {
    let reviews: Vec<Value> = items
        .iter()
        .map(|a| {
            let mut appearances = Vec::new();
            for (i, article) in review.articles.iter().enumerate() {
                let quotes: Vec<&str> = a
                    .anchors
                    .iter()
                    .filter(|x| x.article == i)
                    .map(|x| x.exact.as_str())
                    .collect();
                if quotes.is_empty() {
                    continue;
                }
                let mut work = json!({
                    "@type": "CreativeWork",
                    "headline": article.title,
                    "text": quotes.join(" … "),
                    "identifier": article.path,
                });
                if let Some(date) = article.date {
                    work["datePublished"] = json!(date.format("%Y-%m-%d").to_string());
                }
                if let Some(url) = url_of(&article.path) {
                    work["url"] = json!(url);
                }
                appearances.push(work);
            }
            let mut rating = json!({
                "@type": "Rating",
                "worstRating": 1,
                "bestRating": 4,
                "alternateName": a.verdict.label(),
                "ratingExplanation": a.reconciled,
            });
            if let Some(value) = self::rating(a.verdict) {
                rating["ratingValue"] = json!(value);
            }
            let author = if a.reviewer.is_empty() {
                json!({"@type": "Organization", "name": "crosscheck"})
            } else {
                json!({"@type": "Person", "name": a.reviewer})
            };
            json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": a.subject,
                "reviewRating": rating,
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": appearances,
                },
                "author": author,
                "datePublished": a.modified.format("%Y-%m-%d").to_string(),
                "keywords": a.tags,
            })
        })
        .collect();
    Value::Array(reviews)
}

fn char_offset(text: &str, byte: usize) -> Option<usize> {
    text.is_char_boundary(byte)
        .then(|| text[..byte].chars().count())
}

fn web_annotation_export(
    review: &Review,
    items: &[&Annotation],
    texts: &[Option<String>],
) -> Value {
    let targets = |a: &Annotation| -> Vec<Value> {
        a.anchors
            .iter()
            .map(|x| {
                let source = review
                    .articles
                    .get(x.article)
                    .map_or_else(String::new, |r| r.path.clone());
                let mut selectors = vec![json!({
                    "type": "TextQuoteSelector",
                    "exact": x.exact,
                    "prefix": x.prefix,
                    "suffix": x.suffix,
                })];
                // Positions are in characters; they need the text (byte offsets are stored).
                if let Some(Some(text)) = texts.get(x.article)
                    && let (Some(start), Some(end)) =
                        (char_offset(text, x.start), char_offset(text, x.end))
                {
                    selectors
                        .push(json!({"type": "TextPositionSelector", "start": start, "end": end}));
                }
                json!({"source": source, "selector": selectors})
            })
            .collect()
    };
    let mut annotations = Vec::new();
    for a in items {
        let creator = json!({"type": "Person", "name": if a.reviewer.is_empty() { "crosscheck" } else { &a.reviewer }});
        let base = |suffix: &str, motivation: &str, body: String| {
            json!({
                "id": format!("urn:crosscheck:annotation:{}:{suffix}", a.id),
                "type": "Annotation",
                "motivation": motivation,
                "body": {"type": "TextualBody", "value": body, "format": "text/plain", "language": "en"},
                "target": targets(a),
                "creator": creator,
                "created": a.created.to_rfc3339(),
                "modified": a.modified.to_rfc3339(),
            })
        };
        annotations.push(base(
            "linking",
            "linking",
            format!("{} ({})", a.subject, a.kind.name()),
        ));
        let mut assessment = a.verdict.label().to_owned();
        if !a.reconciled.is_empty() {
            let _ = write!(assessment, ": {}", a.reconciled);
        }
        annotations.push(base("verdict", "assessing", assessment));
        if !a.note.is_empty() {
            annotations.push(base("note", "commenting", a.note.clone()));
        }
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:crosscheck:review",
        "type": "AnnotationCollection",
        "label": "crosscheck review",
        "total": annotations.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": annotations,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralized() {
        assert_eq!(neutralize("=1+1"), "'=1+1");
        assert_eq!(neutralize("+cmd"), "'+cmd");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("-x"), "'-x");
        assert_eq!(neutralize("-5"), "-5");
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("plain"), "plain");
    }

    #[test]
    fn markdown_escapes_markup_and_html() {
        assert_eq!(
            escape_markdown("a|b *c* <script>"),
            "a\\|b \\*c\\* &lt;script\\>"
        );
    }

    #[test]
    fn formats_parse_by_name() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
        assert_eq!(Format::parse("pdf"), None);
    }
}
