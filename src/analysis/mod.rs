//! The claim engine: finds the claims in each report (figures, people, places, dates, who
//! travelled with whom), lines them up across reports and classifies each group as a conflict,
//! compatible at different precision, corroborated, or only in one report.
//!
//! No egui here: the command line and the window both call [`analyze`]. No names, places or
//! phrasings of any particular event either: only general word lists (see `lexicon`).

pub mod align;
pub mod dates;
pub mod doc;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod quantity;
pub mod relations;
pub mod union_find;

use std::ops::Range;

use chrono::NaiveDate;

pub use model::{Analysis, ClaimRef, Counts, Finding, Interval, Kind, Measure, Precision, Status};

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
    let mut interner = doc::Interner::default();
    let total = inputs.len().max(1) as f32;
    let mut docs = Vec::with_capacity(inputs.len());
    let mut name_finder = names::NameFinder::default();
    let mut clusterer = align::Clusterer::default();
    let mut dates = Vec::with_capacity(inputs.len());
    let mut quantities = Vec::with_capacity(inputs.len());
    let mut figure_texts = Vec::with_capacity(inputs.len());
    // Tokens already taken by a date, per report (one buffer for all).
    let mut used = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let body = input.body.start.min(input.text.len())..input.body.end.min(input.text.len());
        let doc = doc::Doc::new(input.text, body, input.date, &mut interner);
        // What needs one report only is done while its tokens are still in the cache.
        used.clear();
        used.resize(doc.tokens.len(), false);
        dates.push(dates::extract(&doc, &mut used));
        let figures = quantity::extract(&doc, &mut used);
        figure_texts.push(figures.iter().map(quantity::describe).collect());
        quantities.push(figures);
        name_finder.add(&doc);
        clusterer.add(&doc);
        docs.push(doc);
        if !progress(0.6 * (i + 1) as f32 / total) {
            return None;
        }
    }
    let names = name_finder.finish(&docs);
    if !progress(0.75) {
        return None;
    }
    let mut parties = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        parties.extend(relations::extract(doc, &names, d));
        if !progress(0.75 + 0.1 * (d + 1) as f32 / total) {
            return None;
        }
    }
    let counts = Counts {
        quantities: quantities.iter().map(Vec::len).sum(),
        names: names.mentions.iter().map(Vec::len).sum(),
        entities: names.entities.len(),
        dates: dates.iter().map(Vec::len).sum(),
        relations: parties.len(),
    };
    let clusters = clusterer.finish();
    let extracted = align::Extracted {
        docs: &docs,
        names: &names,
        quantities: &quantities,
        dates: &dates,
        parties: &parties,
        clusters: &clusters,
    };
    let findings = align::findings(&extracted, figure_texts);
    progress(1.0);
    Some(Analysis { findings, counts })
}
