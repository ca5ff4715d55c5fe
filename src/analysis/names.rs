//! Names: the capitalised words that name a person, a place or an organisation, the title
//! or role said with them ("Gov. Ann Reyes", "NATO chief Mark Rutte"), what kind of name
//! each is, and the names that are one name spelled two ways across reports.
//!
//! A capitalised word opening a sentence or a headline is a name only when the reports
//! write it capitalised where a sentence does not require it; titles, function words,
//! months and weekdays are never names.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::text::{CAP, Doc, SPACE_BEFORE, UPPER};
use super::words::{lexicon, month, weekday};

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameKind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation.
    Org,
    /// Not known.
    Other,
}

/// One name in a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Its tokens (without a title before it).
    pub tokens: Range<usize>,
    /// The words of the name, folded (lower case, no accents, no apostrophes).
    pub words: Vec<String>,
    /// What it names, as far as can be told.
    pub kind: NameKind,
    /// A title or role said with it ("governor", "envoy"), lower case.
    pub title: Option<String>,
    /// Index of the sentence.
    pub sentence: usize,
    /// The words joined by spaces ("kryvyi rih"): how names are compared and keyed.
    folded: String,
}

impl Mention {
    /// The name as one folded string ("kryvyi rih").
    pub fn folded(&self) -> &str {
        &self.folded
    }
}

/// A word folded for comparing names: lower case, accents and apostrophes dropped.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        let bytes: Vec<u8> = word
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        return String::from_utf8(bytes).unwrap_or_default();
    }
    deunicode::deunicode(word)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Lower-case particles inside names ("Tunnel de Lakeside", "Omar al-Farsi").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "al", "el",
    "bin", "ibn", "ben", "of", "y", "dos", "das",
];

/// Words that make a name an organisation's.
const ORG_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "agency",
    "ministry",
    "department",
    "council",
    "association",
    "corporation",
    "company",
    "corp",
    "inc",
    "ltd",
    "university",
    "college",
    "school",
    "hospital",
    "police",
    "army",
    "navy",
    "guard",
    "force",
    "forces",
    "service",
    "office",
    "commission",
    "committee",
    "board",
    "bureau",
    "center",
    "centre",
    "institute",
    "foundation",
    "group",
    "news",
    "times",
    "post",
    "journal",
    "party",
    "union",
    "federation",
    "society",
    "administration",
    "authority",
    "court",
    "parliament",
    "congress",
    "senate",
    "government",
    "airlines",
    "airline",
    "bank",
    "church",
    "club",
    "team",
    "network",
    "press",
    "daily",
    "tribune",
    "herald",
    "academy",
    "cross",
    "crescent",
    "nations",
    "ngo",
    "fund",
    "program",
    "programme",
    "station",
    "television",
    "radio",
    "tv",
    "house",
];

/// Words that make a name a place's.
const PLACE_WORDS: &[&str] = &[
    "city",
    "county",
    "province",
    "state",
    "island",
    "islands",
    "street",
    "st",
    "square",
    "mountain",
    "mount",
    "mt",
    "river",
    "airport",
    "tunnel",
    "lake",
    "valley",
    "bay",
    "road",
    "avenue",
    "district",
    "region",
    "village",
    "town",
    "peninsula",
    "sea",
    "ocean",
    "coast",
    "strait",
    "gulf",
    "mall",
    "bridge",
    "camp",
    "desert",
    "canyon",
    "icefall",
    "glacier",
];

/// Words before a name that make it a place ("in Paris", "the city of Sumy").
const PLACE_BEFORE: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "across", "outside", "toward", "towards",
];

/// Whether the word before a name makes it a place: "in Paris", but not "according to
/// Varga".
fn place_before(doc: &Doc<'_>, start: usize) -> bool {
    let Some(k) = start.checked_sub(1) else {
        return false;
    };
    doc.is_any(k, PLACE_BEFORE) && !(doc.is(k, "to") && doc.is(k.wrapping_sub(1), "according"))
}

/// Whether token `i` can be part of a name by its shape.
fn capitalised(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_word(i) && doc.has(i, CAP) && !doc.has(i, super::text::POSSESSIVE)
}

/// Whether the capitalised word `w` (lower case) is never a name.
fn never_a_name(doc: &Doc<'_>, i: usize) -> bool {
    let lex = lexicon();
    let w = doc.low(i);
    // "Jan Novak", "Theresa May" (also a modal verb): a month's name used as a name.
    if month(w).is_some() && month_as_name(doc, i) {
        return false;
    }
    doc.is_function(i)
        || super::words::number_word(w).is_some()
        || matches!(
            w,
            "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "dozen"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
        || month(w).is_some()
        || weekday(w).is_some()
        || matches!(w, "mr" | "mrs" | "ms" | "dr")
        || (lex.titles.at(doc, i).is_some()
            && !doc.is_cap(i + 1)
            && lex.titles.at(doc, i).is_some_and(|(n, ())| n == 1))
}

/// Whether a month's name is a person's name here: before a capitalised word ("Jan Novak",
/// "April Ryan") or after a first name ("Theresa May"), and not before a number ("May 5").
fn month_as_name(doc: &Doc<'_>, i: usize) -> bool {
    let calendar = |k: usize| {
        let w = doc.low(k);
        month(w).is_some() || weekday(w).is_some()
    };
    let before_name = doc.is_word(i + 1)
        && doc.is_cap(i + 1)
        && !calendar(i + 1)
        && !doc.is_function(i + 1)
        && doc.sentence_of.get(i + 1) == doc.sentence_of.get(i);
    let after_first_name = i > 0
        && doc.is_word(i - 1)
        && doc.is_cap(i - 1)
        && !doc.starts_sentence(i - 1)
        && !calendar(i - 1)
        && !doc.is_function(i - 1)
        && doc.kind(i + 1) != Some(super::text::TokKind::Num);
    before_name || after_first_name
}

/// Words written capitalised where a sentence does not require it, in any report: what
/// decides whether a sentence's first word, or a headline's words, are names.
pub fn capitalised_inside(docs: &[Doc<'_>]) -> HashSet<String> {
    let mut set = HashSet::default();
    for doc in docs {
        for s in &doc.sentences {
            if s.title_case {
                continue;
            }
            for i in s.tokens.clone() {
                if capitalised(doc, i)
                    && !doc.starts_sentence(i)
                    && !doc.has(i, UPPER)
                    && !doc.is_punct(i.wrapping_sub(1), '"')
                    && !doc.is_punct(i.wrapping_sub(1), '“')
                    && !doc.is_punct(i.wrapping_sub(1), ':')
                {
                    set.insert(fold(doc.tok(i)));
                }
            }
        }
    }
    set
}

/// Finds the names of a report. `known` holds words seen capitalised inside sentences.
pub fn mentions(doc: &Doc<'_>, known: &HashSet<String>) -> Vec<Mention> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        if !(capitalised(doc, i) || doc.has(i, UPPER) && doc.is_word(i)) {
            i += 1;
            continue;
        }
        let sentence = doc.sentence_of[i] as usize;
        let title_line = doc.sentences[sentence].title_case;
        let trusted = |k: usize| {
            let free = !doc.starts_sentence(k) && !title_line && !doc.has(k, UPPER);
            (free || known.contains(&fold(doc.tok(k)))) && !never_a_name(doc, k)
        };
        // A title before the name: "Gov. Ann Reyes", "President Joe Biden".
        let mut title = None;
        if let Some((len, ())) = lex.titles.at(doc, i)
            && ((i + len)..=(i + len)).all(|k| capitalised(doc, k) || doc.is_punct(k, '.'))
        {
            let mut k = i + len;
            if doc.is_punct(k, '.') {
                k += 1;
            }
            if capitalised(doc, k) {
                title = Some(doc.span_text(i, i + len - 1).to_ascii_lowercase());
                i = k;
            }
        }
        if !trusted(i) {
            i += 1;
            continue;
        }
        // The name's extent: capitalised words, initials ("George W. Bush", "K.L. Ford"),
        // hyphens and particles inside ("Lund-Haas", "Omar al-Farsi").
        let start = i;
        let mut end = i;
        let mut k = i + 1;
        loop {
            // A title starts the next name: "Ohio Gov. Ann Reyes".
            if lex
                .titles
                .at(doc, k)
                .is_some_and(|(len, ())| capitalised(doc, k + len) || doc.is_punct(k + len, '.'))
            {
                break;
            }
            if capitalised(doc, k)
                && !never_a_name(doc, k)
                && doc.sentence_of.get(k) == Some(&(sentence as u32))
                && (!title_line || known.contains(&fold(doc.tok(k))))
            {
                end = k;
                k += 1;
            } else if doc.is_punct(k, '.')
                && doc.tok(end).chars().count() == 1
                && capitalised(doc, k + 1)
            {
                k += 1;
            } else if doc.is_punct(k, '-')
                && !doc.has(k, SPACE_BEFORE)
                && doc.is_word(k + 1)
                && doc.is_cap(k + 1)
                && !doc.has(k + 1, SPACE_BEFORE)
            {
                // "Lund-Haas", "Saint-Ouen"; not "Lyon-based".
                end = k + 1;
                k += 2;
            } else if doc.is_any(k, PARTICLES) && capitalised(doc, k + 1) && !doc.is(k, "of") {
                k += 1;
            } else {
                break;
            }
        }
        let words: Vec<String> = (start..=end)
            .filter(|&t| doc.is_word(t))
            .map(|t| fold(doc.tok(t)))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            i = end + 1;
            continue;
        }
        // A title written before in lower case: "envoy Steve Witkoff", "refinery manager Don
        // Marsh".
        if title.is_none()
            && let Some((from, ())) = start
                .checked_sub(1)
                .and_then(|b| lex.titles.ending_at(doc, b))
        {
            title = Some(doc.span_text(from, start - 1).to_ascii_lowercase());
        }
        // "a German national, Karl Brandt": a noun for a person before the name.
        if title.is_none()
            && doc.is_punct(start.wrapping_sub(1), ',')
            && lex.people.at(doc, start.wrapping_sub(2)).is_some()
        {
            title = Some(doc.low(start - 2).to_owned());
        }
        let kind = classify(doc, start, end, &words, title.is_some());
        out.push(Mention {
            tokens: start..end + 1,
            folded: words.join(" "),
            words,
            kind,
            title,
            sentence,
        });
        i = end + 1;
    }
    // "Rubio" after "Marco Rubio": a person's surname alone is that person.
    let surnames: HashSet<String> = out
        .iter()
        .filter(|m| m.kind == NameKind::Person && m.words.len() >= 2)
        .filter_map(|m| m.words.last().cloned())
        .collect();
    for m in &mut out {
        if m.words.len() == 1 && m.kind != NameKind::Place && surnames.contains(&m.words[0]) {
            m.kind = NameKind::Person;
        }
    }
    out
}

fn classify(doc: &Doc<'_>, start: usize, end: usize, words: &[String], titled: bool) -> NameKind {
    let lex = lexicon();
    if titled {
        return NameKind::Person;
    }
    if words.iter().any(|w| super::text::listed(ORG_WORDS, w))
        || (doc.has(start, UPPER) && start == end && doc.tok(start).len() <= 5)
    {
        return NameKind::Org;
    }
    // The whole name is a country or a nationality.
    let whole =
        |found: Option<(usize, &&str)>| found.is_some_and(|(len, _)| start + len == end + 1);
    if words.iter().any(|w| super::text::listed(PLACE_WORDS, w))
        || whole(lex.countries.at(doc, start))
        || whole(lex.demonyms.at(doc, start))
    {
        return NameKind::Place;
    }
    let before = start.checked_sub(1).map_or("", |k| doc.low(k));
    // "a Lyon-based company", "a Lyon-born chef": a place.
    if doc.is_punct(end + 1, '-') && doc.is_any(end + 2, &["based", "born", "headquartered"]) {
        return NameKind::Place;
    }
    // "a Corner Mart", "an Airbus": nobody is "a" person's name.
    if matches!(before, "a" | "an") {
        return NameKind::Other;
    }
    if place_before(doc, start)
        || (before == "of"
            && doc.is_any(
                start.wrapping_sub(2),
                &[
                    "city", "town", "province", "state", "cities", "towns", "region", "village",
                    "hometown", "capital", "port", "island", "district", "county",
                ],
            ))
    {
        return NameKind::Place;
    }
    let after = doc.low(end + 1);
    if matches!(
        after,
        "said" | "says" | "told" | "added" | "explained" | "wrote"
    ) || doc.is_punct(end + 1, ',')
        && doc.is_any(end + 2, &["a", "an", "the", "who"])
        && words.len() >= 2
    {
        return NameKind::Person;
    }
    if words.len() >= 2 && words.len() <= 4 {
        return NameKind::Person;
    }
    NameKind::Other
}

/// The places named in each sentence of a report, as canonical forms: a name spelled two
/// ways across reports is one place (`canonical` maps folded forms to one of them).
pub fn places_by_sentence(
    doc: &Doc<'_>,
    mentions: &[Mention],
    canonical: &BTreeMap<String, String>,
    places: &BTreeSet<String>,
) -> Vec<BTreeSet<String>> {
    let mut out = vec![BTreeSet::new(); doc.sentences.len()];
    for m in mentions {
        if is_dateline(doc, m) {
            continue;
        }
        // "told a briefing in Lima that three people had died": where it was said, not
        // where it happened.
        let said_before = (doc.sentence_range(m.tokens.start).start..m.tokens.start)
            .any(|k| doc.is_any(k, &["briefing", "conference", "told", "said"]))
            && (m.tokens.end..doc.sentence_range(m.tokens.start).end).any(|k| doc.is(k, "that"));
        if said_before {
            continue;
        }
        let f = m.folded();
        let c = canonical.get(f).map_or(f, String::as_str);
        if places.contains(c) {
            out[m.sentence].insert(c.to_owned());
        }
    }
    out
}

/// Whether a name opens the report as its dateline ("LIMA, Peru –", "NEWTOWN —",
/// "Arles (France):"): where it was written, not a place of the story.
pub fn is_dateline(doc: &Doc<'_>, m: &Mention) -> bool {
    let start = doc.sentence_range(m.tokens.start).start;
    if m.tokens.start != start {
        return false;
    }
    let mut k = m.tokens.end;
    // ", Peru" or "(France)" may follow.
    if doc.is_punct(k, ',') || doc.is_punct(k, '(') {
        k += 1;
        while k < doc.len() && doc.is_word(k) && k < m.tokens.end + 4 {
            k += 1;
        }
        if doc.is_punct(k, '.') {
            k += 1;
        }
        if doc.is_punct(k, ')') {
            k += 1;
        }
    }
    doc.is_punct(k, '—') || doc.is_punct(k, '–') || doc.is_punct(k, '-') || doc.is_punct(k, ':')
}

/// Whether a name is a country or a nationality: too wide to tell two incidents apart.
fn is_country_wide(doc_text: &str) -> bool {
    let lex = lexicon();
    lex.countries.get(doc_text).is_some() || lex.demonyms.get(doc_text).is_some()
}

/// The names that name places in any report (a name said to be a place once is one
/// everywhere), as canonical forms. A name joined by "and" to a place is a place too ("the
/// cities of Sumy and Kryvyi Rig").
pub fn place_names(
    docs: &[Doc<'_>],
    mentions: &[Vec<Mention>],
    canonical: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    let form = |m: &Mention| {
        let f = m.folded();
        canonical.get(f).map_or(f, String::as_str).to_owned()
    };
    // Words of people's names (a name with a title, or of two words or more) are never
    // places: "according to Varga" is the health secretary.
    let person_words: BTreeSet<String> = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == NameKind::Person && (m.title.is_some() || m.words.len() >= 2))
        .flat_map(|m| m.words.iter().cloned())
        .collect();
    let mut places = BTreeSet::new();
    for (doc, list) in docs.iter().zip(mentions) {
        for (i, m) in list.iter().enumerate() {
            // Countries and nationalities hold every incident of a story: not a place that
            // tells two apart.
            if is_country_wide(m.folded()) {
                continue;
            }
            if m.kind == NameKind::Place {
                places.insert(form(m));
                // "Sumy and Kryvyi Rig": the next name, joined by "and" or a comma.
                if let Some(next) = list.get(i + 1)
                    && next.tokens.start == m.tokens.end + 1
                    && (doc.is(m.tokens.end, "and") || doc.is_punct(m.tokens.end, ','))
                    && next.kind != NameKind::Person
                    && !is_country_wide(next.folded())
                {
                    places.insert(form(next));
                }
            }
        }
    }
    places.retain(|p| !person_words.contains(p));
    places
}

/// One form for each name spelled two ways: every folded form maps to the first form of
/// its group (union of the variant pairs).
pub fn canonical_forms(variants: &[Variant]) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for v in variants {
        let (a, b) = (&v.forms.0, &v.forms.1);
        let ra = map.get(a).cloned().unwrap_or_else(|| a.clone());
        let rb = map.get(b).cloned().unwrap_or_else(|| b.clone());
        let root = ra.clone().min(rb.clone());
        for value in map.values_mut() {
            if *value == ra || *value == rb {
                value.clone_from(&root);
            }
        }
        map.insert(a.clone(), root.clone());
        map.insert(b.clone(), root);
    }
    map
}

/// Two words that differ as one name spelled two ways: a letter doubled or dropped, one
/// letter changed or two swapped, `ie`/`y` ("Freddie", "Freddy"); never case, accents or a
/// British/American spelling of a common word (-isation, -our, -re).
pub fn spelling_variants(a: &str, b: &str, shortest: usize) -> bool {
    if a == b || a.len() < 3 || b.len() < 3 {
        return false;
    }
    if a.chars().next() != b.chars().next() || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    // One letter doubled, dropped, changed or two swapped, after "ie" is written "y" (up
    // to two edits more): anything further apart is another name.
    if strsim::osa_distance(a, b) > 3 {
        return false;
    }
    let conventions = [
        ("isation", "ization"),
        ("ise", "ize"),
        ("our", "or"),
        ("tre", "ter"),
        ("yse", "yze"),
    ];
    for (x, y) in conventions {
        let swap = |s: &str| s.replace(x, y);
        if swap(a) == swap(b) {
            return false;
        }
    }
    let norm = |s: &str| {
        s.strip_suffix("ie")
            .map_or_else(|| s.to_owned(), |r| format!("{r}y"))
    };
    let (na, nb) = (norm(a), norm(b));
    if na == nb {
        return true;
    }
    // A plural is the same word, not another spelling ("porter", "porters").
    if na.strip_suffix('s') == Some(&nb) || nb.strip_suffix('s') == Some(&na) {
        return false;
    }
    let d = strsim::damerau_levenshtein(&na, &nb);
    let shorter = na.len().min(nb.len());
    d == 1 && shorter >= shortest
}

/// A name spelled two ways across reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// The two forms, as folded words joined by spaces.
    pub forms: (String, String),
    /// Per report, the mentions (report, mention index) with each form.
    pub mentions: Vec<(usize, usize)>,
}

/// Whether a word is a name of a country or a nationality (never a variant of another).
fn is_nationality_or_country(w: &str) -> bool {
    let lex = lexicon();
    lex.demonyms.get(w).is_some() || lex.countries.get(w).is_some()
}

/// The names spelled two ways across reports. Two names are one spelled two ways when they
/// share every word but one, that one is a spelling variant ("Sergei Petrov" / "Sergey
/// Petrov"), or they are the same letters spaced otherwise ("De Silva" / "`DeSilva`"); a
/// one-word name when it is long enough and no report has both forms as different people.
pub fn variants(mentions: &[Vec<Mention>]) -> Vec<Variant> {
    // Every distinct form, with where it occurs.
    let mut forms: BTreeMap<Vec<String>, Vec<(usize, usize)>> = BTreeMap::new();
    for (r, list) in mentions.iter().enumerate() {
        for (m, mention) in list.iter().enumerate() {
            if mention.words.iter().all(|w| w.len() <= 1) {
                continue;
            }
            forms.entry(mention.words.clone()).or_default().push((r, m));
        }
    }
    let keys: Vec<&Vec<String>> = forms.keys().collect();
    // One variant per pair of differing words: "Lopez"/"Lopes" and "Maria Lopez"/"Maria
    // Lopes" are one finding with every mention.
    let mut by_words: BTreeMap<(String, String), usize> = BTreeMap::new();
    let reports_of =
        |k: &Vec<String>| -> BTreeSet<usize> { forms[k].iter().map(|(r, _)| *r).collect() };
    let mut out: Vec<Variant> = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::default();
    for (x, y) in candidate_pairs(&keys) {
        let (a, b) = (&keys[x], &keys[y]);
        {
            let Some(differing) = one_word_apart(a, b) else {
                continue;
            };
            let (ra, rb) = (reports_of(a), reports_of(b));
            // The two forms must come from different reports: some report uses one and
            // another report the other.
            if ra.union(&rb).count() < 2 || (ra == rb && ra.len() == 1) {
                continue;
            }
            if differing.iter().any(|w| is_nationality_or_country(w)) {
                continue;
            }
            let fa = a.join(" ");
            let fb = b.join(" ");
            if !seen.insert((fa.clone(), fb.clone())) {
                continue;
            }
            let mut all = forms[*a].clone();
            all.extend(forms[*b].iter().copied());
            let pair = match &differing[..] {
                [x, y] => (x.clone().min(y.clone()), x.clone().max(y.clone())),
                _ => (fa.clone(), fb.clone()),
            };
            if let Some(&v) = by_words.get(&pair) {
                let existing: &mut Variant = &mut out[v];
                for m in all {
                    if !existing.mentions.contains(&m) {
                        existing.mentions.push(m);
                    }
                }
                // The longer forms name the variant.
                if fa.len() + fb.len() > existing.forms.0.len() + existing.forms.1.len() {
                    existing.forms = (fa, fb);
                }
                continue;
            }
            by_words.insert(pair, out.len());
            out.push(Variant {
                forms: (fa, fb),
                mentions: all,
            });
        }
    }
    out
}

/// The pairs of forms (indices into the sorted `keys`, in order) that may be one name spelled
/// two ways, found by blocking rather than by trying every pair: forms with the same words
/// but one (a block per left-out word), one-word forms with the same first letter and
/// nearly the same length (a spelling variant keeps its first letter), and forms with the
/// same letters spaced otherwise.
fn candidate_pairs(keys: &[&Vec<String>]) -> BTreeSet<(usize, usize)> {
    let mut blocks: HashMap<(usize, Vec<&str>), Vec<usize>> = HashMap::default();
    let mut single: HashMap<char, Vec<usize>> = HashMap::default();
    let mut spaced: HashMap<String, Vec<usize>> = HashMap::default();
    for (k, words) in keys.iter().enumerate() {
        if words.len() == 1 {
            if let Some(c) = words[0].chars().next() {
                single.entry(c).or_default().push(k);
            }
        } else {
            for i in 0..words.len() {
                let rest: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, w)| w.as_str())
                    .collect();
                blocks.entry((i, rest)).or_default().push(k);
            }
        }
        spaced.entry(words.concat()).or_default().push(k);
    }
    let mut pairs = BTreeSet::new();
    for list in blocks.values().chain(spaced.values()) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    for list in single.values() {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if keys[a][0].len().abs_diff(keys[b][0].len()) <= 2 {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs
}

/// Whether two names are one spelled two ways; returns the words that differ.
fn one_word_apart(a: &[String], b: &[String]) -> Option<Vec<String>> {
    // The same letters spaced otherwise: "de sousa" / "desousa".
    if a.len() != b.len() {
        let ja: String = a.concat();
        if ja.len() >= 5 && ja == b.concat() {
            return Some(vec![ja]);
        }
        return None;
    }
    let differing: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let [i] = differing[..] else {
        return None;
    };
    if PARTICLES.contains(&a[i].as_str()) || PARTICLES.contains(&b[i].as_str()) {
        return None;
    }
    // A one-word name must be long and distinctive; in a longer name the shared words say
    // it is the same person or place.
    if a.len() == 1 && a[0].len().min(b[0].len()) < 5 {
        return None;
    }
    // Beside a shared word of some length, a short word may differ by a letter ("Kryvyi
    // Rig" / "Kryvyi Rih"); alone, a word must be longer.
    let shared_long = (0..a.len()).any(|k| k != i && a[k].len() >= 5);
    let shortest = if shared_long { 3 } else { 4 };
    spelling_variants(&a[i], &b[i], shortest).then(|| vec![a[i].clone(), b[i].clone()])
}

/// The spelling findings: one per name spelled two ways, with the first mention of each
/// form in each report.
pub fn spelling_findings(
    docs: &[Doc<'_>],
    mentions: &[Vec<Mention>],
    variants: &[Variant],
) -> Vec<super::model::Finding> {
    use super::model::{ClaimRef, Finding, Kind, Status};
    let mut out = Vec::new();
    for v in variants {
        let mut claims: Vec<ClaimRef> = Vec::new();
        let mut firsts: BTreeMap<(usize, String), (usize, usize)> = BTreeMap::new();
        for &(r, m) in &v.mentions {
            let mention = &mentions[r][m];
            let key = (r, mention.folded().to_owned());
            let entry = firsts.entry(key).or_insert((r, m));
            if mention.tokens.start < mentions[r][entry.1].tokens.start {
                *entry = (r, m);
            }
        }
        let mut written: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for (&(r, ref form), &(_, m)) in &firsts {
            let mention = &mentions[r][m];
            let doc = &docs[r];
            let span = doc.span(mention.tokens.start, mention.tokens.end - 1);
            let text = doc.text[span.clone()].to_owned();
            claims.push(ClaimRef {
                article: r,
                start: span.start,
                end: span.end,
                value: form.clone(),
                display: text.clone(),
            });
            let entry = written.entry(form.clone()).or_insert((text, Vec::new()));
            entry.1.push(r + 1);
        }
        claims.sort_by_key(|c| (c.article, c.start));
        let parts: Vec<String> = written
            .values()
            .map(|(text, reports)| format!("“{text}” in {}", super::model::reports_label(reports)))
            .collect();
        // The subject: the two forms of the longest name ("Maria Lopes / Maria Lopez").
        let longest: Vec<&str> = {
            let mut texts: Vec<&str> = written.values().map(|(t, _)| t.as_str()).collect();
            texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let mut pick: Vec<&str> = Vec::new();
            for t in texts {
                if pick.len() < 2 && !pick.iter().any(|p| fold(p) == fold(t)) {
                    pick.push(t);
                }
            }
            pick.sort_unstable();
            pick
        };
        let subject = longest;
        let explanation = format!(
            "One name spelled two ways (the words around it are the same, the letters differ by a doubled, dropped, changed or swapped letter): {}.",
            parts.join("; ")
        );
        let id = super::numbers::finding_id(Kind::Spelling, &claims);
        out.push(Finding {
            id,
            kind: Kind::Spelling,
            status: Status::Conflict,
            precision: Vec::new(),
            subject: subject.join(" / "),
            explanation,
            claims,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_and_what_is_not_one() {
        for (a, b) in [
            ("alexei", "alexey"),
            ("freddy", "freddie"),
            ("mohammad", "mohammed"),
            ("alyssa", "allyssa"),
            ("altobelli", "altobell"),
        ] {
            assert!(spelling_variants(a, b, 4), "{a} / {b}");
        }
        for (a, b) in [
            ("organization", "organisation"),
            ("balido", "gozon"),
            ("ryan", "adam"),
            ("saint", "st"),
            ("centre", "center"),
        ] {
            assert!(!spelling_variants(a, b, 4), "{a} / {b}");
        }
    }

    #[test]
    fn names_and_their_titles() {
        let text =
            "Maryland Gov. Larry Hogan met envoy Steve Witkoff in Kryvyi Rih. The talks ended.";
        let doc = Doc::new(text, 0..text.len());
        let known = capitalised_inside(std::slice::from_ref(&doc));
        let m = mentions(&doc, &known);
        let names: Vec<(String, NameKind, Option<String>)> = m
            .iter()
            .map(|m| (m.folded().to_owned(), m.kind, m.title.clone()))
            .collect();
        assert!(
            names.contains(&("larry hogan".into(), NameKind::Person, Some("gov.".into()))),
            "{names:?}"
        );
        assert!(
            names.contains(&(
                "steve witkoff".into(),
                NameKind::Person,
                Some("envoy".into())
            )),
            "{names:?}"
        );
        assert!(
            names.contains(&("kryvyi rih".into(), NameKind::Place, None)),
            "{names:?}"
        );
        assert!(!names.iter().any(|n| n.0 == "the"), "{names:?}");
    }

    #[test]
    fn a_month_can_be_a_name() {
        let text = "Police chief Jan Novak and Prime Minister Theresa May met on May 5. \
                    They meet again in June.";
        let doc = Doc::new(text, 0..text.len());
        let known = capitalised_inside(std::slice::from_ref(&doc));
        let names: Vec<String> = mentions(&doc, &known)
            .iter()
            .map(|m| m.folded().to_owned())
            .collect();
        assert!(names.contains(&"jan novak".to_owned()), "{names:?}");
        assert!(names.contains(&"theresa may".to_owned()), "{names:?}");
        assert!(
            !names.iter().any(|n| n == "june" || n.ends_with(" june")),
            "{names:?}"
        );
    }

    #[test]
    fn a_name_after_an_article_is_not_a_person() {
        let text = "Looters emptied a Corner Mart on Main Street, and Tom Reyes watched. A \
                    San Marco-based firm is helping.";
        let doc = Doc::new(text, 0..text.len());
        let known = capitalised_inside(std::slice::from_ref(&doc));
        let m = mentions(&doc, &known);
        let kind = |name: &str| m.iter().find(|m| m.folded() == name).map(|m| m.kind);
        assert_ne!(kind("corner mart"), Some(NameKind::Person), "{m:?}");
        assert_eq!(kind("tom reyes"), Some(NameKind::Person), "{m:?}");
        assert_eq!(kind("san marco"), Some(NameKind::Place), "{m:?}");
    }

    #[test]
    fn spacing_and_particles() {
        let w = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert!(one_word_apart(&w("darryl de sousa"), &w("darryl desousa")).is_some());
        assert!(one_word_apart(&w("bashar al assad"), &w("bashar assad")).is_none());
        assert!(one_word_apart(&w("rey balido"), &w("rey gozon")).is_none());
        assert!(one_word_apart(&w("kryvyi rig"), &w("kryvyi rih")).is_some());
    }
}
