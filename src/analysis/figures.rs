//! Figures: an amount with what it counts and what happened to it, read from the words
//! around it the way a reader of English news does.
//!
//! - What is counted: the noun after the amount ("12 Peruvian guides", "dozens of people",
//!   "six of the officers"), a unit ("5,800 metres", "275-kph", "$22 billion") and what the
//!   unit measures ("wind gusts", "a 29,035-foot mountain", "10 km high"), a nationality
//!   ("seven Dutch children", "nine from Peru"), or nothing said ("three are missing": the
//!   count before it in the sentence, or people).
//! - What happened to it, the measure: a predicate word on either side ("were killed",
//!   "killing", "lost their lives", "leaving … dead", "the death toll rose to", "27
//!   arrests"), from the list in `words/measures.txt`; when no listed word is there, the verb
//!   itself ("have seen", "handed out"), so an unlisted measure still meets its like.
//! - How it relates to other figures: a part ("including nine children", "22 of whom are
//!   children", "six of the officers"), a sum of coordinated counts ("20 children and six
//!   adults were killed": 26 killed), an increment ("three more", "climb by three"), an
//!   update ("rose to 22") or an earlier count ("earlier it had said").

use std::ops::Range;

use super::amounts::{Amount, Shape, Value, amount_at, glued_letters, qualified};
use super::text::{Doc, TokKind};
use super::words::{PeopleClass, lexicon, month, weekday};

/// What happened to what a figure counts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// A measure of the list (`killed`, `injured`…).
    Known(&'static str),
    /// A verb of the report not in the list, as its stem ("hand" of "handed out").
    Open(String),
}

#[cfg(test)]
impl Measure {
    /// Its name in subjects ("killed", "handed out").
    pub fn name(&self) -> &str {
        match self {
            Self::Known(m) => m,
            Self::Open(v) => v,
        }
    }
}

/// A unit a figure is measured in.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitOf {
    /// Its dimension ("length", "speed", "usd", "percent"…).
    pub dimension: &'static str,
    /// The unit as written ("feet", "kph").
    pub written: String,
}

impl UnitOf {
    /// A currency.
    pub fn is_money(&self) -> bool {
        super::words::is_money(self.dimension)
    }
}

/// One figure of a report.
// Each flag is one independent thing the words say of the figure; linking reads them one by
// one, so a state enum would only hide them.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// First token of the claim.
    pub first: usize,
    /// Last token of the claim.
    pub last: usize,
    /// The amount.
    pub amount: Amount,
    /// Its value, in the unit's base units.
    pub value: Value,
    /// Its unit, if any.
    pub unit: Option<UnitOf>,
    /// What it counts, as compared ("people", "guides", "helicopter"), sorted; several for
    /// "police and firefighters".
    pub nouns: Vec<String>,
    /// How the noun counts people (none: things, or a unit).
    pub class: Option<PeopleClass>,
    /// For a unit: what is measured ("gusts", "mountain", "deep", "at").
    pub attribute: Option<String>,
    /// A nationality it counts ("netherlands").
    pub nationality: Option<&'static str>,
    /// What happened to it.
    pub measure: Option<Measure>,
    /// Said to be confirmed (tested, attributed): a part of the count of the same measure.
    pub confirmed: bool,
    /// An increment ("three more", "by three", "new cases"), not a count.
    pub delta: bool,
    /// A part of another figure ("including nine children").
    pub part: bool,
    /// A count said to have changed to this ("rose to 22").
    pub update: bool,
    /// A count the report itself says was earlier ("earlier it had said").
    pub earlier: bool,
    /// In a title-case line (a headline).
    pub headline: bool,
    /// Index of its sentence.
    pub sentence: usize,
    /// Indices of the figures it adds up (a derived sum), else empty.
    pub sum_of: Vec<usize>,
    /// A figure in words only ("one", "a"), kept only in a clear context.
    pub weak: bool,
    /// A parenthetical conversion of the same figure ("(19,000 feet)").
    pub alternative: Option<Value>,
    /// Last token of the amount, unit and noun (the claim may go on to its predicate).
    pub consumed: usize,
    /// It is one of the counts a sum adds up.
    pub in_sum: bool,
    /// Its noun is "others" ("two others died").
    pub others: bool,
    /// "N of the X" with a plain noun: a part only if the X counted before had its measure.
    pub partitive: bool,
    /// Said to be a part by its words ("including", "of whom", "of them"), not only by its
    /// noun ("children").
    pub marked_part: bool,
    /// The number is written in digits.
    pub amount_is_digits: bool,
    /// In a sentence about an earlier event (it names an earlier year).
    pub background: bool,
}

impl Figure {
    /// Whether it counts people.
    pub fn counts_people(&self) -> bool {
        self.class.is_some()
    }
}

/// Auxiliaries and adverbs a predicate may have between the noun and its main word.
const AUX: &[&str] = &[
    "have",
    "has",
    "had",
    "been",
    "be",
    "being",
    "were",
    "was",
    "are",
    "is",
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "still",
    "also",
    "reportedly",
    "already",
    "now",
    "all",
    "each",
    "then",
    "thought",
    "believed",
    "feared",
    "presumed",
    "said",
    "reported",
    "known",
    "to",
    "later",
    "subsequently",
    "officially",
    "so",
    "far",
    "apparently",
    "allegedly",
    "initially",
    "not",
    "who",
    "that",
    "which",
    "they",
    "were",
    "remained",
    "remain",
    "remains",
    "stayed",
    "stay",
    "left",
    "seriously",
    "badly",
    "critically",
    "slightly",
    "fatally",
    "confirmed",
    "since",
];

/// Words that end a clause for the predicate search.
fn is_boundary(doc: &Doc<'_>, k: usize) -> bool {
    let t = doc.tok(k);
    (doc.kind(k) == Some(TokKind::Punct) && matches!(t, ";" | ":" | "—" | "–" | "(" | ")"))
        || doc.is_any(k, &["but", "while", "whereas", "although", "though"])
        || (doc.is_punct(k, '-') && doc.has(k, super::text::SPACE_BEFORE))
}

/// Measures of what happens to people: a count of them with no noun counts people.
pub const PEOPLE_MEASURES: &[&str] = &[
    "killed",
    "injured",
    "hospitalized",
    "missing",
    "evacuated",
    "affected",
    "arrested",
    "rescued",
    "aboard",
    "freed",
    "attended",
    "infected",
    "stranded",
    "casualties",
];

/// Words marking what follows as a part of a count before it.
const PART_MARKERS: &[&str] = &["including", "includes", "included", "incl"];

/// The unit after token `j` (or glued to the digits of the amount): its dimension, how it
/// was written, its factor, and its last token.
fn unit_after(doc: &Doc<'_>, amount: &Amount, j: usize) -> Option<(UnitOf, f64, usize)> {
    let lex = lexicon();
    if let Some(i) = amount.glued_unit {
        let letters = glued_letters(doc, i).to_ascii_lowercase();
        if let Some(u) = lex.units.get(&letters) {
            return Some((
                UnitOf {
                    dimension: u.dimension,
                    written: letters,
                },
                u.factor,
                amount.last,
            ));
        }
        return None;
    }
    // "275-kph", "8,848-metre": a glued hyphen before the unit.
    let k = if doc.is_punct(j, '-') && !doc.has(j, super::text::SPACE_BEFORE) {
        j + 1
    } else {
        j
    };
    let (len, u) = lex.units.at(doc, k)?;
    // "m" and "in" are units only right after digits.
    let written = doc.span_text(k, k + len - 1).to_ascii_lowercase();
    if matches!(written.as_str(), "m" | "in." | "mi" | "ha")
        && doc.kind(amount.number) != Some(TokKind::Num)
    {
        return None;
    }
    // "per cent" and friends are one unit; "a day", "each day" are not durations of a count.
    Some((
        UnitOf {
            dimension: u.dimension,
            written,
        },
        u.factor,
        k + len - 1,
    ))
}

/// A currency sign right before the amount ("$22 billion").
fn currency_before(doc: &Doc<'_>, amount: &Amount) -> Option<(UnitOf, f64)> {
    let k = amount.number.checked_sub(1)?;
    if doc.kind(k) != Some(TokKind::Punct) && !doc.is(k, "us$") {
        return None;
    }
    let sign = doc.tok(k).to_ascii_lowercase();
    let u = lexicon().units.get(&sign)?;
    Some((
        UnitOf {
            dimension: u.dimension,
            written: sign,
        },
        u.factor,
    ))
}

/// The noun phrase after an amount.
#[derive(Debug, Default)]
struct NounPhrase {
    /// Last token (none: no noun).
    last: Option<usize>,
    /// Nouns compared, for people; the head noun for things.
    nouns: Vec<String>,
    class: Option<PeopleClass>,
    nationality: Option<&'static str>,
    /// A modifier that is itself a measure ("two injured guides").
    measure: Option<&'static str>,
    /// "other", "more", "new", "further", "additional".
    delta: bool,
    /// The noun is "others": more of what was just counted, or the rest.
    others: bool,
}

fn stem(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    for suffix in ["ies", "es", "s"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.len() >= 3
            && !w.ends_with("ss")
        {
            return if suffix == "ies" {
                format!("{s}y")
            } else if suffix == "es"
                && !(s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x'))
            {
                format!("{s}e")
            } else {
                s.to_owned()
            };
        }
    }
    w
}

/// A verb's stem, for open measures ("handed" → "hand", "seen" → "seen").
fn verb_stem(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    // "carried", "carries" and "carrying" are one verb.
    if let Some(s) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies"))
        && s.len() >= 3
    {
        return format!("{s}y");
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.len() >= 3
        {
            return s.trim_end_matches('e').to_owned();
        }
    }
    w.trim_end_matches('e').to_owned()
}

fn looks_like_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    (w.ends_with("ed") || w.ends_with("ing")) && w.len() >= 4
}

/// Reads the noun phrase starting at `j`: modifiers, then the noun. A noun for people ends
/// the phrase, except for more such nouns joined to it ("police officers", "police and
/// firefighters", "police, firefighters and medics").
fn noun_phrase(doc: &Doc<'_>, j: usize, sentence_end: usize) -> NounPhrase {
    let lex = lexicon();
    let mut np = NounPhrase::default();
    let mut k = j;
    let mut people: Vec<(usize, PeopleClass, &'static str)> = Vec::new();
    let mut thing: Option<(usize, String)> = None;
    let mut words = 0;
    while k < sentence_end && words < 6 {
        if doc.is_punct(k, '-') && !doc.has(k, super::text::SPACE_BEFORE) && doc.is_word(k + 1) {
            k += 1;
            continue;
        }
        if !doc.is_word(k) || doc.has(k, super::text::POSSESSIVE) {
            break;
        }
        if let Some((len, &(class, compared))) = lex.people.at(doc, k) {
            np.others |= doc.is(k, "others");
            people.push((k + len - 1, class, compared));
            thing = None;
            k += len;
            words += len;
            // Another noun for people may follow: "police officers" (but not "people dead");
            // the first is then a modifier of the second.
            if lex.people.at(doc, k).is_some() && lex.measures.at(doc, k).is_none() {
                people.pop();
                continue;
            }
            // "police and firefighters", "police, firefighters, doctors and medics".
            // A list closes with "and" or "or": "23 people, police said" is no list.
            let mut m = k;
            let listed = people.len();
            let mut closed = false;
            while (doc.is_punct(m, ',') || doc.is_any(m, &["and", "or"]))
                && amount_at(doc, m + 1).is_none()
            {
                let joined = doc.is_any(m, &["and", "or"]) || doc.is_any(m + 1, &["and", "or"]);
                let next = if doc.is_punct(m, ',') && doc.is_any(m + 1, &["and", "or"]) {
                    m + 2
                } else {
                    m + 1
                };
                match lex.people.at(doc, next) {
                    Some((len, &(class, compared))) => {
                        people.push((next + len - 1, class, compared));
                        m = next + len;
                        closed = joined;
                    }
                    None => break,
                }
            }
            if !closed {
                people.truncate(listed);
                m = k;
            }
            if m > k {
                k = m;
                continue;
            }
            break;
        }
        if !people.is_empty() {
            break;
        }
        let low = doc.low(k);
        if matches!(
            low,
            "other" | "more" | "new" | "further" | "additional" | "extra"
        ) {
            np.delta |= low != "other";
            k += 1;
            words += 1;
            continue;
        }
        if let Some((len, country)) = lex.demonyms.at(doc, k) {
            np.nationality = Some(country);
            // "five Chileans": the demonym is the noun.
            if doc.tok(k + len - 1).ends_with('s') && lex.people.at(doc, k + len).is_none() {
                people.push((k + len - 1, PeopleClass::Role, "nationals"));
                break;
            }
            k += len;
            words += len;
            continue;
        }
        if matches!(
            low,
            "suspected" | "confirmed" | "probable" | "possible" | "likely"
        ) {
            k += 1;
            words += 1;
            continue;
        }
        if let Some((len, &m)) = lex.measures.at(doc, k) {
            // "27 arrests", "11 swine flu cases": a measure that is the noun itself.
            let noun_like = len == 1 && low.ends_with('s') && !low.ends_with("ss");
            let followed =
                doc.is_word(k + 1) && !doc.is_function(k + 1) && !looks_like_verb(doc.tok(k + 1));
            if noun_like && !followed {
                np.measure = Some(m);
                np.last = Some(k);
                // "27 arrests", "13 new cases" count people; "bodies", "homes" count things.
                if PEOPLE_MEASURES.contains(&m) {
                    np.class = Some(PeopleClass::Generic);
                    np.nouns = vec!["people".to_owned()];
                } else {
                    np.nouns = vec![stem(doc.tok(k))];
                }
                return np;
            }
            // "two injured guides": a measure as a modifier, when a noun follows.
            let noun_follows = lex.people.at(doc, k + len).is_some()
                || (doc.is_word(k + len)
                    && !doc.is_function(k + len)
                    && !looks_like_verb(doc.tok(k + len))
                    && lex.measures.at(doc, k + len).is_none());
            if noun_follows && thing.is_none() && len == 1 {
                np.measure = Some(m);
                k += len;
                words += len;
                continue;
            }
            break;
        }
        if doc.is_function(k) || verb_form(low) || (low.ends_with("ly") && low.len() > 4) {
            break;
        }
        if month(low).is_some()
            || weekday(low).is_some()
            || matches!(low, "last" | "next" | "ago" | "times" | "time")
        {
            break;
        }
        // Capitalised words are modifiers ("MSF staffers", "National Guard troops"), never
        // the noun itself.
        if !doc.is_cap(k) {
            thing = Some((k, stem(doc.tok(k))));
        }
        k += 1;
        words += 1;
    }
    if let Some(&(last, class, _)) = people.last() {
        np.last = Some(last);
        let mut nouns: Vec<String> = people.iter().map(|(_, _, c)| (*c).to_owned()).collect();
        nouns.sort();
        nouns.dedup();
        // Several kinds of people counted together, one of them not a role, are people.
        let mixed = nouns.len() > 1 && people.iter().any(|(_, c, _)| *c != PeopleClass::Role);
        np.class = Some(if mixed { PeopleClass::Generic } else { class });
        np.nouns = if mixed {
            vec!["people".to_owned()]
        } else {
            nouns
        };
    } else if let Some((last, noun)) = thing {
        np.last = Some(last);
        np.nouns = vec![noun];
    }
    np
}

/// The measure named by a word or phrase at `k`, with its length.
fn measure_at(doc: &Doc<'_>, k: usize) -> Option<(usize, &'static str)> {
    lexicon().measures.at(doc, k).map(|(len, m)| (len, *m))
}

/// Searches right of `from` for the predicate: auxiliaries and adverbs are passed over and
/// the first other word decides — a listed measure word, or not this figure's predicate (a
/// verb or object not in the list). A participle right after the noun ("guides getting
/// routes ready … died") opens a reduced relative clause: the search goes on past it to the
/// next listed word before a comma.
fn measure_right(doc: &Doc<'_>, from: usize, end: usize) -> Option<(Measure, usize)> {
    let mut k = from;
    let mut seen = 0;
    let mut relative = false;
    while k < end && seen < if relative { 14 } else { 8 } {
        if is_boundary(doc, k) || (seen > 0 && amount_at(doc, k).is_some()) {
            return None;
        }
        if let Some((len, m)) = measure_at(doc, k) {
            return Some((Measure::Known(m), k + len - 1));
        }
        let w = doc.low(k);
        // ", including three children, lost their lives": the inserted part is passed over.
        if doc.is_punct(k, ',') && doc.is_any(k + 1, &["including", "among"]) {
            if let Some(close) = (k + 2..(k + 10).min(end)).find(|&c| doc.is_punct(c, ',')) {
                k = close + 1;
                seen += 1;
                continue;
            }
            return None;
        }
        if relative {
            if doc.is_punct(k, ',') {
                return None;
            }
        } else if doc.is_word(k) && !doc.is_function(k) && !AUX.contains(&w) {
            // "74 people aboard, including", "workers held by gunmen since April were set
            // free": a participle right after the noun opens a phrase about it; the
            // predicate comes after.
            let passive = (w.ends_with("ed") || verb_form(w)) && doc.is(k + 1, "by");
            if seen == 0 && (w.ends_with("ing") || passive) && !doc.is_cap(k) {
                relative = true;
            } else {
                return None;
            }
        }
        k += 1;
        seen += 1;
    }
    None
}

/// Searches left of `from` (exclusive) for a predicate word in the clause: back to the
/// clause's start (a comma or "and" before the figure's verb ends it).
fn measure_left(
    doc: &Doc<'_>,
    from: usize,
    start: usize,
    stops: &[usize],
) -> Option<(Measure, usize)> {
    let mut k = from;
    let mut seen = 0;
    while k > start && seen < 9 {
        k -= 1;
        seen += 1;
        if is_boundary(doc, k) || stops.contains(&k) || doc.is(k, "and") {
            return None;
        }
        // "an exchange, which involved 24", "a swap involving 26": the event noun before.
        if doc.is_any(
            k,
            &["involved", "involving", "involves", "which", "that", "with"],
        ) || doc.is_punct(k, ',') && doc.is(k + 1, "which")
        {
            continue;
        }
        if doc.is_punct(k, ',') {
            return None;
        }
        if let Some((len, m)) = measure_at(doc, k)
            && k + len <= from
        {
            return Some((Measure::Known(m), k));
        }
        // The measure phrase may end at k ("death toll").
        if let Some((begin, m)) = lexicon().measures.ending_at(doc, k)
            && begin < k
        {
            return Some((Measure::Known(m), begin));
        }
        // Another verb, or a new subject: the clause of the figure ends here.
        let w = doc.low(k);
        if doc.is_word(k)
            && (verb_form(w) || matches!(w, "they" | "he" | "she" | "we" | "it" | "i" | "you"))
        {
            return None;
        }
    }
    None
}

/// Auxiliaries before a main verb (also what a bare count is the subject of: "2 million
/// have seen").
pub const HELPERS: &[&str] = &[
    "have",
    "has",
    "had",
    "been",
    "be",
    "being",
    "were",
    "was",
    "are",
    "is",
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "still",
    "also",
    "reportedly",
    "already",
    "now",
    "then",
    "later",
];

/// Irregular past forms that end a search for the main verb (and read as they are in an
/// open measure's subject).
pub(super) const IRREGULAR: &[&str] = &[
    "seen", "saw", "took", "taken", "gave", "given", "made", "met", "held", "spent", "came",
    "went", "gone", "got", "left", "kept", "ran", "flew", "flown", "fell", "led", "sought",
    "brought", "bought", "caught", "told", "won", "lost", "stood", "put", "set", "hit", "cut",
];

/// Whether `w` reads as a verb form: a participle or past tense.
fn verb_form(w: &str) -> bool {
    (looks_like_verb(w) && !super::text::listed(ING_NOUNS, w)) || super::text::listed(IRREGULAR, w)
}

/// Words in -ing that news uses as nouns of what is counted or paid for ("25 million euros
/// of emergency funding", "2,000 units of housing").
const ING_NOUNS: &[&str] = &[
    "funding",
    "financing",
    "housing",
    "clothing",
    "bedding",
    "spending",
    "lending",
    "shipping",
    "shelling",
    "bombing",
    "fighting",
    "flooding",
    "training",
    "building",
    "dwelling",
    "lodging",
];

/// The first verb after the noun phrase, for an unlisted measure ("have seen the body").
fn open_verb_right(doc: &Doc<'_>, from: usize, end: usize) -> Option<(Measure, usize)> {
    let mut k = from;
    for _ in 0..4 {
        if k >= end || is_boundary(doc, k) {
            return None;
        }
        let w = doc.low(k);
        if super::text::listed(HELPERS, w) {
            k += 1;
            continue;
        }
        if doc.is_word(k) && !doc.is_cap(k) && !doc.has(k, super::text::POSSESSIVE) && verb_form(w)
        {
            return Some((Measure::Open(verb_stem(w)), k));
        }
        return None;
    }
    None
}

/// The verb right before the amount, for an unlisted measure ("handed out 6 million masks").
fn open_verb_left(doc: &Doc<'_>, first: usize, start: usize) -> Option<(Measure, usize)> {
    let mut k = first.checked_sub(1)?;
    if k < start {
        return None;
    }
    if doc.is_any(k, &["out", "up", "off", "in", "away", "down", "for"]) && k > start {
        k -= 1;
    }
    let w = doc.low(k);
    (doc.is_word(k) && !doc.is_cap(k) && !doc.is_function(k) && verb_form(w))
        .then(|| (Measure::Open(verb_stem(w)), k))
}

/// Whether an amount is not a figure at all: a date, a time, a year, an age, an address, a
/// model number.
fn is_not_a_figure(doc: &Doc<'_>, a: &Amount) -> bool {
    let i = a.number;
    let t = doc.tok(i);
    let low = doc.low(i);
    let next = doc.low(a.last + 1);
    let next2 = doc.low(a.last + 2);
    let prev = i.checked_sub(1).map_or("", |k| doc.low(k));
    let prev2 = i.checked_sub(2).map_or("", |k| doc.low(k));
    let before_all = a.first.checked_sub(1).map_or("", |k| doc.low(k));
    if doc.kind(i) == Some(TokKind::Num) {
        // Ordinals, times and dates.
        if low.ends_with("st") || low.ends_with("nd") || low.ends_with("rd") || low.ends_with("th")
        {
            return true;
        }
        if low.ends_with("am") || low.ends_with("pm") {
            return true;
        }
        let time_word = |w: &str| {
            matches!(
                w,
                "a.m."
                    | "p.m."
                    | "am"
                    | "pm"
                    | "a"
                    | "p"
                    | "gmt"
                    | "utc"
                    | "o'clock"
                    | "hrs"
                    | "est"
                    | "edt"
                    | "pt"
                    | "pst"
                    | "pdt"
                    | "cet"
                    | "cest"
                    | "bst"
                    | "ist"
            )
        };
        if time_word(next) || (next == "local" && next2 == "time") {
            return true;
        }
        if month(prev).is_some() || (prev == "." && month(prev2).is_some()) || month(next).is_some()
        {
            return true;
        }
        // Years: four digits from 1800 to 2100 with nothing counted after them.
        let digits = t.chars().all(|c| c.is_ascii_digit());
        if digits && t.len() == 4 {
            let n: u32 = t.parse().unwrap_or(0);
            if (1800..=2100).contains(&n) {
                let counted = lexicon().people.at(doc, a.last + 1).is_some()
                    || lexicon().units.at(doc, a.last + 1).is_some();
                if !counted {
                    return true;
                }
            }
        }
        // "S-76", "A-10": a code glued to a capital letter or word.
        if doc.is_punct(i.wrapping_sub(1), '-')
            && !doc.has(i.wrapping_sub(1), super::text::SPACE_BEFORE)
            && i >= 2
            && doc.is_cap(i - 2)
        {
            return true;
        }
        if !doc.has(i, super::text::SPACE_BEFORE) && i > 0 && doc.is_word(i - 1) {
            return true;
        }
    }
    // "10 times louder", "at 7 in the morning".
    if matches!(next, "times")
        || (prev == "at"
            && next == "in"
            && doc.is_any(a.last + 3, &["morning", "evening", "afternoon", "night"]))
    {
        return true;
    }
    // Ages: "13-year-old", "3-month-old", "aged 18", "Bryant was 41", "Gianna, 13,".
    if (doc.is_punct(a.last + 1, '-')
        && doc.is_any(a.last + 2, &["year", "month", "week", "day"])
        && doc.is_punct(a.last + 3, '-')
        && doc.low(a.last + 4).starts_with("old"))
        || (doc.is_punct(a.last + 1, '-') && doc.low(a.last + 2).starts_with("year"))
        || next.starts_with("yearold")
        || (next == "years" && next2 == "old")
        || (next == "year" && next2 == "-")
        || matches!(prev, "aged" | "age")
        || matches!(before_all, "aged" | "age")
    {
        return true;
    }
    if prev == "was" || prev == "is" {
        let subject = i.checked_sub(2);
        if subject.is_some_and(|s| doc.is_cap(s) || doc.is_any(s, &["he", "she"]))
            && (doc.is_punct(a.last + 1, '.') || doc.is_punct(a.last + 1, ','))
        {
            return true;
        }
    }
    if prev == ","
        && i >= 2
        && doc.is_cap(i - 2)
        && !doc.is_any(i - 2, &["the"])
        && (doc.is_punct(a.last + 1, ',')
            || doc.is_punct(a.last + 1, '.')
            || doc.is_any(a.last + 1, &["who", "and"]))
        && a.value.point < 120.0
        && a.qual.is_none()
    {
        return true;
    }
    // Addresses: "36 Yogananda St."
    if doc.is_cap(a.last + 1)
        && doc.is_any(
            a.last + 2,
            &[
                "st", "street", "avenue", "ave", "road", "rd", "blvd", "lane",
            ],
        )
    {
        return true;
    }
    // "one of the most…", "one another", "no one", "at one point", "one day".
    if a.weak
        && (matches!(next, "another" | "point" | "day" | "time" | "way" | "thing")
            || prev == "no"
            || (next == "of"
                && doc.is(a.last + 2, "the")
                && (doc.low(a.last + 3).ends_with("est")
                    || doc.is_any(a.last + 3, &["worst", "best", "most", "least"])))
            || (next == "of"
                && doc.is_any(a.last + 2, &["the", "his", "her", "its", "their"])
                && doc.is(a.last + 3, "most")))
    {
        return true;
    }
    false
}

/// Whether the figure's own words say the count is confirmed (tested, attributed to the
/// cause): "20 of the deaths had been confirmed", "26 deaths have been attributed to",
/// "confirmed 11 cases". A reporting verb ("police confirmed that 26 …") does not.
fn confirmed_near(doc: &Doc<'_>, before: Range<usize>, after: Range<usize>) -> bool {
    let says = |k: usize| {
        doc.is_any(
            k,
            &[
                "confirmed",
                "attributed",
                "tests",
                "tested",
                "laboratory",
                "virological",
                "lab",
            ],
        ) && !(doc.is(k, "confirmed") && doc.is_any(k + 1, &["that", "to", "on", "in"]))
    };
    before.chain(after).any(says)
}

/// Words that say a count changed to the figure: "rose to", "climbed to".
fn update_before(doc: &Doc<'_>, first: usize, start: usize) -> bool {
    let lo = first.saturating_sub(6).max(start);
    (lo..first).any(|k| {
        doc.is_any(
            k,
            &[
                "rose",
                "risen",
                "rises",
                "rising",
                "climbed",
                "climbs",
                "climb",
                "raised",
                "raising",
                "increased",
                "jumped",
                "reached",
                "grew",
                "hit",
                "hits",
                "raise",
                "bringing",
                "brought",
            ],
        )
    }) && doc.is(first.wrapping_sub(1), "to")
        || doc.is_any(
            first.wrapping_sub(1),
            &["hit", "hits", "reached", "reaches"],
        )
}

/// The measure of the subject of "… rose to 22": the first listed word from the sentence's
/// start ("the number of people killed by the blast climbed to 15", "the toll from the
/// airstrike has risen to 19").
fn subject_measure(doc: &Doc<'_>, first: usize, start: usize) -> Option<Measure> {
    (start..first).find_map(|k| measure_at(doc, k).map(|(_, m)| Measure::Known(m)))
}

/// Words that say the report's count was an earlier one.
fn earlier_in_sentence(doc: &Doc<'_>, range: Range<usize>) -> bool {
    range.clone().any(|k| {
        // "Earlier this month" dates the event; "earlier it had said" an older count.
        let dating = || {
            doc.is_any(
                k + 1,
                &["this", "that", "on", "in", "today", "last", "yesterday"],
            )
        };
        match doc.low(k) {
            "earlier" | "initially" | "previously" | "originally" => !dating(),
            "at" => doc.is(k + 1, "first"),
            "as" => doc.is(k + 1, "of") && k == range.start,
            _ => false,
        }
    })
}

/// Years written in the report (four digits from 1900 to 2100 that count nothing), with
/// their token.
fn years(doc: &Doc<'_>) -> Vec<(usize, i32)> {
    (0..doc.len())
        .filter(|&i| doc.kind(i) == Some(TokKind::Num))
        .filter_map(|i| {
            let t = doc.tok(i);
            let n: i32 = t.parse().ok().filter(|_| t.len() == 4)?;
            let counted = lexicon().people.at(doc, i + 1).is_some()
                || lexicon().units.at(doc, i + 1).is_some();
            ((1900..=2100).contains(&n) && !counted).then_some((i, n))
        })
        .collect()
}

/// The tokens naming a year before the report's, other than as the start of a span
/// ("since 2010"). The report's year is its date's, or the latest year it names.
fn past_years(doc: &Doc<'_>, report_year: Option<i32>) -> Vec<usize> {
    let years = years(doc);
    let Some(current) = report_year.or_else(|| years.iter().map(|&(_, y)| y).max()) else {
        return Vec::new();
    };
    years
        .into_iter()
        .filter(|&(i, y)| {
            let prev = i.checked_sub(1).map_or("", |k| doc.low(k));
            // "since 2010" counts up to now, unless a clause tells what happened then:
            // "the deadliest since 1998, when 41 people died".
            let then = doc.is(i + 1, "when") || (doc.is_punct(i + 1, ',') && doc.is(i + 2, "when"));
            // "since" says the year is past even where the report names no later one.
            (then && prev == "since")
                || (y < current
                    && (then || !matches!(prev, "since" | "until" | "till" | "before" | "than")))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Sentences about an earlier event: they name a year before the report's ("the 2007
/// bloodshed at Virginia Tech", "the previous swap took place in 2010").
pub fn background_sentences(doc: &Doc<'_>, report_year: Option<i32>) -> Vec<bool> {
    let mut background = vec![false; doc.sentences.len()];
    for i in past_years(doc, report_year) {
        background[doc.sentence_of[i] as usize] = true;
    }
    background
}

/// Whether a figure is about an earlier event: a past year comes before it in its sentence
/// ("in 2011 a storm killed 1,200"), or after it in the same clause ("killed 1,200 people in
/// 2011"). A past year in a later clause dates something else: "12 million people were in
/// danger, among them areas still recovering from a 2011 storm".
fn in_background(doc: &Doc<'_>, past: &[usize], f: &Figure) -> bool {
    past.iter().any(|&y| {
        doc.sentence_of[y] as usize == f.sentence
            && (y < f.first
                || !(f.last..y).any(|k| {
                    doc.is_punct(k, ',')
                        || doc.is_punct(k, ';')
                        || doc.is_punct(k, ':')
                        || doc.is_punct(k, '—')
                        || doc.is_punct(k, '–')
                }))
    })
}

/// Reads every figure of a report. `taken` marks tokens already read as dates and times;
/// `report_year` tells background sentences about earlier events.
pub fn extract(doc: &Doc<'_>, taken: &[bool], report_year: Option<i32>) -> Vec<Figure> {
    let past = past_years(doc, report_year);
    let mut figures = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        if taken.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let Some(amount) = amount_at(doc, i) else {
            i += 1;
            continue;
        };
        if is_not_a_figure(doc, &amount) {
            i = amount.last + 1;
            continue;
        }
        let next = amount.last + 1;
        match read(doc, amount) {
            Some(figure) => {
                i = figure.consumed.max(next - 1) + 1;
                figures.push(figure);
            }
            None => i = next,
        }
    }
    for f in &mut figures {
        f.background = in_background(doc, &past, f);
    }
    // "carrying 72 people" is a count on board; "carrying two handguns" is not: things a
    // person carries are counted by the verb itself.
    for f in &mut figures {
        if f.measure == Some(Measure::Known("aboard"))
            && f.class.is_none()
            && f.unit.is_none()
            && !f.nouns.is_empty()
            && (f.first.saturating_sub(3)..f.first)
                .any(|k| doc.is_any(k, &["carrying", "carried", "carry", "carries"]))
        {
            f.measure = Some(Measure::Open("carry".to_owned()));
        }
    }
    coordinate(doc, &mut figures);
    inherit(&mut figures);
    // "one" and "a" are figures only with a measure and a noun of their own ("one teacher
    // had been wounded"), or inside a sum.
    figures.retain(|f| {
        !f.weak
            || f.in_sum
            || (matches!(f.measure, Some(Measure::Known(_)))
                && f.nouns.iter().any(|n| n != "people"))
    });
    figures
}

/// What a figure does not say it takes from the figure before it in its sentence: a part
/// ("including 12 MSF staffers") the measure of its whole, an elliptic count ("…officers
/// were hurt, and two are still in hospital") the people counted.
fn inherit(figures: &mut [Figure]) {
    // "18 of them were dead. Two others died at the hospital": more of the same count.
    for i in 1..figures.len() {
        if figures[i].others {
            let prev = &figures[i - 1];
            if prev.sentence + 1 >= figures[i].sentence
                && prev.measure == figures[i].measure
                && prev.part
            {
                figures[i].part = true;
            }
        }
    }
    // "15 officers have been hurt. Six of the officers were sent to hospital": a count of
    // its own measure, not a part of the 15.
    for i in 0..figures.len() {
        if !figures[i].partitive {
            continue;
        }
        // "of them": the figure before it; "of the officers": the last count of officers.
        let them = figures[i].nouns.is_empty();
        let antecedent = figures[..i]
            .iter()
            .rev()
            .find(|p| {
                p.sentence + 2 >= figures[i].sentence
                    && p.unit.is_none()
                    && (if them {
                        p.class.is_some()
                    } else {
                        p.nouns == figures[i].nouns
                    })
            })
            .map(|p| (p.measure.clone(), p.nouns.clone(), p.class));
        let Some((measure, nouns, class)) = antecedent else {
            continue;
        };
        if measure.is_none() {
            continue;
        }
        if figures[i].measure.is_none() {
            // The aside "21 of them critically": a part of the count before, and of its
            // measure.
            figures[i].measure = measure;
        } else if measure != figures[i].measure {
            figures[i].part = false;
        } else {
            continue;
        }
        if them {
            figures[i].nouns = nouns;
            figures[i].class = class;
        }
    }
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let f = &mut rest[0];
        let Some(prev) = before
            .iter()
            .rev()
            .find(|p| p.sentence == f.sentence && p.unit.is_none() && p.sum_of.is_empty())
        else {
            continue;
        };
        if f.marked_part
            && !f.partitive
            && !matches!(f.measure, Some(Measure::Known(_)))
            && f.unit.is_none()
            && let Some(m @ Measure::Known(_)) = &prev.measure
        {
            f.measure = Some(m.clone());
        }
        if f.nouns.is_empty() && f.unit.is_none() && prev.class.is_some() && !prev.part && !f.update
        {
            f.nouns.clone_from(&prev.nouns);
            f.class = prev.class;
        }
    }
}

/// A parenthetical right after `j` that holds a converted amount ("(19,000 feet)"): the
/// token after its closing bracket.
fn skip_conversion(doc: &Doc<'_>, j: usize) -> Option<usize> {
    if !doc.is_punct(j, '(') {
        return None;
    }
    amount_at(doc, j + 1)?;
    let close = (j + 1..(j + 8).min(doc.len())).find(|&k| doc.is_punct(k, ')'))?;
    Some(close + 1)
}

/// Hyphenated words that make an amount an adjective of something not counted
/// ("two-lane", "three-alarm", "18-time"): none of them is a unit or a noun for people.
fn is_attributive_compound(doc: &Doc<'_>, a: &Amount) -> bool {
    let lex = lexicon();
    let j = a.last + 1;
    doc.is_punct(j, '-')
        && !doc.has(j, super::text::SPACE_BEFORE)
        && doc.is_word(j + 1)
        && lex.units.at(doc, j + 1).is_none()
        && lex.people.at(doc, j + 1).is_none()
}

/// What a unit figure measures: an attributive noun ("29,035-foot mountain", "wind gusts"),
/// an adjective after it ("deep", "high"), the noun before it ("winds of"), or the
/// preposition it stands after ("at 21,000 feet"). Returns it and the claim's last token.
fn unit_attribute(
    doc: &Doc<'_>,
    figure: &Figure,
    j: usize,
    end: usize,
    glued: bool,
) -> (Option<String>, usize) {
    // "the 3,067-meter Mount Ontake": a mountain's height.
    if doc.is_any(j, &["mount", "mt", "mountain"]) && doc.is_cap(j) {
        return (Some("mountain".to_owned()), j);
    }
    let start = doc.sentence_range(figure.first).start;
    // "800 metres underground": how far down, whatever the noun before ("trapping 17 others
    // some 800 metres underground"); "a layer of ash 20 centimetres deep" stays the ash's.
    if doc.is_any(j, &["underground", "underwater"]) {
        return (Some(doc.low(j).to_owned()), j);
    }
    // An area says what was done over it by the verb before it: "has burned more than
    // 12,000 hectares", "scorched 11,800 hectares of forest", "flooded 300 square
    // kilometres" (what the land was is not what is measured).
    if figure.unit.as_ref().is_some_and(|u| u.dimension == "area")
        && let Some(verb) = verb_before(doc, figure.first, start)
    {
        return (Some(verb), figure.last);
    }
    // "250 millimetres of rain", "3 metres of snow", "40 tonnes of aid": what there was,
    // whatever the verb before ("trucks brought 40 tonnes of aid"). A gerund is a noun here:
    // "three days of national mourning", "hours of fighting". (Money is read below.)
    if !glued && doc.is(j, "of") && !figure.unit.as_ref().is_some_and(UnitOf::is_money) {
        let np = noun_phrase(doc, j + 1, end);
        let after = np.last.map_or(j + 1, |l| l + 1);
        let gerund = after < end
            && doc.low(after).ends_with("ing")
            && looks_like_verb(doc.tok(after))
            && (after + 1 >= end || !doc.is_word(after + 1) || doc.is_function(after + 1));
        if gerund && np.class.is_none() {
            return (Some(doc.low(after).to_owned()), after);
        }
        if let Some(last) = np
            .last
            .filter(|_| np.class.is_none() && !np.nouns.is_empty())
        {
            return (np.nouns.last().cloned(), last);
        }
    }
    // "winds of 155 mph", "gusts as high as 235 mph", "winds near 195 mph": the noun before.
    if !glued && let Some(before) = attribute_before(doc, figure.first, start) {
        return (Some(before), figure.last);
    }
    // "$22 billion in security assistance", "$3 million of aid": what the money is for.
    if figure.unit.as_ref().is_some_and(UnitOf::is_money) && doc.is_any(j, &["in", "of", "for"]) {
        let np = noun_phrase(doc, j + 1, end);
        if let Some(last) = np.last.filter(|_| np.class.is_none()) {
            return (np.nouns.last().cloned(), last);
        }
    }
    let np = noun_phrase(doc, j, end);
    if let Some(last) = np.last.filter(|_| !np.nouns.is_empty()) {
        let claim_last = if glued || np.class.is_none() {
            last
        } else {
            figure.last
        };
        return (np.nouns.last().cloned(), claim_last);
    }
    if doc.is_any(
        j,
        &[
            "high",
            "deep",
            "tall",
            "long",
            "wide",
            "thick",
            "away",
            "up",
            "down",
            "above",
            "below",
            "underground",
            "underwater",
        ],
    ) {
        return (Some(doc.low(j).to_owned()), j);
    }
    if doc.is_any(figure.first.wrapping_sub(1), &["at", "to", "from"]) {
        return (Some(doc.low(figure.first - 1).to_owned()), figure.last);
    }
    (None, figure.last)
}

/// The stem of the verb right before a figure (auxiliaries skipped): "has burned" → "burn".
fn verb_before(doc: &Doc<'_>, first: usize, start: usize) -> Option<String> {
    let mut k = first;
    while k > start && first - k < 4 {
        k -= 1;
        if doc.is_any(
            k,
            &["has", "have", "had", "already", "now", "so", "far", "been"],
        ) {
            continue;
        }
        return (doc.is_word(k) && !doc.is_function(k) && looks_like_verb(doc.tok(k)))
            .then(|| verb_stem(doc.tok(k)));
    }
    None
}

/// Reads the figure of `amount` from its context.
fn read(doc: &Doc<'_>, amount: Amount) -> Option<Figure> {
    let lex = lexicon();
    if is_attributive_compound(doc, &amount) {
        return None;
    }
    let sentence_index = doc.sentence_of[amount.number] as usize;
    let sentence = doc.sentences[sentence_index].clone();
    let (start, end) = (sentence.tokens.start, sentence.tokens.end);
    let mut j = amount.last + 1;
    // Units: a currency sign before the number, letters glued to it, or a unit after it.
    let currency = currency_before(doc, &amount);
    let glued = doc.is_punct(j, '-') && !doc.has(j, super::text::SPACE_BEFORE);
    let has_currency = currency.is_some();
    let unit = match currency {
        Some((u, f)) => Some((u, f, amount.last)),
        None => unit_after(doc, &amount, j),
    };
    // "more than $22 billion": the qualifier stands before the currency sign.
    let mut amount = amount;
    if has_currency
        && amount.qual.is_none()
        && let Some((start_q, q)) = amount
            .number
            .checked_sub(2)
            .and_then(|k| lex.qualifiers.ending_at(doc, k))
    {
        amount.qual = Some(*q);
        amount.first = start_q;
    }
    let first = if has_currency {
        amount.first.min(amount.number - 1)
    } else {
        amount.first
    };
    let money = unit.as_ref().is_some_and(|(u, _, _)| u.is_money());
    let measured = unit.is_some() && !money;
    // A qualifier reads the number it stands before ("more than a dozen" is above 12).
    let value = if amount.value.shape == Shape::Exact
        || (amount.qual.is_some() && amount.value.shape == Shape::About)
    {
        qualified(amount.qual, amount.value.point, measured)
    } else {
        amount.value
    };
    let mut figure = Figure {
        first,
        last: amount.last,
        amount: amount.clone(),
        value,
        unit: None,
        nouns: Vec::new(),
        class: None,
        attribute: None,
        nationality: None,
        measure: None,
        confirmed: false,
        delta: false,
        part: false,
        update: false,
        earlier: false,
        headline: sentence.title_case || sentence.first_line && !doc.is_punct(end - 1, '.'),
        sentence: sentence_index,
        sum_of: Vec::new(),
        weak: amount.weak,
        alternative: None,
        consumed: amount.last,
        in_sum: false,
        others: false,
        partitive: false,
        marked_part: false,
        amount_is_digits: doc.kind(amount.number) == Some(TokKind::Num),
        background: false,
    };
    figure.update = update_before(doc, figure.first, start);
    figure.earlier = earlier_in_sentence(doc, sentence.tokens.clone());
    if let Some((u, factor, unit_last)) = unit {
        figure.value = figure.value.scaled(factor);
        figure.last = unit_last.max(figure.last);
        j = unit_last + 1;
        if let Some(after) = skip_conversion(doc, j) {
            if let Some(a) = amount_at(doc, j + 1)
                && let Some((_, f2, _)) = unit_after(doc, &a, a.last + 1)
            {
                figure.alternative = Some(a.value.scaled(f2));
            }
            j = after;
        }
        figure.consumed = j - 1;
        figure.unit = Some(u);
        let (attribute, last) = unit_attribute(doc, &figure, j, end, glued);
        figure.attribute = attribute;
        figure.last = last.max(figure.last);
        figure.consumed = figure.consumed.max(figure.last);
        // Money says what happened to it: "$22 billion in security assistance has been
        // pledged" (the words of what it is for come first).
        if money {
            figure.measure = (figure.consumed + 1..end.min(figure.consumed + 9))
                .take_while(|&k| !is_boundary(doc, k))
                .find_map(|k| measure_at(doc, k).map(|(_, m)| Measure::Known(m)))
                .or_else(|| measure_left(doc, figure.first, start, &[]).map(|(m, _)| m));
        }
        return Some(figure);
    }
    // "level at 3", "category 5": a rank, named by the noun before it.
    let before = figure.first.checked_sub(1).map(|k| {
        if doc.is_punct(k, '-') && !doc.has(k, super::text::SPACE_BEFORE) {
            k.saturating_sub(1)
        } else {
            k
        }
    });
    let rank_noun = match before {
        Some(k) if doc.is_any(k, &["level", "category", "grade", "magnitude"]) => Some(k),
        Some(k) if doc.is(k, "at") && doc.is(k.wrapping_sub(1), "level") => Some(k - 1),
        _ => None,
    };
    if let Some(noun_at) = rank_noun {
        figure.unit = Some(UnitOf {
            dimension: "rank",
            written: doc.low(noun_at).to_owned(),
        });
        figure.attribute = Some(doc.low(noun_at).to_owned());
        figure.first = noun_at;
        return Some(figure);
    }
    // "dozens of people", "six of the officers", "two of them", "22 of whom are children".
    let mut whole: Option<NounPhrase> = None;
    if doc.is(j, "of") {
        let det = doc.low(j + 1);
        if amount.takes_of && !matches!(det, "the" | "them" | "those" | "whom" | "its" | "their") {
            j += 1;
        } else if matches!(det, "them" | "those") {
            figure.part = true;
            // "carrying 72 people, killing at least 68 of them": a count of its own measure
            // when what "them" stands for had another (decided in `inherit`).
            figure.partitive = true;
            figure.last = j + 1;
            j += 2;
        } else if matches!(det, "the" | "whom" | "its" | "their" | "these") {
            let mut k = j + 2;
            if det == "whom" && doc.is_any(k, &["are", "were"]) {
                k += 1;
            }
            // "four of the 31 people": the whole may have an amount of its own.
            if let Some(inner) = amount_at(doc, k) {
                k = inner.last + 1;
            }
            let inner = amount_at(doc, j + 2).is_some();
            let np = noun_phrase(doc, k, end);
            if let Some(last) = np.last {
                // "four of the 31 people", "20 of the deaths" are parts; "six of the officers
                // were sent to hospital" may be all there is of its measure (decided with the
                // figure before it, in `inherit`).
                figure.part = true;
                figure.partitive = !inner && np.measure.is_none() && det != "whom";
                figure.last = last;
                j = last + 1;
                whole = Some(np);
            } else if det == "whom" {
                figure.part = true;
            } else if let Some((len, m)) = (det == "the").then(|| measure_at(doc, k)).flatten() {
                // "21 of the injured were in a critical condition": a part of those the
                // measure befell, named by the measure word alone ("the injured", "the dead"
                // are people, as an adjective made a noun always is).
                figure.part = true;
                figure.last = k + len - 1;
                j = k + len;
                whole = Some(NounPhrase {
                    last: Some(k + len - 1),
                    nouns: vec!["people".to_owned()],
                    class: Some(PeopleClass::Generic),
                    measure: Some(m),
                    ..NounPhrase::default()
                });
            }
        }
    }
    let np = if let Some(np) = whole {
        np
    } else {
        let np = noun_phrase(doc, j, end);
        if let Some(last) = np.last {
            figure.last = last;
            j = last + 1;
        }
        np
    };
    figure.nouns.clone_from(&np.nouns);
    figure.others = np.others;
    figure.class = np.class;
    figure.nationality = np.nationality;
    figure.delta = np.delta;
    // "nine from Peru", "seven children from the Netherlands"
    if doc.is(j, "from") {
        let k = if doc.is(j + 1, "the") { j + 2 } else { j + 1 };
        if let Some((len, country)) = lex.countries.at(doc, k) {
            figure.nationality = Some(country);
            figure.last = k + len - 1;
            j = k + len;
            if figure.nouns.is_empty() {
                figure.nouns = vec!["nationals".to_owned()];
                figure.class = Some(PeopleClass::Role);
            }
        }
    }
    figure.consumed = figure.last;
    if figure.nouns.iter().any(|n| n == "time") {
        return None;
    }
    // A count of things above one has a plural noun: "911 call", "Route 66 bridge" are not
    // counts.
    if figure.class.is_none()
        && figure.value.point > 1.0
        && let Some(last) = np.last
    {
        let w = doc.low(last);
        let plural = w.ends_with('s')
            || matches!(
                w,
                "aircraft" | "livestock" | "cattle" | "sheep" | "fish" | "deer" | "equipment"
            );
        if !plural {
            return None;
        }
    }
    // The measure: the noun itself ("27 arrests", "20 deaths"), a modifier ("injured
    // guides"), the verb right before ("killing 12"), the predicate after ("were killed"),
    // a clause subject before ("the death toll rose to 22"), or an unlisted verb.
    let head_measure = np
        .last
        .and_then(|last| lex.measures.ending_at(doc, last).map(|(_, m)| *m));
    let adjacent_left = (1..=2)
        .filter_map(|back| figure.first.checked_sub(back))
        .filter(|&k| k >= start)
        .find_map(|k| {
            measure_at(doc, k)
                .filter(|(len, _)| k + len == figure.first)
                .map(|(_, m)| m)
        });
    // "including two children,": the part takes its whole's measure, not the next clause's.
    let introduced = figure
        .first
        .checked_sub(1)
        .is_some_and(|k| doc.is_any(k, PART_MARKERS));
    // "64 people were injured, 21 of them critically, and were taken to hospital": an
    // aside naming a part of the count before it; the predicate after it is that count's.
    let aside = figure.partitive
        && figure.nouns.is_empty()
        && (doc.is_punct(j, ',')
            || (doc.low(j).ends_with("ly") && (j + 1 >= end || doc.is_punct(j + 1, ','))));
    let mut right = if (introduced && doc.is_punct(j, ',')) || aside {
        None
    } else if figure.class.is_none() && !figure.nouns.is_empty() {
        // Things: only a predicate right after them ("seven helicopters were sent"), not a
        // relative clause about something else ("two hospitals to which the wounded were
        // taken").
        measure_right(doc, j, end.min(j + 5))
            .filter(|_| !doc.is_any(j, &["to", "where", "which", "in"]))
    } else {
        measure_right(doc, j, end)
    };
    // "All five people on board the chopper died": "on board" describes the people, and so
    // does a relative clause ("three patients who had been injured had died"); a predicate
    // after it is the figure's.
    let describing =
        matches!(&right, Some((Measure::Known("aboard"), _))) || doc.is_any(j, &["who", "that"]);
    if describing && let Some((_, at)) = &right {
        let mut k = at + 1;
        // The vehicle after "on board": "the chopper".
        if doc.is_any(k, &["the", "a", "an", "their", "his", "her"]) {
            k += 1;
            while k < end
                && doc.is_word(k)
                && !doc.is_function(k)
                && measure_at(doc, k).is_none()
                && k < at + 5
            {
                k += 1;
            }
        }
        if let Some(later) =
            measure_right(doc, k, end).filter(|(m, _)| right.as_ref().is_none_or(|(r, _)| r != m))
        {
            right = Some(later);
        }
    }
    // "22 schoolchildren were among the 28 people who died": a part, with the measure of
    // the whole.
    if doc.is_any(j, &["were", "are", "was", "is"])
        && doc.is(j + 1, "among")
        && doc.is(j + 2, "the")
    {
        let mut k = j + 3;
        if let Some(inner) = amount_at(doc, k) {
            k = inner.last + 1;
        }
        let whole = noun_phrase(doc, k, end);
        let after = whole.last.map_or(k, |l| l + 1);
        if let Some(found) = measure_right(doc, after, end).or_else(|| {
            whole
                .last
                .and_then(|l| lex.measures.ending_at(doc, l))
                .map(|(b, m)| (Measure::Known(m), b))
        }) {
            figure.part = true;
            right = Some((found.0, figure.last));
        }
    }
    // Things are what a nearby verb did to them; people also what a clause before says.
    let left = if (figure.class.is_some() || figure.nouns.is_empty()) && !introduced {
        measure_left(doc, figure.first, start, &[])
    } else {
        None
    };
    // In "1,070 of the hospitalized patients have been discharged" the predicate says what
    // happened to the 1,070, not the modifier of the whole.
    let modifier = if figure.part && doc.is(figure.amount.last + 1, "of") {
        None
    } else {
        np.measure
    };
    let partitive_open = if figure.part && doc.is(figure.amount.last + 1, "of") && right.is_none() {
        open_verb_right(doc, j, end)
    } else {
        None
    };
    figure.measure = if let Some(m) = head_measure {
        Some(Measure::Known(m))
    } else if let Some((m, _)) = partitive_open {
        Some(m)
    } else if let Some(m) = modifier.or(adjacent_left) {
        Some(Measure::Known(m))
    } else if let Some((m, last)) = right {
        if last <= j + 4 {
            figure.last = figure.last.max(last);
        }
        Some(m)
    } else if let Some((m, _)) = left {
        Some(m)
    } else if let Some(m) = figure
        .update
        .then(|| subject_measure(doc, figure.first, start))
        .flatten()
    {
        Some(m)
    } else {
        open_verb_right(doc, j, end)
            .or_else(|| open_verb_left(doc, figure.first, start))
            .map(|(m, _)| m)
    };
    // "9 of the trapped men were brought to the surface", "six of the injured were taken to
    // hospital": a part of one count that is all there is of another (those rescued, freed,
    // hospitalized, evacuated). "Three of the injured died" stays a part of the dead.
    if figure.part
        && doc.is(figure.amount.last + 1, "of")
        && let (Some(Measure::Known(m)), Some(whole_measure)) = (&figure.measure, np.measure)
        && *m != whole_measure
        && matches!(*m, "rescued" | "freed" | "hospitalized" | "evacuated")
    {
        figure.part = false;
    }
    // Parts: "including nine children", "among them 46 children", "of whom 776 were still
    // in hospital"; increments: "climb by
    // three", "another 24".
    if let Some(k) = figure.first.checked_sub(1).filter(|&k| k >= start) {
        if doc.is_any(k, PART_MARKERS)
            || (doc.is_any(k, &["them", "whom"]) && doc.is_any(k.wrapping_sub(1), &["among", "of"]))
        {
            figure.part = true;
        }
        if doc.is(k, "by")
            && doc.is_any(
                k.wrapping_sub(1),
                &[
                    "climb", "rise", "grow", "increase", "climbed", "rose", "risen",
                ],
            )
        {
            figure.delta = true;
        }
    }
    // "Among the dead were the two drivers": a part of the dead (but "among the 24
    // prisoners released were…" names parts of the figure, which is whole).
    let among = (start..figure.first).find(|&k| {
        doc.is(k, "among")
            && doc.is_any(k + 1, &["the", "those"])
            && (measure_at(doc, k + 2).is_some() || lex.people.at(doc, k + 2).is_some())
    });
    if among.is_some() && figure.class.is_some() {
        figure.part = true;
    }
    figure.marked_part = figure.part;
    if figure.class == Some(PeopleClass::Age) {
        figure.part = true;
    }
    // "the other 27": the rest of a count, a part of it.
    if doc.is(figure.first.wrapping_sub(1), "other") && doc.is(figure.first.wrapping_sub(2), "the")
    {
        figure.part = true;
    }
    figure.confirmed = matches!(figure.measure, Some(Measure::Known("killed" | "infected")))
        && confirmed_near(
            doc,
            figure.first.saturating_sub(2).max(start)..figure.first,
            figure.consumed + 1..(figure.consumed + 6).min(end),
        );
    // The confirmed ones are told apart by being confirmed, not as a part.
    if figure.confirmed {
        figure.part = false;
    }
    // An aside keeps its place: it takes the measure of the count before it (`inherit`).
    if figure.nouns.is_empty() && figure.measure.is_none() && !aside {
        return None;
    }
    Some(figure)
}

/// The noun a unit figure measures when it comes before the amount: "winds of 155 mph",
/// "gusts as high as 235 mph", "plumes rising up to 10 km", "flames as high as 70 feet".
fn attribute_before(doc: &Doc<'_>, first: usize, start: usize) -> Option<String> {
    // "The downpour, 210 mm in a single day, ...": a sentence's subject with the amount in
    // apposition.
    if first >= start + 3
        && doc.is_punct(first - 1, ',')
        && doc.is_any(start, &["the", "a", "an", "this", "its", "their"])
        && first - 1 - start <= 3
        && (start + 1..first - 1).all(|k| {
            doc.is_word(k) && !doc.is_function(k) && !doc.is_cap(k) && !looks_like_verb(doc.tok(k))
        })
    {
        return Some(stem(doc.tok(first - 2)));
    }
    let mut k = first;
    // Only "of", "near", "rising", a copula ("turnout was 64 percent", "stood at 61%") and
    // the like may come between the noun and the amount.
    while k > start && first - k < 5 {
        k -= 1;
        if doc.is_any(
            k,
            &[
                "of", "near", "rising", "reaching", "reached", "at", "topping", "was", "is",
                "were", "are", "stood", "stands", "hit", "be",
            ],
        ) {
            continue;
        }
        let noun = doc.is_word(k)
            && !doc.is_function(k)
            && (!doc.is_cap(k) || doc.starts_sentence(k))
            && !looks_like_verb(doc.tok(k));
        return noun.then(|| stem(doc.tok(k)));
    }
    None
}

/// Coordinated counts ("20 children and six adults were killed", "seven helicopters and
/// 250 troops"): each takes the predicate they share, and counts of people add up to a sum
/// figure of their own.
fn coordinate(doc: &Doc<'_>, figures: &mut Vec<Figure>) {
    let lex = lexicon();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < figures.len() {
        let mut group = vec![i];
        let mut k = i;
        while k + 1 < figures.len() {
            let (a, b) = (&figures[k], &figures[k + 1]);
            if a.sentence != b.sentence || a.unit.is_some() || b.unit.is_some() {
                break;
            }
            let between: Vec<usize> = (a.consumed + 1..b.first).collect();
            let joined = !between.is_empty()
                && between.len() <= 3
                && a.last == a.consumed
                && !b.marked_part
                && between.iter().all(|&t| {
                    doc.is_punct(t, ',') || doc.is_any(t, &["and", "plus", "as", "well", "&"])
                });
            if !joined {
                break;
            }
            group.push(k + 1);
            k += 1;
        }
        if group.len() > 1 {
            groups.push(group.clone());
        }
        i = k + 1;
    }
    for group in groups {
        // The shared predicate: the last member's (after the list) or the first's.
        let shared = group
            .iter()
            .rev()
            .find_map(|&g| {
                figures[g]
                    .measure
                    .clone()
                    .filter(|m| matches!(m, Measure::Known(_)))
            })
            .or_else(|| group.iter().rev().find_map(|&g| figures[g].measure.clone()));
        for &g in &group {
            if figures[g]
                .measure
                .as_ref()
                .is_none_or(|m| matches!(m, Measure::Open(_)))
                && let Some(m) = &shared
            {
                figures[g].measure = Some(m.clone());
            }
        }
        let people: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&g| figures[g].counts_people() && !figures[g].delta)
            .collect();
        if people.len() < 2 || people.len() != group.len() {
            continue;
        }
        let same_measure = people
            .windows(2)
            .all(|w| figures[w[0]].measure == figures[w[1]].measure);
        if !same_measure {
            continue;
        }
        let whole_part = (doc.sentence_range(figures[people[0]].first).start
            ..figures[people[0]].first)
            .any(|k| doc.is(k, "among") || doc.is_any(k, PART_MARKERS))
            || figures[people[0]].part && figures[people[0]].class != Some(PeopleClass::Age);
        // The whole list, and its last two when longer ("four kings, 28 prime ministers
        // and 53 presidents": 85 leaders, 81 prime ministers and presidents).
        let mut ranges = vec![people.clone()];
        if people.len() >= 3 {
            ranges.push(people[people.len() - 2..].to_vec());
        }
        for (r, members) in ranges.into_iter().enumerate() {
            let sum = sum_of(figures, &members, r == 0 && whole_part);
            if r == 0 {
                for &g in &members {
                    figures[g].part = true;
                    figures[g].in_sum = true;
                }
            }
            figures.push(sum);
        }
    }
    let _ = lex;
    figures.sort_by_key(|f| (f.first, f.sum_of.len()));
}

/// The sum of the coordinated counts `members`: people when any of them is a part by age or
/// anyone at all, else the roles together.
fn sum_of(figures: &[Figure], members: &[usize], part: bool) -> Figure {
    let first = &figures[members[0]];
    let last = &figures[*members.last().unwrap_or(&members[0])];
    let mut value = first.value;
    for &g in &members[1..] {
        value = value.plus(figures[g].value);
    }
    let mut nouns: Vec<String> = members
        .iter()
        .flat_map(|&g| figures[g].nouns.iter().cloned())
        .collect();
    nouns.sort();
    nouns.dedup();
    let generic = members
        .iter()
        .any(|&g| figures[g].class != Some(PeopleClass::Role));
    Figure {
        first: first.first,
        last: last.last,
        amount: first.amount.clone(),
        value,
        unit: None,
        nouns: if generic {
            vec!["people".to_owned()]
        } else {
            nouns
        },
        class: Some(if generic {
            PeopleClass::Generic
        } else {
            PeopleClass::Role
        }),
        attribute: None,
        nationality: None,
        measure: last.measure.clone(),
        confirmed: first.confirmed,
        delta: false,
        part,
        update: first.update,
        earlier: first.earlier,
        headline: first.headline,
        sentence: first.sentence,
        sum_of: members.to_vec(),
        weak: false,
        alternative: None,
        consumed: last.consumed,
        in_sum: false,
        others: false,
        partitive: false,
        marked_part: part,
        amount_is_digits: first.amount_is_digits,
        background: first.background,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, String, String, bool)> {
        let doc = Doc::new(text, 0..text.len());
        let taken = vec![false; doc.len()];
        extract(&doc, &taken, None)
            .iter()
            .map(|f| {
                (
                    doc.span_text(f.first, f.last).to_owned(),
                    f.nouns.join("+"),
                    f.measure
                        .as_ref()
                        .map_or(String::new(), |m| m.name().to_owned()),
                    f.part,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, String, bool) {
        let all = figures(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all[0].clone()
    }

    #[test]
    fn what_is_counted_and_what_happened_to_it() {
        assert_eq!(one("At least 12 Nepalese guides have died.").2, "killed");
        assert_eq!(one("At least 12 Nepalese guides have died.").1, "guides");
        assert_eq!(one("The blast killed at least 14 workers.").2, "killed");
        assert_eq!(one("leaving 22 people dead").2, "killed");
        assert_eq!(one("Police took 27 people into custody.").2, "arrested");
        assert_eq!(one("27 arrests had been made").2, "arrested");
        assert_eq!(one("the death toll rose to 22.").2, "killed");
        assert_eq!(one("the nine people who lost their lives").2, "killed");
        assert_eq!(one("four missing guides").2, "missing");
        assert_eq!(one("Blast At Texas Refinery Kills 14").2, "killed");
        assert_eq!(
            one("Six of the officers were sent to hospital.").2,
            "hospitalized"
        );
        assert_eq!(one("dozens of people were hurt").1, "people");
        assert_eq!(
            one("The Mexican Army handed out 6 million face masks.").2,
            "hand"
        );
        assert_eq!(one("Up to 2 million have seen the body.").2, "seen");
    }

    #[test]
    fn parts_sums_and_things_that_are_not_figures() {
        let f = figures("Twenty two school children and six adults were killed.");
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(
            f.iter().any(|x| x.1 == "people" && !x.3 && x.2 == "killed"),
            "{f:?}"
        );
        let f = figures("about 20 people were killed, including nine children");
        assert!(
            f.iter().any(|x| x.0.contains("nine children") && x.3),
            "{f:?}"
        );
        assert!(
            figures(
                "Bryant was 41. His 13-year-old daughter, Gianna, 13, died at 9:45 a.m. in 2020."
            )
            .iter()
            .all(|x| x.2 == "killed" && !x.0.contains("41")),
            "ages, times and years are not counts"
        );
    }

    #[test]
    fn units_and_what_they_measure() {
        let text = "the 29,035-foot mountain and wind gusts as high as 235 mph";
        let doc = Doc::new(text, 0..text.len());
        let f = extract(&doc, &vec![false; doc.len()], None);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].attribute.as_deref(), Some("mountain"));
        assert_eq!(f[1].attribute.as_deref(), Some("gust"));
        assert!((f[1].value.lo - 378.2).abs() < 0.5, "{:?}", f[1].value);
    }

    #[test]
    fn a_past_year_makes_background_only_of_its_own_clause() {
        let background = |text: &str| {
            let doc = Doc::new(text, 0..text.len());
            extract(&doc, &vec![false; doc.len()], Some(2013))
                .iter()
                .map(|f| (doc.span_text(f.first, f.last).to_owned(), f.background))
                .collect::<Vec<_>>()
        };
        let f = background(
            "More than 12 million people were in danger, among them areas still recovering \
             from a deadly 2011 storm.",
        );
        assert!(f.iter().all(|(_, bg)| !bg), "{f:?}");
        let f = background("A storm in 2011 killed 1,200 people.");
        assert!(f.iter().all(|(_, bg)| *bg), "{f:?}");
        let f = background("The storm killed 1,200 people in 2011.");
        assert!(f.iter().all(|(_, bg)| *bg), "{f:?}");
    }

    #[test]
    fn of_whom_before_a_count_makes_it_a_part() {
        let f = figures(
            "Nearly 2,000 people had been taken to hospital, of whom 776 were still \
             hospitalized Monday.",
        );
        assert!(f.iter().any(|x| x.0.starts_with("776") && x.3), "{f:?}");
    }

    #[test]
    fn things_carried_are_not_people_on_board() {
        assert_eq!(one("The gunman was carrying two handguns.").2, "carry");
        assert_eq!(one("He carried two pistols.").2, "carry");
        assert_eq!(one("a bus carrying 52 passengers").2, "aboard");
    }
}

#[cfg(test)]
mod part_of_another_count {
    use super::*;

    #[test]
    fn those_rescued_of_the_trapped_are_all_the_rescued() {
        let text = "Rescue teams had brought 9 of the trapped miners to the surface.";
        let doc = Doc::new(text, 0..text.len());
        let taken = vec![false; doc.len()];
        let f = extract(&doc, &taken, None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].measure.as_ref().map(Measure::name), Some("rescued"));
        assert!(!f[0].part, "{:?}", f[0].nouns);
    }
}
