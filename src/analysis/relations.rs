//! Who travelled with whom: "A and B arrived in X", "A is traveling with B", "with C expected to
//! join them", "accompanied by D". Each sentence with a verb of travelling and named people
//! gives a party: the people travelling together, and those only expected to join.
//!
//! Meetings ("talks with X", "met X") are not companions: a "with" after a word of meeting is
//! skipped.

use std::ops::Range;

use super::doc::Doc;
use super::lexicon::{JOIN, MEET, ROLE, ROLE_MOD, TRAVEL, WITH};
use super::names::{EntityKind, Mention, Names};
use crate::corpus::text::TokenKind;

/// People travelling together, as one report tells it.
#[derive(Clone, Debug)]
pub struct Party {
    /// Report index.
    pub doc: usize,
    /// Entities travelling together, with the mention that names each.
    pub members: Vec<(u32, Range<usize>)>,
    /// Entities said to be joining later.
    pub expected: Vec<(u32, Range<usize>)>,
    /// Byte range from the first person named to the end of the relation.
    pub bytes: Range<usize>,
}

fn is_person(names: &Names, m: &Mention) -> bool {
    names.kind(m) == EntityKind::Person && !m.modifier && !m.possessive
}

/// Persons named right after token `k` ("with U.S. envoy Steve Witkoff and …"): their
/// mentions and the last token used.
fn persons_after<'n>(
    doc: &Doc<'_>,
    names: &'n Names,
    d: usize,
    k: usize,
    end: usize,
) -> (Vec<&'n Mention>, usize) {
    let mut out = Vec::new();
    let mut j = k;
    let mut last = k.saturating_sub(1);
    while j < end {
        if let Some(m) = names.at_token(d, j) {
            if !is_person(names, m) {
                // "US envoy …", "NATO chief …": an organisation qualifying the next role.
                if doc.is_lower_word(m.last + 1) && doc.has(m.last + 1, ROLE | ROLE_MOD) {
                    j = m.last + 1;
                    continue;
                }
                break;
            }
            out.push(m);
            last = m.last;
            j = m.last + 1;
            continue;
        }
        let tok = doc.tokens[j];
        let connector = doc.is_word(j, "and") || doc.is_punct(j, ',') || doc.is_word(j, "by");
        let role_word = tok.kind == TokenKind::Word
            && (doc.has(j, ROLE | ROLE_MOD)
                || doc.tokens[j].has(crate::corpus::text::UPPER)
                || doc.tokens[j].has(crate::corpus::text::DOTTED));
        if connector || role_word {
            j += 1;
            continue;
        }
        break;
    }
    (out, last)
}

/// "expected to join", "due to join", "will join", "set to join" within a few tokens after `k`.
fn joins_later(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    let until = (k + 6).min(end);
    let mut saw_future = false;
    for j in k..until {
        let word = doc.lower(j);
        if matches!(
            word,
            "expected" | "due" | "set" | "will" | "scheduled" | "later" | "to"
        ) {
            saw_future = true;
            continue;
        }
        if doc.has(j, JOIN) && saw_future {
            let mut last = j;
            if doc.is_word(j + 1, "them") || doc.is_word(j + 1, "him") || doc.is_word(j + 1, "her")
            {
                last = j + 1;
            }
            return Some(last);
        }
        if !matches!(word, "who" | "is" | "are" | "was" | "were") {
            break;
        }
    }
    None
}

/// Finds the travelling parties of one report.
pub fn extract(doc: &Doc<'_>, names: &Names, d: usize) -> Vec<Party> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if !doc.sentence_has(s, TRAVEL) {
            continue;
        }
        let range = sentence.tokens.clone();
        let Some(verb) = range
            .clone()
            .find(|&k| doc.is_lower_word(k) && doc.has(k, TRAVEL))
        else {
            continue;
        };
        let clause = doc.clause_range(verb);
        // Subjects: persons before the verb in its clause (or the sentence's first clause).
        let subjects: Vec<&Mention> = names
            .in_range(d, range.start..verb)
            .iter()
            .filter(|m| {
                is_person(names, m)
                    && (m.first >= clause.start
                        || doc.clause_of[m.first] == doc.clause_of[range.start])
            })
            .collect();
        let mut members: Vec<(u32, Range<usize>)> = subjects
            .iter()
            .map(|m| (names.entity(m), m.bytes.clone()))
            .collect();
        let mut expected = Vec::new();
        let mut last_token = verb;
        // Companions: "with X", "accompanied by X", "joined by X" after the verb.
        let mut k = verb + 1;
        while k < range.end {
            let with = doc.has(k, WITH) && doc.is_lower_word(k);
            if !with {
                k += 1;
                continue;
            }
            let after_meeting = (verb + 1..k).any(|j| doc.has(j, MEET));
            if after_meeting {
                break;
            }
            let mut start = k + 1;
            if doc.is_word(start, "by") || doc.is_word(start, "with") {
                start += 1;
            }
            let (people, last) = persons_after(doc, names, d, start, range.end);
            if people.is_empty() {
                k += 1;
                continue;
            }
            let later = joins_later(doc, last + 1, range.end);
            for m in people {
                let entry = (names.entity(m), m.bytes.clone());
                if later.is_some() {
                    expected.push(entry);
                } else {
                    members.push(entry);
                }
            }
            last_token = later.unwrap_or(last);
            k = last_token + 1;
        }
        members.sort_by_key(|(e, _)| *e);
        members.dedup_by_key(|(e, _)| *e);
        expected.retain(|(e, _)| !members.iter().any(|(m, _)| m == e));
        if members.is_empty() || (members.len() + expected.len()) < 2 {
            continue;
        }
        let first_byte = subjects
            .first()
            .map_or(doc.tokens[verb].start as usize, |m| m.bytes.start);
        let end_byte = doc.tokens[last_token].end as usize;
        out.push(Party {
            doc: d,
            members,
            expected,
            bytes: first_byte..end_byte,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::docs_of;
    use crate::analysis::names;

    fn parties(texts: &[&str]) -> Vec<(Vec<String>, Vec<String>)> {
        let docs = docs_of(texts);
        let names = names::NameFinder::all(&docs);
        let name = |e: u32| names.entities[e as usize].name.clone();
        docs.iter()
            .enumerate()
            .flat_map(|(d, doc)| extract(doc, &names, d))
            .map(|p| {
                (
                    p.members.iter().map(|(e, _)| name(*e)).collect(),
                    p.expected.iter().map(|(e, _)| name(*e)).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn subjects_and_companions_travel_together_and_later_joiners_are_expected() {
        let found = parties(&[
            "Minister Ann Lee and envoy Bob Stone, Premier Joe Park's special adviser, arrived in Rome, with envoy Carl West expected to join them.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        let (members, expected) = &found[0];
        assert!(members.contains(&"Ann Lee".to_owned()), "{found:?}");
        assert!(members.contains(&"Bob Stone".to_owned()), "{found:?}");
        assert!(
            !members.contains(&"Joe Park".to_owned()),
            "a possessive is not a traveller: {found:?}"
        );
        assert_eq!(expected, &["Carl West".to_owned()]);
    }

    #[test]
    fn travelling_with_someone() {
        let found = parties(&[
            "Minister Ann Lee is traveling with envoy Carl West for talks with officials.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.len(), 2);
    }

    #[test]
    fn talks_with_someone_is_not_travelling_with_them() {
        let found =
            parties(&["Minister Ann Lee arrived in Rome for talks with President Carl West."]);
        assert!(found.is_empty(), "{found:?}");
    }
}
