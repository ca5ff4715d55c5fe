//! Saved web pages: the bytes decoded in the charset the page declares, the article's text
//! found the way reading modes do, and what the page says about itself (headline, outlet,
//! address, authors, publication time).
//!
//! Parsing is html5ever's (through `dom_query`), and finding the article is `dom_smoothie`, a
//! port of Mozilla's Readability: it drops navigation, advertising, related links, comments
//! and captions and keeps the paragraphs. The metadata is read here, from the standard places
//! in the order publishers fill them: JSON-LD `NewsArticle` first (it is what search engines
//! read, so it is the most carefully kept), then Open Graph and `article:` properties, then
//! `<link rel="canonical">`, `<meta name="author">`, `<time datetime>` and the byline.
//!
//! The text the engine reads is built here once: the headline, a blank line, then the
//! article's paragraphs separated by blank lines. Offsets in `check --json` and in review
//! files point into that text, which `crosscheck text FILE` prints.

use chrono::NaiveDate;
use dom_query::Document;
use encoding_rs::Encoding;
use serde_json::Value;

use super::text::one_line;
use super::{Meta, split_names};

/// How many bytes at the start of a page are searched for a declared charset (the HTML
/// standard's prescan looks at 1024).
const PRESCAN_BYTES: usize = 1024;

/// Fewer characters of article text than this and the page's JSON-LD `articleBody`, when it
/// has one, is taken instead: the page was saved before its script filled in the text.
const MIN_ARTICLE_CHARS: usize = 200;

/// Fewer words than this is no article (a menu, a cookie notice, a "page not found").
const MIN_ARTICLE_WORDS: usize = 12;

/// An article found in a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The text the engine reads: headline, blank line, paragraphs separated by blank lines
    /// (a page that is one paragraph and no headline is that paragraph).
    pub text: String,
    /// The headline.
    pub title: String,
    /// Outlet, address, authors and publication time, as far as the page tells.
    pub meta: Meta,
    /// The date of publication, from the publication time.
    pub date: Option<NaiveDate>,
    /// Things the user should know (a charset that did not fit the bytes).
    pub warnings: Vec<String>,
}

/// Why no article came out of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageError {
    /// The page has no text that reads as an article.
    NoText,
}

/// Whether these bytes are a web page: an `.html`/`.htm`/`.xhtml` name, or a document that
/// opens with a doctype or an `<html>` tag.
pub fn looks_like_html(extension: Option<&str>, bytes: &[u8]) -> bool {
    if extension.is_some_and(|e| {
        ["html", "htm", "xhtml", "shtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    }) {
        return true;
    }
    let start = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(bytes)
        .trim_ascii_start();
    let head: Vec<u8> = start.iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// The page's text in the charset it declares: a byte-order mark first, then a `charset` in
/// a `<meta>` tag near the top, then UTF-8 if the bytes are UTF-8, then windows-1252 (what
/// browsers assume for an undeclared Western page). Returns the text and, when the declared
/// charset did not fit every byte, a warning.
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    let declared = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared_charset(bytes));
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            encoding_rs::UTF_8
        } else {
            encoding_rs::WINDOWS_1252
        }
    });
    let (text, used, had_errors) = encoding.decode(bytes);
    let warning = had_errors.then(|| {
        format!(
            "some bytes are not valid {}, the charset the page declares; they show as �",
            used.name()
        )
    });
    (text.into_owned(), warning)
}

/// The charset a `<meta charset>` or `<meta http-equiv content="…; charset=…">` declares in
/// the first [`PRESCAN_BYTES`] bytes. A page cannot declare UTF-16 in itself (its own tag
/// would not be ASCII), so that declaration means UTF-8, as the HTML standard says.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(PRESCAN_BYTES)
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut rest = head.as_slice();
    while let Some(at) = find(rest, b"<meta") {
        let tag = &rest[at..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(c) = find(tag, b"charset=") {
            let value = tag[c + 8..]
                .iter()
                .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
                .take_while(|&&b| !matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>'))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(encoding) = Encoding::for_label(&value) {
                let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
                return Some(if utf16 { encoding_rs::UTF_8 } else { encoding });
            }
        }
        rest = &rest[at + 5..];
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Finds the article in a page's HTML.
pub fn extract(html: &str) -> Result<Page, PageError> {
    let document = Document::from(html);
    let ld = json_ld_article(&document);
    let meta_content = |key: &str| -> Option<String> {
        let selector = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
        document
            .select(&selector)
            .iter()
            .filter_map(|m| m.attr("content"))
            .map(|c| one_line(&c))
            .find(|c| !c.is_empty())
    };
    let link = |rel: &str| -> Option<String> {
        document
            .select(&format!("link[rel=\"{rel}\"]"))
            .attr("href")
            .map(|h| h.trim().to_owned())
            .filter(|h| h.starts_with("http://") || h.starts_with("https://"))
    };
    let url = link("canonical")
        .or_else(|| meta_content("og:url"))
        .or_else(|| ld.as_ref().and_then(|ld| ld.url.clone()))
        .unwrap_or_default();
    let outlet = meta_content("og:site_name")
        .or_else(|| ld.as_ref().and_then(|ld| ld.publisher.clone()))
        .or_else(|| meta_content("application-name"))
        .unwrap_or_default();
    let mut authors = ld.as_ref().map(|ld| ld.authors.clone()).unwrap_or_default();
    if authors.is_empty() {
        authors = meta_content("author")
            .or_else(|| meta_content("article:author").filter(|a| !a.contains("://")))
            .map(|a| split_names(&a))
            .unwrap_or_default();
    }
    let time_element = document
        .select("time[datetime]")
        .attr("datetime")
        .map(|t| t.trim().to_owned());
    let published = ld
        .as_ref()
        .and_then(|ld| ld.published.clone())
        .or_else(|| meta_content("article:published_time"))
        .or_else(|| meta_content("date"))
        .or_else(|| meta_content("pubdate"))
        .or_else(|| meta_content("dc.date.issued"))
        .or(time_element)
        .unwrap_or_default();
    let ld_title = ld.as_ref().and_then(|ld| ld.headline.clone());
    let og_title = meta_content("og:title");
    let article_body = ld.as_ref().and_then(|ld| ld.body.clone());

    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let parsed = dom_smoothie::Readability::with_document(document, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let (readable_title, byline, text) = parsed.map_or_else(
        || (String::new(), None, String::new()),
        |a| (one_line(&a.title), a.byline, a.text_content.to_string()),
    );
    if authors.is_empty()
        && let Some(byline) = byline
    {
        authors = split_names(&byline);
    }
    let title = ld_title
        .or(og_title)
        .filter(|t| !t.is_empty())
        .unwrap_or(readable_title);

    let mut paragraphs = paragraphs(&text);
    let length: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    if length < MIN_ARTICLE_CHARS
        && let Some(body) = article_body
    {
        let from_ld = paragraphs_of_lines(&body);
        if from_ld.iter().map(String::len).sum::<usize>() > length {
            paragraphs = from_ld;
        }
    }
    drop_bylines(&mut paragraphs, &authors);
    if paragraphs.first().is_some_and(|p| same_words(p, &title)) {
        paragraphs.remove(0);
    }
    // A page without a headline: its first paragraph is one when others follow (a bold first
    // line, as on plain pages); a single paragraph is all text, titled like a text file.
    let title = if title.is_empty() && paragraphs.len() > 1 {
        paragraphs.remove(0)
    } else {
        title
    };
    let words: usize = paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    if words < MIN_ARTICLE_WORDS {
        return Err(PageError::NoText);
    }
    let mut out = String::with_capacity(length + title.len() + 2 * paragraphs.len() + 4);
    out.push_str(&title);
    for p in &paragraphs {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out.push('\n');
    let title = if title.is_empty() {
        super::title_from_text(&out)
    } else {
        title
    };
    let date = date_of(&published);
    Ok(Page {
        text: out,
        title,
        meta: Meta {
            outlet,
            url,
            authors,
            published,
        },
        date,
        warnings: Vec::new(),
    })
}

/// The date part of an ISO 8601 time ("2024-03-11T08:40:00+01:00" → 2024-03-11), as the
/// outlet wrote it (its own time zone, which is the date its readers saw).
pub fn date_of(time: &str) -> Option<NaiveDate> {
    let day = time.trim().get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// What a page's JSON-LD says about its article.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    url: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    body: Option<String>,
}

/// The first JSON-LD object typed as an article (`NewsArticle`, `Article`, `ReportageNewsArticle`,
/// …), searched through arrays and `@graph`; a `WebSite`'s name stands in for a missing
/// publisher.
fn json_ld_article(document: &Document) -> Option<LdArticle> {
    let values: Vec<Value> = document
        .select("script[type=\"application/ld+json\"]")
        .iter()
        .filter_map(|script| serde_json::from_str(script.text().trim()).ok())
        .collect();
    let mut objects = Vec::new();
    for value in &values {
        collect_objects(value, &mut objects, 0);
    }
    let site_name = objects
        .iter()
        .find(|o| has_type(o, |t| t == "WebSite"))
        .and_then(|o| string_of(o.get("name")));
    let article = objects
        .iter()
        .find(|o| has_type(o, |t| t.ends_with("Article") || t == "Report"))?;
    let authors = match article.get("author") {
        Some(Value::Array(list)) => list.iter().filter_map(name_of).collect(),
        Some(one) => name_of(one).map(|n| split_names(&n)).unwrap_or_default(),
        None => Vec::new(),
    };
    let url = string_of(article.get("url"))
        .or_else(|| match article.get("mainEntityOfPage") {
            Some(Value::Object(o)) => string_of(o.get("@id")),
            other => string_of(other),
        })
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    Some(LdArticle {
        headline: string_of(article.get("headline")).or_else(|| string_of(article.get("name"))),
        url,
        published: string_of(article.get("datePublished")),
        authors,
        publisher: article.get("publisher").and_then(name_of).or(site_name),
        // Its line breaks are its paragraphs: not run together like the other fields.
        body: article
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

fn collect_objects<'a>(value: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(list) => {
            for v in list {
                collect_objects(v, out, depth + 1);
            }
        }
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn has_type(object: &Value, test: impl Fn(&str) -> bool) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => test(t),
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).any(test),
        _ => false,
    }
}

fn string_of(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(one_line)
        .filter(|s| !s.is_empty())
}

/// A person's or organisation's name: a string, or an object's `name`.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(one_line(s)),
        Value::Object(o) => string_of(o.get("name")),
        _ => None,
    }
    .filter(|n| !n.is_empty() && !n.contains("://"))
}

/// The paragraphs of reading-mode text: blocks between blank lines, each on one line.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&one_line(line));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The paragraphs of a JSON-LD `articleBody`: one a line.
fn paragraphs_of_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A short line near the top that names the authors ("Ana Ruhl and Tomas Welde · 10 March")
/// is the byline, which the report's metadata already holds, not text to check.
fn drop_bylines(paragraphs: &mut Vec<String>, authors: &[String]) {
    let is_byline = |p: &str| {
        p.chars().count() < 100
            && ((p.starts_with("By ") && !p.ends_with('.'))
                || (!authors.is_empty() && authors.iter().all(|a| p.contains(a.as_str()))))
    };
    let mut i = 0;
    while i < paragraphs.len().min(3) {
        if is_byline(&paragraphs[i]) {
            paragraphs.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Whether two lines have the same words, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_charset_is_found_in_either_meta_form() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"ISO-8859-2\">"),
            Some(encoding_rs::ISO_8859_2)
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            ),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(
            declared_charset(b"<meta charset=utf-16>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(declared_charset(b"<meta name=\"x\" content=\"y\">"), None);
    }

    #[test]
    fn undeclared_bytes_are_utf8_when_they_can_be_and_windows_1252_otherwise() {
        assert_eq!(decode("caf\u{e9}".as_bytes()).0, "caf\u{e9}");
        assert_eq!(decode(b"caf\xe9").0, "caf\u{e9}");
        let (text, warning) = decode(b"<meta charset=\"utf-8\">caf\xe9");
        assert!(text.ends_with('\u{fffd}'), "{text}");
        assert!(warning.is_some());
    }

    #[test]
    fn a_page_is_recognised_by_name_or_by_its_first_tag() {
        assert!(looks_like_html(Some("HTM"), b"anything"));
        assert!(looks_like_html(None, b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(None, b"\xef\xbb\xbf<html lang=en>"));
        assert!(!looks_like_html(
            Some("txt"),
            b"The <html> tag opens a page."
        ));
    }

    #[test]
    fn a_page_of_one_untitled_paragraph_is_that_paragraph() {
        let page = extract(
            "<html><body><div>Twelve people were hurt when a bus left the road near the \
             border crossing on Friday night, police said.</div></body></html>",
        )
        .unwrap();
        assert!(
            page.text.starts_with("Twelve people were hurt"),
            "{:?}",
            page.text
        );
        assert!(
            page.title.starts_with("Twelve people were hurt"),
            "{}",
            page.title
        );
    }

    #[test]
    fn a_page_without_article_text_is_refused() {
        assert_eq!(
            extract("<html><body><nav><a href=/>Home</a></nav></body></html>"),
            Err(PageError::NoText)
        );
    }

    #[test]
    fn json_ld_article_body_stands_in_for_a_page_saved_before_its_text_loaded() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2023-05-02",
             "articleBody":"The bridge over the Selm reopened on Tuesday after 14 months of repairs.\nTraffic was light."}
            </script></head><body><div id="app"></div></body></html>"#;
        let page = extract(html).unwrap();
        assert_eq!(
            page.text,
            "Bridge reopens\n\nThe bridge over the Selm reopened on Tuesday after 14 months of \
             repairs.\n\nTraffic was light.\n"
        );
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2023, 5, 2));
    }
}
