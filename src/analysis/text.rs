//! A report as the engine reads it: tokens with byte offsets into the original text, and
//! sentences. Everything later points into the text by these offsets, so nothing is
//! normalised here except a lower-cased copy of the text (ASCII letters only, so that every
//! byte offset is the same in both).

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes or dots: `d'Arbois`, `U.S.`, `a.m.`).
    Word,
    /// Digits, with inner commas, points or a colon (`1,995`, `5.8`, `9:45`), possibly with
    /// letters glued after (`19th`, `2km`).
    Num,
    /// Anything else, one character.
    Punct,
}

/// The first letter is upper case.
pub const CAP: u8 = 1;
/// Every letter is upper case and there are at least two (`KOBE`, `MSF`).
pub const UPPER: u8 = 1 << 1;
/// White space comes before it (else it is glued to the token before: `24-person`).
pub const SPACE_BEFORE: u8 = 1 << 2;
/// A line break comes before it.
pub const LINE_BEFORE: u8 = 1 << 3;
/// A possessive ending (`'s`, `’s`, or a lone apostrophe after a plural).
pub const POSSESSIVE: u8 = 1 << 4;
/// The word has dots inside (`U.S.`, `a.m.`, `J.E.`).
pub const DOTTED: u8 = 1 << 5;

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What it is.
    pub kind: TokKind,
    /// `CAP`, `UPPER`, `SPACE_BEFORE`, `LINE_BEFORE`, `POSSESSIVE`, `DOTTED`.
    pub flags: u8,
}

impl Tok {
    /// Its byte range.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether a flag is set.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// One sentence (or headline, or list line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// A line of its own without closing punctuation, most of whose words are capitalised
    /// (a headline or subheading): capitals there say nothing about names.
    pub title_case: bool,
    /// The first line of a report whose text has no header line: its headline, if short.
    pub first_line: bool,
}

/// A tokenised report.
#[derive(Clone, Debug)]
pub struct Doc<'a> {
    /// The report's full text.
    pub text: &'a str,
    /// The text with ASCII letters lower-cased (same byte offsets).
    pub lower: String,
    /// Tokens of the body.
    pub tokens: Vec<Tok>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// For each token, its sentence.
    pub sentence_of: Vec<u32>,
    /// For each token, the lexicon tables with an entry starting with it.
    starts: Vec<u16>,
}

/// Whether `word` is one of `words` (empty is none of them).
pub fn listed(words: &[&str], word: &str) -> bool {
    let w = word.as_bytes();
    // Length and first letter first: most words of a list differ in one of them.
    let Some(&first) = w.first() else {
        return false;
    };
    words
        .iter()
        .any(|x| x.len() == w.len() && x.as_bytes()[0] == first && x.as_bytes() == w)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\u{00AD}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "col", "lt", "capt", "sgt", "cpl", "maj",
    "adm", "cmdr", "st", "mt", "ft", "jr", "sr", "prof", "no", "nos", "co", "corp", "inc", "ltd",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "approx", "md",
    "fla", "conn", "calif", "ariz", "ky", "la", "mass", "mich", "minn", "mo", "nev", "okla", "pa",
    "tenn", "va", "wash", "wis", "ala", "ark", "colo", "del", "ga", "ill", "ind", "kan", "neb",
    "ore", "tex", "vt", "wyo", "rev", "msgr", "fr", "hon", "pres", "supt", "dept", "univ", "est",
    "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "d.c",
];

impl<'a> Doc<'a> {
    /// Reads the `body` range of `text`.
    pub fn new(text: &'a str, body: Range<usize>) -> Self {
        let body = body.start.min(text.len())..body.end.min(text.len());
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(text, body.clone());
        let mut sentences = split_sentences(text, &lower, &tokens);
        // With a header line the headline is in the header; the body starts with text.
        if body.start > 0
            && let Some(first) = sentences.first_mut()
        {
            first.first_line = false;
        }
        let mut sentence_of = vec![0; tokens.len()];
        for (s, sentence) in sentences.iter().enumerate() {
            for slot in &mut sentence_of[sentence.tokens.clone()] {
                *slot = s as u32;
            }
        }
        let lexicon = super::words::lexicon();
        let starts = tokens
            .iter()
            .map(|t| lexicon.starts_of(&lower[t.range()]))
            .collect();
        Self {
            text,
            lower,
            tokens,
            sentences,
            sentence_of,
            starts,
        }
    }

    /// The lexicon tables with an entry starting with token `i` (0 past the end).
    pub fn starts(&self, i: usize) -> u16 {
        self.starts.get(i).copied().unwrap_or(0)
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| &self.text[t.range()])
    }

    /// The lower-cased text of token `i` (empty past the end).
    pub fn low(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.lower[t.range()])
    }

    /// Whether token `i` is this (lower-case) word.
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.low(i) == word
    }

    /// Whether token `i` is one of these (lower-case) words.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        listed(words, self.low(i))
    }

    /// The kind of token `i`, if it exists.
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    /// Whether token `i` is punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && self.text[t.range()].starts_with(c))
    }

    /// Whether token `i` has a flag.
    pub fn has(&self, i: usize, flag: u8) -> bool {
        self.tokens.get(i).is_some_and(|t| t.has(flag))
    }

    /// Whether token `i` is capitalised (and a word).
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.has(i, CAP)
    }

    /// Byte range from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        let last = last.min(self.tokens.len().saturating_sub(1));
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) if a.start <= b.end => a.start as usize..b.end as usize,
            _ => 0..0,
        }
    }

    /// The text from token `first` to token `last`, inclusive.
    pub fn span_text(&self, first: usize, last: usize) -> &'a str {
        &self.text[self.span(first, last)]
    }

    /// The sentence of token `i`.
    pub fn sentence(&self, i: usize) -> &Sentence {
        &self.sentences[self.sentence_of[i] as usize]
    }

    /// The token range of token `i`'s sentence.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentence(i).tokens.clone()
    }

    /// Whether token `i` starts its sentence (after any opening quotes or dashes).
    pub fn starts_sentence(&self, i: usize) -> bool {
        let start = self.sentence_range(i).start;
        (start..i).all(|k| self.kind(k) == Some(TokKind::Punct))
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether token `i` is a function word ("the", "of", "was").
    pub fn is_function(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
            && self.starts(i) & crate::analysis::words::bits::FUNCTION != 0
    }
}

/// Splits `range` of `text` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Tok> {
    let mut out = Vec::with_capacity((range.end - range.start) / 5);
    let bytes = text.as_bytes();
    let mut i = range.start;
    let mut space = true;
    let mut line = true;
    while i < range.end {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                line = true;
            }
            i += len;
            continue;
        }
        let mut flags = 0;
        if space {
            flags |= SPACE_BEFORE;
        }
        if line {
            flags |= LINE_BEFORE;
        }
        space = false;
        line = false;
        let start = i;
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < range.end {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    j += 1;
                } else if matches!(b, b',' | b'.' | b':')
                    && j + 1 < range.end
                    && bytes[j + 1].is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // Ordinal and unit endings glued to digits: 19th, 2km, 10pm.
            let mut k = j;
            while k < range.end && bytes[k].is_ascii_alphabetic() && k - j < 3 {
                k += 1;
            }
            if k > j && (k >= range.end || !bytes[k].is_ascii_alphabetic()) {
                j = k;
            }
            out.push(Tok {
                start: start as u32,
                end: j as u32,
                kind: TokKind::Num,
                flags,
            });
            i = j;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + len;
            let mut dotted = false;
            while j < range.end {
                // Plain ASCII letters are most of any word.
                if bytes[j].is_ascii_alphabetic() {
                    j += 1;
                    continue;
                }
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                let dl = d.len_utf8();
                // Digits join a word ("F-16", "COVID19"), not a dotted abbreviation.
                if is_word_char(d) || (d.is_ascii_digit() && !dotted) {
                    j += dl;
                } else if is_apostrophe(d) {
                    // An inner apostrophe (d'Arbois, O'Neil, don't), but not a possessive.
                    let rest = &text[j + dl..];
                    let next = rest.chars().next();
                    let possessive = matches!(next, Some('s' | 'S'))
                        && !rest[1..].chars().next().is_some_and(is_word_char);
                    if !possessive && next.is_some_and(is_word_char) {
                        j += dl;
                    } else {
                        break;
                    }
                } else if d == '.'
                    && text[j + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                    && (j - start <= 2 || dotted)
                    && text[j + 1..]
                        .chars()
                        .nth(1)
                        .is_some_and(|n| n == '.' || !n.is_alphabetic())
                {
                    // U.S., a.m., J.E.: single letters joined by dots.
                    dotted = true;
                    j += 1;
                } else {
                    break;
                }
            }
            // A final dot of a dotted abbreviation belongs to it (U.S. → "U.S.").
            if dotted && j < range.end && bytes[j] == b'.' {
                j += 1;
            }
            let word = &text[start..j];
            if word.chars().next().is_some_and(char::is_uppercase) {
                flags |= CAP;
            }
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2
                && word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            {
                flags |= UPPER;
            }
            if dotted {
                flags |= DOTTED;
            }
            out.push(Tok {
                start: start as u32,
                end: j as u32,
                kind: TokKind::Word,
                flags,
            });
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            // A possessive: 's, ’s, or a lone apostrophe after a plural (the guides').
            let after = &text[i + len..];
            let prev_word = out
                .last()
                .is_some_and(|t: &Tok| t.kind == TokKind::Word && t.end as usize == i);
            if prev_word && after.starts_with(['s', 'S']) && !after[1..].starts_with(is_word_char) {
                out.push(Tok {
                    start: i as u32,
                    end: (i + len + 1) as u32,
                    kind: TokKind::Word,
                    flags: flags | POSSESSIVE,
                });
                i += len + 1;
                continue;
            }
            if prev_word && text[..i].ends_with(['s', 'S']) && !after.starts_with(is_word_char) {
                out.push(Tok {
                    start: i as u32,
                    end: (i + len) as u32,
                    kind: TokKind::Word,
                    flags: flags | POSSESSIVE,
                });
                i += len;
                continue;
            }
        }
        out.push(Tok {
            start: i as u32,
            end: (i + len) as u32,
            kind: TokKind::Punct,
            flags,
        });
        i += len;
    }
    out
}

/// Whether the word at `i` is an abbreviation whose dot does not end a sentence.
fn is_abbreviation(lower: &str, tokens: &[Tok], i: usize) -> bool {
    let t = tokens[i];
    if t.kind != TokKind::Word {
        return false;
    }
    let w = lower[t.range()].trim_end_matches('.');
    // A single capital letter with a dot is an initial (John F. Kennedy).
    if w.chars().count() == 1 {
        return true;
    }
    listed(ABBREVIATIONS, w)
}

const WEEKDAYS_AND_ZONES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "local",
    "gmt",
    "utc",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "et",
    "ct",
    "cst",
    "cet",
];

fn split_sentences(text: &str, lower: &str, tokens: &[Tok]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        // A line break ends a sentence unless the next line goes on in lower case (a text
        // wrapped by hand).
        if i > start && t.has(LINE_BEFORE) {
            let lowercase_go_on = t.kind == TokKind::Word
                && !t.has(CAP)
                && !text[t.range()].starts_with(|c: char| !c.is_alphabetic());
            if !lowercase_go_on {
                sentences.push(start..i);
                start = i;
            }
        }
        let s = &text[t.range()];
        let ends = t.kind == TokKind::Punct && matches!(s, "." | "!" | "?" | "…")
            || (t.kind == TokKind::Word && t.has(DOTTED) && s.ends_with('.'));
        if ends {
            // Closing quotes and brackets stay with the sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].kind == TokKind::Punct
                && !tokens[j].has(SPACE_BEFORE)
                && matches!(&text[tokens[j].range()], "\"" | "”" | "’" | "'" | ")" | "]")
            {
                j += 1;
            }
            let next = tokens.get(j);
            let breaks = match next {
                None => true,
                Some(n) if !n.has(SPACE_BEFORE) => false,
                Some(n) => {
                    let first = text[n.range()].chars().next().unwrap_or(' ');
                    let opens = first.is_uppercase()
                        || first.is_ascii_digit()
                        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '-' | '—');
                    let abbreviation = if t.kind == TokKind::Punct {
                        i > 0
                            && tokens[i - 1].end == t.start
                            && is_abbreviation(lower, tokens, i - 1)
                    } else {
                        // A dotted word: a.m. and p.m. end a sentence before a capital that
                        // is not a weekday or time zone; U.S. and initials do not.
                        let w = &lower[t.range()];
                        !matches!(w, "a.m." | "p.m.")
                            || listed(WEEKDAYS_AND_ZONES, &lower[n.range()])
                    };
                    opens && !abbreviation
                }
            };
            if breaks {
                sentences.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    let mut out: Vec<Sentence> = sentences
        .into_iter()
        .map(|r| {
            let title_case = is_title_line(text, tokens, &r);
            Sentence {
                tokens: r,
                title_case,
                first_line: false,
            }
        })
        .collect();
    if let Some(first) = out.first_mut() {
        first.first_line = true;
    }
    out
}

/// A line of its own, without closing punctuation, whose longer words are mostly capitalised.
fn is_title_line(text: &str, tokens: &[Tok], r: &Range<usize>) -> bool {
    if r.is_empty() || !tokens[r.start].has(LINE_BEFORE) {
        return false;
    }
    let next_line = tokens.get(r.end).is_none_or(|t| t.has(LINE_BEFORE));
    let last = &text[tokens[r.end - 1].range()];
    if !next_line || matches!(last, "." | "!" | "?" | "\"" | "”") {
        return false;
    }
    let words: Vec<&Tok> = tokens[r.clone()]
        .iter()
        .filter(|t| t.kind == TokKind::Word && t.end - t.start > 3)
        .collect();
    if words.is_empty() {
        return false;
    }
    let caps = words.iter().filter(|t| t.has(CAP)).count();
    caps * 10 >= words.len() * 7
}

/// A folded word written as a name again: "witkoff" → "Witkoff".
pub fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let doc = Doc::new(text, 0..text.len());
        (0..doc.len()).map(|i| doc.tok(i)).collect()
    }

    #[test]
    fn numbers_abbreviations_possessives_and_hyphens() {
        assert_eq!(
            words("About 1,995 people, 5.8 km, at 9:45 a.m. in the U.S. on Kobe’s 24-person deal"),
            [
                "About", "1,995", "people", ",", "5.8", "km", ",", "at", "9:45", "a.m.", "in",
                "the", "U.S.", "on", "Kobe", "’s", "24", "-", "person", "deal"
            ]
        );
        assert_eq!(
            words("Val d'Anniviers, the guides' ropes"),
            ["Val", "d'Anniviers", ",", "the", "guides", "'", "ropes"]
        );
        assert_eq!(
            words("the 19th, 2km away"),
            ["the", "19th", ",", "2km", "away"]
        );
    }

    #[test]
    fn sentences_end_at_stops_but_not_after_titles_or_initials() {
        let text = "Gov. Larry Hogan spoke. J.E. Merit said so at 10 p.m. Police left.\nNew line";
        let doc = Doc::new(text, 0..text.len());
        let sentences: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.span_text(s.tokens.start, s.tokens.end - 1))
            .collect();
        assert_eq!(
            sentences,
            [
                "Gov. Larry Hogan spoke.",
                "J.E. Merit said so at 10 p.m.",
                "Police left.",
                "New line"
            ]
        );
    }

    #[test]
    fn headlines_are_title_case_lines() {
        let text =
            "Blast At Texas Refinery Kills 14\nOfficials said Thursday that all workers are safe.";
        let doc = Doc::new(text, 0..text.len());
        assert!(doc.sentences[0].title_case);
        assert!(!doc.sentences[1].title_case);
    }
}
