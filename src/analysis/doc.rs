//! One report prepared for the extractors: tokens, sentences, clauses, the lexicon entry of
//! each word, and interned lower-case ids of its content words (for comparing passages across
//! reports without comparing strings).

use std::ops::Range;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::lexicon::{self, AMOUNT_START, CLAUSE_CONJ, DATE_START, Lex, STOP};
use crate::corpus::text::{self, Sentence, Token, TokenKind};

/// No word id: punctuation, numbers and function words.
pub const NO_WORD: u32 = u32::MAX;

/// Gives each distinct lower-case word one number, shared by all reports of a run, and
/// remembers its lexicon entry: each word is lower-cased and hashed once per occurrence, and
/// looked up in the lexicon once per run.
#[derive(Default)]
pub struct Interner {
    /// Lower-case ASCII words of up to 15 bytes, packed into one number (see [`pack`]): most
    /// words, hashed and compared without touching the heap. The lexicon entry sits beside
    /// the id (in the padding a `u128` key leaves), so a hit is one load.
    short: FxHashMap<u128, (u32, Option<&'static Lex>)>,
    /// Longer or non-ASCII words.
    long: FxHashMap<Box<[u8]>, u32>,
    lex: Vec<Option<&'static Lex>>,
}

/// Bytes a packed word can hold; the 16th holds the length.
const PACKED: usize = 15;

/// A lower-case ASCII word of up to [`PACKED`] bytes as one number: the bytes little-endian,
/// zeros after them, the length in the top byte.
fn pack(lower: &[u8]) -> Option<u128> {
    if lower.len() > PACKED || !lower.is_ascii() {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..lower.len()].copy_from_slice(lower);
    bytes[PACKED] = lower.len() as u8;
    Some(u128::from_le_bytes(bytes))
}

/// `LOW_BYTES[n]` keeps the low `n` bytes of a number (a table: a variable 128-bit shift
/// takes several instructions, once per word of every report).
static LOW_BYTES: [u128; 16] = {
    let mut masks = [0u128; 16];
    let mut n = 1;
    while n < 16 {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

impl Interner {
    /// The id of a word, ignoring case, and its lexicon entry.
    pub fn entry(&mut self, word: &str) -> (u32, Option<&'static Lex>) {
        let mut buf = [0u8; 32];
        let lower: std::borrow::Cow<'_, [u8]> = match lexicon::ascii_lowercase_bytes(word, &mut buf)
        {
            Some(lower) => std::borrow::Cow::Borrowed(lower),
            None => std::borrow::Cow::Owned(word.to_lowercase().into_bytes()),
        };
        match pack(&lower) {
            Some(packed) => self.entry_packed(packed, || word),
            None => self.entry_long(word, &lower),
        }
    }

    /// The id of the word `lower_text[range]`, read straight from the text when it is short
    /// ASCII (`lower_text` has its ASCII letters in lower case already).
    fn entry_in(&mut self, lower_text: &str, range: Range<usize>) -> (u32, Option<&'static Lex>) {
        let bytes = lower_text.as_bytes();
        let n = range.len();
        if (1..=PACKED).contains(&n) && range.start + 16 <= bytes.len() {
            let mut window = [0u8; 16];
            window.copy_from_slice(&bytes[range.start..range.start + 16]);
            // The word's bytes only, and only if all are ASCII.
            let v = u128::from_le_bytes(window) & LOW_BYTES[n];
            if v & ((u128::MAX / 0xff) * 0x80) == 0 {
                let packed = v | ((n as u128) << (8 * PACKED));
                return self.entry_packed(packed, || &lower_text[range]);
            }
        }
        self.entry(&lower_text[range])
    }

    /// The id of a word given as its packed key (see [`pack`]). Nearly every word was seen
    /// before: `word` gives its text, asked for only when it is new.
    #[inline]
    fn entry_packed<'w>(
        &mut self,
        packed: u128,
        word: impl FnOnce() -> &'w str,
    ) -> (u32, Option<&'static Lex>) {
        if let Some(&hit) = self.short.get(&packed) {
            return hit;
        }
        self.insert_packed(word(), packed)
    }

    #[cold]
    #[inline(never)]
    fn insert_packed(&mut self, word: &str, packed: u128) -> (u32, Option<&'static Lex>) {
        let (id, entry) = self.new_id(word);
        self.short.insert(packed, (id, entry));
        (id, entry)
    }

    fn entry_long(&mut self, word: &str, lower: &[u8]) -> (u32, Option<&'static Lex>) {
        if let Some(&id) = self.long.get(lower) {
            return (id, self.lex[id as usize]);
        }
        let (id, entry) = self.new_id(word);
        self.long.insert(lower.into(), id);
        (id, entry)
    }

    fn new_id(&mut self, word: &str) -> (u32, Option<&'static Lex>) {
        let id = self.lex.len() as u32;
        let entry = lexicon::lookup(word);
        self.lex.push(entry);
        (id, entry)
    }

    /// Number of distinct words seen.
    pub fn len(&self) -> usize {
        self.lex.len()
    }

    /// Whether no word was seen yet.
    pub fn is_empty(&self) -> bool {
        self.lex.is_empty()
    }
}

/// One report, tokenized.
pub struct Doc<'a> {
    /// The report's full text.
    pub text: &'a str,
    /// The same text with ASCII letters in lower case (same length, same offsets): the
    /// extractors compare many words with lower-case keywords, and reading them here costs no
    /// copy per word.
    lower_text: String,
    /// Its publication date, when known (relative dates resolve against it).
    pub date: Option<NaiveDate>,
    /// Tokens of the analysed part (the body).
    pub tokens: Vec<Token>,
    /// Lexicon entry of each token (`None` for unknown words and non-words).
    pub lex: Vec<Option<&'static Lex>>,
    /// Lexicon flags of each token (0 for unknown words and non-words): the flag tests of
    /// every pass read these without following `lex`.
    pub flags: Vec<u32>,
    /// Interned lower-case id of each content word, [`NO_WORD`] otherwise.
    pub word: Vec<u32>,
    /// Indices of the words starting with a capital letter, in order: where names can start
    /// (about one word in eight, so passes looking for names walk this instead of every token).
    pub capitals: Vec<u32>,
    /// Indices of the tokens where a figure or a date may start, in order: numbers, words
    /// flagged [`AMOUNT_START`] or [`DATE_START`], hyphenated lower-case words the lexicon
    /// does not know ("twenty-five"), and `$` or non-ASCII punctuation (currency signs). The
    /// figure and date passes visit these, not every token.
    pub starts: Vec<u32>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub sentence_of: Vec<u32>,
    /// The lexicon flags of each sentence's words together: a pass looking for a kind of
    /// word skips the sentences without one (see [`Doc::sentence_has`]).
    sentence_flags: Vec<u32>,
    /// Clauses: token ranges inside sentences, split at `;`, dashes, parentheses and
    /// `, and`/`, which`/`, while`….
    pub clauses: Vec<Range<usize>>,
    /// Clause index of each token.
    pub clause_of: Vec<u32>,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text[body]`.
    pub fn new(
        text: &'a str,
        body: Range<usize>,
        date: Option<NaiveDate>,
        interner: &mut Interner,
    ) -> Self {
        let tokens = text::tokenize(text, body);
        let lower_text = text.to_ascii_lowercase();
        // Written once each, in token order (zero-filled arrays written over would cost a
        // pass of their own).
        let mut lex = Vec::with_capacity(tokens.len());
        let mut flags = Vec::with_capacity(tokens.len());
        let mut word = Vec::with_capacity(tokens.len());
        let mut break_points = Vec::with_capacity(tokens.len() / 4);
        let mut capitals = Vec::with_capacity(tokens.len() / 4);
        let mut starts = Vec::with_capacity(tokens.len() / 8);
        for (i, tok) in tokens.iter().enumerate() {
            let (entry, f, id, start) = match tok.kind {
                TokenKind::Word => {
                    let (id, entry) = interner.entry_in(&lower_text, tok.range());
                    let f = entry.map_or(0, |l| l.flags);
                    let content = tok.end - tok.start >= 2 && f & STOP == 0;
                    if tok.has(text::CAP) {
                        capitals.push(i as u32);
                    }
                    let start = f & (AMOUNT_START | DATE_START) != 0
                        || (tok.has(text::HYPHENATED) && !tok.has(text::CAP) && entry.is_none());
                    (entry, f, if content { id } else { NO_WORD }, start)
                }
                TokenKind::Number => (None, 0, NO_WORD, true),
                TokenKind::Punct => {
                    let start = matches!(text.as_bytes()[tok.start as usize], b'$' | 0x80..);
                    (None, 0, NO_WORD, start)
                }
            };
            lex.push(entry);
            flags.push(f);
            word.push(id);
            if start {
                starts.push(i as u32);
            }
            if text::is_break_point(tok) {
                break_points.push(i as u32);
            }
        }
        let sentences = text::sentences(text, &tokens, &break_points);
        // Sentences cover the tokens in order, one after the other.
        let mut sentence_of = Vec::with_capacity(tokens.len());
        let mut sentence_flags = Vec::with_capacity(sentences.len());
        for (index, sentence) in sentences.iter().enumerate() {
            debug_assert_eq!(sentence.tokens.start, sentence_of.len());
            sentence_of.extend(std::iter::repeat_n(index as u32, sentence.tokens.len()));
            sentence_flags.push(flags[sentence.tokens.clone()].iter().fold(0, |a, f| a | f));
        }
        debug_assert_eq!(sentence_of.len(), tokens.len());
        let mut doc = Self {
            text,
            lower_text,
            date,
            tokens,
            lex,
            flags,
            word,
            capitals,
            starts,
            sentences,
            sentence_of,
            sentence_flags,
            clauses: Vec::new(),
            clause_of: Vec::new(),
        };
        doc.split_clauses(&break_points);
        doc
    }

    /// Splits sentences into clauses; `break_points` holds every punctuation token (see
    /// [`text::is_break_point`]).
    fn split_clauses(&mut self, break_points: &[u32]) {
        let mut clauses = Vec::with_capacity(self.sentences.len() * 2);
        let mut clause_of = Vec::with_capacity(self.tokens.len());
        let mut points = text::Listed::new(break_points);
        for sentence in &self.sentences {
            let end = sentence.tokens.end;
            let mut start = sentence.tokens.start;
            // A clause breaks before some punctuation, or before a conjunction after a comma:
            // only punctuation needs a closer look. Punctuation is tested on its first byte:
            // all but dashes are ASCII.
            let mut next = start;
            while let Some(p) = points.next(next, end) {
                next = p + 1;
                if self.tokens[p].kind != TokenKind::Punct {
                    continue;
                }
                let at = match self.first_byte(p) {
                    b';' | b'(' | b')' => p,
                    b':' if !self.inside_number(p) => p,
                    b'-' if !self.tokens[p].has(text::GLUED) => p,
                    b',' if p + 1 < end
                        && self.tokens[p + 1].kind == TokenKind::Word
                        && self.flags[p + 1] & CLAUSE_CONJ != 0 =>
                    {
                        p + 1
                    }
                    b if b >= 0x80 && matches!(self.char_at(p), '—' | '–') => p,
                    _ => continue,
                };
                if at - start >= 3 {
                    clauses.push(start..at);
                    start = at;
                }
            }
            clauses.push(start..end);
        }
        // Clauses cover the tokens in order, one after the other.
        for (index, clause) in clauses.iter().enumerate() {
            debug_assert_eq!(clause.start, clause_of.len());
            clause_of.extend(std::iter::repeat_n(index as u32, clause.len()));
        }
        debug_assert_eq!(clause_of.len(), self.tokens.len());
        self.clauses = clauses;
        self.clause_of = clause_of;
    }

    /// Whether punctuation token `i` sits inside a figure, glued to digits on both sides
    /// (the colon of "12:41").
    fn inside_number(&self, i: usize) -> bool {
        let number = |t: Option<&Token>| t.is_some_and(|t| t.kind == TokenKind::Number);
        self.tokens[i].has(text::GLUED)
            && number(i.checked_sub(1).and_then(|p| self.tokens.get(p)))
            && number(self.tokens.get(i + 1))
            && self.tokens[i + 1].has(text::GLUED)
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Token `i` with its ASCII letters in lower case (empty past the end).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower_text[t.range()])
    }

    /// The first byte of token `i` (the whole of ASCII punctuation).
    #[inline]
    pub fn first_byte(&self, i: usize) -> u8 {
        self.text.as_bytes()[self.tokens[i].start as usize]
    }

    /// The first character of token `i`.
    #[inline]
    pub fn char_at(&self, i: usize) -> char {
        self.text[self.tokens[i].start as usize..]
            .chars()
            .next()
            .unwrap_or(' ')
    }

    /// Whether token `i` exists and is the punctuation `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.char_at(i) == c)
    }

    /// Whether token `i` exists and has lexicon flag `flag`.
    #[inline]
    pub fn has(&self, i: usize, flag: u32) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }

    /// Whether some word of sentence `s` has lexicon flag `flag`.
    #[inline]
    pub fn sentence_has(&self, s: usize, flag: u32) -> bool {
        self.sentence_flags[s] & flag != 0
    }

    /// Whether token `i` is a word equal to `word` (lower case), ignoring the token's case.
    /// To test a token against several words, `matches!(doc.lower(i), "a" | "b")` is faster.
    #[inline]
    pub fn is_word(&self, i: usize, word: &str) -> bool {
        debug_assert!(!word.bytes().any(|b| b.is_ascii_uppercase()), "{word}");
        self.tokens.get(i).is_some_and(|t| {
            // Lengths first: most calls compare a token with a keyword of another length.
            t.kind == TokenKind::Word
                && t.range().len() == word.len()
                && self.lower_text.as_bytes()[t.range()] == *word.as_bytes()
        })
    }

    /// Whether token `i` is a word starting lower case.
    #[inline]
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.has(text::CAP))
    }

    /// Token range of the sentence holding token `i`.
    #[inline]
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentences[self.sentence_of[i] as usize].tokens.clone()
    }

    /// Token range of the clause holding token `i`.
    #[inline]
    pub fn clause_range(&self, i: usize) -> Range<usize> {
        self.clauses[self.clause_of[i] as usize].clone()
    }

    /// Byte range covering tokens `first..=last`.
    #[inline]
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start as usize..self.tokens[last].end as usize
    }
}

/// Each text whole as an undated report, all sharing one interner (for tests).
#[cfg(test)]
pub(crate) fn docs_of<'a>(texts: &[&'a str]) -> Vec<Doc<'a>> {
    let mut interner = Interner::default();
    texts
        .iter()
        .map(|t| Doc::new(t, 0..t.len(), None, &mut interner))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(text: &str) -> Vec<String> {
        let mut interner = Interner::default();
        let doc = Doc::new(text, 0..text.len(), None, &mut interner);
        doc.clauses
            .iter()
            .map(|c| text[doc.span(c.start, c.end - 1)].to_owned())
            .collect()
    }

    #[test]
    fn the_interner_gives_one_id_per_word_ignoring_case() {
        let mut interner = Interner::default();
        let words: Vec<String> = (0..5_000).map(|n| format!("w{n}x")).collect();
        let ids: Vec<u32> = words.iter().map(|w| interner.entry(w).0).collect();
        assert_eq!(interner.len(), 5_000, "every distinct word gets its own id");
        // After the table grew several times, every word still finds its id, in any case.
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(interner.entry(&w.to_uppercase()).0, id, "{w}");
        }
        let (city, lex) = interner.entry("City");
        assert_eq!(interner.entry("CITY").0, city);
        assert!(lex.is_some(), "the lexicon entry comes with the id");
        assert_eq!(interner.entry("ÉLAN").0, interner.entry("élan").0);
        assert_ne!(interner.entry("élan").0, interner.entry("elan").0);
        assert_ne!(interner.entry("ab").0, interner.entry("ba").0);
        assert_ne!(interner.entry("abcdefghi").0, interner.entry("abcdefghj").0);
        assert_eq!(interner.len(), 5_000 + 7);
    }

    #[test]
    fn a_word_has_one_id_however_it_is_written_and_wherever_it_stands() {
        // Short words read from the text in place, capitalised or not; a word too long to
        // pack; non-ASCII; and the same words again at the very end of the text, where the
        // text has no sixteen bytes left to read.
        let text = "Kesterny kesterny KESTERNY internationalisation Internationalisation \
                    Zürich ZÜRICH x Internationalisation Zürich Kesterny";
        let mut interner = Interner::default();
        let doc = Doc::new(text, 0..text.len(), None, &mut interner);
        let ids: Vec<u32> = doc.word.clone();
        assert_eq!(ids.len(), 11);
        let (kesterny, long, zurich) = (ids[0], ids[3], ids[5]);
        assert_eq!([ids[1], ids[2], ids[10]], [kesterny; 3]);
        assert_eq!([ids[4], ids[8]], [long; 2]);
        assert_eq!([ids[6], ids[9]], [zurich; 2]);
        assert_eq!(ids[7], NO_WORD, "one letter is not a content word");
        assert_eq!(interner.entry("kESTERNY").0, kesterny);
        assert_eq!(interner.entry("INTERNATIONALISATION").0, long);
        assert_eq!(interner.entry("zürich").0, zurich);
        assert_eq!(interner.len(), 4, "kesterny, the long word, zürich and x");
    }

    #[test]
    fn the_lists_of_capitals_and_starts_hold_exactly_their_tokens() {
        let text = "On Monday, U.S. envoy Jean-Noel Barrot said twenty-five people — a dozen \
                    children — died; €3 million and $22bn were pledged (about 94%). Kyiv's \
                    mayor spoke at 12:41 a.m.\n\nNew paragraph: Ukraine's Zelensky met them.";
        let mut interner = Interner::default();
        let doc = Doc::new(text, 0..text.len(), None, &mut interner);
        let capitals: Vec<u32> = (0..doc.tokens.len() as u32)
            .filter(|&i| {
                let t = doc.tokens[i as usize];
                t.kind == TokenKind::Word && t.has(text::CAP)
            })
            .collect();
        assert_eq!(doc.capitals, capitals);
        let words =
            |list: &[u32]| -> Vec<&str> { list.iter().map(|&i| doc.tok(i as usize)).collect() };
        assert_eq!(
            words(&doc.starts),
            // Non-ASCII punctuation is listed whatever it is (the dashes): the figure pass
            // tells currency signs from the rest.
            [
                "Monday",
                "twenty-five",
                "—",
                "a",
                "dozen",
                "—",
                "€",
                "3",
                "million",
                "$",
                "22",
                "bn",
                "94",
                "12",
                "41"
            ]
        );
        // Every token where the figure or the date pass could start is listed.
        for i in 0..doc.tokens.len() {
            if super::super::quantity::could_start_amount(&doc, i)
                || super::super::dates::could_start_date(&doc, i)
            {
                assert!(doc.starts.contains(&(i as u32)), "{}", doc.tok(i));
            }
        }
        // Sentences and clauses cover every token, in order.
        assert_eq!(doc.sentence_of.len(), doc.tokens.len());
        assert_eq!(doc.clause_of.len(), doc.tokens.len());
        assert!(doc.sentence_of.windows(2).all(|w| w[0] <= w[1]));
        assert!(doc.sentences.len() >= 3, "{:?}", doc.sentences);
    }

    #[test]
    fn a_clock_time_does_not_split_a_clause() {
        assert_eq!(
            clauses("The convoy left the city at 10:23 a.m. and reached the border before noon."),
            ["The convoy left the city at 10:23 a.m. and reached the border before noon."]
        );
    }

    #[test]
    fn a_colon_between_words_splits_a_clause() {
        assert_eq!(
            clauses("The minister said this: the talks had failed."),
            ["The minister said this", ": the talks had failed."]
        );
    }
}
