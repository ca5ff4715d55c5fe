//! The readable report, as an editor reads it: a title, the reports compared (outlet,
//! headline, date, link), then each reviewed finding with its subject, what kind of
//! discrepancy it is, the quotes with their outlets and the values they give, the verdict, the
//! reconciled fact, the note, the sources (as links) and the reviewer. One document model,
//! written out as Markdown or as one self-contained HTML page.

use std::fmt::Write as _;

use super::web_address;
use crate::analysis::{Kind, readable};
use crate::review::{Annotation, Review, ReviewedArticle, ValueRange};

/// What a finding of this kind is, as an editor reads it.
pub fn kind_in_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Number => "Conflicting figures",
        Kind::People => "Different people named",
        Kind::Date => "Conflicting dates or times",
        Kind::Spelling => "A name spelled differently",
        Kind::OnlyInOne => "Only in one report",
        Kind::Statement => "Conflicting statements",
    }
}

/// A report as the published document lists it.
struct Report {
    outlet: String,
    headline: String,
    date: Option<String>,
    authors: String,
    link: Option<String>,
    /// A file name when there is no link (never a path on the reviewer's disk).
    file: Option<String>,
}

/// One quote of a finding.
struct Quote {
    /// "The Northern Ledger", when known.
    outlet: Option<String>,
    /// Position of its report in the list, from 1.
    report: usize,
    text: String,
    value: String,
}

/// One reviewed finding.
struct Finding {
    id: u64,
    subject: String,
    kind: &'static str,
    quotes: Vec<Quote>,
    verdict: &'static str,
    reconciled: String,
    value: Option<String>,
    sides_with: Vec<String>,
    note: String,
    sources: Vec<String>,
    tags: Vec<String>,
    reviewer: String,
    modified: String,
}

/// The document both formats write.
struct Document {
    title: String,
    publisher: String,
    publisher_link: Option<String>,
    reports: Vec<Report>,
    findings: Vec<Finding>,
}

fn report_of(article: &ReviewedArticle) -> Report {
    let link = super::report_url(article).map(str::to_owned);
    let file = link.is_none().then(|| {
        std::path::Path::new(&article.path).file_name().map_or_else(
            || article.path.clone(),
            |n| n.to_string_lossy().into_owned(),
        )
    });
    let date = article
        .date
        .map(|d| d.format("%-d %B %Y").to_string())
        .or_else(|| (!article.meta.published.is_empty()).then(|| article.meta.published.clone()));
    Report {
        outlet: article.meta.outlet.clone(),
        headline: article.title.clone(),
        date,
        authors: article.meta.authors.join(", "),
        link,
        file,
    }
}

/// A subject as a heading: its first letter a capital ("people killed" → "People killed").
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A reconciled value as people write it ("53", "18–22").
fn value_in_words(value: ValueRange) -> String {
    if value.low.to_bits() == value.high.to_bits() {
        readable(&value.low.to_string())
    } else {
        readable(&format!("{}..{}", value.low, value.high))
    }
}

fn document(review: &Review, items: &[&Annotation]) -> Document {
    let reports: Vec<Report> = review.articles.iter().map(report_of).collect();
    let outlet_of = |i: usize| {
        reports
            .get(i)
            .map(|r| r.outlet.clone())
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| format!("Report {}", i + 1))
    };
    let findings = items
        .iter()
        .map(|a| Finding {
            id: a.id,
            subject: capitalised(&a.subject),
            kind: kind_in_words(a.kind),
            quotes: a
                .anchors
                .iter()
                .map(|x| Quote {
                    outlet: reports
                        .get(x.article)
                        .map(|r| r.outlet.clone())
                        .filter(|o| !o.is_empty()),
                    report: x.article + 1,
                    text: x.exact.clone(),
                    value: if x.value.is_empty() || a.kind != Kind::Number {
                        String::new()
                    } else {
                        readable(&x.value)
                    },
                })
                .collect(),
            verdict: a.verdict.label(),
            reconciled: a.reconciled.trim().to_owned(),
            value: a.value.map(value_in_words),
            sides_with: a.sides_with.iter().map(|&i| outlet_of(i)).collect(),
            note: a.note.trim().to_owned(),
            sources: a
                .sources
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            tags: a.tags.clone(),
            reviewer: a.reviewer.clone(),
            modified: a.modified.format("%-d %B %Y").to_string(),
        })
        .collect();
    Document {
        title: review.title_or_default(),
        publisher: review.publisher.name.clone(),
        publisher_link: web_address(&review.publisher.url).map(str::to_owned),
        reports,
        findings,
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// User text inside a Markdown line: escapes only what Markdown would read as markup there
/// (so "ctrl+s", "(AFP)" and `snake_case` stay as typed), and turns line breaks into spaces.
/// Text that starts a line goes through [`escape_line_start`] as well.
pub fn escape_markdown(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let word = |i: Option<&char>| i.is_some_and(|c| c.is_alphanumeric());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(i + 1);
        match c {
            '\\' if next.is_some_and(char::is_ascii_punctuation) => out.push_str("\\\\"),
            '*' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            // An underscore inside a word is no emphasis in CommonMark.
            '_' if !(word(prev) && word(next)) => out.push_str("\\_"),
            '~' if prev == Some(&'~') || next == Some(&'~') => out.push_str("\\~"),
            '<' => out.push_str("&lt;"),
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            '\n' | '\r' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether the characters after an `&` would be read as an entity (`&amp;`, `&#38;`).
fn looks_like_entity(rest: &[char]) -> bool {
    let name: Vec<&char> = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && rest.get(name.len()) == Some(&';')
}

/// A line that would open a heading, quote, list or rule keeps its text: the marker escaped.
fn escape_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let mut chars = trimmed.chars();
    let first = chars.next();
    let second = chars.next();
    let marker = match first {
        Some('#' | '>' | '=' | '|') => true,
        Some('-' | '+') => second.is_none_or(|c| c == ' ' || c == first.unwrap_or(' ')),
        Some(c) if c.is_ascii_digit() => {
            let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
            matches!(trimmed[digits..].chars().next(), Some('.' | ')'))
                && trimmed[digits + 1..].starts_with([' ', '\t'])
        }
        _ => false,
    };
    if !marker {
        return trimmed.to_owned();
    }
    if let Some(c) = first
        && c.is_ascii_digit()
    {
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        return format!("{}\\{}", &trimmed[..digits], &trimmed[digits..]);
    }
    format!("\\{trimmed}")
}

/// User text after a label ("**Note:** …") that may hold line breaks: lines of a paragraph
/// joined with a Markdown line break, paragraphs with a blank line; every line but the first
/// starts a Markdown line, so its opening marker is escaped too.
fn markdown_paragraphs(text: &str) -> String {
    let mut lines = Vec::new();
    for (p, para) in text.split("\n\n").enumerate() {
        let para_lines: Vec<String> = para
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(escape_markdown)
            .collect();
        if para_lines.is_empty() {
            continue;
        }
        if p > 0 && !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(para_lines);
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(line);
        } else if line.is_empty() {
            out.push_str("\n\n");
        } else {
            if !out.ends_with('\n') {
                out.push_str("  \n");
            }
            out.push_str(&escape_line_start(line));
        }
    }
    out
}

/// A link in Markdown: `[text](<address>)`, the address in angle brackets so that brackets and
/// spaces in it cannot end it early.
fn markdown_link(text: &str, address: &str) -> String {
    format!(
        "[{}](<{}>)",
        escape_markdown(text),
        address.replace('<', "%3C").replace('>', "%3E")
    )
}

/// A source as text with every address in it a link ("AFP (https://…), 17 April"), written
/// with a format's escaping and links.
fn linked_source(
    source: &str,
    escape: impl Fn(&str) -> String,
    link: impl Fn(&str, &str) -> String,
) -> String {
    source
        .split(' ')
        .map(|word| {
            let core = word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '.'));
            match web_address(core) {
                Some(address) if !core.is_empty() => {
                    let at = word.find(core).unwrap_or(0);
                    format!(
                        "{}{}{}",
                        escape(&word[..at]),
                        link(address, address),
                        escape(&word[at + core.len()..])
                    )
                }
                _ => escape(word),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A source in Markdown.
fn markdown_source(source: &str) -> String {
    linked_source(source.trim(), escape_markdown, markdown_link)
}

/// Where a quote comes from: "Ledger (report 1)", or "Report 2" when the outlet is unknown.
fn quote_origin(q: &Quote) -> String {
    q.outlet.as_ref().map_or_else(
        || format!("Report {}", q.report),
        |o| format!("{o} (report {})", q.report),
    )
}

/// The report in Markdown.
pub fn markdown(review: &Review, items: &[&Annotation]) -> String {
    let doc = document(review, items);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_markdown(&doc.title));
    if !doc.publisher.is_empty() {
        let by = match &doc.publisher_link {
            Some(link) => markdown_link(&doc.publisher, link),
            None => escape_markdown(&doc.publisher),
        };
        let _ = writeln!(out, "Published by {by}.\n");
    }
    let _ = writeln!(out, "## Reports compared\n");
    for (i, r) in doc.reports.iter().enumerate() {
        let mut line = format!("{}. ", i + 1);
        if !r.outlet.is_empty() {
            let _ = write!(line, "**{}**: ", escape_markdown(&r.outlet));
        }
        match &r.link {
            Some(link) => line.push_str(&markdown_link(&r.headline, link)),
            None => {
                let _ = write!(line, "“{}”", escape_markdown(&r.headline));
            }
        }
        if !r.authors.is_empty() {
            let _ = write!(line, ", by {}", escape_markdown(&r.authors));
        }
        if let Some(date) = &r.date {
            let _ = write!(line, ", {}", escape_markdown(date));
        }
        if let Some(file) = &r.file {
            let _ = write!(line, " (file {})", escape_markdown(file));
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "\n## Findings ({})\n",
        crate::corpus::text::counted(doc.findings.len(), "reviewed", "reviewed")
    );
    for (n, f) in doc.findings.iter().enumerate() {
        let _ = writeln!(out, "### {}. {}\n", n + 1, escape_markdown(&f.subject));
        let _ = writeln!(out, "*{}* · **{}**\n", f.kind, f.verdict);
        for q in &f.quotes {
            let value = if q.value.is_empty() {
                String::new()
            } else {
                format!(" ({})", escape_markdown(&q.value))
            };
            let _ = writeln!(
                out,
                "- {}: “{}”{value}",
                escape_markdown(&quote_origin(q)),
                escape_markdown(&q.text)
            );
        }
        let _ = writeln!(out);
        if !f.reconciled.is_empty() {
            let _ = writeln!(
                out,
                "**The facts:** {}\n",
                markdown_paragraphs(&f.reconciled)
            );
        }
        if let Some(value) = &f.value {
            let _ = writeln!(out, "**Figure:** {}\n", escape_markdown(value));
        }
        if !f.sides_with.is_empty() {
            let sides: Vec<String> = f.sides_with.iter().map(|s| escape_markdown(s)).collect();
            let _ = writeln!(out, "**As reported by:** {}\n", sides.join(", "));
        }
        if !f.note.is_empty() {
            let _ = writeln!(out, "**Note:** {}\n", markdown_paragraphs(&f.note));
        }
        if !f.sources.is_empty() {
            let _ = writeln!(out, "**Sources:**\n");
            for s in &f.sources {
                let _ = writeln!(out, "- {}", escape_line_start(&markdown_source(s)));
            }
            let _ = writeln!(out);
        }
        if !f.tags.is_empty() {
            let tags: Vec<String> = f.tags.iter().map(|t| escape_markdown(t)).collect();
            let _ = writeln!(out, "Tags: {}\n", tags.join(", "));
        }
        let by = if f.reviewer.is_empty() {
            String::new()
        } else {
            format!("Reviewed by {}, ", escape_markdown(&f.reviewer))
        };
        let _ = writeln!(out, "*{by}{}.*\n", f.modified);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// HTML

/// Text for HTML: `&`, `<`, `>`, `"` and `'` as entities (safe in text and in quoted
/// attributes).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_link(text: &str, address: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        escape_html(address),
        escape_html(text)
    )
}

/// User text as HTML paragraphs (blank lines part them, line breaks stay).
fn html_paragraphs(text: &str) -> String {
    let mut out = String::new();
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = p.lines().map(|l| escape_html(l.trim())).collect();
        let _ = write!(out, "<p>{}</p>", lines.join("<br>"));
    }
    out
}

fn html_source(source: &str) -> String {
    linked_source(source.trim(), escape_html, html_link)
}

/// The page's styles: readable on screen, printable (links print their address), light and
/// dark as the reader's system prefers. No fonts, images or scripts are fetched.
const STYLE: &str = "
:root { color-scheme: light dark; --muted: #5f6368; --rule: #d0d4d9; --accent: #8a1c1c; }
@media (prefers-color-scheme: dark) { :root { --muted: #a8adb3; --rule: #3c4043; --accent: #f28b82; } }
body { font: 17px/1.55 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin-bottom: .3rem; }
h2 { font: 600 1rem/1.3 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: .3rem; margin-top: 2.2rem; }
h3 { font-size: 1.25rem; margin: 1.8rem 0 .2rem; }
.publisher, .meta, .signed { font: .9rem/1.4 system-ui, sans-serif; color: var(--muted); }
.kind { font: 600 .85rem system-ui, sans-serif; }
.verdict { font: 600 .85rem system-ui, sans-serif; color: var(--accent); margin-left: .6rem; }
ol.reports li { margin-bottom: .4rem; }
.outlet { font-weight: bold; }
blockquote { margin: .4rem 0; padding: .1rem 0 .1rem .9rem; border-left: 3px solid var(--rule); }
blockquote footer { font: .85rem system-ui, sans-serif; color: var(--muted); }
.value { font: 600 .85rem system-ui, sans-serif; }
dl { margin: .8rem 0; } dt { font: 600 .9rem system-ui, sans-serif; margin-top: .6rem; } dd { margin: .1rem 0 0 0; }
dd p { margin: .2rem 0; }
a { color: inherit; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } a[href]::after { content: ' (' attr(href) ')'; font-size: .8em; } section.finding { break-inside: avoid; } }
";

/// The report as one self-contained HTML page: no scripts, no external requests, every piece
/// of user text escaped.
pub fn html(review: &Review, items: &[&Annotation]) -> String {
    let doc = document(review, items);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"crosscheck {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape_html(&doc.title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape_html(&doc.title));
    if !doc.publisher.is_empty() {
        let by = match &doc.publisher_link {
            Some(link) => html_link(&doc.publisher, link),
            None => escape_html(&doc.publisher),
        };
        let _ = writeln!(out, "<p class=\"publisher\">Published by {by}</p>");
    }
    let _ = writeln!(out, "<h2>Reports compared</h2>\n<ol class=\"reports\">");
    for r in &doc.reports {
        let mut line = String::from("<li>");
        if !r.outlet.is_empty() {
            let _ = write!(
                line,
                "<span class=\"outlet\">{}</span>: ",
                escape_html(&r.outlet)
            );
        }
        match &r.link {
            Some(link) => line.push_str(&html_link(&r.headline, link)),
            None => {
                let _ = write!(line, "“{}”", escape_html(&r.headline));
            }
        }
        let mut meta = Vec::new();
        if !r.authors.is_empty() {
            meta.push(format!("by {}", escape_html(&r.authors)));
        }
        if let Some(date) = &r.date {
            meta.push(escape_html(date));
        }
        if let Some(file) = &r.file {
            meta.push(format!("file {}", escape_html(file)));
        }
        if !meta.is_empty() {
            let _ = write!(line, " <span class=\"meta\">{}</span>", meta.join(" · "));
        }
        line.push_str("</li>");
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "</ol>");
    let _ = writeln!(
        out,
        "<h2>Findings ({})</h2>",
        crate::corpus::text::counted(doc.findings.len(), "reviewed", "reviewed")
    );
    for (n, f) in doc.findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"finding\" id=\"finding-{}\">\n<h3>{}. {}</h3>",
            f.id,
            n + 1,
            escape_html(&f.subject)
        );
        let _ = writeln!(
            out,
            "<p><span class=\"kind\">{}</span><span class=\"verdict\">{}</span></p>",
            f.kind, f.verdict
        );
        for q in &f.quotes {
            let value = if q.value.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"value\">{}</span>", escape_html(&q.value))
            };
            let _ = writeln!(
                out,
                "<blockquote>“{}”{value}<footer>{}</footer></blockquote>",
                escape_html(&q.text),
                escape_html(&quote_origin(q))
            );
        }
        let mut fields: Vec<(&str, String)> = Vec::new();
        if !f.reconciled.is_empty() {
            fields.push(("The facts", html_paragraphs(&f.reconciled)));
        }
        if let Some(value) = &f.value {
            fields.push(("Figure", escape_html(value)));
        }
        if !f.sides_with.is_empty() {
            let sides: Vec<String> = f.sides_with.iter().map(|s| escape_html(s)).collect();
            fields.push(("As reported by", sides.join(", ")));
        }
        if !f.note.is_empty() {
            fields.push(("Note", html_paragraphs(&f.note)));
        }
        if !f.sources.is_empty() {
            let items: Vec<String> = f
                .sources
                .iter()
                .map(|s| format!("<li>{}</li>", html_source(s)))
                .collect();
            fields.push(("Sources", format!("<ul>{}</ul>", items.concat())));
        }
        if !f.tags.is_empty() {
            let tags: Vec<String> = f.tags.iter().map(|t| escape_html(t)).collect();
            fields.push(("Tags", tags.join(", ")));
        }
        if !fields.is_empty() {
            let _ = writeln!(out, "<dl>");
            for (label, value) in fields {
                let _ = writeln!(out, "<dt>{label}</dt><dd>{value}</dd>");
            }
            let _ = writeln!(out, "</dl>");
        }
        let by = if f.reviewer.is_empty() {
            String::new()
        } else {
            format!("Reviewed by {}, ", escape_html(&f.reviewer))
        };
        let _ = writeln!(
            out,
            "<p class=\"signed\">{by}{}.</p>\n</section>",
            f.modified
        );
    }
    let _ = writeln!(out, "</body>\n</html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_only_what_would_be_markup() {
        assert_eq!(
            escape_markdown("press ctrl+s (or Save)"),
            "press ctrl+s (or Save)"
        );
        assert_eq!(escape_markdown("snake_case_name"), "snake_case_name");
        assert_eq!(escape_markdown("_emphasis_"), "\\_emphasis\\_");
        assert_eq!(escape_markdown("a *b* [c](d)"), "a \\*b\\* \\[c\\](d)");
        assert_eq!(escape_markdown("<script>"), "&lt;script>");
        assert_eq!(escape_markdown("AT&T &amp; co"), "AT&T &amp;amp; co");
        assert_eq!(escape_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line_start("- not a list"), "\\- not a list");
        assert_eq!(escape_line_start("1. not a list"), "1\\. not a list");
        assert_eq!(escape_line_start("-5 degrees"), "-5 degrees");
        assert_eq!(escape_line_start("2025. A year"), "2025\\. A year");
        assert_eq!(
            escape_markdown("=SUM(A1) # 2"),
            "=SUM(A1) # 2",
            "inside a line"
        );
        assert_eq!(
            markdown_paragraphs("first\n# second\n\nthird"),
            "first  \n\\# second\n\nthird"
        );
        assert_eq!(escape_markdown("one\ntwo"), "one two");
        assert_eq!(escape_markdown("C:\\path"), "C:\\path");
    }

    #[test]
    fn html_escapes_every_special_character() {
        assert_eq!(
            escape_html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_address(" https://a.example/x "),
            Some("https://a.example/x")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("file:///etc/passwd"), None);
        assert_eq!(web_address("https://a.example/x y"), None);
        assert_eq!(
            markdown_source("AFP (https://afp.example/a), 17 April"),
            "AFP ([https://afp.example/a](<https://afp.example/a>)), 17 April"
        );
    }
}
