//! Ages of named people: "the French nurse Claire Dumont, 34," in one report and "Claire
//! Dumont, 35," in another. English news gives an age in a few fixed shapes — the number
//! in commas after the name, "aged 34" after it, "a 34-year-old" before it — and an age
//! belongs to the person named, so the same person's ages are compared across reports.

use std::collections::BTreeMap;

use super::model::{ClaimRef, Finding, Kind, Status, reports_label};
use super::names::{Mention, NameKind};
use super::text::{Doc, TokKind};

/// Oldest age read as one (a larger number after a name is something else).
const MAX_AGE: u32 = 120;

/// An age given in a report: the person, the age, and the span of the words that give it.
struct Given {
    report: usize,
    years: u32,
    /// The name as written.
    name: String,
    start: usize,
    end: usize,
}

/// The number at token `k` if it is a whole number that can be an age.
fn age_at(doc: &Doc<'_>, k: usize) -> Option<u32> {
    if doc.kind(k) != Some(TokKind::Num) {
        return None;
    }
    doc.tok(k)
        .parse::<u32>()
        .ok()
        .filter(|&n| (1..=MAX_AGE).contains(&n))
}

/// The age a report gives with a person's mention, and the token range of the words.
fn age_of(doc: &Doc<'_>, m: &Mention) -> Option<(u32, usize, usize)> {
    let (first, last) = (m.tokens.start, m.tokens.end);
    // "Claire Dumont, 34," / "Claire Dumont, 34." / "Claire Dumont (34)"
    if doc.is_punct(last, ',') || doc.is_punct(last, '(') {
        let mut k = last + 1;
        if doc.is(k, "aged") {
            k += 1;
        }
        if let Some(age) = age_at(doc, k) {
            let closes = k + 1 >= doc.len()
                || doc.is_punct(k + 1, ',')
                || doc.is_punct(k + 1, '.')
                || doc.is_punct(k + 1, ')')
                || doc.is_any(k + 1, &["and", "was", "is", "who"]);
            if closes {
                return Some((age, first, k));
            }
        }
    }
    // "Claire Dumont aged 34"
    if doc.is(last, "aged")
        && let Some(age) = age_at(doc, last + 1)
    {
        return Some((age, first, last + 1));
    }
    // "a 34-year-old nurse, Claire Dumont" / "34-year-old Claire Dumont": the number, "-",
    // "year", "-", "old", then up to three words (a role) before the name.
    let lo = first.saturating_sub(9);
    for k in (lo..first).rev() {
        if doc.is(k, "old")
            && doc.is_punct(k.wrapping_sub(1), '-')
            && doc.is_any(k.wrapping_sub(2), &["year", "years"])
            && doc.is_punct(k.wrapping_sub(3), '-')
            && first - k <= 5
            && let Some(age) = age_at(doc, k.wrapping_sub(4))
        {
            return Some((age, k - 4, last - 1));
        }
    }
    None
}

/// Findings for the ages of people named in several reports: a conflict when the reports
/// give different ages, corroborated when they agree. `canonical` maps a name's folded form
/// to the form it is known by (spelling variants joined).
pub fn findings(
    docs: &[Doc<'_>],
    mentions: &[Vec<Mention>],
    canonical: &BTreeMap<String, String>,
) -> Vec<Finding> {
    let mut by_person: BTreeMap<String, Vec<Given>> = BTreeMap::new();
    for (report, (doc, list)) in docs.iter().zip(mentions).enumerate() {
        for m in list.iter().filter(|m| m.kind == NameKind::Person) {
            let Some((age, first, last)) = age_of(doc, m) else {
                continue;
            };
            let folded = m.folded();
            let person = canonical.get(folded).map_or(folded, String::as_str);
            let ages = by_person.entry(person.to_owned()).or_default();
            // One age per report and person: the first given.
            if ages.iter().any(|a| a.report == report) {
                continue;
            }
            let span = doc.span(first, last);
            let name_span = doc.span(m.tokens.start, m.tokens.end - 1);
            ages.push(Given {
                report,
                years: age,
                name: doc.text[name_span].to_owned(),
                start: span.start,
                end: span.end,
            });
        }
    }
    let mut out = Vec::new();
    for (person, ages) in by_person {
        if ages.len() < 2 {
            continue;
        }
        let name = if ages[0].name.is_empty() {
            super::text::title_case(&person)
        } else {
            ages[0].name.clone()
        };
        let claims: Vec<ClaimRef> = ages
            .iter()
            .map(|a| ClaimRef {
                article: a.report,
                start: a.start,
                end: a.end,
                value: a.years.to_string(),
                display: docs[a.report].text[a.start..a.end].to_owned(),
            })
            .collect();
        let mut values: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for a in &ages {
            values.entry(a.years).or_default().push(a.report + 1);
        }
        let said: Vec<String> = values
            .iter()
            .map(|(age, reports)| format!("{age} ({})", reports_label(reports)))
            .collect();
        let (status, explanation) = if values.len() > 1 {
            (
                Status::Conflict,
                format!(
                    "The age of one person ({name}, named with it in {} reports): {}: these \
                     cannot all be true.",
                    ages.len(),
                    said.join(" against ")
                ),
            )
        } else {
            (
                Status::Corroborated,
                format!(
                    "The age of one person ({name}): {} in every report.",
                    said.join("")
                ),
            )
        };
        out.push(Finding {
            id: super::numbers::finding_id(Kind::Number, &claims),
            kind: Kind::Number,
            status,
            precision: Vec::new(),
            subject: format!("age of {name}"),
            explanation,
            claims,
        });
    }
    out
}
