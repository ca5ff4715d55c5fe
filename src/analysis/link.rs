//! Which figures of different reports are about the same thing, and how their values
//! compare — record linkage, the way Splink or dedupe match records, on a few slots:
//!
//! 1. Block cheaply: only figures with the same kind of count (people, a thing, a unit's
//!    dimension), the same measure (`killed`, `injured`, an unlisted verb) and the same part
//!    (the whole count, or a part: children, patients, one nationality, the confirmed ones)
//!    can meet.
//! 2. Within a report, the figures of one block are one *slot*: everything the report says
//!    about that quantity (headline and body, an earlier and a later count). The whole
//!    count of people ("people", "victims", or a role like "guides" when it is the report's
//!    main count) is the main slot; other roles ("kings", "delegations") are slots of their
//!    own.
//! 3. Slots of different reports meet on their key, and a place the figure is tied to must
//!    be compatible (the same place, or one report not saying).
//! 4. Each group's values are compared: a conflict when two reports' values cannot both
//!    be true, a discrepancy at different precision when they can but are different counts
//!    (two different floors, or an updated count), an agreement otherwise.

use std::collections::{BTreeMap, BTreeSet};

use super::amounts::{Shape, Value};
use super::figures::{Figure, Measure};
use super::words::{PeopleClass, lexicon};

/// The key two figures must share to be about the same quantity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// "people", "thing", or a unit's dimension.
    pub dimension: String,
    /// The measure (none for units).
    pub measure: Option<Measure>,
    /// For things and parts: the nouns counted; for a unit: what it measures; for a whole
    /// count of people: empty (the main count) or the roles of a secondary count.
    pub nouns: Vec<String>,
    /// A part of a count (children among the dead).
    pub part: bool,
    /// A nationality counted.
    pub nationality: Option<&'static str>,
    /// The confirmed ones only.
    pub confirmed: bool,
}

/// A figure as linkage sees it: its report and index in that report's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureRef {
    /// The report.
    pub report: usize,
    /// Index in the report's figures.
    pub index: usize,
}

/// What two values of one quantity say together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// The very same value.
    Same,
    /// Different wordings both can be true of ("more than a dozen" and 15).
    Agree,
    /// Both can be true but they are different counts ("at least 7" and "at least 10", or
    /// "at least 2,300" and "rose to 2,600").
    Differ,
    /// They cannot both be true.
    Conflict,
}

/// What a figure counts or measures, as it is compared: the synonyms list's word for it
/// ("house" → "home", "scorch" → "burned", "summit" → "mountain"), else itself.
fn synonym(word: &str) -> String {
    lexicon()
        .synonyms
        .get(word)
        .map_or(word, |key| *key)
        .to_owned()
}

/// What money with no verb of its own was for, when that makes it a pledge: "an aid package
/// of 50 million euros" is what "promised 40 million euros in emergency aid" is.
const AID_WORDS: &[&str] = &["aid", "package", "assistance", "relief", "funding", "help"];

/// The key of a figure, or `None` when it is not a figure to compare (an increment, a
/// background fact, a count with nothing said about it).
pub fn key_of(f: &Figure) -> Option<Key> {
    if f.delta || f.background || f.in_sum && !f.part {
        return None;
    }
    if let Some(unit) = &f.unit {
        // A unit figure is compared on what it measures; a sum of money on what was done
        // with it ("pledged"), else on what it is for ("in security assistance").
        if unit.is_money() {
            let (measure, nouns) = match (&f.measure, f.attribute.as_deref()) {
                (Some(m), _) => (Some(m.clone()), Vec::new()),
                (None, Some(a)) if AID_WORDS.contains(&a) => {
                    (Some(Measure::Known("pledged")), Vec::new())
                }
                (None, Some(a)) => (None, vec![synonym(a)]),
                (None, None) => return None,
            };
            return Some(Key {
                dimension: unit.dimension.to_owned(),
                measure,
                nouns,
                part: false,
                nationality: None,
                confirmed: false,
            });
        }
        let attribute = f.attribute.as_deref().map(synonym)?;
        if matches!(attribute.as_str(), "to" | "from" | "away" | "up" | "down") {
            return None;
        }
        return Some(Key {
            dimension: unit.dimension.to_owned(),
            measure: None,
            nouns: vec![attribute],
            part: false,
            nationality: None,
            confirmed: false,
        });
    }
    let measure = f.measure.clone()?;
    if f.counts_people() || f.nouns.is_empty() {
        let part = f.part;
        let nouns = if part || f.class == Some(PeopleClass::Age) {
            f.nouns.clone()
        } else {
            Vec::new()
        };
        // A part with nothing said of what it is cannot be compared.
        if part && nouns.is_empty() && f.nationality.is_none() && !f.confirmed {
            return None;
        }
        return Some(Key {
            dimension: "people".to_owned(),
            measure: Some(measure),
            nouns,
            part,
            nationality: f.nationality,
            confirmed: f.confirmed,
        });
    }
    Some(Key {
        dimension: "thing".to_owned(),
        measure: Some(measure),
        nouns: f.nouns.iter().map(|n| synonym(n)).collect(),
        part: f.part,
        nationality: None,
        confirmed: false,
    })
}

/// One report's statements about one quantity.
#[derive(Clone, Debug)]
pub struct Slot {
    /// The places the figures are tied to (named in their sentences), canonical forms.
    pub places: BTreeSet<String>,
    /// Its key (for a whole count of people, without the roles counted).
    pub key: Key,
    /// The figures, in text order.
    pub figures: Vec<FigureRef>,
    /// For a whole count of people: the report's main count of this measure.
    pub main: bool,
    /// For a whole count of people: it has a figure counting anyone ("people", "victims").
    pub generic: bool,
    /// For a whole count of people: the roles counted ("guides"), empty for anyone.
    pub roles: Vec<String>,
}

impl Slot {
    /// The report the slot is of.
    pub fn report(&self) -> usize {
        self.figures[0].report
    }

    /// Whether two slots of different reports are about the same quantity: the same key,
    /// and for whole counts of people the same roles, or two main counts one of which
    /// counts anyone ("12 Peruvian guides" and "at least 12 people").
    /// `siblings` gives, for a report, its other slots of the same key.
    fn meets<'s>(&self, other: &Self, siblings: &dyn Fn(usize) -> &'s [&'s Slot]) -> bool {
        self.report() != other.report()
            && self.key == other.key
            && (self.roles == other.roles
                || (self.main && other.main && (self.generic || other.generic)))
            && places_compatible(self, other, siblings)
    }
}

/// Whether two slots' places allow them to be one quantity: one says no place, they share
/// one, or no report tells their places apart (then "63 killed in Puebla" and "63 killed in
/// Mexico" may be one toll). A report that gives this figure for each of two places tells
/// them apart.
fn places_compatible<'s>(a: &Slot, b: &Slot, siblings: &dyn Fn(usize) -> &'s [&'s Slot]) -> bool {
    if a.places.is_empty() || b.places.is_empty() || !a.places.is_disjoint(&b.places) {
        return true;
    }
    let tells_apart = |own: &Slot, other_places: &BTreeSet<String>| {
        siblings(own.report())
            .iter()
            .any(|s| !std::ptr::eq(*s, own) && !s.places.is_disjoint(other_places))
    };
    !(tells_apart(a, &b.places) || tells_apart(b, &a.places))
}

/// Splits one report's figures of one quantity by the places they are tied to: figures
/// sharing a place are one slot; a figure naming none goes with the place named last
/// before it.
fn split_by_place(
    list: &[usize],
    places: &[BTreeSet<String>],
) -> Vec<(BTreeSet<String>, Vec<usize>)> {
    let mut clusters: Vec<(BTreeSet<String>, Vec<usize>)> = Vec::new();
    let mut placeless = Vec::new();
    for &i in list {
        if places[i].is_empty() {
            placeless.push(i);
            continue;
        }
        match clusters
            .iter_mut()
            .find(|(p, _)| !p.is_disjoint(&places[i]))
        {
            Some(c) => {
                c.0.extend(places[i].iter().cloned());
                c.1.push(i);
            }
            None => clusters.push((places[i].clone(), vec![i])),
        }
    }
    if clusters.is_empty() {
        return vec![(BTreeSet::new(), placeless)];
    }
    for i in placeless {
        let target = clusters
            .iter()
            .enumerate()
            .filter(|(_, (_, members))| members.iter().any(|&m| m < i))
            .max_by_key(|(_, (_, members))| members.iter().copied().filter(|&m| m < i).max())
            .map_or(0, |(k, _)| k);
        clusters[target].1.push(i);
    }
    for c in &mut clusters {
        c.1.sort_unstable();
    }
    clusters
}

/// Groups each report's figures into slots; `places[r][i]` are the places figure `i` of
/// report `r` is tied to.
pub fn slots(reports: &[Vec<Figure>], places: &[Vec<BTreeSet<String>>]) -> Vec<Slot> {
    let mut out = Vec::new();
    for (report, figures) in reports.iter().enumerate() {
        let place_of = &places[report];
        let mut by_key: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
        for (index, f) in figures.iter().enumerate() {
            if let Some(key) = key_of(f) {
                by_key.entry(key).or_default().push(index);
            }
        }
        restated_confirmed(figures, &mut by_key);
        // Whole counts of people: the generic ones and the roles that agree with them are
        // the main slot; other roles stay apart ("four kings" beside "hundreds of thousands").
        let whole: Vec<Key> = by_key
            .keys()
            .filter(|k| k.dimension == "people" && !k.part && k.nouns.is_empty())
            .cloned()
            .collect();
        for key in whole {
            let Some(list) = by_key.remove(&key) else {
                continue;
            };
            let (generic, roles): (Vec<usize>, Vec<usize>) = list
                .into_iter()
                .partition(|&i| figures[i].class != Some(PeopleClass::Role));
            let mut main = generic.clone();
            let mut others: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
            for i in roles {
                let agrees = generic.is_empty()
                    || generic
                        .iter()
                        .any(|&g| relation(&figures[g], &figures[i]) != Relation::Conflict);
                if agrees && (generic.is_empty() || figures[i].nouns.len() == 1) {
                    main.push(i);
                } else {
                    others.entry(figures[i].nouns.clone()).or_default().push(i);
                }
            }
            // Without a generic count, the role counted most is the main one; different
            // roles that do not agree with it stay apart.
            if generic.is_empty() && !main.is_empty() {
                let mut by_roles: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
                for i in main.drain(..) {
                    by_roles
                        .entry(figures[i].nouns.clone())
                        .or_default()
                        .push(i);
                }
                let top = by_roles
                    .iter()
                    .max_by(|a, b| {
                        let va =
                            a.1.iter()
                                .map(|&i| figures[i].value.point)
                                .fold(0.0, f64::max);
                        let vb =
                            b.1.iter()
                                .map(|&i| figures[i].value.point)
                                .fold(0.0, f64::max);
                        va.total_cmp(&vb)
                    })
                    .map(|(k, _)| k.clone());
                for (roles, list) in by_roles {
                    if Some(&roles) == top.as_ref() {
                        main = list;
                    } else {
                        others.entry(roles).or_default().extend(list);
                    }
                }
            }
            main.sort_unstable();
            let refs = |list: Vec<usize>| {
                list.into_iter()
                    .map(|index| FigureRef { report, index })
                    .collect()
            };
            if !main.is_empty() {
                for (places, part) in split_by_place(&main, place_of) {
                    let generic_main = part
                        .iter()
                        .any(|&i| figures[i].class != Some(PeopleClass::Role));
                    let roles = if generic_main {
                        Vec::new()
                    } else {
                        figures[part[0]].nouns.clone()
                    };
                    out.push(Slot {
                        places,
                        key: key.clone(),
                        figures: refs(part),
                        main: true,
                        generic: generic_main,
                        roles,
                    });
                }
            }
            for (roles, mut list) in others {
                list.sort_unstable();
                for (places, part) in split_by_place(&list, place_of) {
                    out.push(Slot {
                        places,
                        key: key.clone(),
                        figures: refs(part),
                        main: false,
                        generic: false,
                        roles: roles.clone(),
                    });
                }
            }
        }
        for (key, list) in by_key {
            for (places, part) in split_by_place(&list, place_of) {
                out.push(Slot {
                    places,
                    key: key.clone(),
                    figures: part
                        .into_iter()
                        .map(|index| FigureRef { report, index })
                        .collect(),
                    main: false,
                    generic: false,
                    roles: Vec::new(),
                });
            }
        }
    }
    out
}

/// A confirmed count that the same report also gives, with the same value, without saying
/// it is confirmed ("12 confirmed dead" in the headline, "twelve people were confirmed dead"
/// in the text) is that count restated, not the confirmed part of a larger one: it joins the
/// plain count. A confirmed count with a value of its own stays apart ("20 confirmed deaths"
/// of 159 suspected).
fn restated_confirmed(figures: &[Figure], by_key: &mut BTreeMap<Key, Vec<usize>>) {
    let confirmed: Vec<Key> = by_key.keys().filter(|k| k.confirmed).cloned().collect();
    for key in confirmed {
        let plain_key = Key {
            confirmed: false,
            ..key.clone()
        };
        let Some(plain) = by_key.get(&plain_key) else {
            continue;
        };
        let Some(list) = by_key.get(&key) else {
            continue;
        };
        let (restated, own): (Vec<usize>, Vec<usize>) = list.iter().partition(|&&i| {
            plain
                .iter()
                .any(|&p| relation(&figures[p], &figures[i]) == Relation::Same)
        });
        if restated.is_empty() {
            continue;
        }
        if own.is_empty() {
            by_key.remove(&key);
        } else {
            by_key.insert(key, own);
        }
        if let Some(plain) = by_key.get_mut(&plain_key) {
            plain.extend(restated);
            plain.sort_unstable();
        }
    }
}

/// Whether two values' units are written differently (a conversion, with rounding).
fn converted(a: &Figure, b: &Figure) -> bool {
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => x.written != y.written,
        _ => false,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// What two figures' values say together.
pub fn relation(a: &Figure, b: &Figure) -> Relation {
    let (va, vb) = (a.value, b.value);
    let (ta, tb) = if converted(a, b) {
        (va.rounding, vb.rounding)
    } else {
        (0.0, 0.0)
    };
    let overlap =
        |x: &Value, tx: f64, y: &Value, ty: f64| x.lo - tx <= y.hi + ty && y.lo - ty <= x.hi + tx;
    // A figure's own conversion in brackets counts as another wording of it.
    let overlaps = overlap(&va, ta, &vb, tb)
        || a.alternative
            .is_some_and(|alt| overlap(&alt, alt.rounding, &vb, vb.rounding))
        || b.alternative
            .is_some_and(|alt| overlap(&va, va.rounding, &alt, alt.rounding));
    if !overlaps {
        return Relation::Conflict;
    }
    let same_point =
        close(va.point, vb.point) || (ta + tb > 0.0 && (va.point - vb.point).abs() <= ta + tb);
    if va.shape == vb.shape && same_point && close(va.lo, vb.lo) && close(va.hi, vb.hi) {
        return Relation::Same;
    }
    if !same_point {
        let floors = va.shape == Shape::Floor && vb.shape == Shape::Floor;
        let exacts = va.shape == Shape::Exact && vb.shape == Shape::Exact;
        // "about 350" and "some 400": two estimates, not one told twice.
        let estimates = va.shape == Shape::About && vb.shape == Shape::About;
        // "at least 11" is a count so far, not a round figure: another report's 15 is a
        // later or another count ("at least 30" or "more than a dozen" beside 31 or 15 is
        // only less precise).
        let counted_floor = |x: &Value, y: &Value| {
            x.shape == Shape::Floor
                && y.shape == Shape::Exact
                && x.rounding <= 0.5
                && x.point >= 2.0
                && x.point % 10.0 != 0.0
                && x.point % 12.0 != 0.0
                && y.point > x.point
        };
        if floors
            || exacts
            || estimates
            || a.update
            || b.update
            || counted_floor(&va, &vb)
            || counted_floor(&vb, &va)
        {
            return Relation::Differ;
        }
    }
    if same_point && va.shape == Shape::Exact && vb.shape == Shape::Exact {
        return Relation::Same;
    }
    Relation::Agree
}

/// The root of `i` in a union–find forest, halving the path on the way.
pub fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Links slots of different reports that meet, and groups them (union–find). Returns
/// groups of slot indices, each spanning two or more reports, and the slots left alone.
pub fn groups(slots: &[Slot]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut parent: Vec<usize> = (0..slots.len()).collect();
    // Blocking: only slots with the same key are compared.
    let mut by_key: BTreeMap<&Key, Vec<usize>> = BTreeMap::new();
    for (i, s) in slots.iter().enumerate() {
        by_key.entry(&s.key).or_default().push(i);
    }
    for list in by_key.values() {
        // The key's slots per report, for telling places apart.
        let mut per_report: BTreeMap<usize, Vec<&Slot>> = BTreeMap::new();
        for &i in list {
            per_report
                .entry(slots[i].report())
                .or_default()
                .push(&slots[i]);
        }
        let siblings = |report: usize| per_report.get(&report).map_or(&[][..], Vec::as_slice);
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb && slots[a].meets(&slots[b], &siblings) {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..slots.len() {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut grouped = Vec::new();
    let mut alone = Vec::new();
    for (_, list) in by_root {
        let reports: std::collections::BTreeSet<usize> =
            list.iter().map(|&i| slots[i].report()).collect();
        if reports.len() >= 2 {
            grouped.push(list);
        } else {
            alone.extend(list);
        }
    }
    (grouped, alone)
}
