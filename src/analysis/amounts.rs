//! Amounts: the number part of a figure, as written — digits ("1,995", "5.8"), number words
//! ("twenty-two", "a dozen"), vague amounts ("dozens", "hundreds of thousands"), ranges ("45
//! to 49", "5-6") and the qualifier before it ("at least", "about") — read into the values
//! the wording allows.
//!
//! News figures are read as reporters mean them: "at least 12" and "more than 100" are counts
//! so far, a floor with a round figure near it (12 to 18, not 12 to infinity), so that "at
//! least 12" agrees with "15" but two different floors ("at least 7", "at least 10") are two
//! different counts; "dozens" is 24 to 99; "about 20" is 18 to 22.

use super::text::{Doc, TokKind};
use super::words::{Qual, lexicon, multiplier, number_word};

/// How an amount is worded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// One number ("24", "a total of 24").
    Exact,
    /// A floor: "at least 12", "more than 100".
    Floor,
    /// A ceiling: "up to 81", "fewer than 10", "nearly 2,000".
    Ceiling,
    /// Near a number: "about 20", "some 200".
    About,
    /// A range: "45 to 49".
    Range,
    /// A vague amount: "dozens", "several", "hundreds of thousands".
    Vague,
}

/// The values an amount's wording allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value {
    /// Lowest value.
    pub lo: f64,
    /// Highest value.
    pub hi: f64,
    /// The number as said ("at least 12" → 12; "dozens" → 24), for telling counts apart.
    pub point: f64,
    /// How it is worded.
    pub shape: Shape,
    /// Half the place of the last significant digit written ("19,000" → 500), for
    /// comparing values converted from another unit.
    pub rounding: f64,
}

impl Value {
    /// One exact number.
    pub fn exact(v: f64) -> Self {
        Self {
            lo: v,
            hi: v,
            point: v,
            shape: Shape::Exact,
            rounding: rounding_of(v),
        }
    }

    /// Multiplies every bound (a unit conversion).
    pub fn scaled(self, factor: f64) -> Self {
        Self {
            lo: self.lo * factor,
            hi: self.hi * factor,
            point: self.point * factor,
            rounding: self.rounding * factor,
            ..self
        }
    }

    /// The sum of two amounts ("20 children and six adults").
    pub fn plus(self, other: Self) -> Self {
        let shape = if self.shape == Shape::Exact && other.shape == Shape::Exact {
            Shape::Exact
        } else if matches!(self.shape, Shape::Floor) || matches!(other.shape, Shape::Floor) {
            Shape::Floor
        } else {
            Shape::Range
        };
        Self {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
            point: self.point + other.point,
            shape,
            rounding: self.rounding.max(other.rounding),
        }
    }

    /// Whether the value is a vague or bounded wording (not one number).
    pub fn is_vague(&self) -> bool {
        self.shape != Shape::Exact
    }
}

/// Half the place value of the last significant digit of `v` (12 → 0.5, 19,000 → 500,
/// 5.8 → 0.05).
fn rounding_of(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return 0.5;
    }
    let mut place = 1.0;
    if v.fract() != 0.0 {
        let mut x = v;
        while x.fract().abs() > 1e-9 && place > 1e-6 {
            x *= 10.0;
            place /= 10.0;
        }
        return place / 2.0;
    }
    let mut x = v.abs();
    while x >= 10.0 && (x % 10.0).abs() < 1e-9 {
        x /= 10.0;
        place *= 10.0;
    }
    place / 2.0
}

/// The values a qualifier and number make.
pub fn qualified(qual: Option<Qual>, n: f64, measured: bool) -> Value {
    let r = rounding_of(n);
    let make = |lo: f64, hi: f64, shape| Value {
        lo,
        hi,
        point: n,
        shape,
        rounding: r,
    };
    match qual {
        None | Some(Qual::Exact) => Value::exact(n),
        Some(Qual::AtLeast | Qual::MoreThan) => make(n, (n * 1.5).max(n + 2.0), Shape::Floor),
        // A measured maximum ("gusts of up to 275 kph") is that value; a count "up to 5,000"
        // is a ceiling.
        Some(Qual::UpTo) if measured => make(n, n, Shape::Exact),
        Some(Qual::UpTo | Qual::Under) => make(n * 0.5, n, Shape::Ceiling),
        Some(Qual::Nearly) => make(n * 0.9, n, Shape::Ceiling),
        Some(Qual::About) => {
            let spread = if measured { 0.05 } else { 0.1 };
            let d = (n * spread).max(if measured { 0.0 } else { 1.0 });
            make(n - d, n + d, Shape::About)
        }
    }
}

/// An amount found in a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// First token (the qualifier's, if any).
    pub first: usize,
    /// First token of the number itself.
    pub number: usize,
    /// Last token.
    pub last: usize,
    /// Its value (before any unit).
    pub value: Value,
    /// The qualifier.
    pub qual: Option<Qual>,
    /// A vague word that is followed by "of" ("dozens of people").
    pub takes_of: bool,
    /// The amount is the bare word "one" (or "a"): a figure only in clear contexts.
    pub weak: bool,
    /// Letters glued to the digits ("2km"): a unit written with the number.
    pub glued_unit: Option<usize>,
}

/// A number at token `i`: its value and last token.
fn number_at(doc: &Doc<'_>, i: usize) -> Option<(f64, usize)> {
    let t = doc.tokens.get(i)?;
    match t.kind {
        TokKind::Num => {
            let s = doc.tok(i);
            if s.contains(':') {
                return None;
            }
            let digits: String = s
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .filter(|c| *c != ',')
                .collect();
            let n: f64 = digits.parse().ok()?;
            let mut last = i;
            let mut n = n;
            if let Some(m) = multiplier(doc.low(i + 1)) {
                n *= m;
                last = i + 1;
            }
            Some((n, last))
        }
        TokKind::Word => word_number_at(doc, i),
        TokKind::Punct => None,
    }
}

/// A number written in words at `i` ("twenty-two", "twenty two", "one hundred", "a
/// million", "two dozen").
fn word_number_at(doc: &Doc<'_>, i: usize) -> Option<(f64, usize)> {
    let w = doc.low(i);
    let (mut n, mut last) = if w == "a" || w == "an" {
        let next = doc.low(i + 1);
        if next == "dozen" {
            (12.0, i + 1)
        } else if let Some(m) = multiplier(next).filter(|_| next != "m") {
            (m, i + 1)
        } else {
            return None;
        }
    } else if w == "half" && doc.is(i + 1, "a") && doc.is(i + 2, "dozen") {
        (6.0, i + 2)
    } else {
        let base = number_word(w)?;
        let mut n = base;
        let mut last = i;
        // twenty-two, twenty two
        if base >= 20.0 && base % 10.0 == 0.0 {
            let (k, glued) = if doc.is_punct(i + 1, '-') {
                (i + 2, true)
            } else {
                (i + 1, false)
            };
            if let Some(unit) = number_word(doc.low(k)).filter(|u| *u > 0.0 && *u < 10.0)
                && (glued || doc.is_word(k))
            {
                n += unit;
                last = k;
            }
        }
        (n, last)
    };
    if doc.is(last + 1, "dozen") {
        n *= 12.0;
        last += 1;
    }

    if let Some(m) = multiplier(doc.low(last + 1)).filter(|_| doc.low(last + 1) != "m") {
        n *= m;
        last += 1;
        // "one hundred and twenty"
        if doc.is(last, "hundred")
            && doc.is(last + 1, "and")
            && let Some((rest, end)) = word_number_at(doc, last + 2)
            && rest < 100.0
        {
            n += rest;
            last = end;
        }
    }
    Some((n, last))
}

/// A vague amount at `i`: its value and last token.
fn vague_at(doc: &Doc<'_>, i: usize) -> Option<(f64, f64, f64, usize)> {
    let w = doc.low(i);
    let next = doc.low(i + 1);
    let of_then = |k: usize| doc.is(k, "of");
    // "tens of thousands", "hundreds of thousands", "hundreds of millions"
    if matches!(w, "tens" | "hundreds") && of_then(i + 1) {
        let big = doc.low(i + 2);
        let scale = match big {
            "thousands" => 1e3,
            "millions" => 1e6,
            _ => 0.0,
        };
        if scale > 0.0 {
            let (lo, hi) = if w == "tens" {
                (20.0, 99.0)
            } else {
                (200.0, 999.0)
            };
            return Some((lo * scale, hi * scale, lo * scale, i + 2));
        }
    }
    let (lo, hi, last) = match w {
        "dozens" => (24.0, 99.0, i),
        "scores" if of_then(i + 1) => (40.0, 199.0, i),
        "hundreds" => (200.0, 999.0, i),
        "thousands" => (2000.0, 9999.0, i),
        "millions" => (2e6, 999e6, i),
        "billions" => (2e9, 999e9, i),
        "several" => (3.0, 15.0, i),
        "few" if doc.is(i.wrapping_sub(1), "a") => (2.0, 5.0, i),
        "couple" if doc.is(i.wrapping_sub(1), "a") => (2.0, 3.0, i),
        "handful" if doc.is(i.wrapping_sub(1), "a") => (3.0, 7.0, i),
        _ => return None,
    };
    let _ = next;
    Some((lo, hi, lo, last))
}

/// The amount starting at token `i` (the number's token; a qualifier before it is taken).
pub fn amount_at(doc: &Doc<'_>, i: usize) -> Option<Amount> {
    let lex = lexicon();
    let t = doc.tokens.get(i)?;
    // Currency signs come before the number: "$22 billion".
    if t.kind == TokKind::Punct {
        return None;
    }
    // A word starts an amount only if it is a number word or a vague amount.
    if t.kind == TokKind::Word {
        let w = doc.low(i);
        let starts = number_word(w).is_some()
            || matches!(
                w,
                "a" | "an"
                    | "half"
                    | "tens"
                    | "hundreds"
                    | "dozens"
                    | "scores"
                    | "thousands"
                    | "millions"
                    | "billions"
                    | "several"
                    | "few"
                    | "couple"
                    | "handful"
            );
        if !starts {
            return None;
        }
    }
    let (mut value, mut last, weak, takes_of) =
        if let Some((lo, hi, point, last)) = vague_at(doc, i) {
            let value = Value {
                lo,
                hi,
                point,
                shape: Shape::Vague,
                rounding: 0.5,
            };
            (value, last, false, doc.is(last + 1, "of"))
        } else {
            let (n, last) = number_at(doc, i)?;
            let w = doc.low(i);
            let weak = matches!(w, "one" | "a" | "an") && (n - 1.0).abs() < 1e-9;
            // "a dozen", "two dozen" are round counts, told as such.
            let value = if (i..=last).any(|k| doc.is(k, "dozen")) {
                Value {
                    lo: n - (n * 0.1).max(1.0),
                    hi: n + (n * 0.1).max(1.0),
                    point: n,
                    shape: Shape::About,
                    rounding: 0.5,
                }
            } else {
                Value::exact(n)
            };
            (value, last, weak, false)
        };
    // "a few", "a couple", "a handful": the article belongs to the amount.
    let mut first_number = i;
    if matches!(doc.low(i), "few" | "couple" | "handful") && doc.is(i.wrapping_sub(1), "a") {
        first_number = i - 1;
    }
    // Ranges: "45 to 49", "5-6", "two or three", "between 20 and 25".
    let between = doc.is(first_number.wrapping_sub(1), "between");
    let joiner = doc.low(last + 1);
    let dash = doc.is_punct(last + 1, '-') || doc.is_punct(last + 1, '–');
    if value.shape == Shape::Exact
        && (dash || matches!(joiner, "to" | "or") || (between && joiner == "and"))
        && let Some((hi, end)) = number_at(doc, last + 2)
        && hi > value.lo
        && hi < value.lo * 20.0 + 10.0
        // "10 to 5" of a curfew is a time; a range runs upward.
        && doc.kind(last + 2) == doc.kind(i)
    {
        value = Value {
            lo: value.lo,
            hi,
            point: f64::midpoint(value.lo, hi),
            shape: Shape::Range,
            rounding: value.rounding.max(rounding_of(hi)),
        };
        last = end;
    }
    let mut first = if between {
        first_number - 1
    } else {
        first_number
    };
    // "at least another 40": the qualifier stands before "another".
    let before_number = if doc.is_any(first_number.wrapping_sub(1), &["another", "other"]) {
        first_number - 1
    } else {
        first_number
    };
    let qual = if between {
        None
    } else {
        before_number
            .checked_sub(1)
            .and_then(|k| lex.qualifiers.ending_at(doc, k))
            .map(|(start, q)| {
                first = start;
                *q
            })
    };
    let glued_unit = (doc.kind(i) == Some(TokKind::Num)
        && doc.tok(i).ends_with(|c: char| c.is_ascii_alphabetic()))
    .then_some(i);
    Some(Amount {
        first,
        number: i,
        last,
        value,
        qual,
        takes_of,
        weak,
        glued_unit,
    })
}

/// The letters glued after the digits of token `i` ("km" of "2km").
pub fn glued_letters<'a>(doc: &Doc<'a>, i: usize) -> &'a str {
    let s = doc.tok(i);
    let k = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
    &s[k..]
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // the values compared are small whole numbers, read exactly
mod tests {
    use super::*;

    fn first_amount(text: &str) -> Amount {
        let doc = Doc::new(text, 0..text.len());
        (0..doc.len())
            .find_map(|i| amount_at(&doc, i))
            .unwrap_or_else(|| panic!("no amount in {text}"))
    }

    fn bounds(text: &str) -> (f64, f64) {
        let a = first_amount(text);
        let v = qualified(a.qual, a.value.lo, false);
        if a.value.shape == Shape::Exact {
            (v.lo, v.hi)
        } else {
            (a.value.lo, a.value.hi)
        }
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(first_amount("1,995 people").value.lo, 1995.0);
        assert_eq!(first_amount("Twenty-two children").value.lo, 22.0);
        assert_eq!(first_amount("Twenty two school children").value.lo, 22.0);
        assert_eq!(first_amount("TWENTY-TWO schoolchildren").value.lo, 22.0);
        assert_eq!(first_amount("4 million pilgrims").value.lo, 4e6);
        assert_eq!(first_amount("about a million people").value.lo, 1e6);
        assert_eq!(first_amount("two dozen people").value.point, 24.0);
        assert_eq!(
            first_amount("two dozen people").value.shape,
            Shape::About,
            "a round count"
        );
        assert_eq!(first_amount("a dozen ambulances").value.point, 12.0);
        assert_eq!(first_amount("one hundred and twenty").value.lo, 120.0);
    }

    #[test]
    fn qualifiers_and_vague_amounts_as_reporters_mean_them() {
        assert_eq!(bounds("at least 12 dead"), (12.0, 18.0));
        assert_eq!(bounds("more than 100 hurt"), (100.0, 150.0));
        assert_eq!(bounds("about 20 people"), (18.0, 22.0));
        assert_eq!(bounds("nearly 2,000 people"), (1800.0, 2000.0));
        assert_eq!(bounds("dozens of people"), (24.0, 99.0));
        assert_eq!(bounds("hundreds of thousands who"), (200_000.0, 999_000.0));
        assert_eq!(bounds("45 to 49 people"), (45.0, 49.0));
        assert_eq!(bounds("5-6 metre waves"), (5.0, 6.0));
        assert_eq!(bounds("several children"), (3.0, 15.0));
        assert_eq!(
            first_amount("more than a dozen officers").qual,
            Some(Qual::MoreThan)
        );
    }

    #[test]
    fn rounding_follows_the_digits_written() {
        assert_eq!(rounding_of(19_000.0), 500.0);
        assert_eq!(rounding_of(29_029.0), 0.5);
        assert_eq!(rounding_of(5.8), 0.05);
    }
}
