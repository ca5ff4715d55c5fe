//! Lining claims up across reports and classifying each group.
//!
//! Everything is grouped by keys (hash joins), never by comparing every report with every
//! other: figures by what they measure, their unit and the places they are about; dates by the
//! passage and verb they belong to; parties by the people in them; passages by shared rare
//! words (leader clustering over an inverted index of cluster representatives). Cost grows
//! with the number of claims, not with the square of the number of reports.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rustc_hash::{FxHashMap, FxHashSet};

use super::dates::{self, DateClaim, DateCmp, DateValue};
use super::doc::{Doc, NO_WORD};
use super::lexicon::{CALENDAR, UnitClass, Verb};
use super::model::{ClaimRef, Finding, Interval, Kind, Measure, Precision, Status, WriteValue};
use super::names::{EntityKind, Names};
use super::quantity::{self, Quantity, Unit};
use super::relations::Party;
use super::union_find::UnionFind;

/// Everything extracted from the reports, ready to be lined up.
pub struct Extracted<'a> {
    /// The reports.
    pub docs: &'a [Doc<'a>],
    /// Names and entities.
    pub names: &'a Names,
    /// Figures of each report.
    pub quantities: &'a [Vec<Quantity<'a>>],
    /// Dates of each report.
    pub dates: &'a [Vec<DateClaim>],
    /// Travelling parties.
    pub parties: &'a [Party],
    /// Clauses saying the same thing across reports (see [`Clusterer`]).
    pub clusters: &'a Clusters,
}

const NO_CLUSTER: u32 = u32::MAX;

/// Clauses of different reports that say the same thing.
pub struct Clusters {
    /// Cluster of each clause of each report (`NO_CLUSTER` when alone).
    of: Vec<Vec<u32>>,
    /// Members of each cluster.
    members: Vec<Vec<Member>>,
    /// Whether each cluster has members in two reports or more (asked for every figure and
    /// date: a flag, not a walk over members that left the cache).
    multi: Vec<bool>,
}

/// One clause of a cluster.
#[derive(Clone, Copy)]
struct Member {
    doc: u32,
    clause: u32,
    /// Byte range of the clause's tokens, noted while its report was read (statements are
    /// claimed long after).
    start: u32,
    end: u32,
}

impl Clusters {
    fn multi_doc(&self, cluster: u32) -> bool {
        cluster != NO_CLUSTER && self.multi[cluster as usize]
    }

    fn of(&self, doc: usize, clause: u32) -> u32 {
        let c = self.of[doc][clause as usize];
        if self.multi_doc(c) { c } else { NO_CLUSTER }
    }
}

/// Content words of a clause (no numbers, dates or function words), sorted and unique, into
/// `sig`; left unsorted when there are fewer than [`MIN_WORDS`] (such a clause is not
/// clustered).
fn signature(doc: &Doc<'_>, clause: std::ops::Range<usize>, sig: &mut Vec<u32>) {
    sig.clear();
    sig.reserve(clause.len());
    for (&word, &flags) in doc.word[clause.clone()].iter().zip(&doc.flags[clause]) {
        if word != NO_WORD && flags & CALENDAR == 0 {
            sig.push(word);
        }
    }
    // Too few words to be clustered even before removing repeats: no need to sort.
    if sig.len() >= MIN_WORDS {
        sig.sort_unstable();
        sig.dedup();
    }
}

/// Fewest distinct content words a clause needs to be clustered.
const MIN_WORDS: usize = 4;

fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Leader clustering of clauses: each clause joins the most similar existing cluster (found
/// through an inverted index of the clusters' representatives) or starts a new one. Reports
/// are added one at a time, in order, each right after it is read (its words are still in
/// the cache then); [`Clusterer::finish`] gives the clusters.
#[derive(Default)]
pub struct Clusterer {
    reps: Vec<Vec<u32>>,
    members: Vec<Vec<Member>>,
    /// Clusters whose representative holds each word, by word id (ids are dense).
    index: Vec<Vec<u32>>,
    of: Vec<Vec<u32>>,
    /// Shared-word counts per cluster, in a dense array reset through the list of touched ids.
    counts: Vec<u32>,
    touched: Vec<u32>,
    /// Wire copy repeats clauses word for word: those are found by their signature alone.
    /// A representative's signature maps to its cluster for good; a clause that joined a
    /// cluster by similarity maps to it only while no cluster was added since (the `epoch`,
    /// the number of clusters then), as a new one might have fitted better. So a repeated
    /// clause is scored once, and lands where scoring it again would put it.
    exact: FxHashMap<Vec<u32>, (u32, u32)>,
    rare: Vec<(usize, u32)>,
    sig: Vec<u32>,
}

impl Clusterer {
    const MAX_POSTING: usize = 64;
    const RARE_WORDS: usize = 8;
    const FOR_GOOD: u32 = u32::MAX;

    /// Clusters the clauses of the next report.
    pub fn add(&mut self, doc: &Doc<'_>) {
        let d = self.of.len();
        let mut doc_of = vec![NO_CLUSTER; doc.clauses.len()];
        let mut sig = std::mem::take(&mut self.sig);
        for (c, clause) in doc.clauses.iter().enumerate() {
            signature(doc, clause.clone(), &mut sig);
            if sig.len() < MIN_WORDS {
                continue;
            }
            let id = self.place(&sig);
            let bytes = doc.span(clause.start, clause.end - 1);
            self.members[id as usize].push(Member {
                doc: d as u32,
                clause: c as u32,
                start: bytes.start as u32,
                end: bytes.end as u32,
            });
            doc_of[c] = id;
        }
        self.sig = sig;
        self.of.push(doc_of);
    }

    /// The cluster a clause with signature `sig` joins, made if none fits.
    fn place(&mut self, sig: &[u32]) -> u32 {
        if let Some(&(id, epoch)) = self.exact.get(sig)
            && (epoch == Self::FOR_GOOD || epoch as usize == self.reps.len())
        {
            return id;
        }
        // Candidates come from the clause's rarest indexed words: a similar clause shares
        // most words, so it shares some of the rare ones too.
        let index = &self.index;
        self.rare.clear();
        self.rare.extend(sig.iter().filter_map(|&w| {
            index
                .get(w as usize)
                .filter(|p| !p.is_empty() && p.len() <= Self::MAX_POSTING)
                .map(|p| (p.len(), w))
        }));
        self.rare.sort_unstable();
        self.counts.resize(self.reps.len(), 0);
        for &(_, w) in self.rare.iter().take(Self::RARE_WORDS) {
            for &cluster in &self.index[w as usize] {
                let slot = &mut self.counts[cluster as usize];
                if *slot == 0 {
                    self.touched.push(cluster);
                }
                *slot += 1;
            }
        }
        // Only the three clusters sharing the most indexed words (ties: the oldest) are
        // scored exactly; kept best first while the counts are reset.
        let mut top = [(0u32, NO_CLUSTER); 3];
        for &c in &self.touched {
            let n = std::mem::take(&mut self.counts[c as usize]);
            let better = |t: &(u32, u32)| n > t.0 || (n == t.0 && c < t.1);
            if n >= 2
                && let Some(at) = top.iter().position(better)
            {
                top.copy_within(at..2, at + 1);
                top[at] = (n, c);
            }
        }
        self.touched.clear();
        let mut best: Option<(u32, f64)> = None;
        for &(_, cluster) in top.iter().filter(|t| t.1 != NO_CLUSTER) {
            let rep = &self.reps[cluster as usize];
            let common = shared(sig, rep) as f64;
            let overlap = common / sig.len().min(rep.len()) as f64;
            let jaccard = common / ((sig.len() + rep.len()) as f64 - common).max(1.0);
            if overlap >= 0.6 && jaccard >= 0.35 {
                let score = jaccard + overlap;
                if best.is_none_or(|(_, s)| score > s) {
                    best = Some((cluster, score));
                }
            }
        }
        if let Some((cluster, _)) = best {
            self.exact
                .insert(sig.to_vec(), (cluster, self.reps.len() as u32));
            return cluster;
        }
        let id = self.reps.len() as u32;
        for &w in sig {
            if self.index.len() <= w as usize {
                self.index.resize_with(w as usize + 1, Vec::new);
            }
            self.index[w as usize].push(id);
        }
        self.exact.insert(sig.to_vec(), (id, Self::FOR_GOOD));
        self.reps.push(sig.to_vec());
        self.members.push(Vec::new());
        id
    }

    /// The clusters of every report added.
    pub fn finish(self) -> Clusters {
        Clusters {
            of: self.of,
            multi: self
                .members
                .iter()
                .map(|members| members.iter().any(|m| m.doc != members[0].doc))
                .collect(),
            members: self.members,
        }
    }
}

fn claim(
    article: usize,
    bytes: &std::ops::Range<usize>,
    value: String,
    display: String,
) -> ClaimRef {
    ClaimRef {
        article,
        start: bytes.start,
        end: bytes.end,
        value,
        display,
    }
}

/// Marks which claims of which report found a counterpart in another report.
struct Aligned {
    /// A flag per figure of each report.
    quantities: Vec<Vec<bool>>,
    entities: FxHashSet<u32>,
}

impl Aligned {
    /// Nothing aligned yet, with room for every figure of `ex`.
    fn new(ex: &Extracted<'_>) -> Self {
        Self {
            quantities: ex.quantities.iter().map(|q| vec![false; q.len()]).collect(),
            entities: FxHashSet::default(),
        }
    }

    fn mark_quantities(&mut self, figures: impl IntoIterator<Item = (usize, usize)>) {
        for (d, k) in figures {
            self.quantities[d][k] = true;
        }
    }
}

/// Lines the claims up and classifies every group. `figure_texts` holds each figure's claim
/// text ([`quantity::describe`]) in the shape of `ex.quantities`, written as each report was
/// read; a missing one is written here.
pub fn findings(ex: &Extracted<'_>, figure_texts: Vec<Vec<String>>) -> Vec<Finding> {
    let mut texts = FigureTexts(figure_texts);
    let mut out = Vec::new();
    let mut aligned = Aligned::new(ex);
    quantity_findings(ex, &mut texts, &mut aligned, &mut out);
    date_findings(ex, &mut out);
    people_findings(ex, &mut aligned, &mut out);
    spelling_findings(ex, &mut out);
    statement_findings(ex, &mut out);
    only_in_one_findings(ex, &mut texts, &aligned, &mut out);
    for finding in &mut out {
        finding.claims.sort_by_key(|c| (c.article, c.start, c.end));
        finding.claims.dedup_by_key(|c| (c.article, c.start, c.end));
        finding.id = finding_id(finding);
    }
    out.sort_by(|a, b| {
        let first = |f: &Finding| f.claims.first().map(|c| (c.article, c.start));
        (a.status, first(a), a.kind).cmp(&(b.status, first(b), b.kind))
    });
    out
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// `FNV_PRIME` to the powers 0 to 8.
const FNV_PRIME_POWERS: [u64; 9] = {
    let mut powers = [1u64; 9];
    let mut k = 1;
    while k < 9 {
        powers[k] = powers[k - 1].wrapping_mul(FNV_PRIME);
        k += 1;
    }
    powers
};

/// FNV-1a steps over `bytes`.
#[inline]
fn fnv_bytes(hash: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// FNV-1a steps over the eight little-endian bytes of `v`. A zero byte only multiplies the
/// hash by the prime, so the zero high bytes of a small number are one multiplication by a
/// power of it: the same hash in a third of the steps.
#[inline]
fn fnv_u64(hash: u64, v: u64) -> u64 {
    let len = (8 - v.leading_zeros() / 8) as usize;
    fnv_bytes(hash, &v.to_le_bytes()[..len]).wrapping_mul(FNV_PRIME_POWERS[8 - len])
}

/// FNV-1a over the kind and the claims' places: the same finding gets the same id in every run
/// (review files refer to findings by it).
fn finding_id(finding: &Finding) -> String {
    let mut hash = fnv_bytes(FNV_OFFSET, finding.kind.name().as_bytes());
    for c in &finding.claims {
        hash = fnv_u64(hash, c.article as u64);
        hash = fnv_u64(hash, c.start as u64);
        hash = fnv_u64(hash, c.end as u64);
    }
    format!("{hash:016x}")
}

// ---------------------------------------------------------------------------------------------
// Figures

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct QuantityKey<'q> {
    measure: Option<Measure>,
    unit: &'q Unit,
    /// Few: inline, so building a key for every figure allocates nothing.
    anchors: Anchors,
    cluster: u32,
}

type Anchors = smallvec::SmallVec<[u32; 4]>;

/// The places (for figures of harm) or the actor (for other figures) a figure is about.
fn anchors(ex: &Extracted<'_>, d: usize, q: &Quantity, neighbours: (usize, usize)) -> Anchors {
    let names = ex.names;
    let mentions = names.in_range(d, q.at.sentence_tokens.clone());
    let located_measure = q.measure.is_none_or(Measure::is_located)
        && q.unit
            .as_ref()
            .is_none_or(|u| u.class == UnitClass::People || q.measure.is_some());
    let mut out: Anchors = if located_measure {
        let places = mentions
            .iter()
            .filter(|m| !m.container && !m.modifier)
            .filter(|m| m.first >= neighbours.0 && m.first < neighbours.1)
            .filter(|m| m.located || (names.kind(m) == EntityKind::Place && !m.possessive));
        // Places given with a preposition ("in A") win over other places named nearby.
        if places.clone().any(|m| m.located) {
            places
                .filter(|m| m.located)
                .map(|m| names.entity(m))
                .collect()
        } else {
            places.map(|m| names.entity(m)).collect()
        }
    } else {
        // The actor: the nearest person before the figure in its clause, else the nearest
        // organisation; a relative clause ("John Park, who got 45%") looks one clause back.
        let mut before = mentions
            .iter()
            .filter(|m| m.first >= q.at.actor_from && m.last < q.number_token && !m.modifier)
            .filter(|m| names.kind(m) != EntityKind::Place);
        let person = before
            .clone()
            .rev()
            .find(|m| names.kind(m) == EntityKind::Person);
        person
            .or_else(|| before.next_back())
            .map(|m| names.entity(m))
            .into_iter()
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// One place's figures in a report: (place entity, (report, figure) indices).
type PlaceFigures = (u32, Vec<(usize, usize)>);

struct Side {
    doc: usize,
    value: Interval,
    lumped: bool,
    /// The per-place values summed, for a split report (empty otherwise).
    summed: Vec<Interval>,
    parts: BTreeMap<String, Interval>,
}

/// Combines the figures one report gives for one thing: the most precise value they all
/// allow, or their hull when the report contradicts itself.
fn combine(values: impl Iterator<Item = Interval>) -> Option<Interval> {
    let mut acc: Option<Interval> = None;
    let mut hull: Option<Interval> = None;
    let mut consistent = true;
    for v in values {
        hull = Some(hull.map_or(v, |h| Interval {
            lo: h.lo.min(v.lo),
            hi: h.hi.max(v.hi),
        }));
        acc = match acc {
            None => Some(v),
            Some(a) => a.intersect(&v).or_else(|| {
                consistent = false;
                Some(a)
            }),
        };
    }
    if consistent { acc } else { hull }
}

/// Each figure's value and whether it has parts, per report: what sides are made of, kept
/// apart from the figures (a side reads figures of many reports, in no order the cache
/// could follow, and a `Quantity` is larger than a cache line).
struct FigureValues<'e> {
    values: Vec<Vec<(Interval, bool)>>,
    quantities: &'e [Vec<Quantity<'e>>],
}

impl<'e> FigureValues<'e> {
    fn new(quantities: &'e [Vec<Quantity<'e>>]) -> Self {
        let values = quantities
            .iter()
            .map(|list| {
                list.iter()
                    .map(|q| (q.value, !q.parts.is_empty()))
                    .collect()
            })
            .collect();
        Self { values, quantities }
    }
}

/// One report's side of a comparison: its figures `claims` (report, figure) combined.
fn side_of(doc: usize, claims: &[(usize, usize)], figures: &FigureValues<'_>) -> Option<Side> {
    let value = combine(claims.iter().map(|&(d, k)| figures.values[d][k].0))?;
    let mut parts: BTreeMap<String, Vec<Interval>> = BTreeMap::new();
    for &(d, k) in claims {
        if !figures.values[d][k].1 {
            continue;
        }
        for p in &figures.quantities[d][k].parts {
            parts
                .entry(p.unit.name.to_string())
                .or_default()
                .push(p.value);
        }
    }
    Some(Side {
        doc,
        value,
        lumped: false,
        summed: Vec::new(),
        parts: parts
            .into_iter()
            .filter_map(|(unit, values)| combine(values.into_iter()).map(|v| (unit, v)))
            .collect(),
    })
}

/// Each figure's claim text ([`quantity::describe`]), written while its report was read (the
/// report's text is long out of the cache by the time claims are made): a figure's claim
/// takes its text, and writes it again only if it was taken already.
struct FigureTexts(Vec<Vec<String>>);

impl FigureTexts {
    fn claim(&mut self, ex: &Extracted<'_>, (d, k): (usize, usize)) -> ClaimRef {
        let q = &ex.quantities[d][k];
        let text = self
            .0
            .get_mut(d)
            .and_then(|list| list.get_mut(k))
            .map(std::mem::take)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| quantity::describe(q));
        claim(d, &q.bytes, q.value.render(), text)
    }
}

fn quantity_subject(ex: &Extracted<'_>, key: &QuantityKey<'_>) -> String {
    let unit = &key.unit;
    let what = match (unit.class, key.measure) {
        (UnitClass::People, Some(Measure::Casualties)) => {
            format!("{} casualties", unit.name)
        }
        (UnitClass::People, Some(m)) => format!("{} {}", unit.name, m.phrase()),
        (UnitClass::People, None) => unit.name.to_string(),
        (UnitClass::Money, Some(m)) => format!("amount {} ({})", m.phrase(), unit.name),
        (UnitClass::Money, None) => format!("amount ({})", unit.name),
        (UnitClass::Percent, Some(Measure::Votes)) => "share of the vote (%)".to_owned(),
        (UnitClass::Percent, Some(m)) => format!("{} (%)", m.phrase()),
        (UnitClass::Percent, None) => "percentage".to_owned(),
        (UnitClass::Distance, _) => "distance (km)".to_owned(),
        (UnitClass::Duration, _) => "duration (days)".to_owned(),
        (UnitClass::Weight, _) => "weight (kg)".to_owned(),
        (UnitClass::Thing, Some(m)) if unit.name == m.phrase() => unit.name.to_string(),
        (UnitClass::Thing, Some(m)) => format!("{}s {}", unit.name, m.phrase()),
        (UnitClass::Thing, None) => format!("number of {}s", unit.name),
    };
    if key.anchors.is_empty() {
        return what;
    }
    let names: Vec<&str> = key
        .anchors
        .iter()
        .map(|&e| ex.names.entities[e as usize].name.as_str())
        .collect();
    let joined = join_names(&names);
    let places = key
        .anchors
        .iter()
        .all(|&e| ex.names.entities[e as usize].kind == EntityKind::Place);
    if places {
        format!("{what} in {joined}")
    } else {
        format!("{what} ({joined})")
    }
}

fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn classify_sides(sides: &[Side]) -> (Status, Vec<Precision>, String) {
    let mut precision = Vec::new();
    let mut all: Option<Interval> = Some(sides[0].value);
    for s in &sides[1..] {
        all = all.and_then(|a| a.intersect(&s.value));
    }
    let same = sides.iter().all(|s| s.value.same(&sides[0].value));
    let mut status = match all {
        None => Status::Conflict,
        Some(_) if same => Status::Corroborated,
        Some(_) => {
            precision.push(Precision::VagueVsExact);
            Status::Compatible
        }
    };
    let lumped = sides.iter().any(|s| s.lumped);
    if lumped && sides.iter().any(|s| !s.lumped) {
        precision.push(Precision::LumpedVsSplit);
        if status == Status::Corroborated {
            status = Status::Compatible;
        }
    }
    // Parts ("including nine children") compared where two reports give them.
    let mut part_units: BTreeMap<&str, Vec<Interval>> = BTreeMap::new();
    for s in sides {
        for (unit, v) in &s.parts {
            part_units.entry(unit).or_default().push(*v);
        }
    }
    let mut part_notes = Vec::new();
    for (unit, values) in &part_units {
        if values.len() < 2 {
            continue;
        }
        let mut acc = Some(values[0]);
        for v in &values[1..] {
            acc = acc.and_then(|a| a.intersect(v));
        }
        let same = values.iter().all(|v| v.same(&values[0]));
        match acc {
            None => {
                status = Status::Conflict;
                part_notes.push(format!("{unit}: no value fits all reports"));
            }
            Some(_) if !same => {
                if status == Status::Corroborated {
                    status = Status::Compatible;
                }
                if !precision.contains(&Precision::VagueVsExact) {
                    precision.push(Precision::VagueVsExact);
                }
            }
            Some(_) => {}
        }
    }
    // Each distinct value once, with how many reports give it: readable with 200 reports,
    // and formatted once rather than once per report.
    let mut distinct: Vec<(&Side, usize)> = Vec::new();
    for s in sides {
        match distinct
            .iter_mut()
            .find(|(d, _)| d.value.same(&s.value) && d.summed.len() == s.summed.len())
        {
            Some((_, n)) => *n += 1,
            None => distinct.push((s, 1)),
        }
    }
    let values: Vec<String> = distinct
        .iter()
        .map(|(s, n)| {
            let mut text = s.value.to_string();
            if !s.summed.is_empty() {
                let parts: Vec<String> = s.summed.iter().map(ToString::to_string).collect();
                let _ = write!(text, " ({})", parts.join(" + "));
            }
            if *n > 1 {
                let _ = write!(text, " ×{n}");
            }
            text
        })
        .collect();
    let mut explanation = format!("values {}", values.join(" | "));
    match status {
        Status::Conflict => explanation.push_str(": no value fits every report"),
        Status::Compatible => explanation.push_str(": one value can fit every report"),
        _ => explanation.push_str(": the same value in every report"),
    }
    for note in part_notes {
        let _ = write!(explanation, "; {note}");
    }
    (status, precision, explanation)
}

fn quantity_findings(
    ex: &Extracted<'_>,
    texts: &mut FigureTexts,
    aligned: &mut Aligned,
    out: &mut Vec<Finding>,
) {
    let mut by_key: FxHashMap<QuantityKey, Vec<(usize, usize)>> = FxHashMap::default();
    for (d, list) in ex.quantities.iter().enumerate() {
        for (k, q) in list.iter().enumerate() {
            let Some(unit) = &q.unit else { continue };
            // Neighbouring figures of the same measure in the sentence split its places.
            // Figures are in text order, so the sentence's figures are a run around `k`.
            let in_sentence = |o: &&Quantity| o.at.sentence == q.at.sentence;
            let run_start = k - list[..k].iter().rev().take_while(in_sentence).count();
            let run_end = k + 1 + list[k + 1..].iter().take_while(in_sentence).count();
            let same = |o: &&Quantity| o.measure == q.measure;
            let lo = list[run_start..k]
                .iter()
                .rev()
                .find(same)
                .map_or(0, |o| usize::midpoint(o.number_token, q.number_token));
            let hi = list[k + 1..run_end]
                .iter()
                .find(same)
                .map_or(usize::MAX, |o| {
                    usize::midpoint(o.number_token, q.number_token)
                });
            let mut key = QuantityKey {
                measure: q.measure,
                unit,
                anchors: anchors(ex, d, q, (lo, hi)),
                cluster: NO_CLUSTER,
            };
            if key.measure.is_none() {
                key.anchors.clear();
                key.cluster = ex.clusters.of(d, q.at.clause);
                if key.cluster == NO_CLUSTER {
                    continue;
                }
            }
            by_key.entry(key).or_default().push((d, k));
        }
    }
    // Figures with no place join the one placed group of their kind, if there is just one.
    let mut placed: FxHashMap<(Option<Measure>, &Unit), Vec<&QuantityKey<'_>>> =
        FxHashMap::default();
    let mut unplaced: Vec<QuantityKey<'_>> = Vec::new();
    for key in by_key.keys() {
        if key.measure.is_none() {
            continue;
        }
        if key.anchors.is_empty() {
            unplaced.push(key.clone());
        } else {
            placed.entry((key.measure, key.unit)).or_default().push(key);
        }
    }
    let moves: Vec<(QuantityKey<'_>, QuantityKey<'_>)> = unplaced
        .into_iter()
        .filter_map(|key| {
            let target = match placed.get(&(key.measure, key.unit)).map(Vec::as_slice) {
                Some([only]) => (*only).clone(),
                _ => return None,
            };
            Some((key, target))
        })
        .collect();
    for (from, to) in moves {
        if let Some(claims) = by_key.remove(&from) {
            by_key.entry(to).or_default().extend(claims);
        }
    }
    let figures = FigureValues::new(ex.quantities);
    // A figure shown in a lumped group is rendered once and kept for its own group below.
    let mut rendered: FxHashMap<(usize, usize), ClaimRef> = FxHashMap::default();
    let mut claim_of = |c: &(usize, usize)| {
        rendered
            .entry(*c)
            .or_insert_with(|| texts.claim(ex, *c))
            .clone()
    };
    let mut keys: Vec<&QuantityKey<'_>> = by_key.keys().collect();
    keys.sort_unstable();
    // Lumped figures ("strikes on A and B killed dozens") against per-place ones.
    for &key in &keys {
        let lumped_claims = &by_key[key];
        if key.anchors.len() < 2 {
            continue;
        }
        let lumped_docs: FxHashSet<usize> = lumped_claims.iter().map(|c| c.0).collect();
        let mut per_doc: BTreeMap<usize, Vec<PlaceFigures>> = BTreeMap::new();
        for &anchor in &key.anchors {
            let sub = QuantityKey {
                anchors: smallvec::smallvec![anchor],
                ..key.clone()
            };
            if let Some(claims) = by_key.get(&sub) {
                for &c in claims {
                    if lumped_docs.contains(&c.0) {
                        continue;
                    }
                    let entry = per_doc.entry(c.0).or_default();
                    match entry.iter_mut().find(|(a, _)| *a == anchor) {
                        Some((_, list)) => list.push(c),
                        None => entry.push((anchor, vec![c])),
                    }
                }
            }
        }
        if per_doc.is_empty() {
            continue;
        }
        let mut sides = Vec::new();
        let mut claims = Vec::new();
        let mut lumped_by_doc: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for c in lumped_claims {
            lumped_by_doc.entry(c.0).or_default().push(*c);
            claims.push(claim_of(c));
        }
        for (doc, list) in lumped_by_doc {
            if let Some(mut side) = side_of(doc, &list, &figures) {
                side.lumped = true;
                sides.push(side);
            }
        }
        for (doc, places) in &per_doc {
            let mut total = Interval::exact(0.0);
            let mut summed = Vec::new();
            let mut parts: BTreeMap<String, Interval> = BTreeMap::new();
            for (_, list) in places {
                let Some(side) = side_of(*doc, list, &figures) else {
                    continue;
                };
                total = total.add(&side.value);
                summed.push(side.value);
                for (unit, v) in side.parts {
                    let e = parts.entry(unit).or_insert(Interval::exact(0.0));
                    *e = e.add(&v);
                }
                claims.extend(list.iter().map(&mut claim_of));
            }
            if places.len() < key.anchors.len() {
                // Not every place has a figure: the sum is only a lower bound.
                total.hi = f64::INFINITY;
                for v in parts.values_mut() {
                    v.hi = f64::INFINITY;
                }
            }
            sides.push(Side {
                doc: *doc,
                value: total,
                lumped: false,
                summed,
                parts,
            });
        }
        // Fewer than two reports on the sides: nothing to compare.
        if sides
            .first()
            .is_none_or(|f| sides.iter().all(|s| s.doc == f.doc))
        {
            continue;
        }
        aligned.mark_quantities(lumped_claims.iter().copied());
        for places in per_doc.values() {
            for (_, list) in places {
                aligned.mark_quantities(list.iter().copied());
            }
        }
        out.push(number_finding(ex, key, &sides, claims));
    }
    // Groups of one key.
    let mut by_doc: Vec<(usize, usize)> = Vec::new();
    for &key in &keys {
        let list = &by_key[key];
        // The figures in report order (stable: each report's in the order given), one run
        // per report.
        by_doc.clear();
        by_doc.extend_from_slice(list);
        by_doc.sort_by_key(|c| c.0);
        if by_doc.first().map(|c| c.0) == by_doc.last().map(|c| c.0) {
            continue;
        }
        aligned.mark_quantities(list.iter().copied());
        let sides: Vec<Side> = by_doc
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|run| side_of(run[0].0, run, &figures))
            .collect();
        // Each figure is in one key's group: its rendering is taken, not copied.
        let claims = list
            .iter()
            .map(|c| rendered.remove(c).unwrap_or_else(|| texts.claim(ex, *c)))
            .collect();
        out.push(number_finding(ex, key, &sides, claims));
    }
}

/// A figure finding: the sides classified, the subject named from the key.
fn number_finding(
    ex: &Extracted<'_>,
    key: &QuantityKey<'_>,
    sides: &[Side],
    claims: Vec<ClaimRef>,
) -> Finding {
    let (status, precision, explanation) = classify_sides(sides);
    Finding {
        id: String::new(),
        kind: Kind::Number,
        status,
        precision,
        subject: quantity_subject(ex, key),
        explanation,
        claims,
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// Dates joined by (0, passage, verb, places when the passage names several) or (1, verb, people
/// and places).
type DateKey = (u8, u32, Option<Verb>, Anchors);

/// A date (index into the refs) and the places its clause names.
type PlacedDate = (usize, Anchors);

struct DateRef {
    doc: usize,
    idx: usize,
}

fn date_findings(ex: &Extracted<'_>, out: &mut Vec<Finding>) {
    // Union-find over date claims joined by (passage, verb) or (verb, people and places).
    let mut refs: Vec<DateRef> = Vec::new();
    let mut keys: FxHashMap<DateKey, Vec<usize>> = FxHashMap::default();
    // Dates by (passage, verb), with the places their clause names: "the convoy left A at
    // 10:23" and "the convoy left B at 9:10" are one passage but two events.
    let mut passages: FxHashMap<(u32, Option<Verb>), Vec<PlacedDate>> = FxHashMap::default();
    for (d, list) in ex.dates.iter().enumerate() {
        for (k, date) in list.iter().enumerate() {
            if matches!(date.value, DateValue::Unresolved) {
                continue;
            }
            let id = refs.len();
            refs.push(DateRef { doc: d, idx: k });
            let cluster = ex.clusters.of(d, date.clause);
            if date.verb.is_none() {
                continue;
            }
            // The names of the date's clause, for its places and its actors.
            let named = ex.names.in_range(d, date.clause_tokens.clone());
            if cluster != NO_CLUSTER {
                let mut places: Anchors = named
                    .iter()
                    .filter(|m| !m.modifier && ex.names.kind(m) == EntityKind::Place)
                    .map(|m| ex.names.entity(m))
                    .collect();
                places.sort_unstable();
                places.dedup();
                passages
                    .entry((cluster, date.verb))
                    .or_default()
                    .push((id, places));
            }
            let Some(verb) = date.verb else { continue };
            if matches!(verb, Verb::Be) {
                continue;
            }
            let mut actors: Anchors = named
                .iter()
                .filter(|m| !m.modifier && !m.possessive)
                .filter(|m| matches!(ex.names.kind(m), EntityKind::Person | EntityKind::Place))
                .map(|m| ex.names.entity(m))
                .collect();
            actors.sort_unstable();
            actors.dedup();
            if !actors.is_empty() {
                keys.entry((1, NO_CLUSTER, Some(verb), actors))
                    .or_default()
                    .push(id);
            }
        }
    }
    // A passage's dates are compared when their clauses name the same places, or one names
    // none; when the passage names two sets of places, each set is its own event and a date
    // without a place joins neither.
    for ((cluster, verb), dated) in passages {
        let mut place_sets: Vec<&Anchors> = dated
            .iter()
            .map(|(_, places)| places)
            .filter(|p| !p.is_empty())
            .collect();
        place_sets.sort_unstable();
        place_sets.dedup();
        for (id, places) in &dated {
            let set = if place_sets.len() <= 1 {
                Anchors::new()
            } else if places.is_empty() {
                continue;
            } else {
                places.clone()
            };
            keys.entry((0, cluster, verb, set)).or_default().push(*id);
        }
    }
    for ids in keys.values_mut() {
        ids.sort_unstable();
    }
    let mut uf = UnionFind::new(refs.len());
    let mut key_list: Vec<_> = keys.into_iter().collect();
    key_list.sort();
    for (_, ids) in &key_list {
        // Dates of one report only: nothing to compare.
        if ids
            .first()
            .is_none_or(|&f| ids.iter().all(|&i| refs[i].doc == refs[f].doc))
        {
            continue;
        }
        for w in ids.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    let groups = uf.groups();
    for ids in groups.iter() {
        // Members are in the order of `refs`, which is report order: one run per report.
        let doc_of = |i: usize| refs[i].doc;
        if ids.len() < 2 || doc_of(ids[0]) == doc_of(ids[ids.len() - 1]) {
            continue;
        }
        let by_doc: Vec<(usize, Vec<&DateClaim>)> = ids
            .chunk_by(|&a, &b| doc_of(a) == doc_of(b))
            .map(|run| {
                let d = doc_of(run[0]);
                (d, run.iter().map(|&i| &ex.dates[d][refs[i].idx]).collect())
            })
            .collect();
        // Each report's value is the most precise date it gives for the event; reports that
        // give the same value are compared once, so the cost is in distinct values, not in
        // pairs of reports.
        let mut distinct: Vec<DateValue> = Vec::new();
        for (_, list) in &by_doc {
            let value = list
                .iter()
                .map(|d| d.value)
                .find(DateValue::is_day)
                .unwrap_or(list[0].value);
            if !distinct.contains(&value) {
                distinct.push(value);
            }
        }
        let mut worst = DateCmp::Same;
        let mut unresolved = false;
        for (i, a) in distinct.iter().enumerate() {
            for b in &distinct[i + 1..] {
                let best = dates::compare(a, b);
                if matches!(a, DateValue::Weekday(_)) || matches!(b, DateValue::Weekday(_)) {
                    unresolved = true;
                }
                worst = match (worst, best) {
                    (DateCmp::Different, _) | (_, DateCmp::Different) => DateCmp::Different,
                    (DateCmp::Overlap, _) | (_, DateCmp::Overlap) => DateCmp::Overlap,
                    (DateCmp::Unknown, _) | (_, DateCmp::Unknown) => DateCmp::Unknown,
                    _ => DateCmp::Same,
                };
            }
        }
        let (status, precision) = match worst {
            DateCmp::Same => (Status::Corroborated, Vec::new()),
            DateCmp::Overlap if unresolved => (Status::Compatible, vec![Precision::UnresolvedDate]),
            DateCmp::Overlap => (Status::Compatible, vec![Precision::VagueVsExact]),
            DateCmp::Different => (Status::Conflict, Vec::new()),
            DateCmp::Unknown => continue,
        };
        let first = &ex.dates[refs[ids[0]].doc][refs[ids[0]].idx];
        let subject = date_subject(ex, refs[ids[0]].doc, first);
        // Each date rendered once, for its claim and for the explanation. The explanation
        // gives each report's dates, each distinct wording once with how many reports give it.
        let mut claims = Vec::with_capacity(ids.len());
        let mut values: Vec<(String, usize)> = Vec::new();
        let mut report_value = String::new();
        for &(d, ref list) in &by_doc {
            report_value.clear();
            for date in list {
                let value = date.value.render();
                if !report_value.is_empty() {
                    report_value.push_str(", ");
                }
                report_value.push_str(&value);
                let text = ex.docs[d].text[date.bytes.clone()].to_owned();
                claims.push(claim(d, &date.bytes, value, text));
            }
            match values.iter_mut().find(|(v, _)| *v == report_value) {
                Some((_, n)) => *n += 1,
                None => values.push((report_value.clone(), 1)),
            }
        }
        let values: Vec<String> = values
            .into_iter()
            .map(|(v, n)| if n > 1 { format!("{v} ×{n}") } else { v })
            .collect();
        let explanation = match status {
            Status::Conflict => format!("dates {}: they cannot all be right", values.join(" | ")),
            Status::Compatible => format!("dates {}: they can agree", values.join(" | ")),
            _ => format!("dates {}: the same day", values.join(" | ")),
        };
        out.push(Finding {
            id: String::new(),
            kind: Kind::Date,
            status,
            precision,
            subject,
            explanation,
            claims,
        });
    }
}

/// "when Steve Witkoff said …": the clause's actor and verb.
fn date_subject(ex: &Extracted<'_>, d: usize, date: &DateClaim) -> String {
    let doc = &ex.docs[d];
    let clause = doc.clause_range(date.first);
    let actor = ex
        .names
        .in_range(d, clause.clone())
        .iter()
        .find(|m| !m.modifier && ex.names.kind(m) == EntityKind::Person)
        .map(|m| ex.names.entities[ex.names.entity(m) as usize].name.clone());
    let verb = clause
        .clone()
        .find(|&k| k < date.first && doc.lex[k].is_some_and(|l| l.verb.is_some()))
        .or_else(|| {
            clause
                .clone()
                .find(|&k| doc.lex[k].is_some_and(|l| l.verb.is_some()))
        })
        .map(|k| doc.tok(k).to_owned());
    match (actor, verb) {
        (Some(a), Some(v)) => format!("when {a} {v}"),
        (Some(a), None) => format!("date of what {a} did"),
        (None, Some(v)) => format!("when it {v}"),
        (None, None) => "date".to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// People

fn people_findings(ex: &Extracted<'_>, aligned: &mut Aligned, out: &mut Vec<Finding>) {
    // Parties joined by a shared member.
    let n = ex.parties.len();
    let mut uf = UnionFind::new(n);
    let mut first_party: FxHashMap<u32, usize> = FxHashMap::default();
    for (i, party) in ex.parties.iter().enumerate() {
        for (e, _) in party.members.iter().chain(&party.expected) {
            match first_party.get(e) {
                Some(&j) => uf.union(i, j),
                None => {
                    first_party.insert(*e, i);
                }
            }
        }
    }
    let groups = uf.groups();
    let entity_name = |e: u32| ex.names.entities[e as usize].name.clone();
    for ids in groups.iter() {
        let parties: Vec<&Party> = ids.iter().map(|&i| &ex.parties[i]).collect();
        // The principal: the member of the most reports' parties.
        let mut docs_of: BTreeMap<u32, FxHashSet<usize>> = BTreeMap::new();
        for p in &parties {
            for (e, _) in &p.members {
                docs_of.entry(*e).or_default().insert(p.doc);
            }
        }
        let Some((&principal, principal_docs)) = docs_of
            .iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        else {
            continue;
        };
        if principal_docs.len() < 2 {
            continue;
        }
        let mut with: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        let mut expected: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        let mut claims = Vec::new();
        for p in &parties {
            if !p.members.iter().any(|(e, _)| *e == principal) {
                continue;
            }
            let w = with.entry(p.doc).or_default();
            w.extend(
                p.members
                    .iter()
                    .map(|(e, _)| *e)
                    .filter(|&e| e != principal),
            );
            expected
                .entry(p.doc)
                .or_default()
                .extend(p.expected.iter().map(|(e, _)| *e));
            let value = party_value(&p.members, &p.expected, principal, &entity_name);
            claims.push(claim(p.doc, &p.bytes, value.clone(), value));
        }
        for list in with.values_mut().chain(expected.values_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        // Distinct (companions, expected) accounts, compared pairwise: few, however many
        // reports tell them.
        let empty = Vec::new();
        let mut sets: Vec<(&Vec<u32>, &Vec<u32>)> = Vec::new();
        for (d, w) in &with {
            let e = expected.get(d).unwrap_or(&empty);
            if !sets.contains(&(w, e)) {
                sets.push((w, e));
            }
        }
        let mut conflict = false;
        let mut partial = false;
        let mut differ = false;
        for (i, (wa, _)) in sets.iter().enumerate() {
            for (j, (wb, eb)) in sets.iter().enumerate() {
                if i == j {
                    continue;
                }
                if wa.iter().any(|x| eb.contains(x)) {
                    conflict = true;
                }
                if wa != wb {
                    differ = true;
                    let a_in_b = wa.iter().all(|x| wb.contains(x));
                    let b_in_a = wb.iter().all(|x| wa.contains(x));
                    if !wa.is_empty() && !wb.is_empty() && !a_in_b && !b_in_a {
                        conflict = true;
                    } else {
                        partial = true;
                    }
                }
            }
        }
        let expected_differ = {
            let mut distinct: Vec<&Vec<u32>> = expected.values().collect();
            distinct.dedup();
            distinct.len() > 1
        };
        let (status, precision) = if conflict {
            (Status::Conflict, Vec::new())
        } else if differ || expected_differ || partial {
            (Status::Compatible, vec![Precision::PartialList])
        } else {
            (Status::Corroborated, Vec::new())
        };
        for p in &parties {
            for (e, _) in p.members.iter().chain(&p.expected) {
                aligned.entities.insert(*e);
            }
        }
        let values: Vec<String> = with
            .iter()
            .map(|(d, w)| {
                let e = expected.get(d).map_or(&[][..], Vec::as_slice);
                group_text(w, e, &entity_name)
            })
            .collect();
        out.push(Finding {
            id: String::new(),
            kind: Kind::People,
            status,
            precision,
            subject: format!("who travelled with {}", entity_name(principal)),
            explanation: format!(
                "companions {}{}",
                values.join(" | "),
                match status {
                    Status::Conflict => ": the reports name different companions",
                    Status::Compatible => ": one report names fewer",
                    _ => ": the same companions",
                }
            ),
            claims,
        });
    }
}

fn group_text(with: &[u32], expected: &[u32], name: &dyn Fn(u32) -> String) -> String {
    let with: Vec<String> = with.iter().map(|&e| name(e)).collect();
    let expected: Vec<String> = expected.iter().map(|&e| name(e)).collect();
    let with_refs: Vec<&str> = with.iter().map(String::as_str).collect();
    let expected_refs: Vec<&str> = expected.iter().map(String::as_str).collect();
    let mut s = if with.is_empty() {
        "no one named".to_owned()
    } else {
        format!("with {}", join_names(&with_refs))
    };
    if !expected.is_empty() {
        let _ = write!(s, "; {} expected to join", join_names(&expected_refs));
    }
    s
}

fn party_value(
    members: &[(u32, std::ops::Range<usize>)],
    expected: &[(u32, std::ops::Range<usize>)],
    principal: u32,
    name: &dyn Fn(u32) -> String,
) -> String {
    let with: Vec<u32> = members
        .iter()
        .map(|(e, _)| *e)
        .filter(|&e| e != principal)
        .collect();
    let exp: Vec<u32> = expected.iter().map(|(e, _)| *e).collect();
    group_text(&with, &exp, name)
}

// ---------------------------------------------------------------------------------------------
// Spelling

fn spelling_findings(ex: &Extracted<'_>, out: &mut Vec<Finding>) {
    let names = ex.names;
    let mut by_entity: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for v in &names.variants {
        let e = names.entity_of_form[v.a as usize];
        let forms = by_entity.entry(e).or_default();
        forms.push(v.a);
        forms.push(v.b);
    }
    for (_, mut forms) in by_entity {
        forms.sort_unstable();
        forms.dedup();
        forms.sort_by(|&a, &b| {
            names.forms[a as usize]
                .key
                .cmp(&names.forms[b as usize].key)
        });
        let mut claims = Vec::new();
        let mut counts = Vec::new();
        for &f in &forms {
            let form = &names.forms[f as usize];
            for &(d, m) in &form.mentions {
                let mention = &names.mentions[d as usize][m as usize];
                claims.push(claim(
                    d as usize,
                    &mention.bytes,
                    form.display.clone(),
                    form.display.clone(),
                ));
            }
            counts.push(format!(
                "“{}” in {} report{}",
                form.display,
                form.docs.len(),
                if form.docs.len() == 1 { "" } else { "s" }
            ));
        }
        let displays: Vec<&str> = forms
            .iter()
            .map(|&f| names.forms[f as usize].display.as_str())
            .collect();
        out.push(Finding {
            id: String::new(),
            kind: Kind::Spelling,
            status: Status::Conflict,
            precision: Vec::new(),
            subject: displays.join(" / "),
            explanation: format!(
                "one name spelled {} ways: {}",
                forms.len(),
                counts.join(", ")
            ),
            claims,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Statements

fn statement_findings(ex: &Extracted<'_>, out: &mut Vec<Finding>) {
    let clusters = ex.clusters;
    // Clauses with a figure or a date, a flag per clause of each report.
    let mut covered: Vec<Vec<bool>> = ex
        .docs
        .iter()
        .map(|d| vec![false; d.clauses.len()])
        .collect();
    for (d, list) in ex.quantities.iter().enumerate() {
        for q in list {
            covered[d][q.at.clause as usize] = true;
        }
    }
    for (d, list) in ex.dates.iter().enumerate() {
        for date in list {
            covered[d][date.clause as usize] = true;
        }
    }
    for (c, members) in clusters.members.iter().enumerate() {
        if !clusters.multi_doc(c as u32) {
            continue;
        }
        if members
            .iter()
            .any(|m| covered[m.doc as usize][m.clause as usize])
        {
            continue;
        }
        // The shortest wording names it (the same whatever order the reports came in): found
        // while the claims are made, as each clause's text is read only once.
        let mut shortest: Option<(&str, u32, u32)> = None;
        let claims: Vec<ClaimRef> = members
            .iter()
            .map(|m| {
                let bytes = m.start as usize..m.end as usize;
                let whole = &ex.docs[m.doc as usize].text[bytes.clone()];
                if shortest.is_none_or(|(s, _, _)| (whole.len(), whole) < (s.len(), s)) {
                    shortest = Some((whole, m.doc, m.clause));
                }
                let text = whole.trim_end_matches([',', ';', ':', '.']).to_owned();
                let bytes = bytes.start..bytes.start + text.len();
                claim(m.doc as usize, &bytes, String::new(), text)
            })
            .collect();
        let Some((_, d, clause)) = shortest else {
            continue;
        };
        let doc = &ex.docs[d as usize];
        let range = doc.clauses[clause as usize].clone();
        let words: Vec<&str> = range
            .clone()
            .filter(|&k| doc.tokens[k].kind == crate::corpus::text::TokenKind::Word)
            .take(9)
            .map(|k| doc.tok(k))
            .collect();
        let more = range.len() > 10;
        out.push(Finding {
            id: String::new(),
            kind: Kind::Statement,
            status: Status::Corroborated,
            precision: Vec::new(),
            subject: format!("{}{}", words.join(" "), if more { "…" } else { "" }),
            explanation: format!("the same statement in {} reports", {
                let mut docs: Vec<u32> = members.iter().map(|m| m.doc).collect();
                docs.dedup();
                docs.len()
            }),
            claims,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Only in one report

fn only_in_one_findings(
    ex: &Extracted<'_>,
    texts: &mut FigureTexts,
    aligned: &Aligned,
    out: &mut Vec<Finding>,
) {
    // (doc, sentence) -> claims and what the subject should name.
    struct Item {
        figures: Vec<String>,
        people: Vec<String>,
        places: Vec<String>,
        claims: Vec<ClaimRef>,
    }
    let names = ex.names;
    let mut items: BTreeMap<(usize, u32), Item> = BTreeMap::new();
    let new_item = || Item {
        figures: Vec::new(),
        people: Vec::new(),
        places: Vec::new(),
        claims: Vec::new(),
    };
    for (d, list) in ex.quantities.iter().enumerate() {
        for (k, q) in list.iter().enumerate() {
            if aligned.quantities[d][k] {
                continue;
            }
            let worthy = q.measure.is_some()
                || q.unit.as_ref().is_some_and(|u| {
                    matches!(
                        u.class,
                        UnitClass::People | UnitClass::Money | UnitClass::Percent
                    )
                });
            let Some(unit) = &q.unit else { continue };
            if !worthy {
                continue;
            }
            let item = items.entry((d, q.at.sentence)).or_insert_with(new_item);
            let key = QuantityKey {
                measure: q.measure,
                unit,
                anchors: anchors(ex, d, q, (0, usize::MAX)),
                cluster: NO_CLUSTER,
            };
            item.figures.push(quantity_subject(ex, &key));
            item.claims.push(texts.claim(ex, (d, k)));
        }
    }
    let mut seen: FxHashSet<(usize, u32)> = FxHashSet::default();
    for (d, mentions) in names.mentions.iter().enumerate() {
        let doc = &ex.docs[d];
        for m in mentions {
            let e = names.entity(m);
            let entity = &names.entities[e as usize];
            if entity.docs.len() != 1 || aligned.entities.contains(&e) || m.modifier {
                continue;
            }
            let wanted = match entity.kind {
                EntityKind::Person => true,
                EntityKind::Place => m.located,
                _ => false,
            };
            if !wanted || !seen.insert((d, e)) {
                continue;
            }
            let sentence = doc.sentence_of[m.first];
            let item = items.entry((d, sentence)).or_insert_with(new_item);
            let bytes = match &m.role {
                Some(role) if role.end <= m.bytes.start && m.bytes.start - role.end <= 3 => {
                    role.start..m.bytes.end
                }
                _ => m.bytes.clone(),
            };
            let label = entity.name.clone();
            match entity.kind {
                EntityKind::Person => item.people.push(label.clone()),
                _ => item.places.push(label.clone()),
            }
            let display = match &m.role {
                Some(role) => format!("{label} ({})", doc.text[role.clone()].trim_end_matches(',')),
                None => label.clone(),
            };
            item.claims.push(claim(d, &bytes, label, display));
        }
    }
    for (d, list) in ex.dates.iter().enumerate() {
        let doc = &ex.docs[d];
        for date in list {
            let sentence = doc.sentence_of[date.first];
            if let Some(item) = items.get_mut(&(d, sentence)) {
                item.claims.push(claim(
                    d,
                    &date.bytes,
                    date.value.render(),
                    doc.text[date.bytes.clone()].to_owned(),
                ));
            }
        }
    }
    for ((_, _), item) in items {
        let subject = if !item.figures.is_empty() {
            let mut figures = item.figures.clone();
            figures.dedup();
            figures.join("; ")
        } else if !item.people.is_empty() {
            let refs: Vec<&str> = item.people.iter().map(String::as_str).collect();
            join_names(&refs)
        } else {
            let refs: Vec<&str> = item.places.iter().map(String::as_str).collect();
            join_names(&refs)
        };
        let what = if !item.figures.is_empty() {
            "a figure"
        } else if !item.people.is_empty() {
            "people"
        } else {
            "a place"
        };
        out.push(Finding {
            id: String::new(),
            kind: Kind::OnlyInOne,
            status: Status::OnlyInOne,
            precision: Vec::new(),
            subject,
            explanation: format!(
                "only one report names {what} here; check it against another source"
            ),
            claims: item.claims,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::docs_of;

    fn clusters_of(texts: &[&str]) -> Vec<Vec<u32>> {
        let docs = docs_of(texts);
        let mut clusterer = Clusterer::default();
        for doc in &docs {
            clusterer.add(doc);
        }
        clusterer.finish().of
    }

    #[test]
    fn fnv_of_a_number_skips_its_zero_bytes_without_changing_the_hash() {
        let byte_by_byte = |hash: u64, v: u64| fnv_bytes(hash, &v.to_le_bytes());
        let mut v: u64 = 0x9e37_79b9_7f4a_7c15;
        for shift in 0..64 {
            for x in [0, 1, 255, 256, 1 << shift, v >> shift, u64::MAX >> shift] {
                assert_eq!(fnv_u64(FNV_OFFSET, x), byte_by_byte(FNV_OFFSET, x), "{x}");
            }
            v = v.rotate_left(7) ^ 0x1234_5678;
        }
    }

    #[test]
    fn a_repeated_clause_is_scored_again_once_a_better_cluster_exists() {
        let of = clusters_of(&[
            // Starts cluster A.
            "Pax qor rim sol tev ulm.",
            // Shares four words with A: joins it.
            "Pax qor rim sol vek wyn xal zed.",
            // Shares one word with A: starts cluster B.
            "Vek wyn xal zed pax kob.",
            // The second clause again: B now fits it better than A.
            "Pax qor rim sol vek wyn xal zed.",
            // And once more, with no new cluster since: the same answer.
            "Pax qor rim sol vek wyn xal zed.",
        ]);
        let (a, b) = (of[0][0], of[2][0]);
        assert_ne!(a, b);
        assert_eq!(of[1][0], a);
        assert_eq!(of[3][0], b, "not stuck with the cluster it joined earlier");
        assert_eq!(of[4][0], b);
    }

    #[test]
    fn a_date_explanation_counts_reports_that_agree() {
        let findings = analyze(&[
            "The minister Anna Mensah arrived in Kesterny on April 14, 2025, officials said.",
            "The minister Anna Mensah arrived in Kesterny on April 14, 2025, officials said.",
            "The minister Anna Mensah arrived in Kesterny on April 15, 2025, officials said.",
        ]);
        let date = findings
            .iter()
            .find(|f| f.kind == Kind::Date)
            .expect("the dates are compared");
        assert_eq!(date.status, Status::Conflict);
        assert_eq!(date.claims.len(), 3, "every report's date is quoted");
        assert!(
            date.explanation
                .starts_with("dates 2025-04-14 ×2 | 2025-04-15:"),
            "{}",
            date.explanation
        );
    }

    fn analyze(texts: &[&str]) -> Vec<Finding> {
        let inputs: Vec<crate::analysis::Input<'_>> = texts
            .iter()
            .map(|t| crate::analysis::Input {
                text: t,
                body: 0..t.len(),
                date: None,
            })
            .collect();
        crate::analysis::analyze(&inputs).findings
    }

    fn date_values(findings: &[Finding]) -> Vec<(Status, Vec<String>)> {
        findings
            .iter()
            .filter(|f| f.kind == Kind::Date)
            .map(|f| (f.status, f.claims.iter().map(|c| c.value.clone()).collect()))
            .collect()
    }

    #[test]
    fn one_passage_about_two_places_is_two_events() {
        let findings = analyze(&[
            "The convoy of aid trucks left from Kesterny at 10:23 a.m., the agency said.",
            "The convoy of aid trucks left from Port Anselm at 9:10 a.m., the agency said.",
            "The convoy of aid trucks left from Kesterny at 10:23 a.m., the agency said.",
        ]);
        let dates = date_values(&findings);
        assert!(
            dates.iter().all(|(status, _)| *status != Status::Conflict),
            "different places, different departures: {dates:?}"
        );
        assert!(
            dates.contains(&(Status::Corroborated, vec!["10:23".into(), "10:23".into()])),
            "{dates:?}"
        );
    }

    #[test]
    fn one_passage_about_one_place_still_compares_its_times() {
        let findings = analyze(&[
            "The convoy of aid trucks left from Kesterny at 10:23 a.m., the agency said.",
            "The convoy of aid trucks left from Kesterny at 11:40 a.m., the agency said.",
            "The convoy of aid trucks left at 10:23 a.m., the agency said.",
        ]);
        let dates = date_values(&findings);
        assert!(
            dates
                .iter()
                .any(|(status, values)| *status == Status::Conflict
                    && values.len() == 3
                    && values.contains(&"11:40".to_owned())),
            "a report without the place still joins: {dates:?}"
        );
    }

    #[test]
    fn unrelated_clauses_do_not_cluster() {
        let of = clusters_of(&["Pax qor rim sol tev ulm.", "Vek wyn xal zed kob lum."]);
        assert_ne!(of[0][0], of[1][0]);
    }
}
