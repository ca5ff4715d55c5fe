//! What leaves the tool: the reviewed facts as JSON (complete, re-importable), CSV (one row
//! per fact), a readable report in Markdown or as one HTML page ([`report`]), schema.org
//! `ClaimReview` JSON-LD and W3C Web Annotation JSON-LD. Everything is built from the review
//! alone (plus the reports' texts when they can be read, for character positions).
//!
//! A `ClaimReview` gives the verdict in words (`reviewRating.alternateName`); a numeric
//! `ratingValue` with `worstRating`/`bestRating` only when the publisher set a scale. Its
//! `author` is the reviewer (a `Person` working for the publisher), its `url` the reviewer's
//! address for it or the publisher's address with `#crosscheck-<id>`. Unreviewed findings are
//! never exported as `ClaimReview`s, even with `--all`: there is no review to publish.

pub mod report;

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::review::{Annotation, Publisher, Review, ReviewedArticle};
use crate::store;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The whole review as JSON; opens again as a review.
    Json,
    /// One row per reviewed fact.
    Csv,
    /// A readable report in Markdown.
    Markdown,
    /// The readable report as one self-contained HTML page.
    Html,
    /// schema.org `ClaimReview` JSON-LD.
    ClaimReview,
    /// W3C Web Annotation JSON-LD.
    WebAnnotation,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 6] = [
        Self::Json,
        Self::Csv,
        Self::Markdown,
        Self::Html,
        Self::ClaimReview,
        Self::WebAnnotation,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::ClaimReview => "claimreview",
            Self::WebAnnotation => "webanno",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Json => "JSON (complete, opens again as a review)",
            Self::Csv => "CSV (one row per fact)",
            Self::Markdown => "Report in Markdown",
            Self::Html => "Report as a web page (HTML, printable)",
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
            Self::Html => "html",
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
        Format::Markdown => Ok(report::markdown(review, &items)),
        Format::Html => Ok(report::html(review, &items)),
        Format::ClaimReview => {
            let reviewed: Vec<&Annotation> =
                items.into_iter().filter(|a| a.is_reviewed()).collect();
            pretty(&claim_review_export(review, &reviewed), format)
        }
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
        url: review.url.clone(),
        publisher: review.publisher.clone(),
        articles: review.articles.clone(),
        annotations: items.iter().map(|a| (*a).clone()).collect(),
        next_id: review.new_id(),
    };
    let value = json!({
        "format": store::FORMAT_NAME,
        "version": store::FORMAT_VERSION,
        "title": subset.title,
        "url": subset.url,
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

/// A web address, trimmed: `http(s)` only (never `javascript:` or a local file) and without
/// whitespace inside. Every address an export writes or links goes through it.
pub fn web_address(text: &str) -> Option<&str> {
    let text = text.trim();
    ((text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace))
    .then_some(text)
}

/// The address of a report: the one its metadata gives, or its path when that is one.
fn report_url(article: &ReviewedArticle) -> Option<&str> {
    web_address(&article.meta.url).or_else(|| web_address(&article.path))
}

/// The publisher as a schema.org `Organization`.
fn organization(publisher: &Publisher) -> Option<Value> {
    if publisher.name.is_empty() {
        return None;
    }
    let mut org = json!({"@type": "Organization", "name": publisher.name});
    if let Some(url) = web_address(&publisher.url) {
        org["url"] = json!(url);
    }
    Some(org)
}

/// The address of one published review: the reviewer's for it, else the review's published
/// address (or else the publisher's) with the finding's anchor in the HTML report.
pub fn review_url(review: &Review, annotation: &Annotation) -> Option<String> {
    if let Some(url) = web_address(&annotation.url) {
        return Some(url.to_owned());
    }
    let base = web_address(&review.url).or_else(|| web_address(&review.publisher.url))?;
    let base = base.split('#').next().unwrap_or(base);
    Some(format!("{base}#finding-{}", annotation.id))
}

/// Where the claim appeared: one `NewsArticle` per report that a quote comes from.
fn appearances(review: &Review, a: &Annotation) -> Vec<Value> {
    let mut out = Vec::new();
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
            "@type": "NewsArticle",
            "headline": article.title,
            "text": quotes.join(" … "),
        });
        if let Some(url) = report_url(article) {
            work["url"] = json!(url);
        }
        if !article.meta.published.is_empty() {
            work["datePublished"] = json!(article.meta.published);
        } else if let Some(date) = article.date {
            work["datePublished"] = json!(date.format("%Y-%m-%d").to_string());
        }
        if !article.meta.outlet.is_empty() {
            work["publisher"] = json!({"@type": "Organization", "name": article.meta.outlet});
        }
        if !article.meta.authors.is_empty() {
            work["author"] = Value::Array(
                article
                    .meta
                    .authors
                    .iter()
                    .map(|name| json!({"@type": "Person", "name": name}))
                    .collect(),
            );
        }
        out.push(work);
    }
    out
}

fn claim_review_export(review: &Review, items: &[&Annotation]) -> Value {
    let publisher = organization(&review.publisher);
    let reviews: Vec<Value> = items
        .iter()
        .map(|a| {
            let mut rating = json!({
                "@type": "Rating",
                "alternateName": a.verdict.label(),
            });
            let explanation = if a.reconciled.trim().is_empty() {
                a.note.trim()
            } else {
                a.reconciled.trim()
            };
            if !explanation.is_empty() {
                rating["ratingExplanation"] = json!(explanation);
            }
            if let Some(scale) = &review.publisher.scale
                && let Some(value) = scale.value_of(a.verdict)
            {
                rating["ratingValue"] = json!(value);
                rating["worstRating"] = json!(scale.worst);
                rating["bestRating"] = json!(scale.best);
            }
            let author = if a.reviewer.trim().is_empty() {
                publisher.clone()
            } else {
                let mut person = json!({"@type": "Person", "name": a.reviewer.trim()});
                if let Some(org) = &publisher {
                    person["worksFor"] = org.clone();
                }
                Some(person)
            };
            let mut out = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "name": a.subject,
                "claimReviewed": a.claim_in_words(),
                "reviewRating": rating,
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": appearances(review, a),
                },
                "datePublished": a.modified.format("%Y-%m-%d").to_string(),
            });
            if let Some(url) = review_url(review, a) {
                out["url"] = json!(url);
            }
            if let Some(author) = author {
                out["author"] = author;
            }
            if let Some(org) = &publisher {
                out["publisher"] = org.clone();
            }
            if !a.note.trim().is_empty() {
                out["reviewBody"] = json!(a.note.trim());
            }
            if !a.tags.is_empty() {
                out["keywords"] = json!(a.tags.join(", "));
            }
            out
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
                // The report's address when it is known, else its file as the review names it.
                let source = review
                    .articles
                    .get(x.article)
                    .map_or_else(String::new, |r| {
                        report_url(r).map_or_else(|| r.path.clone(), str::to_owned)
                    });
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
    let generator = json!({
        "id": "urn:crosscheck",
        "type": "Software",
        "name": format!("crosscheck {}", env!("CARGO_PKG_VERSION")),
    });
    let mut annotations = Vec::new();
    for a in items {
        let base = |suffix: &str, motivation: &str, body: String| {
            let mut item = json!({
                "id": format!("urn:crosscheck:annotation:{}:{suffix}", a.id),
                "type": "Annotation",
                "motivation": motivation,
                "body": {"type": "TextualBody", "value": body, "format": "text/plain", "language": "en"},
                "target": targets(a),
                "generator": generator,
                "created": a.created.to_rfc3339(),
                "modified": a.modified.to_rfc3339(),
            });
            if !a.reviewer.trim().is_empty() {
                item["creator"] = json!({"type": "Person", "name": a.reviewer.trim()});
            }
            item
        };
        annotations.push(base(
            "linking",
            "linking",
            format!("{}: {}", report::kind_in_words(a.kind), a.subject),
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
        "label": review.title_or_default(),
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
    fn formats_parse_by_name() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
        assert_eq!(Format::parse("pdf"), None);
    }
}
