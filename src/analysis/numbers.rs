//! Findings about figures: each group of linked figures becomes one finding (a conflict, a
//! discrepancy at different precision, or an agreement) with the claims that show it, a
//! subject in words and one line on why the figures were grouped and how they compare.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::amounts::Shape;
use super::figures::{Figure, Measure};
use super::link::{Key, Relation, Slot, relation};
use super::model::{ClaimRef, Finding, Kind, Precision, Status, readable};
use super::text::Doc;

/// The words for what a unit's dimension measures.
fn dimension_words(d: &str) -> &str {
    match d {
        "length" => "length or height",
        "speed" => "speed",
        "mass" => "weight",
        "area" => "area",
        "volume" => "volume",
        "duration" => "duration",
        "percent" => "share",
        "rank" => "level",
        "magnitude" => "magnitude",
        "degrees" => "degrees",
        other => other,
    }
}

/// The base unit a dimension's values are written in.
fn base_unit(d: &str) -> &str {
    match d {
        "length" => " m",
        "speed" => " km/h",
        "mass" => " kg",
        "area" => " m²",
        "volume" => " l",
        "duration" => " s",
        "percent" => "%",
        "usd" => " USD",
        "eur" => " EUR",
        "gbp" => " GBP",
        "jpy" => " JPY",
        "inr" => " INR",
        "cny" => " CNY",
        _ => "",
    }
}

fn title(word: &str) -> String {
    word.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a group of figures is about, in words ("people killed", "children killed",
/// "speed of gusts").
pub fn subject(key: &Key) -> String {
    if super::words::is_money(&key.dimension) {
        return match (&key.measure, key.nouns.first()) {
            (Some(m), _) => format!("money {}", measure_words(m)),
            (None, Some(what)) => format!("money for {what}"),
            (None, None) => "sum of money".to_owned(),
        };
    }
    if key.dimension != "people" && key.dimension != "thing" {
        let what = key.nouns.first().map_or("", String::as_str);
        let what = match what {
            "at" => "the place it happened (altitude or distance)",
            other => other,
        };
        // What was done over it ("area burned") reads after the dimension.
        if what.ends_with("ed") {
            return format!("{} {what}", dimension_words(&key.dimension));
        }
        return format!("{} of {what}", dimension_words(&key.dimension));
    }
    let mut s = if key.nouns.is_empty() {
        "people".to_owned()
    } else {
        key.nouns.join(" and ")
    };
    if let Some(country) = key.nationality {
        let _ = write!(s, " from {}", title(country));
    }
    if let Some(m) = &key.measure {
        let _ = write!(s, " {}", measure_words(m));
    }
    if key.confirmed {
        s.push_str(" (confirmed)");
    }
    if key.part {
        s.push_str(" (a part of the total)");
    }
    s
}

/// The subject of a group: for whole counts whose slots all count one role, that role
/// ("officers hospitalized") instead of people.
fn subject_with_roles(key: &Key, slots: &[&Slot]) -> String {
    let roles: std::collections::BTreeSet<&Vec<String>> = slots.iter().map(|s| &s.roles).collect();
    if key.dimension == "people"
        && key.nouns.is_empty()
        && roles.len() == 1
        && let Some(r) = roles.iter().next().filter(|r| !r.is_empty())
    {
        let with_roles = Key {
            nouns: (*r).clone(),
            ..key.clone()
        };
        return subject(&with_roles);
    }
    subject(key)
}

/// A measure as it reads after the noun ("killed", "on board", "said to have been seen").
pub fn measure_words(m: &Measure) -> String {
    match m {
        Measure::Known(k) => match *k {
            "aboard" => "on board".to_owned(),
            "freed" => "freed or exchanged".to_owned(),
            "deployed" => "sent or deployed".to_owned(),
            "evacuated" => "evacuated or displaced".to_owned(),
            "affected" => "affected or at risk".to_owned(),
            "attended" => "present".to_owned(),
            "bodies" => "(bodies recovered)".to_owned(),
            "infected" => "infected (cases)".to_owned(),
            "casualties" => "(casualties)".to_owned(),
            other => other.to_owned(),
        },
        Measure::Open(stem) => participle(stem),
    }
}

/// A verb's stem as the participle a subject reads with ("pull" → "pulled", "relocat" →
/// "relocated", "carry" → "carried"): open measures are kept as stems so that "pulled",
/// "pulling" and "pulls" meet.
fn participle(stem: &str) -> String {
    // An irregular past form ("seen", "held", "hurt") is its own stem: figures' list of them,
    // and participles that list leaves out (it also ends the search for a verb, and these
    // would change what is read there).
    const MORE_PARTICIPLES: &[&str] = &[
        "fallen", "driven", "beaten", "stolen", "chosen", "broken", "spoken", "written", "hidden",
        "shown", "thrown", "known", "grown", "drawn", "sworn", "torn", "born", "built", "sent",
        "shot", "found", "fought", "sold", "fled", "stuck", "struck", "swept", "hurt",
    ];
    if super::text::listed(super::figures::IRREGULAR, stem)
        || super::text::listed(MORE_PARTICIPLES, stem)
    {
        return stem.to_owned();
    }
    let mut chars = stem.chars().rev();
    match (chars.next(), chars.next()) {
        (Some('y'), Some(c)) if !"aeiou".contains(c) => {
            format!("{}ied", &stem[..stem.len() - 1])
        }
        _ => format!("{stem}ed"),
    }
}

/// The value a claim was compared as: `20`, `18..22`, `24..` (at least 24), `..35`, with the
/// dimension's base unit.
pub fn value_text(f: &Figure) -> String {
    let v = f.value;
    let n = |x: f64| {
        if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
            format!("{}", x.round() as i64)
        } else {
            let s = format!("{x:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    };
    let core = match v.shape {
        Shape::Exact => n(v.point),
        Shape::Floor => format!("{}..", n(v.point)),
        Shape::Ceiling if v.lo <= v.hi * 0.5 + 1e-9 => format!("..{}", n(v.hi)),
        _ => format!("{}..{}", n(v.lo), n(v.hi)),
    };
    let unit = f.unit.as_ref().map_or("", |u| base_unit(u.dimension));
    format!("{core}{unit}")
}

/// The claim of a figure: its words, with the verb right before it that says what happened
/// ("killed dozens of people").
pub fn claim(doc: &Doc<'_>, report: usize, f: &Figure) -> ClaimRef {
    let first = f
        .first
        .checked_sub(1)
        .and_then(|k| super::words::lexicon().measures.ending_at(doc, k))
        .filter(|_| f.unit.is_none())
        .map_or(f.first, |(start, _)| start);
    let span = doc.span(first, f.last);
    let display = doc
        .span_text(f.amount.first.min(f.first), f.consumed.max(f.amount.last))
        .to_owned();
    ClaimRef {
        article: report,
        start: span.start,
        end: span.end,
        value: value_text(f),
        display,
    }
}

/// A stable id for a finding: its kind and where its claims are.
pub fn finding_id(kind: Kind, claims: &[ClaimRef]) -> String {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    kind.name().hash(&mut h);
    for c in claims {
        (c.article, c.start, c.end).hash(&mut h);
    }
    format!("{}-{:016x}", kind.name(), h.finish())
}

/// A value's point, low and high bound in thousandths: figures that read the same.
type ValueKey = (i64, i64, i64);

/// The figures of one report's slot that speak for it: earlier counts dropped when a later
/// one is there, one figure per distinct value (the body's before the headline's).
fn representatives<'a>(
    doc: &Doc<'_>,
    figures: &'a [Figure],
    slot: &Slot,
) -> Vec<(usize, &'a Figure)> {
    let all: Vec<(usize, &Figure)> = slot
        .figures
        .iter()
        .map(|r| (r.index, &figures[r.index]))
        .collect();
    let current: Vec<(usize, &Figure)> = if all.iter().any(|(_, f)| !f.earlier) {
        all.iter().copied().filter(|(_, f)| !f.earlier).collect()
    } else {
        all
    };
    let mut by_value: BTreeMap<ValueKey, Vec<(usize, &Figure)>> = BTreeMap::new();
    for (i, f) in current {
        let key = (
            (f.value.point * 1000.0).round() as i64,
            (f.value.lo * 1000.0).round() as i64,
            (f.value.hi.min(1e15) * 1000.0).round() as i64,
        );
        by_value.entry(key).or_default().push((i, f));
    }
    let _ = doc;
    let mut out: Vec<(usize, &Figure)> = by_value
        .into_values()
        .filter_map(|list| {
            list.iter()
                .copied()
                .min_by_key(|(i, f)| (f.headline, usize::from(f.measure.is_none()), *i))
        })
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out
}

/// Whether two figures name the same number (whatever their wording around it).
fn close_point(a: &Figure, b: &Figure) -> bool {
    (a.value.point - b.value.point).abs() <= 1e-9 * a.value.point.abs().max(1.0)
}

/// Whether two figures read the same to [`relation`]: equal values worded alike, in the same
/// written unit, with the same bracketed conversion.
fn same_reading(a: &Figure, b: &Figure) -> bool {
    a.value == b.value
        && a.alternative == b.alternative
        && a.update == b.update
        && a.unit.as_ref().map(|u| &u.written) == b.unit.as_ref().map(|u| &u.written)
}

/// A report that gives one figure for several places (one slot naming them all) beside a
/// report that gives one figure per place: the lumped figure is compared with the sum.
fn lumped_pairs(slots: &[&Slot]) -> std::collections::BTreeSet<(usize, usize)> {
    let mut by_report: BTreeMap<usize, Vec<&Slot>> = BTreeMap::new();
    for s in slots {
        by_report.entry(s.report()).or_default().push(s);
    }
    let mut out = std::collections::BTreeSet::new();
    for (&a, la) in &by_report {
        let [lumped] = la[..] else { continue };
        if lumped.places.len() < 2 {
            continue;
        }
        for (&b, lb) in &by_report {
            let split = lb.len() >= 2
                && lb
                    .iter()
                    .all(|s| !s.places.is_empty() && s.places.is_subset(&lumped.places));
            if a != b && split {
                out.insert((a, b));
            }
        }
    }
    out
}

/// The finding of a group of slots of different reports. `place_words` gives the written
/// form of each place.
pub fn finding(
    docs: &[Doc<'_>],
    figures: &[Vec<Figure>],
    slots: &[&Slot],
    place_words: &BTreeMap<String, String>,
) -> Finding {
    // One list of values per report (a report may have two slots in one group).
    let mut per_report: BTreeMap<usize, Vec<(usize, &Figure)>> = BTreeMap::new();
    let mut per_slot: BTreeMap<usize, Vec<(&Slot, Vec<&Figure>)>> = BTreeMap::new();
    for s in slots {
        let report = s.report();
        let reps = representatives(&docs[report], &figures[report], s);
        per_slot
            .entry(report)
            .or_default()
            .push((*s, reps.iter().map(|(_, f)| *f).collect()));
        per_report.entry(report).or_default().extend(reps);
    }
    let reps: Vec<(usize, Vec<(usize, &Figure)>)> = per_report.into_iter().collect();
    let lumped = lumped_pairs(slots);
    let is_lumped = |a: usize, b: usize| lumped.contains(&(a, b)) || lumped.contains(&(b, a));
    // The worst relation between two reports' values, and an example pair.
    let mut worst = Relation::Same;
    let mut vague = false;
    let mut example: Option<(usize, &Figure, usize, &Figure)> = None;
    let mut lumped_seen: Option<String> = None;
    // The one figure for all places against the sum of the figures per place.
    for &(whole, split) in &lumped {
        let whole_figure = per_slot[&whole][0].1.first().copied();
        let parts: Vec<(&Slot, &Figure)> = per_slot[&split]
            .iter()
            .filter_map(|(s, l)| l.first().map(|f| (*s, *f)))
            .collect();
        if let (Some(w), Some((_, first))) = (whole_figure, parts.first()) {
            let mut sum = (*first).clone();
            for (_, p) in &parts[1..] {
                sum.value = sum.value.plus(p.value);
            }
            sum.update = false;
            let rel = relation(w, &sum).max(Relation::Differ);
            vague |= w.value.is_vague() != sum.value.is_vague() || w.value.is_vague();
            if rel >= worst {
                worst = rel;
                example = Some((whole, w, split, parts[0].1));
                let place = |s: &Slot| -> String {
                    let names: Vec<&str> = s
                        .places
                        .iter()
                        .map(|p| place_words.get(p).map_or(p.as_str(), String::as_str))
                        .collect();
                    names.join(" and ")
                };
                let each: Vec<String> = parts
                    .iter()
                    .map(|(s, f)| format!("{} in {}", readable(&value_text(f)), place(s)))
                    .collect();
                let whole_slot = per_slot[&whole][0].0;
                lumped_seen = Some(format!(
                    "report {} gives one figure for {} together ({}); report {} gives one per place ({}), {} in all: {}.",
                    whole + 1,
                    place(whole_slot),
                    readable(&value_text(w)),
                    split + 1,
                    each.join("; "),
                    readable(&value_text(&sum)),
                    if rel == Relation::Conflict {
                        "these cannot all be true"
                    } else {
                        "both can be true"
                    },
                ));
            }
        }
    }
    // Every other pair of reports: their figures compared, each distinct reading once (many
    // reports give the same figure in the same words).
    let mut readings: Vec<(&Figure, Vec<usize>)> = Vec::new();
    for (r, list) in &reps {
        for &(_, f) in list {
            match readings.iter_mut().find(|(g, _)| same_reading(f, g)) {
                Some((_, reports)) => reports.push(*r),
                None => readings.push((f, vec![*r])),
            }
        }
    }
    for (x, (fa, ra)) in readings.iter().enumerate() {
        for (fb, rb) in &readings[x + 1..] {
            let pair = ra.iter().find_map(|&a| {
                rb.iter()
                    .find(|&&b| b != a && !is_lumped(a, b))
                    .map(|&b| (a, b))
            });
            let Some((a, b)) = pair else { continue };
            let rel = relation(fa, fb);
            vague |= fa.value.is_vague() != fb.value.is_vague();
            if rel > worst {
                worst = rel;
                example = Some((a, fa, b, fb));
            }
        }
    }
    let status = match worst {
        Relation::Conflict => Status::Conflict,
        Relation::Differ => Status::Compatible,
        Relation::Same | Relation::Agree => Status::Corroborated,
    };
    // The sides: values that agree with each other, each shown by the first report that
    // gives it. A discrepancy shows one claim per side (the reports that agree with it are
    // named in the explanation); an agreement shows every report's claim.
    let mut sides: Vec<(&Figure, usize, std::collections::BTreeSet<usize>)> = Vec::new();
    // Each side is shown by its plainest claim: a listed measure word in it, digits, one
    // number rather than a vague one, the body rather than the headline.
    let plainness = |f: &Figure| {
        (
            usize::from(!f.update),
            usize::from(!matches!(f.measure, Some(Measure::Known(_)))),
            usize::from(!f.amount_is_digits),
            usize::from(f.value.is_vague()),
            usize::from(f.headline),
        )
    };
    let ordered: Vec<(usize, &Figure)> = reps
        .iter()
        .flat_map(|(report, list)| list.iter().map(move |&(_, f)| (*report, f)))
        .collect();
    // The value most reports give comes first, so that the figures worded alike are one
    // side and a figure that agrees with them only loosely does not split them.
    let keys: Vec<_> = ordered
        .iter()
        .map(|&(report, f)| {
            let shared = ordered.iter().filter(|(_, g)| close_point(g, f)).count();
            let first = ordered
                .iter()
                .position(|(_, g)| close_point(g, f))
                .unwrap_or(0);
            (std::cmp::Reverse(shared), first, plainness(f), report)
        })
        .collect();
    let mut order: Vec<usize> = (0..ordered.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    let ordered: Vec<(usize, &Figure)> = order.into_iter().map(|i| ordered[i]).collect();
    // A figure joins a side only if it agrees with every figure on it ("around 80" agrees
    // with 85, which agrees with "some 85", but "around 80" and "some 85" are two estimates).
    let mut on_side: Vec<Vec<&Figure>> = Vec::new();
    for (report, f) in ordered {
        let side = on_side
            .iter()
            .position(|members| members.iter().all(|g| relation(g, f) <= Relation::Agree));
        if let Some(k) = side {
            sides[k].2.insert(report);
            if !on_side[k].iter().any(|g| same_reading(g, f)) {
                on_side[k].push(f);
            }
        } else {
            sides.push((f, report, std::iter::once(report).collect()));
            on_side.push(vec![f]);
        }
    }
    // The claims: each report's figure on each side. Where a side has a value given as one
    // number, its vaguer wordings are left out of the claims: they agree with it, and showing
    // them as a side of the discrepancy would say they do not.
    let mut claims: Vec<ClaimRef> = Vec::new();
    if status == Status::Corroborated || lumped_seen.is_some() {
        // Every report's figure (for a lumped figure, each figure per place).
        for (report, slot_lists) in &per_slot {
            for (_, list) in slot_lists {
                if let Some(f) = list.iter().copied().min_by_key(|f| plainness(f)) {
                    claims.push(claim(&docs[*report], *report, f));
                }
            }
        }
    } else {
        for (rep, _, side_reports) in &sides {
            // The side's figures, per report.
            let members: Vec<(usize, Vec<&Figure>)> = reps
                .iter()
                .filter(|(r, _)| side_reports.contains(r))
                .map(|(r, list)| {
                    let on_side: Vec<&Figure> = list
                        .iter()
                        .map(|(_, f)| *f)
                        .filter(|f| relation(rep, f) <= Relation::Agree)
                        .collect();
                    (*r, on_side)
                })
                .collect();
            // Most reports word it one way (one number, or "at least"): the claims show that
            // wording; a report that words it otherwise only agrees with them.
            let exact_reports = members
                .iter()
                .filter(|(_, l)| l.iter().any(|f| f.value.shape == Shape::Exact))
                .count();
            let other_reports = members
                .iter()
                .filter(|(_, l)| l.iter().any(|f| f.value.shape != Shape::Exact))
                .count();
            let want_exact = exact_reports >= other_reports;
            for (r, list) in members {
                let fitting = list
                    .iter()
                    .copied()
                    .filter(|f| (f.value.shape == Shape::Exact) == want_exact)
                    .min_by_key(|f| plainness(f));
                if let Some(f) = fitting {
                    claims.push(claim(&docs[r], r, f));
                }
            }
        }
        claims.sort_by_key(|c| (c.article, c.start));
    }
    let key = &slots[0].key;
    let mut subject = subject_with_roles(key, slots);
    let places: std::collections::BTreeSet<&String> =
        slots.iter().flat_map(|s| s.places.iter()).collect();
    if !places.is_empty() {
        let words: Vec<&str> = places
            .iter()
            .map(|p| place_words.get(*p).map_or(p.as_str(), String::as_str))
            .collect();
        let _ = write!(subject, " in {}", words.join(" and "));
    }
    let mut precision = Vec::new();
    if status == Status::Compatible && vague {
        precision.push(Precision::VagueVsExact);
    }
    if status != Status::Corroborated && lumped_seen.is_some() {
        precision.push(Precision::LumpedVsSplit);
    }
    let explanation = match lumped_seen {
        Some(lumped) if status != Status::Corroborated => {
            format!("Grouped as one figure ({}): {lumped}", self::subject(key))
        }
        _ => explain(key, reps.len(), worst, example, &sides),
    };
    let id = finding_id(Kind::Number, &claims);
    Finding {
        id,
        kind: Kind::Number,
        status,
        precision,
        subject,
        explanation,
        claims,
    }
}

fn explain(
    key: &Key,
    reports: usize,
    worst: Relation,
    example: Option<(usize, &Figure, usize, &Figure)>,
    sides: &[(&Figure, usize, std::collections::BTreeSet<usize>)],
) -> String {
    let what = subject(key);
    let grouped = format!("Grouped as one figure ({what}) in {reports} reports");
    let Some((_, fa, _, fb)) = example else {
        return format!("{grouped}; they agree.");
    };
    let said: Vec<String> = sides
        .iter()
        .map(|(f, _, reports)| {
            let numbers: Vec<usize> = reports.iter().map(|r| r + 1).collect();
            format!(
                "{} ({})",
                readable(&value_text(f)),
                super::model::reports_label(&numbers)
            )
        })
        .collect();
    match worst {
        Relation::Conflict => format!(
            "{grouped}; {}: these cannot all be true.",
            said.join(" against ")
        ),
        Relation::Differ => format!(
            "{grouped}; {}: different counts, all possible (a count that changed, or one told at different precision).",
            said.join(" against ")
        ),
        _ => format!(
            "{grouped}; the wordings agree ({}, {}).",
            readable(&value_text(fa)),
            readable(&value_text(fb))
        ),
    }
}

/// The first `words` words of a text, with "…" when cut.
pub fn shorten_words(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    if all.len() <= words {
        all.join(" ")
    } else {
        format!("{}…", all[..words].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::participle;

    #[test]
    fn open_measures_read_as_participles() {
        assert_eq!(participle("pull"), "pulled");
        assert_eq!(participle("relocat"), "relocated");
        assert_eq!(participle("carry"), "carried");
        assert_eq!(participle("deploy"), "deployed");
        assert_eq!(participle("stopp"), "stopped");
        assert_eq!(participle("seen"), "seen");
        assert_eq!(participle("happen"), "happened");
    }
}
