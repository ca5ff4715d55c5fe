//! Who did, suffered or said what, when reports name different people for it:
//!
//! - who travelled with someone ("X is traveling with Y" against "X and Z arrived, with Y
//!   expected to join them"): the companions of one traveller, compared as sets (a subset
//!   is a partial list, two different sets a conflict);
//! - who performed an official act ("declared a state of emergency", "imposed a curfew"):
//!   the person each report says did it;
//! - which roles were among the dead ("the two drivers and four teachers" against "a
//!   teacher and an assistant … and the two drivers");
//! - who was named among those an outcome befell ("Among those freed were A and B" against
//!   "The freed hostages included A and C"): the people each report names, compared as sets.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{ClaimRef, Finding, Kind, Precision, Status};
use super::names::{Mention, NameKind};
use super::text::Doc;
use super::words::lexicon;

/// Verbs of travelling with someone.
const TRAVEL: &[&str] = &[
    "traveling",
    "travelling",
    "travelled",
    "traveled",
    "travels",
    "arrived",
    "arrives",
    "flew",
    "headed",
    "visited",
    "visiting",
    "went",
    "came",
    "accompanied",
    "landed",
    "travel",
];

/// Official acts whose doer is a fact to check.
const ACTS: &[&str] = &[
    "declared",
    "declares",
    "imposed",
    "imposes",
    "ordered",
    "orders",
    "proclaimed",
    "lifted",
    "announced",
];

/// A person as compared across reports: the last word of the name.
fn key(m: &Mention) -> String {
    m.words.last().cloned().unwrap_or_default()
}

/// People named in a report, by their last word.
fn is_person(m: &Mention) -> bool {
    m.kind == NameKind::Person || (m.words.len() == 1 && m.title.is_some())
}

fn claim_of(doc: &Doc<'_>, report: usize, first: usize, last: usize, value: String) -> ClaimRef {
    let span = doc.span(first, last);
    ClaimRef {
        article: report,
        start: span.start,
        end: span.end,
        value,
        display: doc.text[span].to_owned(),
    }
}

/// How the people reports name for one role compare: the same people corroborate, one list
/// inside another is a partial list, different lists conflict.
fn compare_sets(sets: &[&BTreeSet<String>]) -> (Status, Vec<Precision>) {
    let all_equal = sets.windows(2).all(|w| w[0] == w[1]);
    let nested = sets
        .iter()
        .all(|a| sets.iter().all(|b| a.is_subset(b) || b.is_subset(a)));
    if all_equal {
        (Status::Corroborated, Vec::new())
    } else if nested {
        (Status::Compatible, vec![Precision::PartialList])
    } else {
        (Status::Conflict, Vec::new())
    }
}

/// One report's list of people named among those something befell.
struct Named {
    report: usize,
    /// The measure of what befell them (`freed`, `killed`, `arrested`…).
    measure: &'static str,
    /// The people, by their last word.
    people: BTreeSet<String>,
    /// The names as written.
    names: Vec<String>,
    first: usize,
    last: usize,
}

/// "Among those freed were …", "among the dead were …", "the freed hostages included …",
/// "those killed include …": the measure and the token after which the names come.
fn named_marker(doc: &Doc<'_>, start: usize, end: usize) -> Option<(&'static str, usize)> {
    let lex = lexicon();
    for k in start..end {
        if doc.is(k, "among")
            && doc.is_any(k + 1, &["the", "those"])
            && let Some((len, &m)) = lex.measures.at(doc, k + 2)
        {
            return Some((m, k + 1 + len));
        }
        if let Some((len, &m)) = lex.measures.at(doc, k) {
            let mut j = k + len;
            // "the freed hostages included": one noun may stand between.
            if !doc.is_any(j, &["included", "include", "includes"]) {
                j += 1;
            }
            let before_ok = k == start || doc.is_any(k - 1, &["the", "those"]);
            if before_ok && doc.is_any(j, &["included", "include", "includes"]) {
                return Some((m, j));
            }
        }
    }
    None
}

fn named_among(docs: &[Doc<'_>], mentions: &[Vec<Mention>]) -> Vec<Named> {
    let mut out = Vec::new();
    for (report, (doc, list)) in docs.iter().zip(mentions).enumerate() {
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let (start, end) = (sentence.tokens.start, sentence.tokens.end);
            let Some((measure, after)) = named_marker(doc, start, end) else {
                continue;
            };
            let named: Vec<&Mention> = list
                .iter()
                .filter(|m| m.sentence == s && m.tokens.start > after && is_person(m))
                .collect();
            let (Some(first), Some(last)) = (named.first(), named.last()) else {
                continue;
            };
            out.push(Named {
                report,
                measure,
                people: named.iter().map(|m| key(m)).collect(),
                names: named
                    .iter()
                    .map(|m| doc.text[doc.span(m.tokens.start, m.tokens.end - 1)].to_owned())
                    .collect(),
                first: start.max(after.saturating_sub(4)).min(first.tokens.start),
                last: last.tokens.end - 1,
            });
        }
    }
    out
}

/// One report's account of who travelled with a traveller.
struct Trip {
    report: usize,
    companions: BTreeSet<String>,
    names: Vec<String>,
    first: usize,
    last: usize,
}

/// The companions of each traveller in each report.
fn trips(
    docs: &[Doc<'_>],
    mentions: &[Vec<Mention>],
    surnames: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<Trip>> {
    let mut out: BTreeMap<String, Vec<Trip>> = BTreeMap::new();
    for (report, (doc, list)) in docs.iter().zip(mentions).enumerate() {
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let Some(verb) = range.clone().find(|&k| doc.is_any(k, TRAVEL)) else {
                continue;
            };
            let people: Vec<&Mention> = list
                .iter()
                .filter(|m| m.sentence == s && is_person(m))
                .collect();
            // The traveller: the first person before the verb.
            let Some(traveller) = people.iter().find(|m| m.tokens.end <= verb) else {
                continue;
            };
            let mut companions = BTreeSet::new();
            let mut names = Vec::new();
            let mut last = verb;
            let mut previous_companion: Option<usize> = None;
            for m in &people {
                if std::ptr::eq(*m, *traveller) {
                    continue;
                }
                // "accompanied by X and economy minister Y": Y joins X.
                let chained = previous_companion.is_some_and(|end| {
                    m.tokens.start > end
                        && m.tokens.start - end <= 5
                        && (end..m.tokens.start).any(|k| doc.is(k, "and") || doc.is_punct(k, ','))
                });
                let before = m.tokens.start;
                // "X and Y arrived": joined to the traveller before the verb.
                let joined = m.tokens.end <= verb
                    && (traveller.tokens.end..before).all(|k| {
                        doc.is(k, "and")
                            || doc.is_punct(k, ',')
                            || lexicon().titles.at(doc, k).is_some()
                            || doc.is_word(k) && !doc.is_cap(k) && k + 3 >= before
                    });
                // "with Y", "accompanied by Y and Z" — but "talks with Y" names a
                // counterpart, not a companion.
                let with = m.tokens.start > verb
                    && (before.saturating_sub(6).max(verb)..before).any(|k| {
                        doc.is_any(k, &["with", "by"])
                            && !doc.is_any(
                                k.wrapping_sub(1),
                                &[
                                    "talks",
                                    "meeting",
                                    "meet",
                                    "met",
                                    "meets",
                                    "discussions",
                                    "negotiations",
                                    "deal",
                                    "agreement",
                                ],
                            )
                    });
                // "with Y expected to join them": not (yet) travelling.
                let later = (m.tokens.end..(m.tokens.end + 4).min(range.end))
                    .any(|k| doc.is_any(k, &["expected", "due", "set", "will", "later"]));
                // "Donald Trump's special envoy": a name describing someone else.
                let possessive = doc.has(m.tokens.end, super::text::POSSESSIVE);
                if (joined || with || chained) && !later && !possessive {
                    companions.insert(surnames.get(&key(m)).cloned().unwrap_or_else(|| key(m)));
                    names.push(doc.span_text(m.tokens.start, m.tokens.end - 1).to_owned());
                    last = last.max(m.tokens.end - 1);
                    previous_companion = Some(m.tokens.end);
                } else if m.tokens.start > verb {
                    previous_companion = None;
                }
            }
            let who = surnames
                .get(&key(traveller))
                .cloned()
                .unwrap_or_else(|| key(traveller));
            out.entry(who).or_default().push(Trip {
                report,
                companions,
                names,
                first: traveller.tokens.start,
                last,
            });
        }
    }
    out
}

/// One report's doer of an official act.
struct Act {
    report: usize,
    doer: String,
    doer_name: String,
    first: usize,
    last: usize,
}

/// The doer of each official act (verb and object noun) in each report.
fn acts(
    docs: &[Doc<'_>],
    mentions: &[Vec<Mention>],
    surnames: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<Act>> {
    let mut out: BTreeMap<String, Vec<Act>> = BTreeMap::new();
    for (report, (doc, list)) in docs.iter().zip(mentions).enumerate() {
        for k in 0..doc.len() {
            if !doc.is_any(k, ACTS) {
                continue;
            }
            // The object: "a state of emergency", "a citywide curfew".
            let mut o = k + 1;
            while o < doc.len()
                && o < k + 5
                && (doc.is_function(o) || !doc.is_cap(o))
                && doc.is_word(o)
            {
                if !doc.is_function(o)
                    && matches!(
                        doc.low(o),
                        "emergency"
                            | "curfew"
                            | "war"
                            | "evacuation"
                            | "lockdown"
                            | "closure"
                            | "ceasefire"
                            | "martial"
                    )
                {
                    break;
                }
                o += 1;
            }
            let object = doc.low(o);
            if !matches!(
                object,
                "emergency"
                    | "curfew"
                    | "war"
                    | "evacuation"
                    | "lockdown"
                    | "closure"
                    | "ceasefire"
                    | "martial"
            ) {
                continue;
            }
            let s = doc.sentence_of[k] as usize;
            // The doer: the last person named before the verb in the sentence.
            let Some(doer) = list
                .iter()
                .rfind(|m| m.sentence == s && is_person(m) && m.tokens.end <= k)
            else {
                continue;
            };
            let lemma = doc
                .low(k)
                .trim_end_matches('s')
                .trim_end_matches("ed")
                .to_owned();
            let doer_key = surnames
                .get(&key(doer))
                .cloned()
                .unwrap_or_else(|| key(doer));
            let from = (doer.tokens.start.saturating_sub(3)..doer.tokens.start)
                .find(|&t| doc.is_cap(t) && !doc.is_function(t))
                .unwrap_or(doer.tokens.start);
            out.entry(format!("{lemma} {object}"))
                .or_default()
                .push(Act {
                    report,
                    doer: doer_key,
                    doer_name: doc
                        .span_text(doer.tokens.start, doer.tokens.end - 1)
                        .to_owned(),
                    first: from,
                    last: o,
                });
        }
    }
    out
}

/// Words for roles among the dead ("driver", "teacher", "principal").
fn role_of(doc: &Doc<'_>, k: usize) -> Option<String> {
    let w = doc.low(k);
    if !doc.is_word(k) || doc.is_cap(k) && !doc.starts_sentence(k) {
        return None;
    }
    let singular = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
    let lex = lexicon();
    let known = lex.titles.get(singular).is_some()
        || lex
            .people
            .get(w)
            .is_some_and(|(c, _)| *c == super::words::PeopleClass::Role);
    let staff = matches!(
        singular,
        "assistant"
            | "counselor"
            | "counsellor"
            | "psychologist"
            | "principal"
            | "nurse"
            | "janitor"
            | "guard"
            | "aide"
            | "coach"
            | "teacher"
            | "driver"
            | "pilot"
    );
    // Family ties and the people carried are not roles of the staff a list names.
    let family_or_carried = matches!(
        singular,
        "wife"
            | "husband"
            | "daughter"
            | "son"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "grandmother"
            | "grandfather"
            | "uncle"
            | "aunt"
            | "passenger"
            | "survivor"
            | "witness"
            | "resident"
            | "student"
            | "player"
            | "fan"
            | "official"
    );
    ((known || staff) && !family_or_carried).then(|| singular.to_owned())
}

/// One report's roles among the dead.
struct Roles {
    report: usize,
    named: BTreeSet<String>,
    first: usize,
    last: usize,
}

/// Roles named as among the dead, per report: sentences that say who died ("among the dead
/// were", "died", "were killed", "victims").
fn victim_roles(docs: &[Doc<'_>]) -> Vec<Roles> {
    let mut out = Vec::new();
    for (report, doc) in docs.iter().enumerate() {
        let mut roles = BTreeSet::new();
        let (mut first, mut last) = (usize::MAX, 0);
        for s in &doc.sentences {
            let range = s.tokens.clone();
            let deaths = range
                .clone()
                .any(|k| doc.is_any(k, &["died", "dead", "killed", "victims"]));
            if !deaths {
                continue;
            }
            let found: Vec<(usize, String)> = range
                .clone()
                .filter_map(|k| role_of(doc, k).map(|r| (k, r)))
                .collect();
            // A list of roles: two or more in the sentence.
            let distinct: BTreeSet<&String> = found.iter().map(|(_, r)| r).collect();
            if distinct.len() < 2 {
                continue;
            }
            for (k, r) in found {
                roles.insert(r);
                first = first.min(k);
                last = last.max(k);
            }
        }
        if roles.len() >= 2 {
            out.push(Roles {
                report,
                named: roles,
                first,
                last,
            });
        }
    }
    out
}

/// The people findings.
pub fn findings(docs: &[Doc<'_>], mentions: &[Vec<Mention>]) -> Vec<Finding> {
    // Short and full names of one person are one: the last word of the name.
    let surnames: BTreeMap<String, String> = mentions
        .iter()
        .flatten()
        .filter(|m| is_person(m))
        .filter_map(|m| m.words.last().map(|w| (w.clone(), w.clone())))
        .collect();
    let mut out = Vec::new();
    for (who, list) in trips(docs, mentions, &surnames) {
        // The report's account with companions named, one per report.
        let mut per_report: BTreeMap<usize, &Trip> = BTreeMap::new();
        for t in &list {
            if !t.companions.is_empty() {
                per_report.entry(t.report).or_insert(t);
            }
        }
        if per_report.len() < 2 {
            continue;
        }
        let sets: Vec<&BTreeSet<String>> = per_report.values().map(|t| &t.companions).collect();
        let (status, precision) = compare_sets(&sets);
        let mut claims = Vec::new();
        let mut said = Vec::new();
        for (&r, t) in &per_report {
            claims.push(claim_of(
                &docs[r],
                r,
                t.first,
                t.last,
                t.companions.iter().cloned().collect::<Vec<_>>().join(", "),
            ));
            said.push(format!("with {} (report {})", t.names.join(" and "), r + 1));
        }
        let name = super::text::title_case(&who);
        let explanation = match status {
            Status::Conflict => format!(
                "Who travelled with {name}: {}. The reports name different companions.",
                said.join("; ")
            ),
            Status::Compatible => format!(
                "Who travelled with {name}: {}. One report names fewer of them.",
                said.join("; ")
            ),
            _ => format!("Who travelled with {name}: {}.", said.join("; ")),
        };
        let subject = format!("who travelled with {name}");
        out.push(Finding {
            id: super::numbers::finding_id(Kind::People, &claims),
            kind: Kind::People,
            status,
            precision,
            subject,
            explanation,
            claims,
        });
    }
    for (act, list) in acts(docs, mentions, &surnames) {
        let mut per_report: BTreeMap<usize, &Act> = BTreeMap::new();
        for a in &list {
            per_report.entry(a.report).or_insert(a);
        }
        if per_report.len() < 2 {
            continue;
        }
        let doers: BTreeSet<&String> = per_report.values().map(|a| &a.doer).collect();
        let status = if doers.len() > 1 {
            Status::Conflict
        } else {
            Status::Corroborated
        };
        let claims: Vec<ClaimRef> = per_report
            .iter()
            .map(|(&r, a)| claim_of(&docs[r], r, a.first, a.last, a.doer.clone()))
            .collect();
        let said: Vec<String> = per_report
            .iter()
            .map(|(r, a)| format!("{} (report {})", a.doer_name, r + 1))
            .collect();
        out.push(Finding {
            id: super::numbers::finding_id(Kind::People, &claims),
            kind: Kind::People,
            status,
            precision: Vec::new(),
            subject: format!("who {act}"),
            explanation: format!("Who {act}: {}.", said.join(" against ")),
            claims,
        });
    }
    let mut by_measure: BTreeMap<&'static str, BTreeMap<usize, Named>> = BTreeMap::new();
    for n in named_among(docs, mentions) {
        by_measure
            .entry(n.measure)
            .or_default()
            .entry(n.report)
            .or_insert(n);
    }
    for (measure, per_report) in by_measure {
        if per_report.len() < 2 {
            continue;
        }
        let sets: Vec<&BTreeSet<String>> = per_report.values().map(|n| &n.people).collect();
        let (status, precision) = compare_sets(&sets);
        let what = super::numbers::measure_words(&super::figures::Measure::Known(measure));
        let claims: Vec<ClaimRef> = per_report
            .iter()
            .map(|(&r, n)| {
                claim_of(
                    &docs[r],
                    r,
                    n.first,
                    n.last,
                    n.people.iter().cloned().collect::<Vec<_>>().join(", "),
                )
            })
            .collect();
        let said: Vec<String> = per_report
            .iter()
            .map(|(r, n)| format!("{} (report {})", n.names.join(" and "), r + 1))
            .collect();
        let verdict = match status {
            Status::Conflict => " The reports name different people.",
            Status::Compatible => " One report names fewer of them.",
            _ => "",
        };
        out.push(Finding {
            id: super::numbers::finding_id(Kind::People, &claims),
            kind: Kind::People,
            status,
            precision,
            subject: format!("who was named among those {what}"),
            explanation: format!("Named among those {what}: {}.{verdict}", said.join("; ")),
            claims,
        });
    }
    let roles = victim_roles(docs);
    for (x, a) in roles.iter().enumerate() {
        for b in &roles[x + 1..] {
            if a.named == b.named {
                continue;
            }
            let only_a: Vec<&String> = a.named.difference(&b.named).collect();
            let only_b: Vec<&String> = b.named.difference(&a.named).collect();
            let claims = vec![
                claim_of(
                    &docs[a.report],
                    a.report,
                    a.first,
                    a.last,
                    a.named.iter().cloned().collect::<Vec<_>>().join(", "),
                ),
                claim_of(
                    &docs[b.report],
                    b.report,
                    b.first,
                    b.last,
                    b.named.iter().cloned().collect::<Vec<_>>().join(", "),
                ),
            ];
            let list = |v: &[&String]| {
                if v.is_empty() {
                    "nothing more".to_owned()
                } else {
                    v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                }
            };
            out.push(Finding {
                id: super::numbers::finding_id(Kind::People, &claims),
                kind: Kind::People,
                status: Status::Conflict,
                precision: Vec::new(),
                subject: "who was among the dead".to_owned(),
                explanation: format!(
                    "The roles named among the dead differ: only report {} names {}; only report {} names {}.",
                    a.report + 1,
                    list(&only_a),
                    b.report + 1,
                    list(&only_b)
                ),
                claims,
            });
        }
    }
    out
}
