//! Figures: a number (digits, number words, vague amounts like "dozens", fractions, ranges)
//! with its qualifier ("at least", "about"), what it counts (its unit: people, children, USD,
//! km…), what it measures (killed, injured, pledged, votes…), and the parts it includes
//! ("including nine children"). Each becomes an [`Interval`]: "dozens" is 24 or more, "about
//! 20" is 18–22, "at least 35" is 35 or more, "several" is 3 or more.

use std::borrow::Cow;
use std::ops::Range;

use super::doc::Doc;
use super::lexicon::{AUX, LOC_PREP, MULTIPLIER, ORDINAL, Qualifier, SPEECH, STOP, UnitClass};
use super::model::{Interval, Measure};
use crate::corpus::text::{CAP, GLUED, Listed, TokenKind};

/// What a figure counts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unit {
    /// Family.
    pub class: UnitClass,
    /// Canonical name within the family ("people", "children", "USD", "missile"): the
    /// lexicon's own, or a noun of the report singularised.
    pub name: Cow<'static, str>,
}

impl Unit {
    fn people(name: &'static str) -> Self {
        Self {
            class: UnitClass::People,
            name: Cow::Borrowed(name),
        }
    }
}

/// A part counted inside a figure ("including nine children").
#[derive(Clone, Debug)]
pub struct Part<'a> {
    /// Its value.
    pub value: Interval,
    /// What it counts.
    pub unit: Unit,
    /// Its wording ("nine children"), in the report's text.
    pub wording: &'a str,
}

/// One figure in a report.
#[derive(Clone, Debug)]
pub struct Quantity<'a> {
    /// First token of the claim (measure word, qualifier or number).
    pub first: usize,
    /// Last token of the claim.
    pub last: usize,
    /// Byte range of the claim.
    pub bytes: Range<usize>,
    /// Token of the number itself (for anchoring to nearby names).
    pub number_token: usize,
    /// The value as an interval, in the unit family's base unit.
    pub value: Interval,
    /// The wording of the amount ("dozens", "about 20"), in the report's text.
    pub wording: &'a str,
    /// What it counts, if said.
    pub unit: Option<Unit>,
    /// What it measures, if said.
    pub measure: Option<Measure>,
    /// Parts it includes.
    pub parts: Vec<Part<'a>>,
    /// Where it sits in the report, read while the report is in the cache: alignment reads
    /// this for every figure of every report, long after the report's tables left the cache.
    pub at: Placement,
}

/// Where a figure sits in its report's sentences and clauses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Index of the sentence holding the claim's first token.
    pub sentence: u32,
    /// That sentence's tokens.
    pub sentence_tokens: Range<usize>,
    /// Index of the clause holding the number.
    pub clause: u32,
    /// First token of the stretch the figure's actor is looked for in: its clause, or the
    /// clause before for a relative clause ("John Park, who got 45%").
    pub actor_from: usize,
}

impl Placement {
    fn of(doc: &Doc<'_>, first: usize, number_token: usize) -> Self {
        let sentence = doc.sentence_of[first];
        let sentence_tokens = doc.sentences[sentence as usize].tokens.clone();
        let clause = doc.clause_of[number_token];
        let mut actor_from = doc.clauses[clause as usize].start;
        let relative = matches!(doc.lower(actor_from), "who" | "which" | "whose");
        if relative && actor_from > sentence_tokens.start {
            actor_from = doc.clause_range(actor_from - 1).start;
        }
        Self {
            sentence,
            sentence_tokens,
            clause,
            actor_from,
        }
    }
}

struct Amount {
    first: usize,
    last: usize,
    value: Interval,
    unit: Option<Unit>,
    /// A multiplier or "of" was consumed: the unit search starts after `last`.
    of_follows: bool,
}

fn number_value(doc: &Doc<'_>, i: usize) -> Option<f64> {
    let tok = doc.tokens.get(i)?;
    if tok.kind != TokenKind::Number {
        return None;
    }
    let text = doc.tok(i);
    // Most numbers are a few plain digits: no float parsing.
    if text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) {
        let n = text.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(n as f64);
    }
    if text.contains(',') {
        text.replace(',', "").parse().ok()
    } else {
        text.parse().ok()
    }
}

/// Whether token `i` can start an amount at all (cheap test before parsing).
pub(super) fn could_start_amount(doc: &Doc<'_>, i: usize) -> bool {
    let tok = doc.tokens[i];
    match tok.kind {
        TokenKind::Number => true,
        // Most punctuation is one ASCII byte other than `$`: no need to decode a char.
        TokenKind::Punct => {
            let b = doc.text.as_bytes()[tok.start as usize];
            b == b'$' || (b >= 0x80 && matches!(doc.char_at(i), '€' | '£' | '¥'))
        }
        // Every word that can open an amount is in the lexicon, except hyphenated number
        // words ("twenty-five", "two-thirds").
        TokenKind::Word => {
            doc.has(i, super::lexicon::AMOUNT_START)
                || (tok.has(crate::corpus::text::HYPHENATED)
                    && !tok.has(CAP)
                    && doc.lex[i].is_none())
        }
    }
}

/// A qualifier ending just before token `i`: (qualifier, its first token).
fn qualifier_before(doc: &Doc<'_>, i: usize) -> Option<(Qualifier, usize)> {
    if i == 0 {
        return None;
    }
    // Every qualifier of two or three words ends with a word flagged QUALIFIER_END: test
    // that before lower-casing three words.
    if doc.has(i - 1, super::lexicon::QUALIFIER_END)
        && let Some(found) = phrase_qualifier_before(doc, i)
    {
        return Some(found);
    }
    // "some" and "over" are qualifiers only right before a number.
    let one = doc.lex[i - 1].and_then(|l| l.qualifier)?;
    Some((one, i - 1))
}

/// A qualifier of two or three words ending just before token `i` (`i >= 1`).
fn phrase_qualifier_before(doc: &Doc<'_>, i: usize) -> Option<(Qualifier, usize)> {
    let w = |back: usize| i.checked_sub(back).map_or("", |k| doc.lower(k));
    let (p1, p2, p3) = (w(1), w(2), w(3));
    let three = match (p3, p2, p1) {
        ("as", "many", "as") | ("no" | "not", "more", "than") => Some(Qualifier::AtMost),
        ("no", "fewer" | "less", "than") | ("in", "excess", "of") => Some(Qualifier::AtLeast),
        _ => None,
    };
    if let Some(q) = three {
        return Some((q, i - 3));
    }
    let two = match (p2, p1) {
        ("at", "least") | ("more", "than") | ("upwards", "of") | ("just", "over") => {
            Some(Qualifier::AtLeast)
        }
        ("fewer" | "less", "than") | ("up", "to") | ("at", "most") | ("just", "under") => {
            Some(Qualifier::AtMost)
        }
        ("close", "to") | ("an", "estimated") => Some(Qualifier::About),
        _ => None,
    };
    two.map(|q| (q, i - 2))
}

fn apply(q: Option<Qualifier>, v: f64) -> Interval {
    match q {
        None => Interval::exact(v),
        Some(Qualifier::AtLeast) => Interval {
            lo: v,
            hi: f64::INFINITY,
        },
        Some(Qualifier::AtMost) => Interval { lo: 0.0, hi: v },
        Some(Qualifier::About) => {
            let spread = (v * 0.1).max(1.0);
            Interval {
                lo: (v - spread).max(0.0),
                hi: v + spread,
            }
        }
        Some(Qualifier::Nearly) => Interval {
            lo: (v * 0.9).min(v - 1.0).max(0.0),
            hi: v,
        },
    }
}

/// Number words: "three", "twenty-five", "two hundred and fifty", "a dozen", "3.5 million".
fn word_number(doc: &Doc<'_>, i: usize) -> Option<(f64, usize)> {
    let (mut total, mut current) = (0.0f64, 0.0f64);
    let mut j = i;
    let mut any = false;
    let mut last = i;
    while j < doc.tokens.len() && doc.tokens[j].kind == TokenKind::Word {
        let word = doc.lower(j);
        let is_multiplier = doc.has(j, MULTIPLIER) && !doc.tokens[j].has(GLUED);
        if word == "dozen" {
            current = if current == 0.0 { 12.0 } else { current * 12.0 };
        } else if (word == "a" || word == "an") && !any {
            let next = doc.lower(j + 1);
            let scale = doc.has(j + 1, MULTIPLIER) || next == "dozen";
            if !scale {
                break;
            }
            current = 1.0;
            j += 1;
            continue;
        } else if is_multiplier
            && matches!(
                word,
                "hundred" | "thousand" | "million" | "billion" | "trillion"
            )
        {
            let scale = doc.lex[j].and_then(|l| l.number).unwrap_or(1.0);
            if current == 0.0 {
                current = 1.0;
            }
            if word == "hundred" {
                current *= 100.0;
            } else {
                total += current * scale;
                current = 0.0;
            }
        } else if word == "and"
            && any
            && doc
                .lex
                .get(j + 1)
                .copied()
                .flatten()
                .and_then(|l| l.number)
                .is_some()
        {
            j += 1;
            continue;
        } else if let Some(v) = hyphenated_number(word) {
            current += v;
        } else {
            break;
        }
        any = true;
        last = j;
        j += 1;
    }
    any.then_some((total + current, last))
}

fn hyphenated_number(word: &str) -> Option<f64> {
    let mut sum = 0.0;
    for part in word.split('-') {
        let lex = super::lexicon::lookup(part)?;
        if lex.has(MULTIPLIER) {
            return None;
        }
        sum += lex.number?;
    }
    Some(sum)
}

/// The amount starting at token `i`: digits, words, vague words, fractions.
fn amount_at(doc: &Doc<'_>, i: usize) -> Option<Amount> {
    let tok = doc.tokens[i];
    let mut first = i;
    let mut currency: Option<&'static str> = None;
    let mut core = i;
    if tok.kind == TokenKind::Punct {
        currency = match doc.char_at(i) {
            '$' => Some("USD"),
            '€' => Some("EUR"),
            '£' => Some("GBP"),
            '¥' => Some("JPY"),
            _ => None,
        };
        currency?;
        core = i + 1;
        if !doc
            .tokens
            .get(core)
            .is_some_and(|t| t.kind == TokenKind::Number && t.has(GLUED))
        {
            return None;
        }
    }
    let qualifier = qualifier_before(doc, first);
    if let Some((_, q_first)) = qualifier {
        first = q_first;
    }
    let qualifier = qualifier.map(|(q, _)| q);

    // Digits.
    if let Some(v) = number_value(doc, core) {
        let mut last = core;
        let mut v = v;
        // Glued or spaced scale: "22bn", "22 billion", "1.2 million".
        if doc.has(last + 1, MULTIPLIER) {
            let glued = doc.tokens[last + 1].has(GLUED);
            let word = doc.lower(last + 1);
            let spelled = matches!(
                word,
                "hundred" | "thousand" | "million" | "billion" | "trillion"
            );
            if glued || spelled {
                v *= doc.lex[last + 1].and_then(|l| l.number).unwrap_or(1.0);
                last += 1;
            }
        }
        // Ranges: "20-25", "20 to 25", "between 20 and 25".
        let mut value = apply(qualifier, v);
        let between = first > 0 && doc.is_word(first - 1, "between");
        let dash = (doc.is_punct(last + 1, '-') || doc.is_punct(last + 1, '–'))
            && doc.tokens.get(last + 2).is_some_and(|t| t.has(GLUED));
        let joiner =
            dash || doc.is_word(last + 1, "to") || (between && doc.is_word(last + 1, "and"));
        if joiner && let Some(hi) = number_value(doc, last + 2).filter(|&hi| hi > v) {
            let mut hi = hi;
            let mut end = last + 2;
            if doc.has(end + 1, MULTIPLIER) && doc.tokens[end + 1].has(GLUED) {
                hi *= doc.lex[end + 1].and_then(|l| l.number).unwrap_or(1.0);
                end += 1;
            }
            value = Interval { lo: v, hi };
            last = end;
            if between {
                first = first.min(first - 1);
            }
        }
        let mut unit = currency.map(|c| Unit {
            class: UnitClass::Money,
            name: Cow::Borrowed(c),
        });
        if doc.is_punct(last + 1, '%') {
            last += 1;
            unit = Some(Unit {
                class: UnitClass::Percent,
                name: Cow::Borrowed("%"),
            });
        }
        // "or more", "or so", "+"
        if doc.is_word(last + 1, "or") {
            let next = doc.lower(last + 2);
            if next == "more" {
                value.hi = f64::INFINITY;
                last += 2;
            } else if next == "so" {
                value = apply(Some(Qualifier::About), v);
                last += 2;
            }
        } else if doc.is_punct(last + 1, '+') && doc.tokens[last + 1].has(GLUED) {
            value.hi = f64::INFINITY;
            last += 1;
        }
        return Some(Amount {
            first: first.min(i),
            last,
            value,
            unit,
            of_follows: false,
        });
    }
    if tok.kind != TokenKind::Word {
        return None;
    }
    let word = doc.lower(i);
    // Vague amounts: "dozens", "several", "a few", "tens of thousands", "several hundred".
    let (vague_at, article) = if (word == "a" || word == "an")
        && doc
            .lex
            .get(i + 1)
            .copied()
            .flatten()
            .and_then(|l| l.vague)
            .is_some()
    {
        (i + 1, true)
    } else {
        (i, false)
    };
    if let Some((lo, hi)) = doc.lex[vague_at].and_then(|l| l.vague) {
        let vague_word = doc.lower(vague_at);
        // "few" without "a" means "not many".
        if vague_word == "few" && !article {
            return None;
        }
        let mut value = Interval { lo, hi };
        let mut last = vague_at;
        let next = doc.lower(last + 1);
        let scale = match next {
            "dozen" => Some(12.0),
            "hundred" => Some(100.0),
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            _ => None,
        };
        if let Some(scale) = scale {
            value = Interval {
                lo: value.lo * scale,
                hi: value.hi * scale,
            };
            last += 1;
        }
        if doc.is_word(last + 1, "of") {
            let after = doc.lower(last + 2);
            let scale = match after {
                "thousands" => Some(1e3),
                "millions" => Some(1e6),
                _ => None,
            };
            if let Some(scale) = scale {
                value = Interval {
                    lo: value.lo.max(10.0) * scale,
                    hi: f64::INFINITY,
                };
                last += 2;
            }
        }
        return Some(Amount {
            first: first.min(i),
            last,
            value,
            unit: None,
            of_follows: doc.is_word(last + 1, "of"),
        });
    }
    if word == "tens" && doc.is_word(i + 1, "of") {
        let scale = match doc.lower(i + 2) {
            "thousands" => 1e3,
            "millions" => 1e6,
            _ => return None,
        };
        return Some(Amount {
            first: first.min(i),
            last: i + 2,
            value: Interval {
                lo: 20.0 * scale,
                hi: f64::INFINITY,
            },
            unit: None,
            of_follows: doc.is_word(i + 3, "of"),
        });
    }
    // Fractions: "half of", "a third of", "two-thirds of".
    if let Some((share, last)) = fraction(doc, i) {
        return Some(Amount {
            first: first.min(i),
            last,
            value: apply(Some(Qualifier::About), share * 100.0),
            unit: Some(Unit {
                class: UnitClass::Percent,
                name: Cow::Borrowed("%"),
            }),
            of_follows: true,
        });
    }
    if doc.has(i, ORDINAL) {
        return None;
    }
    let (v, last) = word_number(doc, i)?;
    // "one" is mostly a pronoun ("one of them"); keep it only before a noun.
    if word == "one" && last == i && (doc.is_word(i + 1, "of") || !doc.is_lower_word(i + 1)) {
        return None;
    }
    let mut value = apply(qualifier, v);
    let mut last = last;
    if doc.is_word(last + 1, "percent") || doc.is_word(last + 1, "pc") {
        last += 1;
        return Some(Amount {
            first: first.min(i),
            last,
            value,
            unit: Some(Unit {
                class: UnitClass::Percent,
                name: Cow::Borrowed("%"),
            }),
            of_follows: false,
        });
    }
    if doc.is_word(last + 1, "or") && doc.is_word(last + 2, "more") {
        value.hi = f64::INFINITY;
        last += 2;
    }
    Some(Amount {
        first: first.min(i),
        last,
        value,
        unit: None,
        of_follows: false,
    })
}

fn fraction(doc: &Doc<'_>, i: usize) -> Option<(f64, usize)> {
    let word = doc.lower(i);
    let denominator = |w: &str| match w {
        "half" => Some(2.0),
        "third" | "thirds" => Some(3.0),
        "quarter" | "quarters" => Some(4.0),
        "fifth" | "fifths" => Some(5.0),
        _ => None,
    };
    let (numerator, d, last) = if let Some(d) = denominator(word) {
        if word != "half" {
            return None;
        }
        (1.0, d, i)
    } else if word == "a" || word == "one" {
        let d = denominator(doc.lower(i + 1))?;
        (1.0, d, i + 1)
    } else if let Some((a, b)) = word.split_once('-') {
        let n = super::lexicon::lookup(a)?.number?;
        (n, denominator(b)?, i)
    } else {
        return None;
    };
    doc.is_word(last + 1, "of").then_some((numerator / d, last))
}

fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with("ss") || word.len() <= 3 {
        word.to_owned()
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_owned()
    } else {
        word.to_owned()
    }
}

/// The unit noun after an amount ending at `last`: (unit, last token used).
fn unit_after(
    doc: &Doc<'_>,
    last: usize,
    of_follows: bool,
) -> Option<(Unit, usize, Option<Measure>)> {
    let mut k = last + 1;
    if of_follows && doc.is_word(k, "of") {
        k += 1;
        if doc.is_word(k, "the") {
            k += 1;
        }
    }
    let sentence_end = doc.sentence_range(last).end;
    let mut candidate: Option<usize> = None;
    let mut steps = 0;
    while k < sentence_end && steps < 4 {
        let tok = doc.tokens[k];
        if tok.kind != TokenKind::Word {
            break;
        }
        if let Some(unit) = doc.lex[k].and_then(|l| l.unit) {
            let factor_unit = Unit {
                class: unit.class,
                name: Cow::Borrowed(unit.name),
            };
            return Some((factor_unit, k, unit.measure));
        }
        let lex = doc.lex[k];
        // "50 more tanks", "20 other people"
        let filler = matches!(
            doc.lower(k),
            "more" | "other" | "additional" | "further" | "new" | "extra"
        );
        if filler {
            k += 1;
            steps += 1;
            continue;
        }
        let stops = lex.is_some_and(|l| {
            l.has(STOP) || l.verb.is_some() || l.measure.is_some() || l.month.is_some()
        });
        if stops {
            break;
        }
        // A capitalized word other than an adjective of nationality ends the noun phrase.
        if tok.has(CAP) && steps > 0 {
            break;
        }
        // Participles and adverbs qualify a noun ("armed men"); they are not one.
        let word = doc.tok(k);
        if !(word.ends_with("ed") || word.ends_with("ing") || word.ends_with("ly")) {
            candidate = Some(k);
        }
        steps += 1;
        k += 1;
    }
    let head = candidate?;
    if doc.tokens[head].has(CAP) || doc.tok(head).len() < 3 {
        return None;
    }
    let name = singular(&doc.tok(head).to_ascii_lowercase());
    Some((
        Unit {
            class: UnitClass::Thing,
            name: Cow::Owned(name),
        },
        head,
        None,
    ))
}

/// The unit's conversion factor to its family's base unit.
fn unit_factor(doc: &Doc<'_>, head: usize) -> f64 {
    doc.lex[head].and_then(|l| l.unit).map_or(1.0, |u| u.factor)
}

/// The measure word told with a figure spanning `first..=last`: (measure, token).
fn measure_near(doc: &Doc<'_>, first: usize, last: usize) -> Option<(Measure, usize)> {
    let clause = doc.clause_range(first);
    let sentence = doc.sentence_range(first);
    let lo = clause.start.min(first);
    // Right before: "killed at least", "injuring", "death toll rose to".
    let mut k = first;
    let mut steps = 0;
    while k > lo && steps < 4 {
        k -= 1;
        steps += 1;
        if doc.tokens[k].kind != TokenKind::Word {
            break;
        }
        if let Some(m) = doc.lex[k].and_then(|l| l.measure) {
            return Some((m, k));
        }
    }
    // After: "people were killed", "has already been pledged", "in aid".
    let mut k = last + 1;
    let mut steps = 0;
    let mut in_prep_phrase = false;
    let mut on_board = None;
    while k < sentence.end && steps < 8 {
        let tok = doc.tokens[k];
        if tok.kind != TokenKind::Word {
            break;
        }
        if let Some(m) = doc.lex[k].and_then(|l| l.measure) {
            // "people on board were killed": the verb, not the place, is the measure.
            if m == Measure::OnBoard && doc.is_word(k, "board") && on_board.is_none() {
                on_board = Some((m, k));
                in_prep_phrase = false;
                k += 1;
                steps += 1;
                continue;
            }
            return Some((m, k));
        }
        // Only auxiliaries, adverbs and a short prepositional phrase ("in security
        // assistance", "of the vote") stand between a figure and its verb; another verb ends
        // the search.
        let is_verb =
            !doc.has(k, AUX) && doc.lex[k].is_some_and(|l| l.verb.is_some() || l.has(SPEECH));
        let adverb = doc.is_lower_word(k) && doc.tok(k).ends_with("ly");
        let determiner = in_prep_phrase
            && matches!(
                doc.lower(k),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            );
        let in_phrase = in_prep_phrase && doc.is_lower_word(k) && !doc.has(k, STOP);
        if doc.has(k, LOC_PREP) || doc.is_word(k, "of") {
            in_prep_phrase = true;
        } else if is_verb || !(doc.has(k, AUX) || adverb || in_phrase || determiner) {
            break;
        }
        k += 1;
        steps += 1;
    }
    on_board
}

/// Parts: ", including nine children", "among them two women", "of whom 12 were children".
fn parts_after<'a>(doc: &Doc<'a>, mut k: usize, used: &mut [bool]) -> (Vec<Part<'a>>, usize) {
    let mut parts = Vec::new();
    let mut last = k - 1;
    if doc.is_punct(k, ',') {
        k += 1;
    }
    let opener = doc.is_word(k, "including")
        || (doc.is_word(k, "among") && doc.is_word(k + 1, "them"))
        || (doc.is_word(k, "of") && doc.is_word(k + 1, "whom"));
    if !opener {
        return (parts, last);
    }
    k += if doc.is_word(k, "including") { 1 } else { 2 };
    while let Some(tok) = doc.tokens.get(k) {
        if tok.kind == TokenKind::Punct {
            break;
        }
        // "a young girl": one.
        let (amount, unit_from) = if doc.is_word(k, "a") || doc.is_word(k, "an") {
            match unit_after(doc, k, false) {
                Some((unit, head, _)) if unit.class == UnitClass::People => {
                    parts.push(Part {
                        value: Interval::exact(1.0),
                        unit,
                        wording: &doc.text[doc.span(k, head)],
                    });
                    for slot in &mut used[k..=head] {
                        *slot = true;
                    }
                    last = head;
                    k = head + 1;
                    if doc.is_word(k, "and") {
                        k += 1;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        } else {
            match amount_at(doc, k) {
                Some(amount) => {
                    let end = amount.last;
                    (amount, end)
                }
                None => break,
            }
        };
        let Some((unit, head, _)) = unit_after(doc, unit_from, amount.of_follows) else {
            break;
        };
        parts.push(Part {
            value: amount.value,
            unit,
            wording: &doc.text[doc.span(amount.first, head)],
        });
        for slot in &mut used[amount.first..=head] {
            *slot = true;
        }
        last = head;
        k = head + 1;
        // "were children"
        if doc.is_word(k, "and")
            && doc.tokens.get(k + 1).is_some_and(|t| {
                t.kind != TokenKind::Word
                    || !doc.has(k + 1, super::lexicon::STOP)
                    || doc.is_word(k + 1, "a")
            })
        {
            k += 1;
            continue;
        }
        break;
    }
    (parts, last)
}

/// Finds the figures of one report, skipping tokens already used (by dates).
pub fn extract<'a>(doc: &Doc<'a>, used: &mut [bool]) -> Vec<Quantity<'a>> {
    // Room for a figure every sixteen tokens, more than news text has: no regrowing.
    let mut out: Vec<Quantity> = Vec::with_capacity(doc.tokens.len() / 16);
    // Only where a figure may start (`Doc::starts`); `i` is where the search goes on.
    let mut starts = Listed::new(&doc.starts);
    let mut i = 0;
    while let Some(s) = starts.next(i, doc.tokens.len()) {
        i = s;
        if used[i] {
            i += 1;
            continue;
        }
        if !could_start_amount(doc, i) {
            i += 1;
            continue;
        }
        let Some(amount) = amount_at(doc, i) else {
            i += 1;
            continue;
        };
        // A conversion in parentheses after another figure: "30 kilometers (20 miles)".
        let in_parens = amount.first > 0 && doc.is_punct(amount.first - 1, '(');
        let after_figure = in_parens && out.last().is_some_and(|q| q.last + 1 == amount.first - 1);
        let number_token = i;
        let mut unit = amount.unit.clone();
        let mut last = amount.last;
        let mut factor = 1.0;
        let mut implied = None;
        if unit.is_none()
            && let Some((u, head, measure)) = unit_after(doc, amount.last, amount.of_follows)
        {
            factor = unit_factor(doc, head);
            unit = Some(u);
            implied = measure;
            last = head;
        }
        // "20 dollars", "5 percent"
        if unit.is_none() && doc.is_word(last + 1, "per") && doc.is_word(last + 2, "cent") {
            unit = Some(Unit {
                class: UnitClass::Percent,
                name: Cow::Borrowed("%"),
            });
            last += 2;
        }
        let measure = measure_near(doc, amount.first, last);
        let measure_value = implied.or(measure.map(|(m, _)| m));
        // An identifier, not a figure: "Flight 370", "Article 5".
        let prev_cap = amount.first > 0
            && doc.tokens[amount.first - 1].kind == TokenKind::Word
            && doc.tokens[amount.first - 1].has(CAP)
            && doc.lex[amount.first - 1].is_none_or(|l| l.month.is_none() && !l.has(STOP));
        // "the two met": a pronoun.
        let pronoun = amount.first > 0
            && doc.is_word(amount.first - 1, "the")
            && doc.tokens[i].kind == TokenKind::Word;
        if after_figure || (prev_cap && unit.is_none()) || (pronoun && unit.is_none()) {
            i = amount.last + 1;
            continue;
        }
        // A figure counts something or measures something; bare numbers are skipped.
        let unit = match (unit, measure_value) {
            (Some(u), _) => Some(u),
            (None, Some(m)) if m.is_located() => Some(Unit::people("people")),
            (None, Some(Measure::Votes)) => Some(Unit {
                class: UnitClass::Thing,
                name: Cow::Borrowed("votes"),
            }),
            (None, Some(_)) => None,
            (None, None) => {
                i = amount.last + 1;
                continue;
            }
        };
        let value = Interval {
            lo: amount.value.lo * factor,
            hi: amount.value.hi * factor,
        };
        let mut first = amount.first;
        if let Some((_, k)) = measure {
            if k < first {
                first = if k > 0 && doc.is_word(k, "toll") && doc.is_word(k - 1, "death") {
                    k - 1
                } else {
                    k
                };
            } else if k > last && k <= last + 4 {
                last = k;
            }
        }
        for slot in &mut used[amount.first..=amount.last] {
            *slot = true;
        }
        let (parts, parts_last) = parts_after(doc, last + 1, used);
        let claim_last = if parts.is_empty() { last } else { parts_last };
        let wording = &doc.text[doc.span(amount.first, amount.last)];
        out.push(Quantity {
            first,
            last: claim_last,
            bytes: doc.span(first, claim_last),
            number_token,
            value,
            wording,
            unit,
            measure: measure_value,
            parts,
            at: Placement::of(doc, first, number_token),
        });
        i = claim_last.max(amount.last) + 1;
    }
    // Coordinated figures share a unit ("killing 35 people and injuring 119") and, when the
    // unit family is the same, a measure ("won 54% of the vote, beating X, who got 45%").
    for k in 1..out.len() {
        let same_sentence = out[k].at.sentence == out[k - 1].at.sentence;
        let same_family =
            out[k].unit.as_ref().map(|u| u.class) == out[k - 1].unit.as_ref().map(|u| u.class);
        if same_sentence && same_family && out[k].measure.is_none() {
            out[k].measure = out[k - 1].measure;
        }
        let no_unit = out[k]
            .unit
            .as_ref()
            .is_none_or(|u| u.class == UnitClass::Thing && u.name.is_empty());
        if same_sentence && no_unit {
            let unit = out[k - 1].unit.clone();
            out[k].unit = unit;
        }
    }
    out.retain(|q| q.unit.is_some() || q.measure.is_some());
    out
}

/// A figure in words, as its claim shows it: its wording, the people it counts when the
/// wording does not say ("35 children"), and its parts ("dozens, incl. nine children").
pub fn describe(q: &Quantity<'_>) -> String {
    let mut s = String::with_capacity(q.wording.len() + 24);
    s.push_str(q.wording);
    if let Some(unit) = &q.unit
        && !s.contains(&*unit.name)
        && unit.class == UnitClass::People
        && unit.name != "people"
    {
        s.push(' ');
        s.push_str(&unit.name);
    }
    for p in &q.parts {
        s.push_str(", incl. ");
        s.push_str(p.wording);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::Interner;

    type Figure = (String, String, String, Option<Measure>, Vec<String>);

    fn figures(text: &str) -> Vec<Figure> {
        let mut interner = Interner::default();
        let doc = Doc::new(text, 0..text.len(), None, &mut interner);
        let mut used = vec![false; doc.tokens.len()];
        extract(&doc, &mut used)
            .into_iter()
            .map(|q| {
                (
                    text[q.bytes].to_owned(),
                    q.value.to_string(),
                    q.unit.map(|u| u.name.into_owned()).unwrap_or_default(),
                    q.measure,
                    q.parts
                        .iter()
                        .map(|p| format!("{} {}", p.value, p.unit.name))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn vague_amounts_become_open_intervals() {
        let f = figures("Strikes killed dozens of people, including several children.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "24..");
        assert_eq!(f[0].2, "people");
        assert_eq!(f[0].3, Some(Measure::Killed));
        assert_eq!(f[0].4, ["3.. children"]);
        assert_eq!(
            f[0].0,
            "killed dozens of people, including several children"
        );
    }

    #[test]
    fn qualifiers_bend_the_number() {
        let f = figures(
            "About 20 people were killed, including nine children. At least 35 people died.",
        );
        assert_eq!(f[0].1, "18..22", "{f:?}");
        assert_eq!(f[0].3, Some(Measure::Killed));
        assert_eq!(f[0].4, ["9 children"]);
        assert_eq!(f[1].1, "35..");
        assert_eq!(f[1].3, Some(Measure::Killed));
    }

    #[test]
    fn a_coordinated_figure_takes_the_unit_and_its_own_measure() {
        let f = figures(
            "The missiles struck, killing at least 35 people, including two children, and injuring 119.",
        );
        let injured = f.iter().find(|q| q.1 == "119").expect("119 found");
        assert_eq!(injured.3, Some(Measure::Injured), "{f:?}");
        assert_eq!(injured.2, "people");
    }

    #[test]
    fn money_with_scale_and_measure_after() {
        let f = figures(
            "He said more than $22 billion in security assistance has already been pledged.",
        );
        assert_eq!(f[0].1, "22000000000..", "{f:?}");
        assert_eq!(f[0].2, "USD");
        assert_eq!(f[0].3, Some(Measure::Pledged));
    }

    #[test]
    fn number_words_ranges_and_percent() {
        let f = figures(
            "Two hundred and fifty passengers were on board. Turnout was 62.5%. Between 20 and 25 soldiers were wounded.",
        );
        assert_eq!(f[0].1, "250", "{f:?}");
        assert_eq!(f[0].2, "passengers");
        assert_eq!(f[1].1, "62.5");
        assert_eq!(f[1].2, "%");
        assert_eq!(f[2].1, "20..25");
        assert_eq!(f[2].3, Some(Measure::Injured));
    }

    #[test]
    fn distances_convert_and_parenthesised_conversions_are_skipped() {
        let f = figures("The town is about 30 kilometers (20 miles) from the border.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].2, "km");
    }

    #[test]
    fn identifiers_pronouns_and_bare_numbers_are_not_figures() {
        let f = figures("Flight 370 vanished. One of them said 5 was fine. His third visit.");
        assert!(f.is_empty(), "{f:?}");
    }
}
