//! Statements several reports make in nearly the same words ("Trump's push for a ceasefire
//! has yet to bear fruit" / "… has yet to yield fruit"): agreements to look up, and what
//! tells the only-in-one list that a fact is stated elsewhere.
//!
//! Clauses are compared on their content words: two clauses of different reports are one
//! statement when most of the shorter one's words are in the other.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::model::{ClaimRef, Finding, Kind, Status};
use super::text::{Doc, TokKind};

/// A clause: its tokens and content words.
struct Clause<'d> {
    report: usize,
    first: usize,
    last: usize,
    /// Sorted, without repeats.
    words: Vec<Cow<'d, str>>,
}

fn content_word<'d>(doc: &'d Doc<'_>, k: usize) -> Option<Cow<'d, str>> {
    if doc.kind(k) != Some(TokKind::Word) || doc.is_function(k) {
        return None;
    }
    let w = doc.low(k);
    if w.len() < 3 || w == "'s" {
        return None;
    }
    // A rough stem: plurals and past tenses meet.
    if let Some(stem) = w.strip_suffix("ies") {
        return Some(Cow::Owned(format!("{stem}y")));
    }
    Some(Cow::Borrowed(
        w.strip_suffix('s')
            .filter(|s| s.len() >= 3 && !s.ends_with('s'))
            .unwrap_or(w),
    ))
}

fn clauses<'d>(doc: &'d Doc<'_>, report: usize) -> Vec<Clause<'d>> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        let mut first = range.start;
        let mut k = range.start;
        while k <= range.end {
            let cut = k == range.end
                || doc.is_punct(k, ';')
                || doc.is_punct(k, ':')
                || doc.is_punct(k, '—')
                || (doc.is_punct(k, ',') && doc.is_any(k + 1, &["and", "but", "while", "as"]));
            if cut {
                if k > first {
                    let mut words: Vec<Cow<'d, str>> =
                        (first..k).filter_map(|t| content_word(doc, t)).collect();
                    words.sort_unstable();
                    words.dedup();
                    if words.len() >= 4 {
                        let mut last = k - 1;
                        while last > first && doc.kind(last) == Some(TokKind::Punct) {
                            last -= 1;
                        }
                        out.push(Clause {
                            report,

                            first,
                            last,
                            words,
                        });
                    }
                }
                first = k + 1;
            }
            k += 1;
        }
    }
    out
}

/// The statements made in several reports.
pub fn findings(docs: &[Doc<'_>]) -> Vec<Finding> {
    let all: Vec<Clause> = docs
        .iter()
        .enumerate()
        .flat_map(|(r, d)| clauses(d, r))
        .collect();
    // Candidate pairs share a word few clauses have.
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, c) in all.iter().enumerate() {
        for w in &c.words {
            index.entry(w.as_ref()).or_default().push(i);
        }
    }
    let mut pairs: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for list in index.values() {
        if list.len() > 40 {
            continue;
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if all[a].report != all[b].report {
                    *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    // Groups of matching clauses (union of matching pairs).
    let mut parent: Vec<usize> = (0..all.len()).collect();
    let root = super::link::root;
    for (&(a, b), &shared) in &pairs {
        if shared < 4 {
            continue;
        }
        let shorter = all[a].words.len().min(all[b].words.len());
        if shared * 10 >= shorter * 7 {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..all.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for list in groups.into_values() {
        let reports: BTreeSet<usize> = list.iter().map(|&i| all[i].report).collect();
        if reports.len() < 2 {
            continue;
        }
        let mut claims = Vec::new();
        let mut seen = BTreeSet::new();
        for &i in &list {
            let c = &all[i];
            if !seen.insert(c.report) {
                continue;
            }
            let doc = &docs[c.report];
            let span = doc.span(c.first, c.last);
            claims.push(ClaimRef {
                article: c.report,
                start: span.start,
                end: span.end,
                value: String::new(),
                display: doc.text[span].to_owned(),
            });
        }
        let shortest = claims
            .iter()
            .map(|c| c.display.as_str())
            .min_by_key(|s| s.len())
            .unwrap_or_default();
        let subject = super::numbers::shorten_words(shortest, 12);
        out.push(Finding {
            id: super::numbers::finding_id(Kind::Statement, &claims),
            kind: Kind::Statement,
            status: Status::Corroborated,
            precision: Vec::new(),
            subject,
            explanation: format!(
                "The same statement in {} reports: most of the words of the shortest wording are in the others.",
                reports.len()
            ),
            claims,
        });
    }
    out
}
