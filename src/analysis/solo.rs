//! "Only in one report": the check-worthy facts a single report gives — a figure with what
//! it measures, the time of an event, what a named person did — that no other report states,
//! in those words or others. Each report's candidates are ranked by how much a fact-checker
//! would want to check them, and only the first few are listed: a bare place, an
//! organisation or a byline is never one.

use std::collections::{BTreeMap, BTreeSet};

use super::amounts::Shape;
use super::figures::{Figure, Measure, PEOPLE_MEASURES, UnitOf};
use super::link::Slot;
use super::model::{ClaimRef, Finding, Kind, Status};
use super::names::{Mention, NameKind};
use super::numbers::{claim, measure_words, subject, value_text};
use super::text::{Doc, TokKind};
use super::times::{TimeExpr, value_text as time_text};

/// How many facts only one report gives are listed per report, at most: three, and a
/// fourth when it is as check-worthy as a figure with its measure.
const PER_REPORT: usize = 4;

/// The least score of a fact listed; of a fourth one.
const MIN_SCORE: i32 = 50;
const MIN_SCORE_FOURTH: i32 = 60;

/// A candidate fact of one report.
struct Candidate {
    score: i32,
    claim: ClaimRef,
    subject: String,
    explanation: String,
    sentence: usize,
}

/// Verbs of saying: a person who only speaks is quoted, not acting.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "warned",
    "wrote",
    "explained",
    "noted",
    "stated",
    "declared",
    "stressed",
    "asked",
    "according",
];

/// Measures that say the same of people in other words ("24 pupils were brought to
/// hospital" and "24 children were hurt").
fn related(a: Option<&Measure>, b: Option<&Measure>) -> bool {
    let family = |m: Option<&Measure>| match m {
        Some(Measure::Known("injured" | "hospitalized" | "casualties")) => Some("hurt"),
        Some(Measure::Known("killed" | "bodies")) => Some("dead"),
        Some(Measure::Known("evacuated" | "stranded" | "overnight")) => Some("moved"),
        Some(Measure::Known("missing")) => Some("missing"),
        _ => None,
    };
    a == b || family(a).is_some() && family(a) == family(b)
}

/// Every report's figures by value, for finding the same value in another report without
/// comparing every pair: by point, and the ranges apart (a range holds values far from its
/// point).
struct ByValue<'f> {
    /// (point, report, figure), sorted by point.
    points: Vec<(f64, usize, &'f Figure)>,
    /// Figures that are not one exact number.
    ranges: Vec<(usize, &'f Figure)>,
}

impl<'f> ByValue<'f> {
    fn new(all: &'f [Vec<Figure>]) -> Self {
        let mut points = Vec::new();
        let mut ranges = Vec::new();
        for (r, list) in all.iter().enumerate() {
            for g in list {
                points.push((g.value.point, r, g));
                if g.value.shape != Shape::Exact {
                    ranges.push((r, g));
                }
            }
        }
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        Self { points, ranges }
    }

    /// The figures that may have `f`'s value: a point within its range (or at its point),
    /// and, for one exact number, every range.
    fn near(&self, f: &Figure) -> impl Iterator<Item = (usize, &'f Figure)> + '_ {
        let tolerance = 1e-9 * f.value.point.abs().max(1.0);
        let lo = f.value.lo.min(f.value.point) - tolerance;
        let hi = f.value.hi.max(f.value.point) + tolerance;
        let from = self.points.partition_point(|p| p.0 < lo);
        let to = self.points.partition_point(|p| p.0 <= hi);
        let ranges: &[(usize, &Figure)] = if f.value.shape == Shape::Exact {
            &self.ranges
        } else {
            &[]
        };
        self.points[from..to.max(from)]
            .iter()
            .map(|&(_, r, g)| (r, g))
            .chain(ranges.iter().copied())
    }
}

/// Whether another report gives the same figure in other words: the same value of the same
/// kind, with the same or a related measure, or counting the same thing.
fn stated_elsewhere(f: &Figure, report: usize, index: &ByValue<'_>) -> bool {
    index.near(f).filter(|(r, _)| *r != report).any(|(_, g)| {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
        let same_value = close(f.value.point, g.value.point)
            || (g.value.shape == Shape::Exact
                && f.value.lo <= g.value.point
                && g.value.point <= f.value.hi)
            || (f.value.shape == Shape::Exact
                && g.value.lo <= f.value.point
                && f.value.point <= g.value.hi);
        let same_kind = match (&f.unit, &g.unit) {
            (Some(a), Some(b)) => a.dimension == b.dimension,
            (None, None) => {
                f.counts_people() == g.counts_people() || f.nouns.is_empty() || g.nouns.is_empty()
            }
            _ => false,
        };
        let same_thing = related(f.measure.as_ref(), g.measure.as_ref())
            || (!f.nouns.is_empty() && f.nouns == g.nouns)
            || (f.unit.is_some() && f.attribute.is_some() && f.attribute == g.attribute)
            || (f.measure.is_none() || g.measure.is_none())
                && f.counts_people()
                && g.counts_people();
        same_value && same_kind && same_thing
    })
}

/// A bare count that is the subject of its verb ("up to 2 million have seen the body",
/// "thousands were evacuated"): in news it counts people even with no noun.
fn bare_subject(doc: &Doc<'_>, f: &Figure) -> bool {
    f.nouns.is_empty() && f.unit.is_none() && doc.is_any(f.last + 1, super::figures::HELPERS)
}

/// A count of people said to be somewhere, with no verb to measure it by ("around 100
/// climbers were already above the icefall", "40 passengers were on board"): a fact of its
/// own, though linkage has no measure to key it on.
fn placed_count(doc: &Doc<'_>, f: &Figure) -> bool {
    if f.measure.is_some() || f.unit.is_some() || f.nouns.is_empty() || !f.counts_people() {
        return false;
    }
    let mut k = f.last + 1;
    if !doc.is_any(k, &["were", "are", "was", "is", "remain", "remained"]) {
        return false;
    }
    k += 1;
    while doc.is_any(k, &["still", "already", "now", "then", "all"]) {
        k += 1;
    }
    doc.is_any(
        k,
        &[
            "above", "below", "on", "in", "inside", "aboard", "at", "near", "under", "trapped",
            "stranded",
        ],
    )
}

/// Nouns for the people an event struck.
const VICTIMS: &[&str] = &[
    "dead",
    "victims",
    "injured",
    "wounded",
    "killed",
    "missing",
    "casualties",
    "hostages",
    "passengers",
    "survivors",
];

/// Where a report says who the victims were: "all of the dead were …", "most of the victims
/// are …". Each as the quantifier's token and the noun.
fn victims_described(doc: &Doc<'_>) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for k in 0..doc.len() {
        if !doc.is(k + 1, "of")
            || !doc.is_any(k, &["all", "most", "many", "none", "both", "half"])
            || !doc.is_any(k + 2, &["the", "those"])
        {
            continue;
        }
        if let Some(&noun) = VICTIMS.iter().find(|n| doc.is(k + 3, n))
            && doc.is_any(k + 4, &["were", "are", "was", "had", "have"])
        {
            out.push((k, noun));
        }
    }
    out
}

/// Ordinal words of a rank ("the third largest").
const ORDINALS: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Superlatives that rank a thing among others of its kind.
const SUPERLATIVES: &[&str] = &[
    "largest",
    "biggest",
    "deadliest",
    "worst",
    "busiest",
    "highest",
    "tallest",
    "longest",
    "oldest",
    "strongest",
    "fastest",
    "smallest",
    "costliest",
    "wealthiest",
    "poorest",
];

/// Whether token `k` is one of [`SUPERLATIVES`] (all end in "est" but "worst").
fn is_superlative(doc: &Doc<'_>, k: usize) -> bool {
    let w = doc.low(k);
    (w.ends_with("est") || w == "worst") && doc.is_any(k, SUPERLATIVES)
}

/// Where a scope after a superlative makes it a rank ("in the nation", "in history").
const RANK_SCOPES: &[&str] = &[
    "nation",
    "country",
    "world",
    "history",
    "state",
    "region",
    "continent",
    "decades",
    "century",
    "europe",
    "asia",
    "africa",
    "america",
];

/// The ranks a report gives: an ordinal before a superlative ("third largest", "3rd-biggest",
/// "second-deadliest"), or a superlative with a scope ("the deadliest attack in the country's
/// history"). Each as its first and last token and the superlative (lower case).
fn ranks(doc: &Doc<'_>) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for k in 0..doc.len() {
        if !is_superlative(doc, k) {
            continue;
        }
        let Some(&superlative) = SUPERLATIVES.iter().find(|s| doc.is(k, s)) else {
            continue;
        };
        let mut first = k;
        let before = k.checked_sub(if doc.is_punct(k.wrapping_sub(1), '-') {
            2
        } else {
            1
        });
        let ordinal = before.is_some_and(|b| {
            doc.is_any(b, ORDINALS)
                || (doc.kind(b) == Some(TokKind::Num)
                    && ["nd", "rd", "th"].iter().any(|e| doc.low(b).ends_with(e)))
        });
        if let Some(b) = before.filter(|_| ordinal) {
            first = b;
        }
        let sentence_end = doc.sentence_range(k).end;
        // The noun ranked and the scope: up to eight tokens, to the end of the clause.
        let mut last = k;
        let mut scoped = false;
        let mut j = k + 1;
        while j < sentence_end && j <= k + 8 {
            if doc.kind(j) == Some(TokKind::Punct) && !doc.is_punct(j, '-') && !doc.is(j, "'s") {
                break;
            }
            if doc.is_any(j, RANK_SCOPES) {
                scoped = true;
                last = j;
                break;
            }
            if doc.is_word(j) {
                last = j;
            }
            j += 1;
        }
        if !(ordinal || scoped) || last == k {
            continue;
        }
        // Without a scope, the claim ends on the noun ranked.
        if !scoped {
            last = (k + 1..=last)
                .find(|&n| doc.is_word(n) && !doc.is_function(n) && !doc.is_any(n, SUPERLATIVES))
                .unwrap_or(last);
        }
        out.push((first, last, superlative));
    }
    out
}

/// How check-worthy a figure is: a count of people hurt, killed, missing or rescued first,
/// then measured quantities (heights, speeds, money), counts with a listed measure, and
/// last counts of things or with an unlisted verb.
fn figure_score(f: &Figure) -> i32 {
    let money = f.unit.as_ref().is_some_and(UnitOf::is_money);
    let mut score = match (&f.measure, &f.unit) {
        (_, Some(u)) if u.dimension == "duration" => 60,
        (_, Some(_)) if money => 85,
        (_, Some(_)) if f.attribute.is_some() => 85,
        (_, Some(_)) => 55,
        (Some(Measure::Known(m)), None) if PEOPLE_MEASURES.contains(m) => {
            if matches!(
                *m,
                "killed" | "injured" | "missing" | "hospitalized" | "rescued"
            ) {
                100
            } else {
                85
            }
        }
        (Some(Measure::Known(_)), None) => 75,
        (Some(Measure::Open(_)), None) => {
            if f.nouns.is_empty() {
                50
            } else {
                60
            }
        }
        (None, None) => {
            if f.counts_people() && f.amount_is_digits && !f.nouns.is_empty() {
                50
            } else {
                40
            }
        }
    };
    if f.counts_people() {
        score += 5;
    }
    if f.nouns.is_empty() && f.unit.is_none() && !matches!(f.measure, Some(Measure::Open(_))) {
        score -= 10;
    }
    if f.delta {
        score -= 10;
    }
    if f.value.shape == super::amounts::Shape::Vague && !f.counts_people() {
        score -= 10;
    }
    if f.headline {
        score -= 30;
    }
    // "several hours": a vague span of time dates, it does not state.
    if f.value.shape == super::amounts::Shape::Vague
        && f.unit.as_ref().is_some_and(|u| u.dimension == "duration")
    {
        score -= 10;
    }
    // "30 miles northwest of the city", "which lies 250 km from": where a place is, not
    // what happened.
    if f.unit.as_ref().is_some_and(|u| u.dimension == "length")
        && f.attribute.as_deref().is_some_and(|a| {
            COMPASS.contains(&a) || matches!(a, "lie" | "lies" | "located" | "situated")
        })
    {
        score -= 40;
    }
    score
}

/// Directions a distance may be given in.
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "north-west",
    "north-east",
    "south-west",
    "south-east",
    "northern",
    "southern",
    "eastern",
    "western",
];

/// The words of a clause from token `from`: to the end of the sentence, a semicolon or a
/// dash, at most `max` tokens.
fn clause_end(doc: &Doc<'_>, from: usize, max: usize) -> usize {
    let end = doc.sentence_range(from).end;
    let mut k = from;
    while k + 1 < end && k < from + max {
        if doc.is_punct(k + 1, ';') || doc.is_punct(k + 1, '—') || doc.is_punct(k + 1, ':') {
            break;
        }
        if doc.is_punct(k + 1, '.') && k + 2 >= end {
            break;
        }
        k += 1;
    }
    // A clause ends on a word, not on a comma or a quote mark.
    while k > from && doc.kind(k) == Some(super::text::TokKind::Punct) {
        k -= 1;
    }
    k
}

/// The facts only one report gives, ranked; at most a few per report.
#[allow(clippy::too_many_arguments)]
pub fn findings(
    docs: &[Doc<'_>],
    figures: &[Vec<Figure>],
    slots: &[Slot],
    alone: &[usize],
    mentions: &[Vec<Mention>],
    times: &[Vec<TimeExpr>],
    dated: &[(usize, usize)],
    background: &[Vec<bool>],
) -> Vec<Finding> {
    let mut per_report: Vec<Vec<Candidate>> = (0..docs.len()).map(|_| Vec::new()).collect();
    // Figures of slots no other report has, and increments ("the toll could climb by at
    // least three"), each a fact of its own.
    let mut lone: Vec<(usize, &Figure, String)> = Vec::new();
    for &s in alone {
        let slot = &slots[s];
        let report = slot.report();
        for r in &slot.figures {
            lone.push((report, &figures[report][r.index], subject(&slot.key)));
        }
    }
    for (report, list) in figures.iter().enumerate() {
        for f in list
            .iter()
            .filter(|f| f.delta && matches!(f.measure, Some(Measure::Known(_))))
        {
            lone.push((
                report,
                f,
                format!(
                    "more {}",
                    f.measure.as_ref().map(measure_words).unwrap_or_default()
                ),
            ));
        }
    }
    for (report, list) in figures.iter().enumerate() {
        for f in list {
            if super::link::key_of(f).is_none() && placed_count(&docs[report], f) {
                lone.push((report, f, f.nouns.join(" and ")));
            }
        }
    }
    let by_value = ByValue::new(figures);
    for (report, best, what) in lone {
        let doc = &docs[report];
        if best.background || best.in_sum || !best.sum_of.is_empty() {
            continue;
        }
        if stated_elsewhere(best, report, &by_value) {
            continue;
        }
        if best.unit.is_none() && best.measure.is_none() && !best.counts_people() {
            continue;
        }
        // "three" with an unlisted verb and nothing counted says too little, unless it is
        // the subject of that verb.
        if best.nouns.is_empty()
            && best.unit.is_none()
            && !matches!(best.measure, Some(Measure::Known(_)))
            && !bare_subject(doc, best)
        {
            continue;
        }
        // "two seats from the prince": a position, not a count.
        if best.unit.is_none()
            && !best.counts_people()
            && doc.is_any(
                best.consumed + 1,
                &[
                    "from", "away", "behind", "ahead", "apart", "after", "before", "later",
                    "earlier",
                ],
            )
        {
            continue;
        }
        // A span of time to count in ("in the past 24 hours") is not a fact.
        let window = best
            .unit
            .as_ref()
            .is_some_and(|u| u.dimension == "duration")
            && best.first.checked_sub(1).is_some_and(|k| {
                doc.is_any(k, &["past", "last", "next", "within", "first", "coming"])
            });
        if window {
            continue;
        }
        // The claim shows what the figure is about: its clause, when short enough ("a
        // drone attack on the city of Dnipro killed three people").
        let mut c = claim(doc, report, best);
        let sentence_start = doc.sentence_range(best.first).start;
        let clause_start = (sentence_start..best.first)
            .rev()
            .find(|&k| doc.is_punct(k, ',') || doc.is_punct(k, ';') || doc.is_punct(k, ':'))
            .map_or(sentence_start, |k| k + 1);
        if best.first - clause_start <= 12 && clause_start < best.first {
            let span = doc.span(clause_start, best.last);
            c.start = span.start;
            doc.text[span.clone()].clone_into(&mut c.display);
        }
        let mut subject_words = what.clone();
        if subject_words.starts_with("people ")
            && !best.nouns.is_empty()
            && best.nouns[0] != "people"
        {
            subject_words = format!(
                "{} {}",
                best.nouns.join(" and "),
                best.measure.as_ref().map(measure_words).unwrap_or_default()
            );
        }
        // A figure inside a quotation is a witness's impression before it is a fact.
        let range = doc.sentence_range(best.first);
        let quoted = range
            .clone()
            .any(|k| doc.is_punct(k, '"') || doc.is_punct(k, '“'));
        let mut score = figure_score(best);
        if bare_subject(doc, best) {
            score += 15;
        }
        if quoted {
            score -= 8;
        }
        per_report[report].push(Candidate {
            score,
            explanation: format!(
                "A figure ({}: {}) that no other report gives, in these words or others.",
                subject_words,
                super::model::readable(&value_text(best))
            ),
            subject: subject_words,
            claim: c,
            sentence: best.sentence,
        });
    }
    // Ranks: "the third largest refinery in the nation", "the deadliest attack in the
    // country's history".
    // The superlatives each report uses anywhere.
    let superlatives: Vec<BTreeSet<&str>> = docs
        .iter()
        .map(|d| {
            (0..d.len())
                .filter(|&k| is_superlative(d, k))
                .filter_map(|k| SUPERLATIVES.iter().find(|s| d.is(k, s)).copied())
                .collect()
        })
        .collect();
    for (report, doc) in docs.iter().enumerate() {
        for (at, end, superlative) in ranks(doc) {
            let sentence = doc.sentence_of[at] as usize;
            let line = &doc.sentences[sentence];
            if line.title_case
                || line.first_line
                || background[report].get(sentence).copied().unwrap_or(false)
            {
                continue;
            }
            let elsewhere = superlatives
                .iter()
                .enumerate()
                .any(|(r, used)| r != report && used.contains(superlative));
            if elsewhere {
                continue;
            }
            let span = doc.span(at, end);
            let text = doc.text[span.clone()].to_owned();
            per_report[report].push(Candidate {
                score: 70,
                claim: ClaimRef {
                    article: report,
                    start: span.start,
                    end: span.end,
                    value: text.clone(),
                    display: text.clone(),
                },
                subject: format!("rank: {}", super::numbers::shorten_words(&text, 6)),
                explanation: format!(
                    "A rank (“{text}”) that no other report gives: ranks are easy to get wrong and to check."
                ),
                sentence,
            });
        }
    }
    // Who the victims were: "all of the dead were contractors working for …", "most of the
    // victims were children".
    let described: Vec<Vec<(usize, &str)>> = docs.iter().map(victims_described).collect();
    for (report, doc) in docs.iter().enumerate() {
        for &(at, noun) in &described[report] {
            let sentence = doc.sentence_of[at] as usize;
            if doc.sentences[sentence].title_case
                || background[report].get(sentence).copied().unwrap_or(false)
            {
                continue;
            }
            let elsewhere = docs
                .iter()
                .enumerate()
                .any(|(r, d)| r != report && victims_described(d).iter().any(|(_, n)| *n == noun));
            if elsewhere {
                continue;
            }
            let to = clause_end(doc, at + 4, 14);
            let span = doc.span(at, to);
            let text = doc.text[span.clone()].to_owned();
            per_report[report].push(Candidate {
                score: 75,
                claim: ClaimRef {
                    article: report,
                    start: span.start,
                    end: span.end,
                    value: String::new(),
                    display: text.clone(),
                },
                subject: format!("who the {noun} were"),
                explanation: format!(
                    "Who the {noun} were (“{}”), which no other report says.",
                    super::numbers::shorten_words(&text, 12)
                ),
                sentence,
            });
        }
    }
    // Times of events no other report dates (and clock times said of something).
    let base = |e: &str| e.split(" for ").next().unwrap_or(e).to_owned();
    // Each event some report dates, with the reports that do.
    let mut dated_events: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (report, list) in times.iter().enumerate() {
        for e in list.iter().filter_map(|t| t.event.as_deref()) {
            dated_events.entry(base(e)).or_default().insert(report);
        }
    }
    for (report, list) in times.iter().enumerate() {
        for (i, t) in list.iter().enumerate() {
            let clock = matches!(t.when, super::times::When::Clock { .. });
            let event = match &t.event {
                Some(e) => e.clone(),
                None if clock => "something".to_owned(),
                None => continue,
            };
            if dated.contains(&(report, i)) || event.starts_with("said:") {
                continue;
            }
            let line = &docs[report].sentences[t.sentence];
            if line.title_case
                || line.first_line
                || background[report].get(t.sentence).copied().unwrap_or(false)
            {
                continue;
            }
            let others_date_it = dated_events
                .get(&base(&event))
                .is_some_and(|rs| rs.iter().any(|&r| r != report));
            if others_date_it && t.event.is_some() {
                continue;
            }
            let doc = &docs[report];
            // The claim: the event word, the time, and what follows up to the clause's end
            // (where it happened).
            let at = t.event_at.unwrap_or(t.tokens.start);
            let from = at.min(t.tokens.start);
            let reach = if t.event.is_some() { 6 } else { 14 };
            let to = clause_end(doc, at.max(t.tokens.end - 1), reach);
            let span = doc.span(from, to);
            let score = match (clock, t.event.is_some()) {
                (true, true) => 80,
                (true, false) => 60,
                _ => 50,
            };
            per_report[report].push(Candidate {
                score,
                claim: ClaimRef {
                    article: report,
                    start: span.start,
                    end: span.end,
                    value: time_text(&t.when),
                    display: doc.text[span].to_owned(),
                },
                subject: format!("time of {event}"),
                explanation: format!(
                    "The time of an event ({event}: {}) that no other report gives.",
                    super::model::readable(&time_text(&t.when))
                ),
                sentence: t.sentence,
            });
        }
    }
    // What named people did, when no other report names them: one fact per person, the
    // sentence that says the most of them (an action rather than words, other people only
    // this report names).
    // Every name word, with the reports that use it; words by first letter and length, for
    // spelling variants (which keep the first letter and nearly the length).
    let mut word_reports: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (r, list) in mentions.iter().enumerate() {
        for w in list.iter().flat_map(|m| m.words.iter()) {
            word_reports.entry(w.as_str()).or_default().insert(r);
        }
    }
    let mut by_shape: BTreeMap<(char, usize), Vec<&str>> = BTreeMap::new();
    for w in word_reports.keys() {
        if let Some(c) = w.chars().next() {
            by_shape.entry((c, w.len())).or_default().push(w);
        }
    }
    let in_other_report = |w: &str, report: usize| {
        word_reports
            .get(w)
            .is_some_and(|rs| rs.iter().any(|&r| r != report))
    };
    let variant_elsewhere = |w: &str, report: usize| {
        let first = w.chars().next().unwrap_or(' ');
        (w.len().saturating_sub(2)..=w.len() + 2).any(|len| {
            by_shape.get(&(first, len)).is_some_and(|list| {
                list.iter().any(|e| {
                    e.len() >= 4
                        && in_other_report(e, report)
                        && super::names::spelling_variants(w, e, 4)
                })
            })
        })
    };
    let lex = super::words::lexicon();
    for (report, list) in mentions.iter().enumerate() {
        let doc = &docs[report];
        let only_here = |m: &Mention| {
            if m.kind != NameKind::Person || (m.title.is_none() && m.words.len() < 2) {
                return false;
            }
            // A reporter of the story ("TV correspondent Sam Lee reports") is a byline.
            let byline = m.title.as_deref().is_some_and(|t| {
                [
                    "correspondent",
                    "reporter",
                    "editor",
                    "journalist",
                    "columnist",
                    "writer",
                ]
                .iter()
                .any(|w| t.contains(w))
            }) || (m.tokens.start..m.tokens.end)
                .any(|k| doc.has(k, super::text::UPPER) && doc.tok(k).len() >= 2);
            if byline {
                return false;
            }
            // Named in another report, or spelled otherwise there.
            let named_elsewhere = m.words.iter().any(|w| {
                w.len() >= 4 && (in_other_report(w, report) || variant_elsewhere(w, report))
            }) || in_other_report(&m.words.concat(), report);
            if named_elsewhere {
                return false;
            }
            let is_title = |w: &str| {
                lex.titles.get(w).is_some() || lex.titles.get(w.trim_end_matches('s')).is_some()
            };
            // A title alone ("Foreign Minister"); a nationality ("African American"); a
            // product code ("Aero X-20").
            !is_title(&m.words.join(" "))
                && m.words
                    .iter()
                    .all(|w| !w.chars().any(|c| c.is_ascii_digit()) && w.len() >= 2)
                && !m
                    .words
                    .iter()
                    .any(|w| lex.demonyms.get(w).is_some() || lex.countries.get(w).is_some())
                && !m.words.iter().all(|w| is_title(w))
        };
        // Person → its best sentence.
        let mut best: BTreeMap<String, (i32, usize, usize)> = BTreeMap::new();
        for (i, m) in list.iter().enumerate() {
            if !only_here(m)
                || doc.sentences[m.sentence].title_case
                || background[report].get(m.sentence).copied().unwrap_or(false)
            {
                continue;
            }
            let range = doc.sentence_range(m.tokens.start);
            let speech = range.clone().any(|k| doc.is_any(k, SPEECH));
            let quote = range
                .clone()
                .any(|k| doc.is_punct(k, '"') || doc.is_punct(k, '“'));
            let company = list
                .iter()
                .filter(|o| o.sentence == m.sentence && !std::ptr::eq(*o, m) && only_here(o))
                .count();
            // "…, Dutch prosecutor Piet Vos said.": an attribution of words said, not
            // something the person did.
            let attribution_only = doc.is_any(m.tokens.end, SPEECH)
                && (m.tokens.end + 1..range.end).all(|k| doc.kind(k) == Some(TokKind::Punct));
            let mut score = 65;
            if m.title.is_some() {
                score += 5;
            }
            if attribution_only {
                score -= 15;
            }
            if speech {
                score -= 10;
            }
            if quote {
                score -= 8;
            }
            score += 6 * i32::try_from(company.min(3)).unwrap_or(3);
            let key = m.words.last().cloned().unwrap_or_default();
            let entry = best.entry(key).or_insert((score, m.sentence, i));
            if score > entry.0 {
                *entry = (score, m.sentence, i);
            }
        }
        for (score, sentence, i) in best.into_values() {
            // The claim starts at the first such person of the sentence, with the title.
            let first = list
                .iter()
                .position(|o| o.sentence == sentence && only_here(o))
                .unwrap_or(i);
            let m = &list[first];
            let range = doc.sentence_range(m.tokens.start);
            let from = (m.tokens.start.saturating_sub(3).max(range.start)..m.tokens.start)
                .find(|&k| {
                    lex.titles.at(doc, k).is_some()
                        || doc.is_cap(k) && !doc.starts_sentence(k) && !doc.is_function(k)
                })
                .unwrap_or(m.tokens.start);
            let to = clause_end(doc, m.tokens.end - 1, 18);
            let span = doc.span(from, to);
            let name = doc.span_text(m.tokens.start, m.tokens.end - 1).to_owned();
            per_report[report].push(Candidate {
                score,
                claim: ClaimRef {
                    article: report,
                    start: span.start,
                    end: span.end,
                    value: m.folded().to_owned(),
                    display: doc.text[span].to_owned(),
                },
                explanation: format!("{name} is named in this report only; what the report says of them is not in the others."),
                subject: name,
                sentence,
            });
        }
    }
    let mut out = Vec::new();
    for (report, mut list) in per_report.into_iter().enumerate() {
        let _ = report;
        list.sort_by_key(|c| (-c.score, c.claim.start));
        let mut used: Vec<(usize, usize, usize)> = Vec::new();
        let mut taken = 0;
        for c in list {
            if taken == PER_REPORT || c.score < MIN_SCORE {
                break;
            }
            if taken + 1 == PER_REPORT && c.score < MIN_SCORE_FOURTH {
                break;
            }
            // Two facts of one passage are one fact to check ("$5,000 on a two-month
            // expedition").
            let near = |s: usize, e: usize| c.claim.start < e + 24 && s < c.claim.end + 24;
            if used
                .iter()
                .any(|&(s, e, sentence)| near(s, e) && sentence == c.sentence)
            {
                continue;
            }
            used.push((c.claim.start, c.claim.end, c.sentence));
            taken += 1;
            let claims = vec![c.claim];
            out.push(Finding {
                id: super::numbers::finding_id(Kind::OnlyInOne, &claims),
                kind: Kind::OnlyInOne,
                status: Status::OnlyInOne,
                precision: Vec::new(),
                subject: c.subject,
                explanation: c.explanation,
                claims,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Input, Kind, analyze};

    /// The claims listed as only in one report, for each report.
    fn solos(texts: &[&str]) -> Vec<Vec<String>> {
        let inputs: Vec<Input<'_>> = texts
            .iter()
            .map(|t| Input {
                text: t,
                body: 0..t.len(),
                date: None,
            })
            .collect();
        let analysis = analyze(&inputs);
        let mut out = vec![Vec::new(); texts.len()];
        for f in analysis
            .findings
            .iter()
            .filter(|f| f.kind == Kind::OnlyInOne)
        {
            out[f.claims[0].article].push(f.claims[0].display.clone());
        }
        out
    }

    #[test]
    fn a_rank_only_one_report_gives_is_listed_and_a_shared_one_is_not() {
        let one = "A fire broke out at the plant on Tuesday. The blast at the third largest \
                   plant in the nation hurt 40 workers.";
        let two = "A fire broke out at the plant on Tuesday and hurt 40 workers.";
        let s = solos(&[one, two]);
        assert!(
            s[0].iter()
                .any(|c| c == "third largest plant in the nation"),
            "{s:?}"
        );
        let two = "A fire broke out at the country's third largest plant on Tuesday and hurt \
                   40 workers.";
        let s = solos(&[one, two]);
        assert!(s.iter().flatten().all(|c| !c.contains("largest")), "{s:?}");
    }

    #[test]
    fn counts_of_people_somewhere_and_bare_counts_as_subjects_are_facts() {
        let one = "Snow fell on the pass on Friday. Around 100 hikers were already above the \
                   pass. Up to 2 million have watched the footage.";
        let two = "Snow fell on the pass on Friday.";
        let s = solos(&[one, two]);
        assert!(s[0].iter().any(|c| c.contains("100 hikers")), "{s:?}");
        assert!(s[0].iter().any(|c| c.contains("2 million")), "{s:?}");
    }

    #[test]
    fn a_name_followed_only_by_said_is_an_attribution_not_a_fact() {
        let one = "The ferry sank on Monday. Mayor Ilse Varga flew to the port to meet the \
                   families. The search will go on overnight, police chief Piet Novak said.";
        let two = "The ferry sank on Monday.";
        let s = solos(&[one, two]);
        assert!(s[0].iter().any(|c| c.contains("Varga")), "{s:?}");
        assert!(s[0].iter().all(|c| !c.contains("Novak")), "{s:?}");
    }

    #[test]
    fn who_the_victims_were_is_a_fact_of_its_own() {
        let one = "A bridge fell on Monday and killed 12 people. All of the dead were workers \
                   hired by a road company.";
        let two = "A bridge fell on Monday and killed 12 people.";
        let s = solos(&[one, two]);
        assert!(
            s[0].iter()
                .any(|c| c.starts_with("All of the dead were workers")),
            "{s:?}"
        );
        let two = "A bridge fell on Monday and killed 12 people; all of the dead were workers.";
        let s = solos(&[one, two]);
        assert!(
            s.iter().flatten().all(|c| !c.contains("All of the dead")),
            "{s:?}"
        );
    }
}
