//! The engine's word lists: general English only (measures, qualifiers, units, nouns for
//! people, nationalities, titles, function words), never a name or phrase of a particular
//! event. Each list is a text file in `words/`, one entry a line, headed by what it is for,
//! so an editor who is not a programmer can add a title, a measure or a unit; they are built
//! into the binary and read once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::text::{Doc, tokenize};

/// What a qualifier before a figure says about its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qual {
    /// "at least 12": a floor, the count so far.
    AtLeast,
    /// "more than 100": above a round figure.
    MoreThan,
    /// "up to 5,000": a ceiling.
    UpTo,
    /// "fewer than 10".
    Under,
    /// "nearly 2,000": just below.
    Nearly,
    /// "about 20": near it.
    About,
    /// "a total of 30".
    Exact,
}

/// How a noun counts people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeopleClass {
    /// Anyone: "people", "victims".
    Generic,
    /// A part by age or sex: "children", "adults".
    Age,
    /// People by what they are or do: "guides", "officers".
    Role,
}

/// A unit of measure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    /// Its dimension ("length", "speed", "usd"…).
    pub dimension: &'static str,
    /// Base units per unit.
    pub factor: f64,
}

/// Whether a dimension is a currency.
pub fn is_money(dimension: &str) -> bool {
    matches!(
        dimension,
        "usd" | "eur" | "gbp" | "jpy" | "inr" | "peso" | "cny"
    )
}

/// A table of words and phrases, looked up by their first word; the longest match wins.
pub struct Phrases<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    /// The lexicon's bit for this table (see [`Lexicon::starts_of`]); 0 for a table of its
    /// own, looked up without that shortcut.
    bit: u16,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Self {
            by_first: HashMap::default(),
            bit: 0,
        }
    }
}

/// The lexicon's tables, one bit each, for [`Lexicon::starts_of`].
pub mod bits {
    pub const MEASURES: u16 = 1;
    pub const QUALIFIERS: u16 = 1 << 1;
    pub const UNITS: u16 = 1 << 2;
    pub const PEOPLE: u16 = 1 << 3;
    pub const DEMONYMS: u16 = 1 << 4;
    pub const COUNTRIES: u16 = 1 << 5;
    pub const TITLES: u16 = 1 << 6;
    pub const FUNCTION: u16 = 1 << 7;
}

impl<V> Phrases<V> {
    fn insert(&mut self, phrase: &str, value: V) {
        let words = words_of(phrase);
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        list.push((words, value));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest entry starting at token `i`: its length in tokens and its value.
    pub fn at(&self, doc: &Doc<'_>, i: usize) -> Option<(usize, &V)> {
        // The document knows which tables each of its words starts an entry of.
        if self.bit != 0 && doc.starts(i) & self.bit == 0 {
            return None;
        }
        let list = self.by_first.get(doc.low(i))?;
        list.iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| doc.low(i + k) == w && (k == 0 || i + k < doc.len()))
            })
            .map(|(words, v)| (words.len(), v))
    }

    /// The longest entry ending at token `end` (inclusive): its first token and its value.
    pub fn ending_at(&self, doc: &Doc<'_>, end: usize) -> Option<(usize, &V)> {
        (end.saturating_sub(4)..=end).find_map(|start| {
            self.at(doc, start)
                .filter(|(len, _)| start + len == end + 1)
                .map(|(_, v)| (start, v))
        })
    }

    /// The value of a single word or phrase, written as in the lists.
    pub fn get(&self, phrase: &str) -> Option<&V> {
        // Lower-case words and spaces are their own tokens: no need to cut them.
        if phrase
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ')
        {
            let mut words = phrase.split(' ').filter(|w| !w.is_empty());
            let list = self.by_first.get(words.next()?)?;
            return list
                .iter()
                .find(|(w, _)| w[1..].iter().map(String::as_str).eq(words.clone()))
                .map(|(_, v)| v);
        }
        let words = words_of(phrase);
        let list = self.by_first.get(words.first()?)?;
        list.iter().find(|(w, _)| *w == words).map(|(_, v)| v)
    }
}

/// A phrase cut into tokens exactly as reports are (so "gov." matches "Gov" and ".").
fn words_of(phrase: &str) -> Vec<String> {
    let lower = phrase.to_ascii_lowercase();
    tokenize(&lower, 0..lower.len())
        .iter()
        .map(|t| lower[t.range()].to_owned())
        .collect()
}

/// Every list, parsed.
pub struct Lexicon {
    /// Predicate words and phrases → measure.
    pub measures: Phrases<&'static str>,
    /// Qualifiers before a figure.
    pub qualifiers: Phrases<Qual>,
    /// Units after a figure.
    pub units: Phrases<Unit>,
    /// Nouns counting people → (class, the word compared).
    pub people: Phrases<(PeopleClass, &'static str)>,
    /// Demonyms → country or region.
    pub demonyms: Phrases<&'static str>,
    /// Country and region names (and their other names) → the name compared.
    pub countries: Phrases<&'static str>,
    /// Titles and roles of people.
    pub titles: Phrases<()>,
    /// Function words.
    pub function: HashSet<&'static str>,
    /// What a figure counts or measures → the word it is compared as ("house" → "home").
    pub synonyms: HashMap<&'static str, &'static str>,
    /// For each word, the tables with an entry that starts with it (one bit per table).
    starts: HashMap<String, u16>,
}

/// The entries of a list: non-empty lines that are not comments, split at tabs.
pub fn entries(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn load() -> Lexicon {
    let mut lex = Lexicon {
        measures: Phrases::default(),
        qualifiers: Phrases::default(),
        units: Phrases::default(),
        people: Phrases::default(),
        demonyms: Phrases::default(),
        countries: Phrases::default(),
        titles: Phrases::default(),
        function: HashSet::default(),
        synonyms: HashMap::default(),
        starts: HashMap::default(),
    };
    for e in entries(include_str!("words/synonyms.txt")) {
        if let [word, key] = e[..] {
            lex.synonyms.insert(word, key);
        }
    }
    for e in entries(include_str!("words/measures.txt")) {
        if let [word, measure] = e[..] {
            lex.measures.insert(word, measure);
        }
    }
    for e in entries(include_str!("words/qualifiers.txt")) {
        let qual = match e.get(1).copied() {
            Some("at_least") => Qual::AtLeast,
            Some("more_than") => Qual::MoreThan,
            Some("up_to") => Qual::UpTo,
            Some("under") => Qual::Under,
            Some("nearly") => Qual::Nearly,
            Some("about") => Qual::About,
            Some("exact") => Qual::Exact,
            _ => continue,
        };
        lex.qualifiers.insert(e[0], qual);
    }
    for e in entries(include_str!("words/units.txt")) {
        if let [word, dimension, factor] = e[..]
            && let Ok(factor) = factor.parse()
        {
            lex.units.insert(word, Unit { dimension, factor });
        }
    }
    for e in entries(include_str!("words/people.txt")) {
        if let [word, class, compared] = e[..] {
            let class = match class {
                "generic" => PeopleClass::Generic,
                "age" => PeopleClass::Age,
                _ => PeopleClass::Role,
            };
            lex.people.insert(word, (class, compared));
        }
    }
    for e in entries(include_str!("words/demonyms.txt")) {
        if let [word, country] = e[..] {
            lex.demonyms.insert(word, country);
            lex.countries.insert(country, country);
        }
    }
    for e in entries(include_str!("words/places.txt")) {
        if let [word, country] = e[..] {
            lex.countries.insert(word, country);
        }
    }
    for e in entries(include_str!("words/titles.txt")) {
        lex.titles.insert(e[0], ());
    }
    for e in entries(include_str!("words/function_words.txt")) {
        lex.function.insert(e[0]);
    }
    lex.measures.bit = bits::MEASURES;
    lex.qualifiers.bit = bits::QUALIFIERS;
    lex.units.bit = bits::UNITS;
    lex.people.bit = bits::PEOPLE;
    lex.demonyms.bit = bits::DEMONYMS;
    lex.countries.bit = bits::COUNTRIES;
    lex.titles.bit = bits::TITLES;
    let firsts = [
        (
            bits::MEASURES,
            lex.measures.by_first.keys().collect::<Vec<_>>(),
        ),
        (bits::QUALIFIERS, lex.qualifiers.by_first.keys().collect()),
        (bits::UNITS, lex.units.by_first.keys().collect()),
        (bits::PEOPLE, lex.people.by_first.keys().collect()),
        (bits::DEMONYMS, lex.demonyms.by_first.keys().collect()),
        (bits::COUNTRIES, lex.countries.by_first.keys().collect()),
        (bits::TITLES, lex.titles.by_first.keys().collect()),
    ];
    let mut starts: HashMap<String, u16> = HashMap::default();
    for (bit, words) in firsts {
        for w in words {
            *starts.entry(w.clone()).or_default() |= bit;
        }
    }
    for w in &lex.function {
        *starts.entry((*w).to_owned()).or_default() |= bits::FUNCTION;
    }
    lex.starts = starts;
    lex
}

/// A two-column list (a word or phrase, then what it stands for) as a table.
pub fn phrases(file: &'static str) -> Phrases<&'static str> {
    let mut table = Phrases::default();
    for e in entries(file) {
        if let [word, value] = e[..] {
            table.insert(word, value);
        }
    }
    table
}

/// The lists (read on first use).
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(load)
}

impl Lexicon {
    /// The tables that have an entry starting with `word` (lower case), one bit each: what a
    /// [`Doc`] notes for each token, so that looking a word up in a table it is not in
    /// costs a bit test.
    pub fn starts_of(&self, word: &str) -> u16 {
        self.starts.get(word).copied().unwrap_or(0)
    }
}

/// Number words: "one" to "ninety", and the multipliers.
pub fn number_word(word: &str) -> Option<f64> {
    let v = match word {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    };
    Some(v)
}

/// Multipliers after a number: "4 million", "two hundred".
pub fn multiplier(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mln" | "m" => Some(1e6),
        "billion" | "bln" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Month names and their abbreviations → month number.
pub fn month(word: &str) -> Option<u32> {
    let m = match word.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Weekday names → days from Monday.
pub fn weekday(word: &str) -> Option<u32> {
    let d = match word {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    };
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc<'_> {
        Doc::new(text, 0..text.len())
    }

    #[test]
    fn every_list_loads_and_phrases_match_longest_first() {
        let lex = lexicon();
        let d = doc("they lost their lives and were hurt");
        assert_eq!(lex.measures.at(&d, 1), Some((3, &"killed")));
        assert_eq!(lex.measures.at(&d, 6), Some((1, &"injured")));
        let d = doc("just over 20 and more than 70");
        assert_eq!(lex.qualifiers.at(&d, 0), Some((2, &Qual::MoreThan)));
        assert_eq!(lex.qualifiers.ending_at(&d, 5), Some((4, &Qual::MoreThan)));
        let d = doc("235 kilometers per hour and 170 mph");
        assert_eq!(
            lex.units.at(&d, 1).map(|(n, u)| (n, u.dimension)),
            Some((3, "speed"))
        );
        let d = doc("Gov. Larry Hogan");
        assert!(lex.titles.at(&d, 0).is_some_and(|(n, ())| n == 2));
        assert_eq!(lex.demonyms.get("Dutch"), Some(&"netherlands"));
        assert_eq!(lex.countries.get("U.S."), Some(&"united states"));
        assert!(lex.function.contains("the"));
        assert_eq!(
            lex.people.get("kids"),
            Some(&(PeopleClass::Age, "children"))
        );
    }

    #[test]
    fn every_data_line_is_read() {
        // A line with a wrong number of columns would be skipped silently.
        let files = [
            (include_str!("words/measures.txt"), 2),
            (include_str!("words/qualifiers.txt"), 2),
            (include_str!("words/units.txt"), 3),
            (include_str!("words/people.txt"), 3),
            (include_str!("words/demonyms.txt"), 2),
            (include_str!("words/places.txt"), 2),
            (include_str!("words/titles.txt"), 1),
            (include_str!("words/function_words.txt"), 1),
            (include_str!("words/events.txt"), 2),
            (include_str!("words/structures.txt"), 1),
            (include_str!("words/synonyms.txt"), 2),
        ];
        for (file, columns) in files {
            for line in entries(file) {
                assert_eq!(line.len(), columns, "{line:?}");
            }
        }
    }
}
