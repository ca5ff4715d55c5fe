//! Dates and times: absolute ("April 14", "19 April 2025", "2025-04-14"), weekdays ("on
//! Monday", "late Friday"), relative ("yesterday", "earlier this month", "three days ago") and
//! clock times ("12:41 a.m."), resolved against the report's date when it is known.
//!
//! A bare weekday in news copy means the closest such day on or before the report's date,
//! unless the clause speaks of the future ("will travel on Thursday"), then on or after it.

use std::fmt;
use std::ops::Range;

use chrono::{Datelike as _, Duration, NaiveDate};

use super::doc::Doc;
use super::lexicon::{FUTURE, Verb};
use super::model::WriteValue;
use crate::corpus::text::{CAP, GLUED, Listed, TokenKind};

/// What a date expression says, as precisely as the text and the report's date allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateValue {
    /// One day.
    Day(NaiveDate),
    /// A day of a month, year unknown.
    MonthDay(u32, u32),
    /// A month (year when known).
    Month(Option<i32>, u32),
    /// A year.
    Year(i32),
    /// A span of days ("last week", "earlier this month").
    Span(NaiveDate, NaiveDate),
    /// A weekday that could not be placed (report date unknown).
    Weekday(u32),
    /// A clock time, hours and minutes.
    Time(u32, u32),
    /// Relative to something the text does not date ("three days after the meeting"), or to
    /// an unknown report date.
    Unresolved,
}

const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl WriteValue for DateValue {
    fn write_value<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        match *self {
            // ISO 8601, as `NaiveDate` shows it.
            Self::Day(d) => write_day(d, out),
            Self::MonthDay(m, d) => {
                out.write_str("--")?;
                write_two(m, out)?;
                out.write_char('-')?;
                write_two(d, out)
            }
            Self::Month(Some(y), m) => {
                out.write_str(itoa::Buffer::new().format(y))?;
                out.write_char('-')?;
                write_two(m, out)
            }
            Self::Month(None, m) => {
                out.write_str("--")?;
                write_two(m, out)
            }
            Self::Year(y) => out.write_str(itoa::Buffer::new().format(y)),
            Self::Span(a, b) => {
                write_day(a, out)?;
                out.write_char('/')?;
                write_day(b, out)
            }
            Self::Weekday(w) => {
                out.write_str(WEEKDAY_NAMES[w as usize % 7])?;
                out.write_str(" (date unknown)")
            }
            Self::Time(h, m) => {
                write_two(h, out)?;
                out.write_char(':')?;
                write_two(m, out)
            }
            Self::Unresolved => out.write_str("unresolved"),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_value(f)
    }
}

/// `n` with at least two digits, as `{n:02}`.
fn write_two<W: fmt::Write>(n: u32, out: &mut W) -> fmt::Result {
    if n < 10 {
        out.write_char('0')?;
    }
    out.write_str(itoa::Buffer::new().format(n))
}

/// A day as `NaiveDate`'s `Display` writes it (`2025-04-14`).
fn write_day<W: fmt::Write>(d: NaiveDate, out: &mut W) -> fmt::Result {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        // Signed years beyond four digits: rare enough for chrono's own formatting.
        return write!(out, "{d}");
    }
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(year);
    for _ in digits.len()..4 {
        out.write_char('0')?;
    }
    out.write_str(digits)?;
    out.write_char('-')?;
    write_two(d.month(), out)?;
    out.write_char('-')?;
    write_two(d.day(), out)
}

/// How two date values relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateCmp {
    /// The same day (or time).
    Same,
    /// One contains the other, or a weekday matches a date: compatible at different precision.
    Overlap,
    /// They cannot both be right.
    Different,
    /// Cannot tell.
    Unknown,
}

fn month_range(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next - Duration::days(1)))
}

impl DateValue {
    fn as_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Self::Day(d) => Some((d, d)),
            Self::Month(Some(y), m) => month_range(y, m),
            Self::Year(y) => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
            Self::Span(a, b) => Some((a, b)),
            _ => None,
        }
    }

    /// Whether the value names a day or finer.
    pub fn is_day(&self) -> bool {
        matches!(self, Self::Day(_))
    }
}

/// Compares two date values.
pub fn compare(a: &DateValue, b: &DateValue) -> DateCmp {
    use DateValue as V;
    match (*a, *b) {
        (V::Unresolved | V::Time(..), _) | (_, V::Unresolved | V::Time(..))
            if !matches!((a, b), (V::Time(..), V::Time(..))) =>
        {
            DateCmp::Unknown
        }
        (V::Time(h1, m1), V::Time(h2, m2)) => {
            let diff = (i64::from(h1 * 60 + m1) - i64::from(h2 * 60 + m2)).abs();
            if diff <= 5 {
                DateCmp::Same
            } else {
                DateCmp::Different
            }
        }
        (V::Weekday(w1), V::Weekday(w2)) => {
            if w1 == w2 {
                DateCmp::Same
            } else {
                DateCmp::Different
            }
        }
        (V::Weekday(w), other) | (other, V::Weekday(w)) => match other {
            V::Day(d) if d.weekday().num_days_from_monday() == w => DateCmp::Overlap,
            V::Day(_) => DateCmp::Different,
            _ => DateCmp::Unknown,
        },
        (V::MonthDay(m1, d1), V::MonthDay(m2, d2)) => {
            if (m1, d1) == (m2, d2) {
                DateCmp::Same
            } else {
                DateCmp::Different
            }
        }
        (V::MonthDay(m, d), other) | (other, V::MonthDay(m, d)) => match other {
            V::Day(day) => {
                if (day.month(), day.day()) == (m, d) {
                    DateCmp::Same
                } else {
                    DateCmp::Different
                }
            }
            V::Month(_, month) => {
                if month == m {
                    DateCmp::Overlap
                } else {
                    DateCmp::Different
                }
            }
            _ => DateCmp::Unknown,
        },
        (V::Month(None, m1), V::Month(_, m2)) | (V::Month(_, m2), V::Month(None, m1)) => {
            if m1 == m2 {
                DateCmp::Same
            } else {
                DateCmp::Different
            }
        }
        (V::Month(None, m), other) | (other, V::Month(None, m)) => match other.as_span() {
            Some((from, to)) if from.month() <= m && m <= to.month() => DateCmp::Overlap,
            Some(_) => DateCmp::Different,
            None => DateCmp::Unknown,
        },
        _ => match (a.as_span(), b.as_span()) {
            (Some(x), Some(y)) => {
                if x == y {
                    DateCmp::Same
                } else if x.0 <= y.1 && y.0 <= x.1 {
                    DateCmp::Overlap
                } else {
                    DateCmp::Different
                }
            }
            _ => DateCmp::Unknown,
        },
    }
}

/// One date or time expression.
#[derive(Clone, Debug)]
pub struct DateClaim {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// Byte range of the wording.
    pub bytes: Range<usize>,
    /// What it resolves to.
    pub value: DateValue,
    /// Whether the wording is relative ("on Monday", "yesterday") rather than a calendar date.
    pub relative: bool,
    /// The verb of the event it dates, when one is near.
    pub verb: Option<Verb>,
    /// Index of the clause holding its first token (alignment reads this long after the
    /// report's tables left the cache).
    pub clause: u32,
    /// That clause's tokens.
    pub clause_tokens: Range<usize>,
}

fn number_at(doc: &Doc<'_>, i: usize) -> Option<u32> {
    let tok = doc.tokens.get(i)?;
    if tok.kind != TokenKind::Number {
        return None;
    }
    doc.tok(i).parse().ok()
}

fn month_at(doc: &Doc<'_>, i: usize) -> Option<u32> {
    let tok = doc.tokens.get(i)?;
    if tok.kind != TokenKind::Word || !tok.has(CAP) {
        return None;
    }
    let month = doc.lex[i]?.month?;
    // "May" is also a verb; take it only next to a number or after "in".
    if month == 5 && doc.tok(i) == "May" {
        let near_number =
            number_at(doc, i + 1).is_some() || (i > 0 && number_at(doc, i - 1).is_some());
        let after_in = i > 0 && (doc.is_word(i - 1, "in") || doc.is_word(i - 1, "of"));
        if !near_number && !after_in {
            return None;
        }
    }
    Some(month)
}

/// Skips a glued ordinal suffix ("4th") after token `i`, returning the last token used.
fn skip_ordinal(doc: &Doc<'_>, i: usize) -> usize {
    let glued_suffix = doc.tokens.get(i + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && t.has(GLUED)
            && matches!(doc.tok(i + 1), "st" | "nd" | "rd" | "th")
    });
    if glued_suffix { i + 1 } else { i }
}

fn is_year(n: u32) -> bool {
    (1900..=2100).contains(&n)
}

/// Whether the clause around token `i` speaks of the future.
fn future_clause(doc: &Doc<'_>, i: usize) -> bool {
    let clause = doc.clause_range(i);
    (clause.start..i).any(|k| {
        doc.has(k, FUTURE)
            || (doc.lower(k) == "to" && k > 0 && matches!(doc.lower(k - 1), "is" | "are"))
    })
}

fn resolve_weekday(
    report: Option<NaiveDate>,
    weekday: u32,
    future: bool,
    modifier: &str,
) -> DateValue {
    let Some(date) = report else {
        return DateValue::Weekday(weekday);
    };
    let today = date.weekday().num_days_from_monday();
    let mut back = (i64::from(today) - i64::from(weekday)).rem_euclid(7);
    let mut ahead = (i64::from(weekday) - i64::from(today)).rem_euclid(7);
    match modifier {
        "last" if back == 0 => back = 7,
        "next" if ahead == 0 => ahead = 7,
        _ => {}
    }
    if future || modifier == "next" {
        DateValue::Day(date + Duration::days(ahead))
    } else {
        DateValue::Day(date - Duration::days(back))
    }
}

/// Year for a month (and day) given without one: the latest such date on or before the
/// report's date, or the next one after it when the clause is about the future.
fn infer_year(report: Option<NaiveDate>, month: u32, day: u32, future: bool) -> Option<i32> {
    let date = report?;
    let this_year = NaiveDate::from_ymd_opt(date.year(), month, day.max(1))?;
    // A month or two either side of the report's date is read in the same year.
    let days = (this_year - date).num_days();
    if future {
        Some(if days < -60 {
            date.year() + 1
        } else {
            date.year()
        })
    } else {
        Some(if days > 60 {
            date.year() - 1
        } else {
            date.year()
        })
    }
}

fn day_value(
    report: Option<NaiveDate>,
    year: Option<i32>,
    month: u32,
    day: u32,
    future: bool,
) -> Option<DateValue> {
    if !(1..=31).contains(&day) {
        return None;
    }
    match year.or_else(|| infer_year(report, month, day, future)) {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(DateValue::Day),
        None => Some(DateValue::MonthDay(month, day)),
    }
}

/// The verb of the event a date at `first..=last` belongs to: the nearest verb before it in
/// its clause, else the nearest after.
pub fn event_verb(doc: &Doc<'_>, first: usize, last: usize) -> Option<Verb> {
    let clause = doc.clause_range(first);
    let before = (clause.start..first)
        .rev()
        .find_map(|k| doc.lex[k].and_then(|l| l.verb));
    before.or_else(|| (last + 1..clause.end).find_map(|k| doc.lex[k].and_then(|l| l.verb)))
}

/// Finds the dates of one report. Tokens used by a date are marked in `used`.
pub fn extract(doc: &Doc<'_>, used: &mut [bool]) -> Vec<DateClaim> {
    let report = doc.date;
    let n = doc.tokens.len();
    // Room for a date every sixteen tokens, more than news text has: no regrowing.
    let mut out = Vec::with_capacity(n / 16);
    // Only where a date may start (`Doc::starts`); `i` is where the search goes on.
    let mut starts = Listed::new(&doc.starts);
    let mut i = 0;
    while let Some(s) = starts.next(i, n) {
        i = s;
        if let Some((last, value, relative)) = could_start_date(doc, i)
            .then(|| date_at(doc, i, report))
            .flatten()
        {
            // Pull in a leading "on", "late on", "early", "last" for the wording.
            let mut first = i;
            while first > 0 {
                let p = first - 1;
                let lead = matches!(
                    doc.lower(p),
                    "on" | "late"
                        | "early"
                        | "earlier"
                        | "later"
                        | "last"
                        | "next"
                        | "this"
                        | "since"
                        | "by"
                        | "until"
                );
                if lead && doc.sentence_of[p] == doc.sentence_of[i] {
                    first = p;
                } else {
                    break;
                }
            }
            for slot in &mut used[first..=last] {
                *slot = true;
            }
            let clause = doc.clause_of[first];
            out.push(DateClaim {
                first,
                last,
                bytes: doc.span(first, last),
                value,
                relative,
                verb: event_verb(doc, first, last),
                clause,
                clause_tokens: doc.clauses[clause as usize].clone(),
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Cheap test before [`date_at`], which most tokens fail: a date starts with a number or a
/// word flagged [`DATE_START`](super::lexicon::DATE_START) (a month, weekday, …).
#[inline]
pub(super) fn could_start_date(doc: &Doc<'_>, i: usize) -> bool {
    match doc.tokens[i].kind {
        TokenKind::Number => true,
        TokenKind::Punct => false,
        TokenKind::Word => doc.has(i, super::lexicon::DATE_START),
    }
}

/// Recognises a date starting at token `i`: (last token, value, relative?). Called only
/// where [`could_start_date`] holds (tested by the caller, which saves a call per token).
fn date_at(doc: &Doc<'_>, i: usize, report: Option<NaiveDate>) -> Option<(usize, DateValue, bool)> {
    let tok = doc.tokens[i];
    let future = || future_clause(doc, i);
    // "April 14", "April 14, 2025", "April 2025", "in April".
    if let Some(month) = month_at(doc, i) {
        let mut j = i + 1;
        if doc.is_punct(j, '.') && doc.tokens[j].has(GLUED) {
            j += 1;
        }
        if let Some(day) = number_at(doc, j).filter(|d| (1..=31).contains(d)) {
            let last = skip_ordinal(doc, j);
            if doc.is_punct(last + 1, ',')
                && let Some(year) = number_at(doc, last + 2).filter(|&y| is_year(y))
            {
                let value = day_value(report, Some(year as i32), month, day, false)?;
                return Some((last + 2, value, false));
            }
            if let Some(year) = number_at(doc, last + 1).filter(|&y| is_year(y)) {
                let value = day_value(report, Some(year as i32), month, day, false)?;
                return Some((last + 1, value, false));
            }
            let value = day_value(report, None, month, day, future())?;
            return Some((last, value, false));
        }
        if let Some(year) = number_at(doc, j).filter(|&y| is_year(y)) {
            return Some((j, DateValue::Month(Some(year as i32), month), false));
        }
        let year = infer_year(report, month, 1, future());
        return Some((i, DateValue::Month(year, month), report.is_some()));
    }
    match tok.kind {
        TokenKind::Number => {
            let n = number_at(doc, i)?;
            // "2025-04-14"
            if is_year(n)
                && doc.is_punct(i + 1, '-')
                && doc.tokens.get(i + 2).is_some_and(|t| t.has(GLUED))
                && doc.is_punct(i + 3, '-')
            {
                let (m, d) = (number_at(doc, i + 2)?, number_at(doc, i + 4)?);
                let date = NaiveDate::from_ymd_opt(n as i32, m, d)?;
                return Some((i + 4, DateValue::Day(date), false));
            }
            // "19 April", "19 April 2025", "14th of April"
            let mut j = skip_ordinal(doc, i) + 1;
            if doc.is_word(j, "of") {
                j += 1;
            }
            if let Some(month) = month_at(doc, j)
                && (1..=31).contains(&n)
            {
                if let Some(year) = number_at(doc, j + 1).filter(|&y| is_year(y)) {
                    let value = day_value(report, Some(year as i32), month, n, false)?;
                    return Some((j + 1, value, false));
                }
                let value = day_value(report, None, month, n, future())?;
                return Some((j, value, false));
            }
            // "12:41 a.m.", "3 p.m."
            if n <= 24 {
                let (mut last, mut minutes) = (i, 0);
                if doc.is_punct(i + 1, ':') && doc.tokens.get(i + 2).is_some_and(|t| t.has(GLUED)) {
                    let m = number_at(doc, i + 2)?;
                    if m < 60 {
                        last = i + 2;
                        minutes = m;
                    }
                }
                let suffix = doc.tokens.get(last + 1).map(|_| doc.lower(last + 1));
                let (hours, last) = match suffix {
                    Some("a.m." | "am" | "a.m") => (if n == 12 { 0 } else { n }, last + 1),
                    Some("p.m." | "pm" | "p.m") => (if n == 12 { 12 } else { n + 12 }, last + 1),
                    Some("gmt" | "utc" | "hours" | "hrs" | "h") if last > i => (n, last + 1),
                    _ if last > i && n < 24 => (n, last),
                    _ => return None,
                };
                if hours < 24 {
                    return Some((last, DateValue::Time(hours, minutes), false));
                }
            }
            // "in 2022", "since 2014"
            if is_year(n)
                && i > 0
                && matches!(
                    doc.lower(i - 1),
                    "in" | "since"
                        | "until"
                        | "by"
                        | "from"
                        | "of"
                        | "before"
                        | "after"
                        | "during"
                        | "early"
                        | "late"
                        | "mid"
                )
            {
                return Some((i, DateValue::Year(n as i32), false));
            }
            // "three days ago" with digits: "3 days ago"
            relative_span(doc, i, f64::from(n), report)
        }
        TokenKind::Word => {
            let lex = doc.lex[i];
            if let Some(weekday) = lex.and_then(|l| l.weekday).filter(|_| tok.has(CAP)) {
                let p = i.checked_sub(1).map_or("", |k| doc.lower(k));
                let modifier = if ["last", "next", "this"].contains(&p) {
                    p
                } else {
                    ""
                };
                let mut last = i;
                if matches!(
                    doc.lower(i + 1),
                    "night" | "morning" | "afternoon" | "evening"
                ) {
                    last = i + 1;
                }
                let value = resolve_weekday(report, weekday, future(), modifier);
                return Some((last, value, true));
            }
            let word = doc.lower(i);
            let offset = match word {
                "yesterday" => Some(-1),
                "today" | "tonight" => Some(0),
                "tomorrow" => Some(1),
                _ => None,
            };
            if let Some(offset) = offset {
                let value = report.map_or(DateValue::Unresolved, |d| {
                    DateValue::Day(d + Duration::days(offset))
                });
                return Some((i, value, true));
            }
            // "this month", "earlier this month", "last week", "last year"
            if matches!(word, "this" | "last" | "next") {
                let unit = doc.tokens.get(i + 1).map(|_| doc.lower(i + 1));
                let value = match (report, unit) {
                    (_, Some("week" | "month" | "year")) if report.is_none() => {
                        DateValue::Unresolved
                    }
                    (Some(d), Some("week")) => {
                        let monday =
                            d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
                        let shift = match word {
                            "last" => -7,
                            "next" => 7,
                            _ => 0,
                        };
                        let start = monday + Duration::days(shift);
                        DateValue::Span(start, start + Duration::days(6))
                    }
                    (Some(d), Some("month")) => {
                        let (y, m) = match word {
                            "last" if d.month() == 1 => (d.year() - 1, 12),
                            "last" => (d.year(), d.month() - 1),
                            "next" if d.month() == 12 => (d.year() + 1, 1),
                            "next" => (d.year(), d.month() + 1),
                            _ => (d.year(), d.month()),
                        };
                        DateValue::Month(Some(y), m)
                    }
                    (Some(d), Some("year")) => DateValue::Year(match word {
                        "last" => d.year() - 1,
                        "next" => d.year() + 1,
                        _ => d.year(),
                    }),
                    _ => return None,
                };
                // "earlier this month": up to the report's date.
                let value = match (value, report) {
                    (DateValue::Month(Some(y), m), Some(d))
                        if i > 0 && doc.is_word(i - 1, "earlier") && word == "this" =>
                    {
                        NaiveDate::from_ymd_opt(y, m, 1)
                            .map_or(value, |first| DateValue::Span(first, d))
                    }
                    _ => value,
                };
                return Some((i + 1, value, true));
            }
            // "three days ago", "days after"
            let amount = lex
                .and_then(|l| l.number)
                .filter(|_| !doc.has(i, super::lexicon::MULTIPLIER));
            if let Some(amount) = amount {
                return relative_span(doc, i, amount, report);
            }
            if (word == "days" || word == "weeks" || word == "months")
                && (doc.is_word(i + 1, "after")
                    || doc.is_word(i + 1, "before")
                    || doc.is_word(i + 1, "later"))
            {
                return Some((i + 1, DateValue::Unresolved, true));
            }
            None
        }
        TokenKind::Punct => None,
    }
}

/// "three days ago" (resolved) or "three days after" (relative to another event).
fn relative_span(
    doc: &Doc<'_>,
    i: usize,
    amount: f64,
    report: Option<NaiveDate>,
) -> Option<(usize, DateValue, bool)> {
    let unit = doc.tokens.get(i + 1).map(|_| doc.lower(i + 1))?;
    let days = match unit {
        "day" | "days" => 1.0,
        "week" | "weeks" => 7.0,
        _ => return None,
    };
    if doc.is_word(i + 2, "ago") {
        let value = report.map_or(DateValue::Unresolved, |d| {
            DateValue::Day(d - Duration::days((amount * days) as i64))
        });
        return Some((i + 2, value, true));
    }
    if matches!(doc.lower(i + 2), "after" | "before" | "later" | "earlier") {
        return Some((i + 2, DateValue::Unresolved, true));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::Interner;

    #[test]
    fn values_are_written_as_iso_dates_and_padded_times() {
        // Days as chrono writes them, whatever the year's width.
        for (y, m, d) in [
            (2025, 4, 14),
            (999, 1, 2),
            (7, 12, 31),
            (0, 2, 29),
            (9999, 6, 9),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).expect("valid");
            assert_eq!(DateValue::Day(day).to_string(), day.to_string());
        }
        let far = NaiveDate::from_ymd_opt(12_345, 1, 1).expect("valid");
        assert_eq!(DateValue::Day(far).to_string(), far.to_string());
        let (a, b) = (
            NaiveDate::from_ymd_opt(2025, 4, 1).expect("valid"),
            NaiveDate::from_ymd_opt(2025, 4, 30).expect("valid"),
        );
        let cases = [
            (DateValue::Span(a, b), "2025-04-01/2025-04-30"),
            (DateValue::MonthDay(4, 9), "--04-09"),
            (DateValue::Month(Some(2025), 11), "2025-11"),
            (DateValue::Month(None, 3), "--03"),
            (DateValue::Year(1999), "1999"),
            (DateValue::Weekday(0), "Monday (date unknown)"),
            (DateValue::Time(0, 5), "00:05"),
            (DateValue::Time(12, 41), "12:41"),
            (DateValue::Unresolved, "unresolved"),
        ];
        for (value, text) in cases {
            assert_eq!(value.to_string(), text);
            assert_eq!(value.render(), text, "the same text without a formatter");
        }
    }

    fn dates(text: &str, date: Option<NaiveDate>) -> Vec<(String, String)> {
        let mut interner = Interner::default();
        let doc = Doc::new(text, 0..text.len(), date, &mut interner);
        let mut used = vec![false; doc.tokens.len()];
        extract(&doc, &mut used)
            .into_iter()
            .map(|d| (text[d.bytes].to_owned(), d.value.to_string()))
            .collect()
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn absolute_dates_take_the_reports_year() {
        let found = dates(
            "It happened on April 14, and on 19 April 2024, and on March 3rd, 2020.",
            ymd(2025, 4, 16),
        );
        let values: Vec<_> = found.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(
            values,
            ["2025-04-14", "2024-04-19", "2020-03-03"],
            "{found:?}"
        );
    }

    #[test]
    fn weekdays_resolve_backwards_or_forwards_with_tense() {
        // 2025-04-17 is a Thursday.
        let found = dates(
            "Witkoff said on Monday it went well. She will travel on Thursday. Late on Wednesday a drone hit.",
            ymd(2025, 4, 17),
        );
        let values: Vec<_> = found.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(
            values,
            ["2025-04-14", "2025-04-17", "2025-04-16"],
            "{found:?}"
        );
        assert_eq!(found[2].0, "Late on Wednesday");
    }

    #[test]
    fn weekdays_without_a_report_date_stay_unresolved() {
        let found = dates("He said on Monday.", None);
        assert_eq!(found[0].1, "Monday (date unknown)");
    }

    #[test]
    fn relative_expressions() {
        let found = dates(
            "Earlier this month, and yesterday, and three days ago, and three days after the talks.",
            ymd(2025, 4, 16),
        );
        let values: Vec<_> = found.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(
            values,
            [
                "2025-04-01/2025-04-16",
                "2025-04-15",
                "2025-04-13",
                "unresolved"
            ],
            "{found:?}"
        );
    }

    #[test]
    fn times_and_years() {
        let found = dates("At 12:41 a.m. in 2022 at 3 pm, with 300 people.", None);
        let values: Vec<_> = found.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["00:41", "2022", "15:00"], "{found:?}");
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(dates("He May go. They may go.", None).is_empty());
        assert_eq!(dates("It was in May.", ymd(2025, 6, 1))[0].1, "2025-05");
    }

    #[test]
    fn comparisons() {
        let monday = DateValue::Weekday(0);
        let d14 = DateValue::Day(NaiveDate::from_ymd_opt(2025, 4, 14).unwrap());
        let d15 = DateValue::Day(NaiveDate::from_ymd_opt(2025, 4, 15).unwrap());
        assert_eq!(compare(&monday, &d14), DateCmp::Overlap);
        assert_eq!(compare(&monday, &d15), DateCmp::Different);
        assert_eq!(compare(&d14, &d14), DateCmp::Same);
        assert_eq!(
            compare(&d14, &DateValue::Month(Some(2025), 4)),
            DateCmp::Overlap
        );
        assert_eq!(compare(&d14, &DateValue::Unresolved), DateCmp::Unknown);
    }
}
