//! Names of people, places and organisations: finding them, telling which is which, and
//! linking the forms of one name across reports — "Marco Rubio" and "Rubio", "US" and "United
//! States", and spelling or transliteration variants ("Kryvyi Rig" / "Kryvyi Rih").
//!
//! Kinds come from context words only (roles and titles, place nouns, prepositions,
//! organisation words), summed over every mention of a name in every report.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::doc::{Doc, NO_WORD};
use super::lexicon::{
    DEMONYM, HONORIFIC, LOC_PREP, NAME_PARTICLE, NOT_NAME, ORG_WORD, PLACE_NOUN, ROLE, ROLE_MOD,
    SPEECH, STOP, TITLE,
};
use super::union_find::UnionFind;
use crate::corpus::text::{CAP, DOTTED, Listed, NEWLINE_BEFORE, POSSESSIVE, TokenKind, UPPER};

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation (or a country named as an actor by its acronym).
    Org,
    /// Not known.
    Unknown,
}

/// One occurrence of a name in one report.
#[derive(Clone, Debug)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one mention, not a state
pub struct Mention {
    /// Token index of the first word of the name.
    pub first: usize,
    /// Token index of its last word.
    pub last: usize,
    /// Byte range of the name (without a possessive `'s`).
    pub bytes: Range<usize>,
    /// Byte range of the role or title that goes with it ("US envoy", "foreign minister").
    pub role: Option<Range<usize>>,
    /// Index of its form in [`Names::forms`].
    pub form: u32,
    /// Written with a possessive `'s`.
    pub possessive: bool,
    /// Part of someone else's description ("Trump's special envoy"): not an actor itself.
    pub modifier: bool,
    /// Evidence that it names a person, a place, an organisation.
    pub person: u8,
    /// See `person`.
    pub place: u8,
    /// See `person`.
    pub org: u8,
    /// Introduced as the place where something happened ("the city of X", "in X").
    pub located: bool,
    /// Holds other places in this sentence ("Ukraine's port city of …").
    pub container: bool,
}

/// One written form of a name (after folding case, accents and dots).
#[derive(Clone, Debug)]
pub struct Form {
    /// Folded key: lower-case ASCII, no dots, hyphens as spaces.
    pub key: String,
    /// As first written.
    pub display: String,
    /// Folded words of the key.
    pub words: Vec<String>,
    /// (report, mention index) of every occurrence.
    pub mentions: Vec<(u32, u32)>,
    /// Reports it occurs in, sorted.
    pub docs: Vec<u32>,
    /// Whether written as an acronym.
    pub acronym: bool,
}

/// A person, place or organisation: the forms that name it.
#[derive(Clone, Debug)]
pub struct Entity {
    /// The name shown for it.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Its forms.
    pub forms: Vec<u32>,
    /// Reports it occurs in, sorted.
    pub docs: Vec<u32>,
}

/// A pair of forms judged to be two spellings of one name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variant {
    /// One form.
    pub a: u32,
    /// The other.
    pub b: u32,
}

/// Everything known about names across the reports.
#[derive(Debug, Default)]
pub struct Names {
    /// Mentions of each report, in text order.
    pub mentions: Vec<Vec<Mention>>,
    /// Distinct forms.
    pub forms: Vec<Form>,
    /// Entity of each form.
    pub entity_of_form: Vec<u32>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Kind of each form's entity: a byte per form, where `entities` takes a cache line per
    /// entity (figures and dates ask the kind of every name near them).
    kind_of_form: Vec<EntityKind>,
    /// First token of each mention of each report: what [`Names::in_range`] searches (four
    /// bytes a mention, where the mentions themselves take a cache line each).
    firsts: Vec<Vec<u32>>,
    /// Spelling variants found.
    pub variants: Vec<Variant>,
}

impl Names {
    /// The entity a mention belongs to.
    pub fn entity(&self, mention: &Mention) -> u32 {
        self.entity_of_form[mention.form as usize]
    }

    /// Mentions of report `doc` whose first token lies in `tokens`.
    pub fn in_range(&self, doc: usize, tokens: Range<usize>) -> &[Mention] {
        let firsts = &self.firsts[doc];
        let from = firsts.partition_point(|&f| (f as usize) < tokens.start);
        let to = firsts.partition_point(|&f| (f as usize) < tokens.end);
        &self.mentions[doc][from..to.max(from)]
    }

    /// The mention covering token `i`, if any.
    pub fn at_token(&self, doc: usize, i: usize) -> Option<&Mention> {
        let list = &self.mentions[doc];
        let k = self.firsts[doc].partition_point(|&f| f as usize <= i);
        k.checked_sub(1)
            .map(|k| &list[k])
            .filter(|m| m.first <= i && i <= m.last)
    }

    /// The kind of the entity a mention belongs to.
    pub fn kind(&self, mention: &Mention) -> EntityKind {
        self.kind_of_form[mention.form as usize]
    }
}

/// Folds a name for comparison: ASCII, lower case, no dots, hyphens and apostrophes as spaces.
pub fn fold(name: &str) -> String {
    let mut buf = Vec::new();
    fold_into(name, &mut buf).to_owned()
}

/// [`fold`] into `buf` (cleared first), so a caller folding many names reuses one buffer.
fn fold_into<'b>(name: &str, buf: &'b mut Vec<u8>) -> &'b str {
    buf.clear();
    let ascii = if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(name))
    };
    // ASCII from here (deunicode turns a typographic apostrophe into `'`).
    buf.reserve(ascii.len());
    let mut space = false;
    for &b in ascii.as_bytes() {
        match b {
            b'.' => {}
            b'-' | b' ' | b'\'' | b'\n' | b'\r' | b'\t' => space = true,
            b => {
                if space && !buf.is_empty() {
                    buf.push(b' ');
                }
                space = false;
                buf.push(b.to_ascii_lowercase());
            }
        }
    }
    // Only ASCII bytes were pushed.
    std::str::from_utf8(buf).unwrap_or_default()
}

/// A set of word ids (dense, from the interner) as one flag per id.
#[derive(Default)]
struct WordSet(Vec<bool>);

impl WordSet {
    fn insert(&mut self, word: u32) {
        let at = word as usize;
        if self.0.len() <= at {
            self.0.resize(at + 1, false);
        }
        self.0[at] = true;
    }

    fn contains(&self, word: u32) -> bool {
        self.0.get(word as usize).copied().unwrap_or(false)
    }
}

const DEMONYM_SUFFIXES: &[&str] = &["ian", "ean", "an", "ese", "ish", "ic", "i"];

/// What the corpus shows about capitalized words, gathered report by report (each right after
/// it is read, while its tokens are in the cache; see [`NameFinder`] for how it is used):
/// - `noun`: words seen as nouns (possessive, after a preposition of place, before a verb of
///   saying or a list's "and" or comma): these are never taken for adjectives of nationality;
/// - `inside`: words seen capitalized away from the start of a sentence: a capitalized first
///   word of a sentence is a name only if it is one of these (or starts a longer name).
#[derive(Default)]
struct WordEvidence {
    noun: WordSet,
    inside: WordSet,
}

impl WordEvidence {
    /// Adds what one report shows.
    pub fn add(&mut self, doc: &Doc<'_>) {
        for &i in &doc.capitals {
            let i = i as usize;
            let word = doc.word[i];
            if word == NO_WORD {
                continue;
            }
            if !first_word(doc, i) {
                self.inside.insert(word);
            }
            // Once a noun, always: the tests around it are needed only once.
            if !self.noun.contains(word) {
                let after_prep = i > 0 && doc.has(i - 1, LOC_PREP);
                let before_speech = doc.has(i + 1, SPEECH);
                let before_conj = doc.is_word(i + 1, "and") || doc.is_punct(i + 1, ',');
                if doc.tokens[i].has(POSSESSIVE) || after_prep || before_speech || before_conj {
                    self.noun.insert(word);
                }
            }
        }
    }
}

/// One of the two word sets of [`WordEvidence`].
#[derive(Clone, Copy)]
enum Seen {
    /// Seen as a noun (`WordEvidence::noun`).
    AsNoun,
    /// Seen capitalized inside a sentence (`WordEvidence::inside`).
    Inside,
}

impl WordEvidence {
    fn has(&self, seen: Seen, word: u32) -> bool {
        match seen {
            Seen::AsNoun => self.noun.contains(word),
            Seen::Inside => self.inside.contains(word),
        }
    }
}

/// The evidence one report's names were found with that was missing then: which set was
/// asked about which word. The evidence only grows, so if none of these words is in its set
/// once every report is read, the report's names are those it would have had with all the
/// evidence.
#[derive(Default)]
struct Missing(Vec<(Seen, u32)>);

impl Missing {
    /// Whether `evidence` has `word` in set `seen`, noting it if not.
    fn ask(&mut self, evidence: &WordEvidence, seen: Seen, word: u32) -> bool {
        let known = evidence.has(seen, word);
        if !known {
            self.0.push((seen, word));
        }
        known
    }

    /// Whether some noted word has turned up in `evidence` since.
    fn found_in(&self, evidence: &WordEvidence) -> bool {
        self.0.iter().any(|&(seen, word)| evidence.has(seen, word))
    }
}

/// Finds the names of reports added one at a time, each right after it is read (while its
/// tokens are in the cache), and links them once all are in ([`NameFinder::finish`]).
///
/// Whether a capitalized word starts a name can depend on what later reports show (see
/// [`WordEvidence`]), so a report's names are found with the evidence gathered so far, noting
/// what was missing ([`Missing`]); the few reports for which some of it turned up later are
/// read again at the end, with all of it.
#[derive(Default)]
pub struct NameFinder {
    evidence: WordEvidence,
    found: Vec<(Vec<Mention>, Missing)>,
}

impl NameFinder {
    /// The names of `docs`, each added in turn (for tests).
    #[cfg(test)]
    pub(crate) fn all(docs: &[Doc<'_>]) -> Names {
        let mut finder = Self::default();
        for doc in docs {
            finder.add(doc);
        }
        finder.finish(docs)
    }

    /// Adds the next report: its evidence, then its names.
    pub fn add(&mut self, doc: &Doc<'_>) {
        self.evidence.add(doc);
        let mut missing = Missing::default();
        let mentions = extract_doc(doc, &self.evidence, &mut missing);
        self.found.push((mentions, missing));
    }

    /// The names of `docs` (the reports added, in the same order), linked across them. A
    /// report that was not added is read here.
    pub fn finish(self, docs: &[Doc<'_>]) -> Names {
        let evidence = self.evidence;
        let mut found = self.found.into_iter();
        let mentions = docs
            .iter()
            .map(|doc| match found.next() {
                Some((mentions, missing)) if !missing.found_in(&evidence) => mentions,
                _ => extract_doc(doc, &evidence, &mut Missing::default()),
            })
            .collect();
        analyze(docs, mentions)
    }
}

/// Whether word `i` is the first word of its sentence, or of a sentence of sorts begun by a
/// colon or an opening quote: no word stands between it and that start.
fn first_word(doc: &Doc<'_>, i: usize) -> bool {
    let start = doc.sentence_range(i).start;
    for k in (start..i).rev() {
        if doc.tokens[k].kind == TokenKind::Word {
            return false;
        }
        let b = doc.first_byte(k);
        if b == b':' || b == b'"' || (b >= 0x80 && matches!(doc.char_at(k), '“' | '‘')) {
            return true;
        }
    }
    true
}

fn is_demonym(doc: &Doc<'_>, i: usize, evidence: &WordEvidence, missing: &mut Missing) -> bool {
    let tok = doc.tokens[i];
    if tok.has(UPPER) || tok.has(POSSESSIVE) {
        return false;
    }
    // An adjective comes before a lower-case content word: tested first, as it is cheaper.
    if !doc.is_lower_word(i + 1) || doc.has(i + 1, STOP) {
        return false;
    }
    let word = doc.lower(i);
    let looks_so = doc.has(i, DEMONYM)
        || DEMONYM_SUFFIXES
            .iter()
            .any(|s| word.len() > s.len() + 2 && word.ends_with(s));
    // The evidence is asked last, only when its answer decides.
    looks_so && !missing.ask(evidence, Seen::AsNoun, doc.word[i])
}

fn is_name_word(doc: &Doc<'_>, i: usize) -> bool {
    let Some(tok) = doc.tokens.get(i) else {
        return false;
    };
    if tok.kind != TokenKind::Word || !tok.has(CAP) {
        return false;
    }
    tok.has(UPPER) || !doc.has(i, NOT_NAME)
}

fn at_sentence_start(doc: &Doc<'_>, i: usize) -> bool {
    let start = doc.sentence_range(i).start;
    (start..i).all(|k| doc.tokens[k].kind == TokenKind::Punct)
}

fn starts_name(doc: &Doc<'_>, i: usize, evidence: &WordEvidence, missing: &mut Missing) -> bool {
    if !is_name_word(doc, i) || is_demonym(doc, i, evidence, missing) {
        return false;
    }
    if !at_sentence_start(doc, i) || doc.tokens[i].has(UPPER) {
        return true;
    }
    doc.has(i, TITLE | HONORIFIC)
        || (is_name_word(doc, i + 1) && !doc.tokens[i].has(POSSESSIVE))
        || missing.ask(evidence, Seen::Inside, doc.word[i])
}

/// Token index one past the end of the name run starting at `i`.
fn run_end(doc: &Doc<'_>, i: usize, end: usize) -> usize {
    let mut j = i + 1;
    if doc.tokens[i].has(POSSESSIVE) {
        return j;
    }
    while j < end {
        let tok = doc.tokens[j];
        if tok.has(NEWLINE_BEFORE) {
            break;
        }
        if is_name_word(doc, j) {
            j += 1;
            if tok.has(POSSESSIVE) {
                break;
            }
            continue;
        }
        let next_is_name = j + 1 < end && is_name_word(doc, j + 1);
        if doc.is_lower_word(j) && doc.has(j, NAME_PARTICLE) && next_is_name {
            j += 1;
            continue;
        }
        if doc.is_word(j, "of") && next_is_name && doc.has(j - 1, TITLE | ORG_WORD | PLACE_NOUN) {
            j += 1;
            continue;
        }
        // "Sen. Smith"
        if doc.is_punct(j, '.') && next_is_name && doc.has(j - 1, HONORIFIC) {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// Splits a run into its leading title ("US Secretary of State") and the name after it.
fn split_title(doc: &Doc<'_>, run: Range<usize>) -> (Option<Range<usize>>, Range<usize>) {
    let mut last_title = None;
    for k in run.clone() {
        if doc.tokens[k].kind == TokenKind::Word
            && doc.has(k, TITLE | ROLE)
            && !doc.is_word(k, "of")
        {
            last_title = Some(k);
        }
    }
    let Some(mut p) = last_title else {
        return (None, run);
    };
    if doc.is_word(p + 1, "of") && p + 2 < run.end {
        p += 2;
    }
    let name = p + 1..run.end;
    let name_is_org = name.clone().any(|k| doc.has(k, ORG_WORD | PLACE_NOUN));
    let name_words = name
        .clone()
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count();
    if name.is_empty() || name_is_org || name_words == 0 {
        if name.is_empty() {
            // A title alone ("the Prime Minister"): no name.
            return (Some(run.clone()), run.end..run.end);
        }
        return (None, run);
    }
    (Some(run.start..p + 1), name)
}

/// The role words before a name ("Zelensky's chief of staff", "US envoy", "minister,").
fn role_before(doc: &Doc<'_>, start: usize, floor: usize) -> Option<usize> {
    let mut k = start;
    if k > floor + 1 && doc.is_punct(k - 1, ',') && doc.is_lower_word(k - 2) && doc.has(k - 2, ROLE)
    {
        k -= 1;
    }
    if k == floor || !(doc.is_lower_word(k - 1) && doc.has(k - 1, ROLE)) {
        return None;
    }
    let mut first = k - 1;
    let mut taken = 0;
    while first > floor && taken < 6 {
        let p = first - 1;
        let tok = doc.tokens[p];
        let lower_role = doc.is_lower_word(p) && doc.has(p, ROLE | ROLE_MOD);
        let modifier = tok.kind == TokenKind::Word
            && tok.has(CAP)
            && (tok.has(UPPER)
                || tok.has(DOTTED)
                || tok.has(POSSESSIVE)
                || doc.has(p, DEMONYM | ROLE_MOD)
                || doc.lex[p].is_none());
        if lower_role && !doc.is_word(p, "the") {
            first = p;
        } else if modifier {
            first = p;
            break;
        } else {
            break;
        }
        taken += 1;
    }
    Some(first)
}

/// An apposition after a name that describes a role: ", United States President Donald
/// Trump's special envoy to Ukraine,". Returns its token range.
fn role_after(doc: &Doc<'_>, last: usize, end: usize) -> Option<Range<usize>> {
    if !doc.is_punct(last + 1, ',') {
        return None;
    }
    let from = last + 2;
    let mut k = from;
    let mut role = false;
    while k < end && k < from + 12 {
        if doc.tokens[k].kind == TokenKind::Punct {
            break;
        }
        if doc.is_lower_word(k) {
            if doc.has(k, ROLE) {
                // "…, defence minister Rustem Umerov": a role before a new name is that
                // person's, not an apposition.
                if doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.has(CAP))
                {
                    return None;
                }
                role = true;
            } else if !doc.has(k, ROLE_MOD | STOP) {
                break;
            }
        }
        k += 1;
    }
    let coordination =
        doc.is_word(from, "as") || doc.is_word(from, "and") || doc.is_word(from, "who");
    (role && k > from && !coordination).then_some(from..k)
}

/// Finds the name mentions of one report.
fn extract_doc(doc: &Doc<'_>, evidence: &WordEvidence, missing: &mut Missing) -> Vec<Mention> {
    // Room for a name every eight tokens, more than news text has: no regrowing.
    let mut out: Vec<Mention> = Vec::with_capacity(doc.tokens.len() / 8);
    let mut apposition_until = 0usize;
    // The capitalised words, walked once across the sentences.
    let mut capitals = Listed::new(&doc.capitals);
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        // Title-case headings ("French Lead") name nothing reliably. Most sentences have a
        // lower-case word within a few tokens, which ends the test.
        let heading = !range.clone().any(|k| doc.is_lower_word(k))
            && range
                .clone()
                .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
                .nth(1)
                .is_some();
        if heading {
            continue;
        }
        let sentence_first = out.len();
        let mut i = range.start;
        // A name starts with a capitalised word: the others are passed over at once.
        while let Some(c) = capitals.next(i, range.end) {
            i = c;
            if !starts_name(doc, i, evidence, missing) {
                i += 1;
                continue;
            }
            let end = run_end(doc, i, range.end);
            let (title, name) = split_title(doc, i..end);
            i = end;
            if name.is_empty() {
                continue;
            }
            let first = name.start;
            let last = name.end - 1;
            let possessive = doc.tokens[last].has(POSSESSIVE);
            let mut mention = Mention {
                first,
                last,
                bytes: doc.span(first, last),
                role: None,
                form: 0,
                possessive,
                modifier: first < apposition_until,
                person: 0,
                place: 0,
                org: 0,
                located: false,
                container: false,
            };
            let acronym = name.len() == 1 && doc.tokens[first].has(UPPER);
            if let Some(title) = title {
                mention.role = Some(doc.span(title.start, title.end - 1));
                mention.person += 2;
            } else if let Some(role_first) = role_before(doc, first, range.start) {
                mention.role = Some(doc.span(role_first, first - 1));
                mention.person += 2;
            }
            if first > range.start && doc.has(first - 1, HONORIFIC) {
                mention.person += 2;
            }
            if let Some(appos) = role_after(doc, last, range.end) {
                mention.role = Some(doc.span(appos.start, appos.end - 1));
                mention.person += 2;
                apposition_until = appos.end;
            }
            if doc.has(last + 1, SPEECH) && !possessive {
                mention.person += 1;
            }
            if name.clone().any(|k| doc.has(k, ORG_WORD)) {
                mention.org += 2;
            }
            if acronym {
                mention.org += 1;
            }
            // "White House envoy", "NATO chief": the name qualifies a role.
            if !possessive && doc.is_lower_word(last + 1) && doc.has(last + 1, ROLE) {
                mention.org += 1;
                mention.person = mention.person.saturating_sub(1);
            }
            // "Trump's special envoy", "Ukraine's port city".
            if possessive {
                let mut k = last + 1;
                while k < range.end && k < last + 4 && doc.is_lower_word(k) {
                    if doc.has(k, ROLE) {
                        mention.person += 1;
                        mention.modifier = true;
                        break;
                    }
                    if doc.has(k, PLACE_NOUN) {
                        mention.place += 1;
                        mention.container = true;
                        break;
                    }
                    k += 1;
                }
            }
            // Place: "the city of X", "in X", "in the X".
            let mut p = first;
            if p > range.start && doc.is_word(p - 1, "the") {
                p -= 1;
            }
            if p > range.start + 1
                && doc.is_word(p - 1, "of")
                && doc.is_lower_word(p - 2)
                && doc.has(p - 2, PLACE_NOUN)
            {
                mention.place += 3;
                mention.located = true;
            } else if p > range.start && doc.is_lower_word(p - 1) && doc.has(p - 1, LOC_PREP) {
                let weak = doc.is_word(p - 1, "to") || doc.is_word(p - 1, "on");
                mention.place += if weak { 1 } else { 2 };
                mention.located = !weak || !possessive;
            }
            out.push(mention);
        }
        propagate_lists(doc, &mut out[sentence_first..]);
    }
    out
}

/// Names joined by "and" or commas share what is known of their kind ("the cities of A and B",
/// "officials from A, B and C").
fn propagate_lists(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(k);
        let prev = &before[k - 1];
        let cur = &mut after[0];
        let joined = (prev.last + 1..cur.first).all(|t| {
            doc.is_punct(t, ',')
                || doc.is_word(t, "and")
                || doc.is_word(t, "the")
                || doc.is_word(t, "or")
        });
        if !joined || prev.possessive || cur.role.is_some() || prev.role.is_some() {
            continue;
        }
        if prev.located && prev.place > cur.place {
            cur.place = prev.place;
            cur.located = true;
        }
    }
    for k in (1..mentions.len()).rev() {
        let (before, after) = mentions.split_at_mut(k);
        let prev = &mut before[k - 1];
        let cur = &after[0];
        let joined = (prev.last + 1..cur.first)
            .all(|t| doc.is_punct(t, ',') || doc.is_word(t, "and") || doc.is_word(t, "the"));
        if joined
            && cur.located
            && !prev.possessive
            && prev.role.is_none()
            && prev.place < cur.place
        {
            prev.place = cur.place;
            prev.located = true;
        }
    }
}

/// Finds and links the names of all reports, given the [`WordEvidence`] of every one of them.
/// Folds the mentions `found` in each of `docs` into forms and links the forms into entities.
fn analyze(docs: &[Doc<'_>], found: Vec<Vec<Mention>>) -> Names {
    const NO_FORM: u32 = u32::MAX;
    let mut names = Names::default();
    let mut form_ids: FxHashMap<String, u32> = FxHashMap::default();
    // A name written the same way again needs no folding: its form by exact wording
    // (`NO_FORM`: it folds to nothing).
    let mut by_wording: FxHashMap<&str, u32> = FxHashMap::default();
    let mut buf = Vec::new();
    for (d, (doc, found)) in docs.iter().zip(found).enumerate() {
        let mut list = Vec::with_capacity(found.len());
        for mut mention in found {
            let display = &doc.text[mention.bytes.clone()];
            let known = by_wording.get(display).copied();
            if known == Some(NO_FORM) {
                continue;
            }
            let id = if let Some(id) = known {
                id
            } else {
                let key = fold_into(display, &mut buf);
                if key.is_empty() {
                    by_wording.insert(display, NO_FORM);
                    continue;
                }
                let id = if let Some(&id) = form_ids.get(key) {
                    id
                } else {
                    let id = names.forms.len() as u32;
                    names.forms.push(Form {
                        words: key.split(' ').map(str::to_owned).collect(),
                        acronym: mention.first == mention.last
                            && doc.tokens[mention.first].has(UPPER),
                        key: key.to_owned(),
                        display: display.to_owned(),
                        mentions: Vec::new(),
                        docs: Vec::new(),
                    });
                    form_ids.insert(key.to_owned(), id);
                    id
                };
                by_wording.insert(display, id);
                id
            };
            mention.form = id;
            let form = &mut names.forms[id as usize];
            // Prefer "Paris" to a dateline's "PARIS" for display.
            if form.display.chars().all(|c| !c.is_lowercase())
                && display.chars().any(char::is_lowercase)
            {
                display.clone_into(&mut form.display);
                form.acronym = false;
            }
            form.mentions.push((d as u32, list.len() as u32));
            if form.docs.last() != Some(&(d as u32)) {
                form.docs.push(d as u32);
            }
            list.push(mention);
        }
        names.mentions.push(list);
    }
    names.firsts = names
        .mentions
        .iter()
        .map(|list| list.iter().map(|m| m.first as u32).collect())
        .collect();
    link(docs, &mut names);
    names
}

/// Evidence summed over every mention of a form.
fn form_evidence(names: &Names, form: &Form) -> (u32, u32, u32) {
    form.mentions.iter().fold((0, 0, 0), |acc, &(d, m)| {
        let m = &names.mentions[d as usize][m as usize];
        (
            acc.0 + u32::from(m.person),
            acc.1 + u32::from(m.place),
            acc.2 + u32::from(m.org),
        )
    })
}

fn link(docs: &[Doc<'_>], names: &mut Names) {
    let n = names.forms.len();
    let mut uf = UnionFind::new(n);
    let evidence: Vec<(u32, u32, u32)> = names
        .forms
        .iter()
        .map(|form| form_evidence(names, form))
        .collect();
    let personish = |f: usize| {
        let (person, place, org) = evidence[f];
        person > 0 && person >= place && person >= org
    };

    // Surnames and shorter forms of a person's name: "Rubio" -> "Marco Rubio".
    let mut by_last: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (f, form) in names.forms.iter().enumerate() {
        if form.words.len() >= 2
            && !form.acronym
            && let Some(last) = form.words.last()
        {
            by_last.entry(last.as_str()).or_default().push(f as u32);
        }
    }
    let mut links: Vec<(u32, u32)> = Vec::new();
    for (f, form) in names.forms.iter().enumerate() {
        let Some(last) = form.words.last() else {
            continue;
        };
        let Some(longer) = by_last.get(last.as_str()) else {
            continue;
        };
        let candidates: Vec<u32> = longer
            .iter()
            .copied()
            .filter(|&g| {
                let other = &names.forms[g as usize];
                g as usize != f
                    && other.words.len() > form.words.len()
                    && is_subsequence(&form.words, &other.words)
                    && (personish(g as usize) || personish(f) || form.words.len() >= 2)
            })
            .collect();
        // Two different people share the surname: leave the short form alone.
        let distinct_first: FxHashSet<&str> = candidates
            .iter()
            .map(|&g| names.forms[g as usize].words[0].as_str())
            .collect();
        if !candidates.is_empty() && distinct_first.len() == 1 {
            for g in candidates {
                links.push((f as u32, g));
            }
        }
    }
    // Acronyms: "US" -> "United States".
    let mut by_initials: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (f, form) in names.forms.iter().enumerate() {
        if form.words.len() >= 2 && !form.acronym {
            let initials: String = form
                .words
                .iter()
                .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for"))
                .filter_map(|w| w.chars().next())
                .collect();
            by_initials.entry(initials).or_default().push(f as u32);
        }
    }
    for (f, form) in names.forms.iter().enumerate() {
        if form.acronym
            && let Some(full) = by_initials.get(&form.key)
            && full.len() == 1
        {
            links.push((f as u32, full[0]));
        }
    }
    for (a, b) in links {
        uf.union(a as usize, b as usize);
    }

    let variants = find_variants(docs, names, &evidence, &mut uf);
    for variant in &variants {
        uf.union(variant.a as usize, variant.b as usize);
    }
    names.variants = variants;

    // Entities.
    let mut entity_of_root: FxHashMap<u32, u32> = FxHashMap::default();
    names.entity_of_form = vec![0; n];
    for f in 0..n {
        let root = uf.find(f) as u32;
        let next = names.entities.len() as u32;
        let id = *entity_of_root.entry(root).or_insert(next);
        if id == next {
            names.entities.push(Entity {
                name: String::new(),
                kind: EntityKind::Unknown,
                forms: Vec::new(),
                docs: Vec::new(),
            });
        }
        names.entity_of_form[f] = id;
        names.entities[id as usize].forms.push(f as u32);
    }
    let mut entities = std::mem::take(&mut names.entities);
    for entity in &mut entities {
        let (mut person, mut place, mut org) = (0, 0, 0);
        let mut docs_of: Vec<u32> = Vec::new();
        for &f in &entity.forms {
            let (a, b, c) = evidence[f as usize];
            person += a;
            place += b;
            org += c;
            docs_of.extend_from_slice(&names.forms[f as usize].docs);
        }
        docs_of.sort_unstable();
        docs_of.dedup();
        entity.docs = docs_of;
        let longest_words = entity
            .forms
            .iter()
            .map(|&f| names.forms[f as usize].words.len())
            .max()
            .unwrap_or(0);
        entity.kind = if person > 0 && person >= place && person >= org {
            EntityKind::Person
        } else if place > 0 && place >= org {
            EntityKind::Place
        } else if org > 0 {
            EntityKind::Org
        } else if (2..=3).contains(&longest_words) {
            // Two or three capitalized words with nothing saying otherwise: most often a
            // person ("Keith Kellogg arrived").
            EntityKind::Person
        } else {
            EntityKind::Unknown
        };
        entity.name = canonical_name(names, entity);
    }
    names.kind_of_form = names
        .entity_of_form
        .iter()
        .map(|&e| entities[e as usize].kind)
        .collect();
    names.entities = entities;
}

/// The display name of an entity: its longest form, the most used spelling of it, ties broken
/// by the form found in more reports and then by text order of the sorted keys (so the result
/// does not depend on the order the reports were given in).
fn canonical_name(names: &Names, entity: &Entity) -> String {
    entity
        .forms
        .iter()
        .map(|&f| &names.forms[f as usize])
        .max_by(|a, b| {
            (
                a.words.len(),
                !a.acronym,
                a.mentions.len(),
                a.docs.len(),
                &a.key,
            )
                .cmp(&(
                    b.words.len(),
                    !b.acronym,
                    b.mentions.len(),
                    b.docs.len(),
                    &b.key,
                ))
        })
        .map(|form| form.display.clone())
        .unwrap_or_default()
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// Endings that turn a name into another word (Iran/Iranian, Russia/Russian): two forms that
/// differ only by one of these are different words, not two spellings.
const MORPH_SUFFIXES: &[&str] = &[
    "s", "es", "n", "an", "ian", "ians", "ns", "ese", "i", "is", "ish", "ic", "ite", "ites",
];

/// A consonant skeleton for transliteration variants: vowels dropped, letters that
/// transliterations swap folded together (g/h/k/q, d/t, f/v/w/ph, s/z, sh/ch/j).
pub fn skeleton(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut prev_class = 0u8;
    let mut prev_byte = 0u8;
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let class = match b {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => 0,
            b'h' => {
                // h after a consonant modifies it (kh, dh, th, sh, ph): drop it.
                if prev_byte != 0 && !b"aeiouy".contains(&prev_byte) {
                    prev_byte = b;
                    continue;
                }
                b'K'
            }
            b'g' | b'k' | b'q' => b'K',
            b'c' => {
                if next == b'h' {
                    b'J'
                } else if matches!(next, b'e' | b'i' | b'y') {
                    b'S'
                } else {
                    b'K'
                }
            }
            b'd' | b't' => b'T',
            b'f' | b'v' | b'w' => b'F',
            b'p' => {
                if next == b'h' {
                    b'F'
                } else {
                    b'P'
                }
            }
            b'b' => b'P',
            b's' | b'z' => {
                if next == b'h' {
                    b'J'
                } else {
                    b'S'
                }
            }
            b'j' => b'J',
            b'x' => b'X',
            b' ' => b' ',
            b if b.is_ascii_lowercase() => b.to_ascii_uppercase(),
            _ => 0,
        };
        prev_byte = b;
        if class == 0 {
            prev_class = 0;
            continue;
        }
        if class != prev_class || class == b' ' {
            out.push(class as char);
        }
        prev_class = class;
    }
    out
}

/// Whether two folded names read as two spellings of one name.
pub fn spelled_alike(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut differing = a.iter().zip(b).filter(|(x, y)| x != y);
    let Some((x, y)) = differing.next() else {
        return false;
    };
    if differing.next().is_some() {
        return false;
    }
    let (lx, ly) = (x.chars().count(), y.chars().count());
    let shortest = lx.min(ly);
    if shortest < 3 || (a.len() == 1 && shortest < 5) {
        return false;
    }
    let (short, long) = if lx <= ly { (x, y) } else { (y, x) };
    if let Some(ext) = long.strip_prefix(short.as_str())
        && MORPH_SUFFIXES.contains(&ext)
    {
        return false;
    }
    // Different first letters are different names (Jordan/Gordon) unless the skeleton
    // says they are the same sound (Gaddafi/Qadhafi).
    let sx = skeleton(x);
    let sy = skeleton(y);
    let same_start = x.chars().next() == y.chars().next() || sx.chars().next() == sy.chars().next();
    if !same_start {
        return false;
    }
    let allowed = if shortest >= 8 { 2 } else { 1 };
    if strsim::damerau_levenshtein(x, y) <= allowed {
        return true;
    }
    sx == sy && sx.len() >= 2 && strsim::jaro_winkler(x, y) >= 0.75
}

/// Candidate pairs share a one-deletion neighbour or a skeleton: linear in the number of forms,
/// not quadratic.
fn find_variants(
    docs: &[Doc<'_>],
    names: &Names,
    evidence: &[(u32, u32, u32)],
    uf: &mut UnionFind,
) -> Vec<Variant> {
    const MAX_BUCKET: usize = 40;
    let mut buckets: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (f, form) in names.forms.iter().enumerate() {
        if form.acronym || form.key.len() < 4 {
            continue;
        }
        let chars: Vec<(usize, char)> = form.key.char_indices().collect();
        for &(i, c) in &chars {
            let mut variant = String::with_capacity(form.key.len());
            variant.push_str(&form.key[..i]);
            variant.push_str(&form.key[i + c.len_utf8()..]);
            buckets.entry(variant).or_default().push(f as u32);
        }
        buckets.entry(form.key.clone()).or_default().push(f as u32);
        let skel: Vec<String> = form.words.iter().map(|w| skeleton(w)).collect();
        buckets
            .entry(format!("\u{1}{}", skel.join(" ")))
            .or_default()
            .push(f as u32);
    }
    let mut seen: FxHashSet<(u32, u32)> = FxHashSet::default();
    let mut out = Vec::new();
    let kind_of = |f: u32| {
        let (person, place, org) = evidence[f as usize];
        if person > place && person > org {
            EntityKind::Person
        } else if place > org {
            EntityKind::Place
        } else if org > 0 {
            EntityKind::Org
        } else {
            EntityKind::Unknown
        }
    };
    let mut keys: Vec<&String> = buckets.keys().collect();
    keys.sort_unstable();
    for key in keys {
        let members = &buckets[key];
        if members.len() < 2 || members.len() > MAX_BUCKET {
            continue;
        }
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let pair = (a.min(b), a.max(b));
                if a == b || !seen.insert(pair) {
                    continue;
                }
                let (fa, fb) = (&names.forms[a as usize], &names.forms[b as usize]);
                // A report that writes both forms means two different names.
                if fa.docs.iter().any(|d| fb.docs.binary_search(d).is_ok()) {
                    continue;
                }
                if uf.find(a as usize) == uf.find(b as usize)
                    || !spelled_alike(&fa.words, &fb.words)
                {
                    continue;
                }
                let (ka, kb) = (kind_of(a), kind_of(b));
                if ka != kb && ka != EntityKind::Unknown && kb != EntityKind::Unknown {
                    continue;
                }
                if !share_context(docs, names, fa, fb) {
                    continue;
                }
                out.push(Variant {
                    a: pair.0,
                    b: pair.1,
                });
            }
        }
    }
    out
}

/// Whether two forms are used in similar surroundings: the same word before them, or at least
/// two content words in common in their sentences.
fn share_context(docs: &[Doc<'_>], names: &Names, a: &Form, b: &Form) -> bool {
    let collect = |form: &Form| {
        let mut words: FxHashSet<u32> = FxHashSet::default();
        let mut before: FxHashSet<u32> = FxHashSet::default();
        for &(d, m) in form.mentions.iter().take(20) {
            let doc = &docs[d as usize];
            let mention = &names.mentions[d as usize][m as usize];
            for k in doc.sentence_range(mention.first) {
                if (k < mention.first || k > mention.last) && doc.word[k] != NO_WORD {
                    words.insert(doc.word[k]);
                }
            }
            let mut p = mention.first;
            while p > 0 && doc.lex[p - 1].is_some_and(|l| l.has(STOP)) {
                p -= 1;
            }
            if p > 0 && doc.word[p - 1] != NO_WORD {
                before.insert(doc.word[p - 1]);
            }
        }
        (words, before)
    };
    let (wa, ba) = collect(a);
    let (wb, bb) = collect(b);
    ba.intersection(&bb).next().is_some() || wa.intersection(&wb).take(2).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_dots_accents_and_apostrophe_styles() {
        assert_eq!(fold("O\u{2019}Brien"), "o brien");
        assert_eq!(fold("O'Brien"), "o brien");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Kryvyi-Rih"), "kryvyi rih");
        assert_eq!(fold("Zürich"), "zurich");
        assert_ne!(fold("Morsi"), fold("Mursi"));
    }
    use crate::analysis::doc::docs_of;

    fn names_of(texts: &[&str]) -> (Names, Vec<String>) {
        let docs = docs_of(texts);
        let names = NameFinder::all(&docs);
        let entities = names
            .entities
            .iter()
            .map(|e| format!("{}:{:?}", e.name, e.kind))
            .collect();
        (names, entities)
    }

    #[test]
    fn titles_and_roles_are_split_from_names() {
        let (names, entities) = names_of(&[
            "US Secretary of State Marco Rubio met foreign minister Jean-Noel Barrot in Paris.",
        ]);
        assert!(
            entities.contains(&"Marco Rubio:Person".to_owned()),
            "{entities:?}"
        );
        assert!(
            entities.contains(&"Jean-Noel Barrot:Person".to_owned()),
            "{entities:?}"
        );
        assert!(entities.contains(&"Paris:Place".to_owned()), "{entities:?}");
        let roles: Vec<_> = names.mentions[0]
            .iter()
            .filter(|m| m.role.is_some())
            .collect();
        assert_eq!(roles.len(), 2);
    }

    #[test]
    fn a_surname_links_to_the_full_name_across_reports() {
        let (names, _) = names_of(&[
            "Envoy Steve Witkoff arrived on Monday.",
            "Officials said Witkoff left.",
        ]);
        let full = names
            .forms
            .iter()
            .position(|f| f.key == "steve witkoff")
            .unwrap();
        let short = names.forms.iter().position(|f| f.key == "witkoff").unwrap();
        assert_eq!(names.entity_of_form[full], names.entity_of_form[short]);
    }

    /// The folded form of each mention of each report.
    fn mention_keys(names: &Names) -> Vec<Vec<String>> {
        names
            .mentions
            .iter()
            .map(|list| {
                list.iter()
                    .map(|m| names.forms[m.form as usize].key.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_report_is_read_again_when_a_later_one_shows_its_first_word_is_a_name() {
        let opening = "Okafor arrived late. Rescuers worked through the night.";
        let found = |names: &Names, d: usize| mention_keys(names)[d].clone();
        // Alone, a capitalized word opening a sentence is not taken for a name…
        let (alone, _) = names_of(&[opening]);
        assert!(found(&alone, 0).is_empty());
        // …but it is once another report, read after it, names it inside a sentence; a word
        // no report capitalizes inside a sentence ("Rescuers") still is not.
        let (names, _) = names_of(&[opening, "The talks with Okafor ended."]);
        assert_eq!(found(&names, 0), ["okafor"]);
        assert_eq!(found(&names, 1), ["okafor"]);
    }

    #[test]
    fn reports_not_added_to_the_finder_are_read_when_it_finishes() {
        let texts = [
            "Envoy Steve Witkoff arrived on Monday.",
            "Officials said Witkoff left.",
        ];
        let docs = docs_of(&texts);
        let mut finder = NameFinder::default();
        finder.add(&docs[0]);
        let names = finder.finish(&docs);
        assert_eq!(
            mention_keys(&names),
            [vec!["steve witkoff"], vec!["witkoff"]]
        );
        assert_eq!(mention_keys(&names), mention_keys(&names_of(&texts).0));
    }

    #[test]
    fn two_people_with_one_surname_are_not_merged() {
        let (names, _) =
            names_of(&["Senator John Kennedy and President Robert Kennedy spoke. Kennedy left."]);
        let john = names
            .forms
            .iter()
            .position(|f| f.key == "john kennedy")
            .unwrap();
        let robert = names
            .forms
            .iter()
            .position(|f| f.key == "robert kennedy")
            .unwrap();
        assert_ne!(names.entity_of_form[john], names.entity_of_form[robert]);
    }

    #[test]
    fn transliterations_in_the_same_context_are_variants() {
        let (names, _) = names_of(&[
            "A missile struck the city of Kryvyi Rig, killing people.",
            "People were killed when a missile hit the city of Kryvyi Rih.",
        ]);
        assert_eq!(names.variants.len(), 1, "{:?}", names.forms);
    }

    #[test]
    fn different_names_and_derived_words_are_not_variants() {
        let (names, _) = names_of(&[
            "Officials in Russia said the talks in Austria went well.",
            "Russian officials said the talks in Australia went well, said Jordan.",
            "Gordon said the talks went well.",
        ]);
        assert!(names.variants.is_empty(), "{:?}", names.variants);
    }

    #[test]
    fn a_report_using_both_forms_means_two_names() {
        let (names, _) = names_of(&[
            "Andriy Sybiga met Andriy Sybiha in the city of Lviv.",
            "Andriy Sybiga met officials in the city of Lviv.",
        ]);
        assert!(names.variants.is_empty(), "{:?}", names.variants);
    }

    #[test]
    fn skeletons_fold_transliteration_swaps() {
        assert_eq!(skeleton("gaddafi"), skeleton("qadhafi"));
        assert_eq!(skeleton("morsi"), skeleton("mursi"));
        assert_ne!(skeleton("jordan"), skeleton("gordon"));
        assert!(spelled_alike(&["gaddafi".into()], &["qadhafi".into()]));
        assert!(!spelled_alike(&["russia".into()], &["russian".into()]));
    }

    #[test]
    fn adjectives_of_nationality_are_not_names() {
        let (_, entities) = names_of(&["A Russian drone hit the Ukrainian city of Dnipro."]);
        assert_eq!(entities, ["Dnipro:Place"]);
    }
}
