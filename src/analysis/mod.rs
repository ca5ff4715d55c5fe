//! The claim engine: finds the claims in each report (figures, people, places, dates), lines
//! them up across reports and classifies each group as a conflict, compatible at different
//! precision, corroborated, or only in one report.
//!
//! No egui here: the command line and the window both call [`analyze`]. No names, places or
//! phrasings of any particular event either: only general word lists (see `words`).

mod ages;
mod amounts;
mod figures;
mod link;
pub mod model;
mod names;
mod numbers;
mod people;
mod solo;
mod statements;
mod text;
mod times;
mod words;

use std::ops::Range;

use chrono::NaiveDate;

pub use model::{Analysis, ClaimRef, Counts, Finding, Kind, Precision, Status, readable};

/// One report to analyse: its full text, the part to read (the body, without a header line),
/// and its date if known.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// The full text; claim offsets point into it.
    pub text: &'a str,
    /// The byte range to analyse.
    pub body: Range<usize>,
    /// The report's date, for relative dates.
    pub date: Option<NaiveDate>,
}

impl<'a> Input<'a> {
    /// Builds the input for an article.
    pub fn from_article(article: &'a crate::corpus::Article) -> Self {
        Self {
            text: &article.text,
            body: article.body.clone(),
            date: article.date,
        }
    }
}

/// Analyses a set of reports.
pub fn analyze(inputs: &[Input<'_>]) -> Analysis {
    analyze_with_progress(inputs, &mut |_| true).unwrap_or_default()
}

/// Analyses a set of reports, reporting progress (0 to 1) as it goes; the callback returns
/// `false` to cancel, and then this returns `None`.
pub fn analyze_with_progress(
    inputs: &[Input<'_>],
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<Analysis> {
    use chrono::Datelike as _;
    let total = inputs.len().max(1) as f32;
    let mut docs = Vec::with_capacity(inputs.len());
    let mut figures = Vec::with_capacity(inputs.len());
    // An undated report is taken to be of the year of the latest dated one (for telling
    // background sentences about earlier years).
    let story_year = inputs.iter().filter_map(|i| i.date).max().map(|d| d.year());
    for (i, input) in inputs.iter().enumerate() {
        let doc = text::Doc::new(input.text, input.body.clone());
        let taken = vec![false; doc.len()];
        figures.push(figures::extract(
            &doc,
            &taken,
            input.date.map(|d| d.year()).or(story_year),
        ));
        docs.push(doc);
        if !progress(0.7 * (i + 1) as f32 / total) {
            return None;
        }
    }
    let known = names::capitalised_inside(&docs);
    let mentions: Vec<Vec<names::Mention>> =
        docs.iter().map(|d| names::mentions(d, &known)).collect();
    let variants = names::variants(&mentions);
    let canonical = names::canonical_forms(&variants);
    let place_names = names::place_names(&docs, &mentions, &canonical);
    let sentence_places: Vec<Vec<std::collections::BTreeSet<String>>> = docs
        .iter()
        .zip(&mentions)
        .map(|(d, m)| names::places_by_sentence(d, m, &canonical, &place_names))
        .collect();
    let figure_places: Vec<Vec<std::collections::BTreeSet<String>>> = figures
        .iter()
        .zip(&sentence_places)
        .map(|(fs, sp)| fs.iter().map(|f| sp[f.sentence].clone()).collect())
        .collect();
    // How each place is written (its first mention), for subjects.
    let mut place_words = std::collections::BTreeMap::new();
    for (doc, list) in docs.iter().zip(&mentions) {
        for mention in list {
            let folded = mention.folded();
            let canonical_form = canonical.get(folded).map_or(folded, String::as_str);
            if place_names.contains(canonical_form) {
                // The written form of the canonical spelling, whatever the reports' order.
                let span = doc.span(mention.tokens.start, mention.tokens.end - 1);
                let is_canonical = mention.folded() == canonical_form;
                let entry = place_words
                    .entry(canonical_form.to_owned())
                    .or_insert_with(|| (false, doc.text[span.clone()].to_owned()));
                if is_canonical && !entry.0 {
                    *entry = (true, doc.text[span].to_owned());
                }
            }
        }
    }
    // Dates and times, and the events they date.
    let mut times: Vec<Vec<times::TimeExpr>> = docs
        .iter()
        .zip(inputs)
        .map(|(d, input)| times::extract(d, input.date))
        .collect();
    for ((doc, list), m) in docs.iter().zip(&mut times).zip(&mentions) {
        for t in list.iter_mut() {
            if let Some((event, at)) = times::event_of(doc, t, m) {
                t.event = Some(event);
                t.event_at = Some(at);
            }
        }
    }
    // A count in a sentence dated before the report ("late Sunday, the tally had risen to
    // 1,614") is an earlier count than the report's own.
    for ((list, ts), input) in figures.iter_mut().zip(&times).zip(inputs) {
        let Some(date) = input.date else { continue };
        for f in list.iter_mut() {
            let dated_before = ts.iter().any(|t| {
                t.sentence == f.sentence
                    && matches!(t.when, times::When::Days { hi, .. } if hi < date)
            });
            f.earlier |= dated_before;
        }
    }
    let background: Vec<Vec<bool>> = docs
        .iter()
        .zip(inputs)
        .map(|(d, input)| {
            figures::background_sentences(d, input.date.map(|x| x.year()).or(story_year))
        })
        .collect();
    let (date_findings, dated) = times::findings(&docs, &times, &background);
    // A share of the vote belongs to a candidate: "Maria Lopez won with 52 percent", "John
    // Park, who got 45%".
    for ((list, doc), ments) in figures.iter_mut().zip(&docs).zip(&mentions) {
        for f in list.iter_mut() {
            let share = f.unit.as_ref().is_some_and(|u| u.dimension == "percent")
                && f.attribute.as_deref().is_none_or(|a| {
                    matches!(a, "vote" | "ballot" | "with" | "got" | "received" | "won")
                });
            if !share {
                continue;
            }
            let candidate = ments.iter().rfind(|m| {
                m.sentence == f.sentence
                    && m.kind == names::NameKind::Person
                    && m.tokens.end <= f.first
            });
            if let Some(m) = candidate {
                let folded = m.folded();
                let person = canonical.get(folded).map_or(folded, String::as_str);
                let surname = person.rsplit(' ').next().unwrap_or(person);
                f.attribute = Some(format!("vote of {surname}"));
            } else if f.attribute.is_none() && !doc.sentence_range(f.first).is_empty() {
                f.attribute = Some("vote".to_owned());
            }
        }
    }
    let place_written: std::collections::BTreeMap<String, String> =
        place_words.into_iter().map(|(k, (_, w))| (k, w)).collect();
    let slots = link::slots(&figures, &figure_places);
    let (groups, alone) = link::groups(&slots);
    let mut findings: Vec<Finding> = groups
        .iter()
        .map(|g| {
            let members: Vec<&link::Slot> = g.iter().map(|&i| &slots[i]).collect();
            numbers::finding(&docs, &figures, &members, &place_written)
        })
        .collect();
    findings.extend(names::spelling_findings(&docs, &mentions, &variants));
    findings.extend(ages::findings(&docs, &mentions, &canonical));
    findings.extend(date_findings);
    findings.extend(people::findings(&docs, &mentions));
    let statement_findings = statements::findings(&docs);
    findings.extend(statement_findings);
    findings.extend(solo::findings(
        &docs,
        &figures,
        &slots,
        &alone,
        &mentions,
        &times,
        &dated,
        &background,
    ));
    findings.sort_by_key(|f| (f.status, f.kind));
    let counts = Counts {
        quantities: figures.iter().map(Vec::len).sum(),
        ..Counts::default()
    };
    progress(1.0);
    Some(Analysis { findings, counts })
}
