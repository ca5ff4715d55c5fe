//! Words, numbers and sentences of a report, as byte ranges of its text.
//!
//! A hand-written scanner rather than regexes or UAX #29 segmentation: news text needs a few
//! rules those do not give (possessive `'s` split off a name, `U.S.` kept whole, `1,000` and
//! `3.5` as one number, hyphenated names as one word, no sentence break after `Mr.`), and the
//! engine's speed target (tens of MB/s for the whole analysis) leaves little room per byte.
//! Every offset is on a `char` boundary of the original text.

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens and abbreviation dots).
    Word,
    /// Digits, with thousands separators and a decimal part.
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token: a byte range of the text and what is known about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte (a possessive `'s` is not included).
    pub end: u32,
    /// What it is.
    pub kind: TokenKind,
    /// `CAP`, `UPPER`, … bits below.
    pub flags: u16,
}

/// The first letter is upper case.
pub const CAP: u16 = 1;
/// Two or more letters, all upper case (`NATO`, `U.S.`).
pub const UPPER: u16 = 1 << 1;
/// Followed by a possessive `'s` or `'` that was cut off the word.
pub const POSSESSIVE: u16 = 1 << 2;
/// A line break in the space before it.
pub const NEWLINE_BEFORE: u16 = 1 << 3;
/// A blank line in the space before it.
pub const PARAGRAPH_BEFORE: u16 = 1 << 4;
/// No space at all before it (`$` then `22`, `22` then `bn`).
pub const GLUED: u16 = 1 << 5;
/// Contains abbreviation dots (`U.S.`, `a.m.`).
pub const DOTTED: u16 = 1 << 6;
/// Contains a hyphen (`Jean-Noel`, `two-thirds`).
pub const HYPHENATED: u16 = 1 << 7;

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// Its byte range.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether a flag bit is set.
    #[inline]
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Whether this is a punctuation token equal to `c`.
    #[inline]
    pub fn is_punct(&self, text: &str, c: char) -> bool {
        self.kind == TokenKind::Punct && text[self.start as usize..].starts_with(c)
    }
}

/// A sentence: a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Indices into the token list.
    pub tokens: Range<usize>,
    /// Byte range from its first to its last token.
    pub bytes: Range<usize>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|rest| rest.chars().next())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_mark(c))
}

fn is_mark(c: char) -> bool {
    // Combining diacritical marks (decomposed accents) belong to the word they follow.
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// Byte classes for the scanner's hot loops.
const SPACE: u8 = 1;
const DIGIT: u8 = 1 << 1;
const LOWER: u8 = 1 << 2;
const UPPER_CASE: u8 = 1 << 3;
const ALNUM: u8 = DIGIT | LOWER | UPPER_CASE;
/// Bytes that may continue a word or need a closer look after one: `'`, `-`, `.` and any
/// non-ASCII byte.
const JOINER: u8 = 1 << 4;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\r' | b'\n' => SPACE,
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER_CASE,
            b'\'' | b'-' | b'.' | 0x80..=0xff => JOINER,
            _ => 0,
        };
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGH: u64 = ONES * 0x80;

/// Bit 7 of each byte of `x` set where that byte is not an ASCII letter or digit: eight
/// bytes tested at once, with no carry from one byte into the next (every sum stays below
/// 0x100 because bit 7 is cleared first).
#[inline]
fn not_alnum(x: u64) -> u64 {
    let low7 = x & !HIGH;
    // Upper-case letters folded onto lower-case ones; nothing else lands on `a`..=`z`.
    let folded = low7 | (ONES * 0x20);
    // Bit 7 of `v + (0x80 - lo)` is set when `v >= lo`, of `v + (0x7f - hi)` when `v > hi`.
    let letter =
        (folded + ONES * u64::from(0x80 - b'a')) & !(folded + ONES * u64::from(0x7f - b'z'));
    let digit = (low7 + ONES * u64::from(0x80 - b'0')) & !(low7 + ONES * u64::from(0x7f - b'9'));
    !((letter | digit) & !x) & HIGH
}

/// Where the run of ASCII letters and digits starting at `j` ends (at most `end`): eight
/// bytes per step, where a byte-by-byte loop would test each byte of most words.
#[inline]
fn alnum_end(bytes: &[u8], mut j: usize, end: usize) -> usize {
    while let Some(chunk) = bytes.get(j..j + 8).filter(|_| j + 8 <= end) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let stop = not_alnum(u64::from_le_bytes(word));
        if stop != 0 {
            return j + (stop.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < end && class(bytes[j]) & ALNUM != 0 {
        j += 1;
    }
    j
}

/// Splits `text[range]` into tokens.
///
/// Plain ASCII words (most of any English report) are scanned eight bytes at a time
/// ([`alnum_end`]); words with apostrophes, hyphens, dots or non-ASCII letters go on through
/// [`scan_word`].
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let bytes = text.as_bytes();
    let end = range.end.min(bytes.len());
    let mut tokens = Vec::with_capacity((end - range.start) / 5);
    let mut i = range.start;
    let mut newlines = 0u32;
    // End of the previous token (none yet).
    let mut last_end = usize::MAX;
    while i < end {
        let b = bytes[i];
        let kind = class(b);
        if kind & SPACE != 0 {
            newlines += u32::from(b == b'\n');
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            let Some(c) = char_at(text, i) else { break };
            if c.is_whitespace() || c == '\u{feff}' {
                i += c.len_utf8();
                continue;
            }
            c
        };
        let mut flags = 0;
        if newlines >= 1 {
            flags |= NEWLINE_BEFORE;
        }
        if newlines >= 2 {
            flags |= PARAGRAPH_BEFORE;
        }
        if last_end == i {
            flags |= GLUED;
        }
        newlines = 0;
        let start = i;
        let (token_end, token_kind) = if kind & DIGIT != 0 {
            i = scan_number(bytes, i, end);
            (i, TokenKind::Number)
        } else if kind & (LOWER | UPPER_CASE) != 0 {
            let j = alnum_end(bytes, i + 1, end);
            if j < end && class(bytes[j]) & JOINER != 0 {
                let (word_end, after, extra) = scan_word(text, i, j, end);
                flags |= extra;
                i = after;
                if kind & UPPER_CASE != 0 {
                    flags |= CAP | all_capitals(&text[start..word_end]);
                }
                (word_end, TokenKind::Word)
            } else {
                i = j;
                if kind & UPPER_CASE != 0 {
                    flags |= CAP;
                    // A lower-case second letter settles it for most capitalised words.
                    if j > start + 1 && !bytes[start + 1].is_ascii_lowercase() {
                        flags |= all_capitals(&text[start..j]);
                    }
                }
                (j, TokenKind::Word)
            }
        } else if b >= 0x80 && is_word_char(c) {
            let (word_end, after, extra) = scan_word(text, i, i, end);
            flags |= extra;
            i = after;
            if c.is_uppercase() {
                flags |= CAP | all_capitals(&text[start..word_end]);
            }
            (word_end, TokenKind::Word)
        } else {
            i += c.len_utf8();
            (i, TokenKind::Punct)
        };
        last_end = token_end;
        tokens.push(Token {
            start: start as u32,
            end: token_end as u32,
            kind: token_kind,
            flags,
        });
        // Most tokens are followed by one plain space and then the next token: step over
        // it here rather than in a round of the loop of its own.
        if bytes.get(i) == Some(&b' ') && i + 1 < end && class(bytes[i + 1]) & SPACE == 0 {
            i += 1;
        }
    }
    tokens
}

/// [`UPPER`] when a capitalized word has two or more letters, all upper case.
fn all_capitals(word: &str) -> u16 {
    let (letters, all_upper) = if word.is_ascii() {
        let bytes = word.as_bytes();
        (
            bytes.iter().filter(|b| b.is_ascii_alphabetic()).count(),
            !bytes.iter().any(u8::is_ascii_lowercase),
        )
    } else {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        (letters.clone().count(), letters.all(char::is_uppercase))
    };
    if letters >= 2 && all_upper { UPPER } else { 0 }
}

fn scan_number(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && bytes[i].is_ascii_digit() {
        i += 1;
    }
    loop {
        // `1,000` but not `1, 2` or `1,00`.
        if i + 3 < end + 1
            && bytes.get(i) == Some(&b',')
            && bytes
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
            && i + 4 <= end
        {
            i += 4;
            continue;
        }
        if bytes.get(i) == Some(&b'.') && i + 1 < end && bytes[i + 1].is_ascii_digit() {
            i += 1;
            while i < end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        return i;
    }
}

/// Scans a word starting at `start` whose letters up to `from` are known. Returns (end of
/// the word, where scanning resumes, flags).
fn scan_word(text: &str, start: usize, from: usize, end: usize) -> (usize, usize, u16) {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut flags = 0;
    loop {
        // Letters and digits.
        while i < end {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
            } else if b >= 0x80 {
                match char_at(text, i) {
                    Some(c) if is_word_char(c) => i += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        // Most words end at a space or plain punctuation: nothing more to look at.
        if i >= end || (bytes[i].is_ascii() && !matches!(bytes[i], b'\'' | b'-' | b'.')) {
            return (i, i, flags);
        }
        let Some(next) = char_at(text, i) else {
            return (i, i, flags);
        };
        let after = i + next.len_utf8();
        let following = char_at(text, after).filter(|_| after < end);
        if is_apostrophe(next) {
            match following {
                // Possessive `'s` at the end of the word.
                Some('s' | 'S')
                    if char_at(text, after + 1)
                        .filter(|_| after + 1 < end)
                        .is_none_or(|c| !is_word_char(c)) =>
                {
                    return (i, after + 1, flags | POSSESSIVE);
                }
                // Inner apostrophe: O'Brien, don't.
                Some(c) if c.is_alphabetic() => {
                    i = after;
                    continue;
                }
                // Plural possessive `allies'` (a closing quote looks the same; rare after a
                // word ending in s, which is the only case taken).
                _ if text[start..i].ends_with(['s', 'S']) => {
                    return (i, after, flags | POSSESSIVE);
                }
                _ => return (i, i, flags),
            }
        }
        if next == '-' && following.is_some_and(is_word_char) {
            flags |= HYPHENATED;
            i = after;
            continue;
        }
        // Abbreviations written with dots: U.S., a.m., J.D.
        // (Most dots end a sentence: followed by a space, they settle it at once.)
        if next == '.' && following.is_some_and(char::is_alphabetic) {
            // The part after the word's last dot is one letter (`U` of `U.S.`, `a` of `a.m.`).
            let part = &text[start..i];
            let part = part.rfind('.').map_or(part, |dot| &part[dot + 1..]);
            let mut letters = part.chars();
            let one_letter = letters.next().is_some() && letters.next().is_none();
            if one_letter && following.is_some_and(char::is_alphabetic) {
                let after_letter = after + following.map_or(0, char::len_utf8);
                let closing = char_at(text, after_letter).filter(|_| after_letter < end);
                if closing == Some('.') {
                    flags |= DOTTED;
                    i = after_letter + 1;
                    // Keep scanning for a third part (e.g. `U.S.A.`).
                    let more = char_at(text, i).filter(|_| i < end);
                    let more_dot = char_at(text, i + 1).filter(|_| i + 1 < end);
                    if more.is_some_and(char::is_alphabetic) && more_dot == Some('.') {
                        continue;
                    }
                    return (i, i, flags);
                }
            }
        }
        return (i, i, flags);
    }
}

/// Whether a lower-case word ends with a dot without ending a sentence (one `match`: this is
/// asked at most full stops of every report).
#[rustfmt::skip]
fn is_abbreviation_lower(word: &[u8]) -> bool {
    matches!(
        word,
        b"mr" | b"mrs" | b"ms" | b"dr" | b"prof" | b"gen" | b"lt" | b"col" | b"sgt" | b"capt"
        | b"cmdr" | b"adm" | b"sen" | b"rep" | b"gov" | b"st" | b"jr" | b"sr" | b"no" | b"vs"
        | b"etc" | b"inc" | b"ltd" | b"co" | b"corp" | b"jan" | b"feb" | b"mar" | b"apr"
        | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" | b"mt" | b"ft"
        | b"rev" | b"hon" | b"approx" | b"fig" | b"est"
    )
}

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    // Initials (`Donald J. Trump`).
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // Every abbreviation is ASCII of at most six bytes: compared in lower case, at once.
    let mut buf = [0u8; 6];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    is_abbreviation_lower(lower)
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '(' | '[' | '«' | '\'')
}

/// Lines shorter than this without closing punctuation (headlines, datelines, subheadings)
/// end where the line ends.
const SHORT_LINE_BYTES: usize = 60;

/// A forward walk over a sorted list of token indices (break points, capitalised words…):
/// a pass that visits only some tokens asks for the next listed one at or after where it is.
pub struct Listed<'l> {
    list: &'l [u32],
    at: usize,
}

impl<'l> Listed<'l> {
    pub fn new(list: &'l [u32]) -> Self {
        Self { list, at: 0 }
    }

    /// The first listed index at or after `i` and before `end`, if any. Indices before `i` are
    /// passed over for good: `i` never goes back.
    #[inline]
    pub fn next(&mut self, i: usize, end: usize) -> Option<usize> {
        while self.list.get(self.at).is_some_and(|&k| (k as usize) < i) {
            self.at += 1;
        }
        self.list
            .get(self.at)
            .map(|&k| k as usize)
            .filter(|&k| k < end)
    }
}

/// Whether a token is a break point: where a sentence may end or a line begin (punctuation,
/// and tokens after a line break).
#[inline]
pub fn is_break_point(token: &Token) -> bool {
    token.kind == TokenKind::Punct || token.has(NEWLINE_BEFORE)
}

/// Splits tokens into sentences: at `.`, `!`, `?` or `…` followed by a capital, digit or
/// quote (not after an abbreviation), at blank lines, and after short unpunctuated lines.
/// `break_points` lists the indices of the tokens that are [break points](is_break_point), in
/// order: only those need a look (most tokens are words inside a line).
pub fn sentences(text: &str, tokens: &[Token], break_points: &[u32]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut start = 0;
    let mut line_start_byte = tokens.first().map_or(0, |t| t.start as usize);
    let mut i = 0;
    let push = |out: &mut Vec<Sentence>, from: usize, to: usize| {
        if from < to {
            out.push(Sentence {
                tokens: from..to,
                bytes: tokens[from].start as usize..tokens[to - 1].end as usize,
            });
        }
    };
    let mut points = Listed::new(break_points);
    while let Some(p) = points.next(i, tokens.len()) {
        i = p;
        let tok = tokens[i];
        if i > start && tok.has(NEWLINE_BEFORE) {
            let prev = tokens[i - 1];
            let prev_char = text[..prev.end as usize].chars().next_back().unwrap_or(' ');
            let short = (prev.end as usize).saturating_sub(line_start_byte) < SHORT_LINE_BYTES
                && !matches!(prev_char, ',' | ';' | ':' | '-');
            if tok.has(PARAGRAPH_BEFORE) || short {
                push(&mut out, start, i);
                start = i;
            }
        }
        if tok.has(NEWLINE_BEFORE) {
            line_start_byte = tok.start as usize;
        }
        if tok.kind == TokenKind::Punct {
            // Tested on the first byte: only the ellipsis is not ASCII.
            let b = text.as_bytes()[tok.start as usize];
            let c = if b < 0x80 {
                char::from(b)
            } else {
                text[tok.start as usize..].chars().next().unwrap_or(' ')
            };
            if matches!(c, '.' | '!' | '?' | '…') {
                let mut j = i + 1;
                while j < tokens.len()
                    && tokens[j].kind == TokenKind::Punct
                    && tokens[j].has(GLUED)
                    && is_closing(
                        text[tokens[j].start as usize..]
                            .chars()
                            .next()
                            .unwrap_or(' '),
                    )
                {
                    j += 1;
                }
                let prev_is_abbrev = c == '.'
                    && i > 0
                    && tokens[i - 1].kind == TokenKind::Word
                    && tokens[i - 1].end == tok.start
                    && is_abbreviation(tokens[i - 1].text(text));
                let next_starts = tokens.get(j).is_none_or(|next| {
                    next.has(NEWLINE_BEFORE)
                        || (next.kind == TokenKind::Word && next.has(CAP))
                        || next.kind == TokenKind::Number
                        || (next.kind == TokenKind::Punct
                            && is_opening(
                                text[next.start as usize..].chars().next().unwrap_or(' '),
                            ))
                });
                if !prev_is_abbrev && next_starts {
                    push(&mut out, start, j);
                    start = j;
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    push(&mut out, start, tokens.len());
    out
}

/// `range` widened to whole words: a drag that starts or ends inside a word takes all of it,
/// and surrounding spaces are dropped.
pub fn whole_words(text: &str, range: Range<usize>) -> Range<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-';
    let mut start = range.start.min(text.len());
    let mut end = range.end.min(text.len()).max(start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    // Trim spaces the drag took in.
    while start < end && text[start..].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    while end > start && text[..end].ends_with(char::is_whitespace) {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    while let Some(c) = text[..start].chars().next_back().filter(|&c| is_word(c)) {
        start -= c.len_utf8();
    }
    while let Some(c) = text[end..].chars().next().filter(|&c| is_word(c)) {
        end += c.len_utf8();
    }
    start..end
}

/// `text` on one line (runs of whitespace as one space), cut to `max_chars` characters with
/// an ellipsis when longer: for quotes in lists, tooltips and the command line.
pub fn shorten(text: &str, max_chars: usize) -> String {
    truncate(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        max_chars,
    )
}

/// `text` cut to `max_chars` characters with an ellipsis when longer.
pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn the_eight_byte_word_scan_agrees_with_the_byte_table() {
        // Every byte value at every place of an eight-byte step, after and before letters.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"abcdefghijklmnopq";
                bytes[at + 1] = b;
                let slow = (1..bytes.len())
                    .find(|&j| class(bytes[j]) & ALNUM == 0)
                    .unwrap_or(bytes.len());
                assert_eq!(
                    alnum_end(&bytes, 1, bytes.len()),
                    slow,
                    "byte {b:#x} at {at}"
                );
                // A shorter end stops the scan there, whatever follows.
                assert_eq!(alnum_end(&bytes, 1, 4), slow.min(4), "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn a_selection_widens_to_whole_words() {
        let text = "most recently in strikes on Ukraine’s cities of Sumy";
        let start = text.find("t recently").unwrap();
        let end = text.find("citi").unwrap() + 4;
        assert_eq!(
            &text[whole_words(text, start..end)],
            "most recently in strikes on Ukraine’s cities"
        );
        let exact = text.find("Sumy").unwrap();
        assert_eq!(
            whole_words(text, exact..exact + 4),
            exact..exact + 4,
            "whole words stay as they are"
        );
        let spaced = text.find(" of ").unwrap();
        assert_eq!(&text[whole_words(text, spaced..spaced + 4)], "of");
    }

    #[test]
    fn shorten_flattens_and_cuts_at_a_character() {
        assert_eq!(shorten("a\n  b", 10), "a b");
        assert_eq!(shorten("Zelensky’s hometown", 9), "Zelensky…");
    }

    #[test]
    fn possessive_is_cut_off_and_flagged() {
        let text = "Zelensky’s hometown and Trump's push";
        let tokens = tokenize(text, 0..text.len());
        assert_eq!(tokens[0].text(text), "Zelensky");
        assert!(tokens[0].has(POSSESSIVE));
        assert_eq!(tokens[3].text(text), "Trump");
        assert!(tokens[3].has(POSSESSIVE));
        assert!(!tokens[1].has(POSSESSIVE));
    }

    #[test]
    fn abbreviations_numbers_and_hyphens_stay_whole() {
        assert_eq!(
            words("U.S. envoy Jean-Noel paid $1,000.50 at 12:41 a.m."),
            [
                "U.S.",
                "envoy",
                "Jean-Noel",
                "paid",
                "$",
                "1,000.50",
                "at",
                "12",
                ":",
                "41",
                "a.m."
            ]
        );
        assert_eq!(words("1, 2 and 3.5"), ["1", ",", "2", "and", "3.5"]);
        assert_eq!(words("O'Brien don't"), ["O'Brien", "don't"]);
    }

    #[test]
    fn flags_mark_case_and_spacing() {
        let text = "NATO chief\n\nNew $22bn";
        let tokens = tokenize(text, 0..text.len());
        assert!(tokens[0].has(CAP) && tokens[0].has(UPPER));
        assert!(!tokens[1].has(CAP));
        assert!(tokens[2].has(PARAGRAPH_BEFORE));
        assert!(tokens[4].has(GLUED), "22 is glued to $");
        assert!(tokens[5].has(GLUED), "bn is glued to 22");
    }

    #[test]
    fn all_capitals_needs_two_letters_and_no_lower_case() {
        let text = "EU G7 A UK-based NATO's Éire ÉU x2Y";
        let tokens = tokenize(text, 0..text.len());
        let upper: Vec<(&str, bool, bool)> = tokens
            .iter()
            .map(|t| (t.text(text), t.has(CAP), t.has(UPPER)))
            .collect();
        assert_eq!(
            upper,
            [
                ("EU", true, true),
                ("G7", true, false),
                ("A", true, false),
                ("UK-based", true, false),
                ("NATO", true, true),
                ("Éire", true, false),
                ("ÉU", true, true),
                ("x2Y", false, false),
            ]
        );
    }

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, 0..text.len());
        let points: Vec<u32> = (0..tokens.len() as u32)
            .filter(|&i| is_break_point(&tokens[i as usize]))
            .collect();
        sentences(text, &tokens, &points)
            .into_iter()
            .map(|s| &text[s.bytes])
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_not_at_abbreviations() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones. They talked. “It went well.” He left"),
            [
                "Mr. Smith met Dr. Jones.",
                "They talked.",
                "“It went well.”",
                "He left"
            ]
        );
        assert_eq!(
            split("It cost 3.5 million. Then"),
            ["It cost 3.5 million.", "Then"]
        );
        assert_eq!(split("the U.S. envoy said"), ["the U.S. envoy said"]);
    }

    #[test]
    fn headlines_and_paragraphs_are_their_own_sentences() {
        assert_eq!(
            split(
                "PARIS\n\nA first line of text that is long enough to be hard-wrapped and\n\
                 goes on here.\nFrench lead\nMacron spoke."
            ),
            [
                "PARIS",
                "A first line of text that is long enough to be hard-wrapped and\ngoes on here.",
                "French lead",
                "Macron spoke."
            ]
        );
    }

    #[test]
    fn non_ascii_words_and_marks() {
        assert_eq!(
            words("Sébastien Lecornu — ça"),
            ["Sébastien", "Lecornu", "—", "ça"]
        );
    }
}
