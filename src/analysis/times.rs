//! Dates and times of events: clock times ("9:45 a.m.", "around 10 a.m. local time", "2015
//! GMT", "shortly after 9pm", "noon"), days ("April 13", "on Monday", "yesterday", "later
//! this month", "mid-May"), resolved against the report's date when it is known, and the
//! event each one dates ("the crash occurred at 9:45", "the first swine flu case was
//! reported on April 13", "Witkoff said on Monday").
//!
//! A bare weekday in news copy is the closest such day on or before the report's date,
//! unless the clause speaks of the future ("will travel on Thursday"): then on or after it.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike as _, Duration, NaiveDate};

use super::model::{ClaimRef, Finding, Kind, Status};
use super::names::{Mention, NameKind};
use super::text::{Doc, TokKind};
use super::words::{Phrases, lexicon, month, weekday};

/// A time zone a clock time is given in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Zone {
    /// The place's own time (said, or not said).
    Local,
    /// GMT or UTC.
    Utc,
    /// Another named zone ("EST", "PT").
    Named(String),
}

/// When something happened, as precisely as the words and the report's date allow.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    /// Minutes after midnight, from `lo` to `hi`; `half_day` when a.m. or p.m. is not said
    /// (then compared on a 12-hour clock).
    Clock {
        lo: i32,
        hi: i32,
        zone: Zone,
        half_day: bool,
    },
    /// Days from `lo` to `hi`.
    Days { lo: NaiveDate, hi: NaiveDate },
    /// A month and day range of an unknown year.
    MonthDays { month: u32, lo: u32, hi: u32 },
    /// A weekday that cannot be placed (the report's date is unknown).
    Weekday(u32),
}

/// A date or time expression.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeExpr {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Its sentence.
    pub sentence: usize,
    /// What it says.
    pub when: When,
    /// The event it dates, if one is named in its clause.
    pub event: Option<String>,
    /// The token of the word naming the event.
    pub event_at: Option<usize>,
    /// A converted time in brackets right after ("6:45 am (0100 GMT)").
    pub alternative: Option<When>,
}

fn events() -> &'static Phrases<&'static str> {
    static EVENTS: std::sync::OnceLock<Phrases<&'static str>> = std::sync::OnceLock::new();
    EVENTS.get_or_init(|| super::words::phrases(include_str!("words/events.txt")))
}

/// What is built: when it comes down, it collapses (an aircraft that comes down crashes).
fn structures() -> &'static std::collections::HashSet<&'static str> {
    static STRUCTURES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    STRUCTURES.get_or_init(|| {
        super::words::entries(include_str!("words/structures.txt"))
            .map(|e| e[0])
            .collect()
    })
}

/// The hour and minutes of a number token: "9:45", "9.15", "10", "2015" (with GMT), "9pm".
fn clock_number(s: &str) -> Option<(i32, i32, Option<bool>)> {
    let lower = s.to_ascii_lowercase();
    let (digits, pm) = if let Some(d) = lower.strip_suffix("pm") {
        (d.to_owned(), Some(true))
    } else if let Some(d) = lower.strip_suffix("am") {
        (d.to_owned(), Some(false))
    } else {
        (lower, None)
    };
    let (h, m) = if let Some((h, m)) = digits.split_once([':', '.']) {
        (h.parse().ok()?, m.parse().ok()?)
    } else if digits.len() == 4 && pm.is_none() {
        (digits[..2].parse().ok()?, digits[2..].parse().ok()?)
    } else {
        (digits.parse().ok()?, 0)
    };
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some((h, m, pm))
}

fn to_24(h: i32, pm: Option<bool>) -> i32 {
    match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    }
}

/// A clock time starting at token `i`: minutes, last token, zone, whether a.m./p.m. is
/// known.
fn clock_at(doc: &Doc<'_>, i: usize) -> Option<(i32, usize, Zone, bool)> {
    let w = doc.low(i);
    if matches!(w, "noon" | "midday") {
        return Some((12 * 60, i, Zone::Local, false));
    }
    if w == "midnight" {
        return Some((0, i, Zone::Local, false));
    }
    if doc.kind(i) != Some(TokKind::Num) {
        return None;
    }
    let tok = doc.tok(i);
    let (h, m, glued) = clock_number(tok)?;
    let mut last = i;
    let next = doc.low(i + 1);
    let (pm, zone_from) = match (glued, next) {
        (Some(pm), _) => (Some(pm), i + 1),
        (None, "a.m." | "am" | "a.m") => (Some(false), i + 2),
        (None, "p.m." | "pm" | "p.m") => (Some(true), i + 2),
        (None, "a" | "p") if doc.is_punct(i + 2, '.') => (Some(next == "p"), i + 4),
        _ => (None, i + 1),
    };
    if pm.is_some() {
        last = zone_from - 1;
        while doc.is_punct(last + 1, '.') && !doc.has(last + 1, super::text::SPACE_BEFORE) {
            last += 1;
        }
    }
    let mut zone = Zone::Local;
    let z = doc.low(last + 1);
    let zoned = match z {
        "gmt" | "utc" | "z" => Some(Zone::Utc),
        "local" if doc.is(last + 2, "time") => {
            last += 1;
            Some(Zone::Local)
        }
        "est" | "edt" | "pt" | "pst" | "pdt" | "et" | "ct" | "cst" | "cdt" | "cet" | "cest"
        | "bst" | "ist" | "jst" => Some(Zone::Named(z.to_ascii_uppercase())),
        _ => None,
    };
    if let Some(zn) = zoned.clone() {
        zone = zn;
        last += 1;
    }
    let has_colon = tok.contains(':') || (tok.contains('.') && pm.is_some());
    let four = tok.len() == 4 && tok.chars().all(|c| c.is_ascii_digit());
    // A bare number is a time only with a.m./p.m., a zone, or a colon and a day part near.
    let day_part = (last + 1..last + 4).find_map(|k| match doc.low(k) {
        "morning" => Some(false),
        "afternoon" | "evening" | "night" | "tonight" => Some(true),
        _ => None,
    });
    let is_time = pm.is_some()
        || (four && zone == Zone::Utc)
        || (zoned.is_some() && (has_colon || four))
        || (tok.contains(':') && (day_part.is_some() || doc.is(i.wrapping_sub(1), "at")));
    if !is_time || (four && zone != Zone::Utc && pm.is_none() && zoned.is_none()) {
        return None;
    }
    let pm = pm.or(day_part);
    let minutes = to_24(h, pm) * 60 + m;
    Some((minutes, last, zone, pm.is_none() && h <= 12))
}

/// A day of a month at `i`: "April 13", "Aug. 1", "13 April", with a year after if said.
fn month_day_at(doc: &Doc<'_>, i: usize) -> Option<(u32, u32, Option<i32>, usize)> {
    let number = |k: usize| -> Option<u32> {
        if doc.kind(k) != Some(TokKind::Num) {
            return None;
        }
        let s = doc.tok(k);
        let (d, rest) = s.split_at(s.bytes().take_while(u8::is_ascii_digit).count());
        if !(rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th")) {
            return None;
        }
        d.parse().ok().filter(|n| (1..=31).contains(n))
    };
    let year_at = |k: usize| -> Option<(i32, usize)> {
        let k = if doc.is_punct(k, ',') { k + 1 } else { k };
        let s = doc.tok(k);
        let y: i32 = s.parse().ok().filter(|_| s.len() == 4)?;
        (1900..=2100).contains(&y).then_some((y, k))
    };
    if let Some(m) = month(doc.low(i)).filter(|_| doc.is_cap(i)) {
        let k = if doc.is_punct(i + 1, '.') {
            i + 2
        } else {
            i + 1
        };
        if let Some(d) = number(k) {
            let (year, last) = year_at(k + 1).map_or((None, k), |(y, l)| (Some(y), l));
            return Some((m, d, year, last));
        }
        return None;
    }
    let d = number(i)?;
    let m = month(doc.low(i + 1)).filter(|_| doc.is_cap(i + 1))?;
    let (year, last) = year_at(i + 2).map_or((None, i + 1), |(y, l)| (Some(y), l));
    Some((m, d, year, last))
}

fn last_day(year: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(28, |d| d.day())
}

/// Whether the clause around `i` speaks of the future ("will travel on Thursday").
fn future(doc: &Doc<'_>, i: usize) -> bool {
    let start = doc.sentence_range(i).start;
    // "a curfew beginning Tuesday", "from Tuesday", "until Saturday morning".
    if doc.is_any(
        i.wrapping_sub(1),
        &[
            "beginning",
            "starting",
            "from",
            "until",
            "till",
            "next",
            "through",
        ],
    ) {
        return true;
    }
    (i.saturating_sub(8).max(start)..i).any(|k| {
        doc.is_any(
            k,
            &[
                "will",
                "would",
                "shall",
                "scheduled",
                "due",
                "set",
                "plans",
                "expected",
                "next",
                "later",
            ],
        )
    })
}

/// Every date and time expression of a report.
pub fn extract(doc: &Doc<'_>, date: Option<NaiveDate>) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        if let Some((when, first, last)) = expression_at(doc, i, date) {
            let sentence = doc.sentence_of[i] as usize;
            // A dateline ("KUNDUZ, Afghanistan, Oct. 4 (UPI) --") dates the report, not an
            // event.
            let dateline = sentence == 0
                && (doc.is_punct(last + 1, '(')
                    && doc.is_word(last + 2)
                    && doc.has(last + 2, super::text::UPPER)
                    || doc.is_punct(last + 1, '-') && doc.is_punct(last + 2, '-')
                    || doc.is_punct(last + 1, '—'));
            if dateline {
                i = last + 1;
                continue;
            }
            // "6:45 am (0100 GMT)": the same time in another zone.
            let alternative = doc
                .is_punct(last + 1, '(')
                .then(|| expression_at(doc, last + 2, date))
                .flatten();
            let end = match &alternative {
                Some((_, _, alt_last)) if doc.is_punct(alt_last + 1, ')') => alt_last + 1,
                _ => last,
            };
            out.push(TimeExpr {
                tokens: first..last + 1,
                sentence,
                when,
                event: None,
                event_at: None,
                alternative: alternative.map(|(w, _, _)| w),
            });
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The expression at `i`: what it says, its first and last token.
/// Whether a time or date can start at token `i`: a number, a capitalised word (a month, a
/// weekday), or one of the few lower-case words that start one.
fn may_start_time(doc: &Doc<'_>, i: usize) -> bool {
    doc.kind(i) == Some(TokKind::Num)
        || doc.is_cap(i)
        || matches!(
            doc.low(i),
            "noon"
                | "midday"
                | "midnight"
                | "yesterday"
                | "today"
                | "tonight"
                | "this"
                | "last"
                | "later"
                | "earlier"
                | "mid"
                | "early"
                | "late"
                | "in"
                | "until"
                | "since"
                | "by"
        )
}

fn expression_at(doc: &Doc<'_>, i: usize, date: Option<NaiveDate>) -> Option<(When, usize, usize)> {
    if !may_start_time(doc, i) {
        return None;
    }
    // Clock times, with what is said around them ("about", "shortly after").
    if let Some((minutes, last, zone, half_day)) = clock_at(doc, i) {
        let minutes_given = doc.tok(i).contains([':', '.']) || doc.tok(i).len() == 4;
        let (mut lo, mut hi) = (minutes, minutes);
        let mut first = i;
        let before = |back: usize| i.checked_sub(back).map_or("", |k| doc.low(k));
        match (before(2), before(1)) {
            ("shortly" | "just" | "soon", "after") => {
                hi += 20;
                first = i - 2;
            }
            ("shortly" | "just", "before") => {
                lo -= 20;
                first = i - 2;
            }
            (_, "about" | "around" | "approximately" | "roughly" | "circa" | "some") => {
                let d = if minutes_given { 4 } else { 8 };
                lo -= d;
                hi += d;
                first = i - 1;
            }
            _ => {}
        }
        // "from 2:08 a.m. to 3:15 a.m.", "10 p.m. through 5 a.m.", "between 10 p.m. and 5
        // a.m.": a span (past midnight when it ends earlier than it starts).
        let between = before(1) == "between";
        if (doc.is_any(last + 1, &["to", "until", "till", "through", "thru"])
            || doc.is_punct(last + 1, '-')
            || (between && doc.is(last + 1, "and")))
            && let Some((mut end_minutes, end_last, _, _)) = clock_at(doc, last + 2)
        {
            if end_minutes <= minutes {
                end_minutes += 24 * 60;
            }
            return Some((
                When::Clock {
                    lo,
                    hi: end_minutes,
                    zone,
                    half_day,
                },
                if between { i - 1 } else { first },
                end_last,
            ));
        }
        return Some((
            When::Clock {
                lo,
                hi,
                zone,
                half_day,
            },
            first,
            last,
        ));
    }
    // ISO dates: 2025-04-14.
    if doc.kind(i) == Some(TokKind::Num)
        && doc.tok(i).len() == 4
        && doc.is_punct(i + 1, '-')
        && doc.is_punct(i + 3, '-')
    {
        let y: i32 = doc.tok(i).parse().ok()?;
        let m: u32 = doc.tok(i + 2).parse().ok()?;
        let d: u32 = doc.tok(i + 4).parse().ok()?;
        let day = NaiveDate::from_ymd_opt(y, m, d)?;
        return Some((When::Days { lo: day, hi: day }, i, i + 4));
    }
    if let Some((m, d, year, last)) = month_day_at(doc, i) {
        let year = year.or_else(|| {
            date.map(|rd| {
                // A day more than two months after the report's is of the year before.
                let this = NaiveDate::from_ymd_opt(rd.year(), m, d.min(last_day(rd.year(), m)));
                match this {
                    Some(day) if day > rd + Duration::days(62) => rd.year() - 1,
                    _ => rd.year(),
                }
            })
        });
        let when = match year.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
            Some(day) => When::Days { lo: day, hi: day },
            None => When::MonthDays {
                month: m,
                lo: d,
                hi: d,
            },
        };
        return Some((when, i, last));
    }
    let w = doc.low(i);
    // Weekdays: "on Monday", "late Friday".
    if let Some(wd) = weekday(w).filter(|_| doc.is_cap(i)) {
        let when = match date {
            Some(rd) => {
                let today = rd.weekday().num_days_from_monday();
                let day = if future(doc, i) {
                    rd + Duration::days(i64::from((wd + 7 - today) % 7))
                } else {
                    rd - Duration::days(i64::from((today + 7 - wd) % 7))
                };
                When::Days { lo: day, hi: day }
            }
            None => When::Weekday(wd),
        };
        return Some((when, i, i));
    }
    let next = doc.low(i + 1);
    // Without the report's date, a month is still a month: "in mid-May".
    let Some(rd) = date else {
        let month_words = |k: usize| month(doc.low(k)).filter(|_| doc.is_cap(k));
        return match w {
            "mid" | "early" | "late"
                if doc.is_punct(i + 1, '-') || month_words(i + 1).is_some() =>
            {
                let k = if doc.is_punct(i + 1, '-') {
                    i + 2
                } else {
                    i + 1
                };
                let m = month_words(k)?;
                let (lo, hi) = match w {
                    "mid" => (10, 20),
                    "early" => (1, 10),
                    _ => (20, 31),
                };
                Some((When::MonthDays { month: m, lo, hi }, i, k))
            }
            "in" | "until" | "since" | "by"
                if month_words(i + 1).is_some() && month_day_at(doc, i + 1).is_none() =>
            {
                Some((
                    When::MonthDays {
                        month: month_words(i + 1)?,
                        lo: 1,
                        hi: 31,
                    },
                    i + 1,
                    i + 1,
                ))
            }
            _ => None,
        };
    };
    let day = |d: NaiveDate| When::Days { lo: d, hi: d };
    let month_span = |y: i32, m: u32, lo: u32, hi: u32| {
        let lo = NaiveDate::from_ymd_opt(y, m, lo.min(last_day(y, m)))?;
        let hi = NaiveDate::from_ymd_opt(y, m, hi.min(last_day(y, m)))?;
        Some(When::Days { lo, hi })
    };
    match w {
        "yesterday" => return Some((day(rd - Duration::days(1)), i, i)),
        "today" | "tonight" => return Some((day(rd), i, i)),
        "this" if matches!(next, "morning" | "afternoon" | "evening") => {
            return Some((day(rd), i, i + 1));
        }
        "last" if next == "night" => {
            return Some((
                When::Days {
                    lo: rd - Duration::days(1),
                    hi: rd,
                },
                i,
                i + 1,
            ));
        }
        "later" | "earlier" if doc.is(i + 1, "this") && doc.is(i + 2, "month") => {
            let end = last_day(rd.year(), rd.month());
            let when = if w == "later" {
                month_span(rd.year(), rd.month(), (rd.day() + 1).min(end), end)?
            } else {
                month_span(rd.year(), rd.month(), 1, rd.day())?
            };
            return Some((when, i, i + 2));
        }
        "mid" | "early" | "late" if doc.is_punct(i + 1, '-') || month(doc.low(i + 1)).is_some() => {
            let k = if doc.is_punct(i + 1, '-') {
                i + 2
            } else {
                i + 1
            };
            let m = month(doc.low(k)).filter(|_| doc.is_cap(k))?;
            let (lo, hi) = match w {
                "mid" => (10, 20),
                "early" => (1, 10),
                _ => (20, 31),
            };
            let y = if m < rd.month() && future(doc, i) {
                rd.year() + 1
            } else {
                rd.year()
            };
            return Some((month_span(y, m, lo, hi)?, i, k));
        }
        "in" | "until" | "since" | "by"
            if month(next).is_some() && doc.is_cap(i + 1) && month_day_at(doc, i + 1).is_none() =>
        {
            let m = month(next)?;
            let y = if m < rd.month() && future(doc, i) {
                rd.year() + 1
            } else {
                rd.year()
            };
            return Some((month_span(y, m, 1, 31)?, i + 1, i + 1));
        }
        _ => {}
    }
    None
}

/// The event a time dates: the first event word of its clause (its subject comes first:
/// "the first 911 call about the crash came in at 9:47" is the call), "the first case"
/// for an ordinal, a noun with a verb of beginning ("the season opens in mid-May"), or who
/// said what ("Witkoff said on Monday").
pub fn event_of(doc: &Doc<'_>, t: &TimeExpr, mentions: &[Mention]) -> Option<(String, usize)> {
    let range = doc.sentence_range(t.tokens.start);
    // "still going on as of Sunday night", "suspended until May 6": a state lasting to a
    // time, not when something happened.
    let before = t.tokens.start.checked_sub(1);
    if before.is_some_and(|k| doc.is_any(k, &["until", "till", "since", "through", "by"]))
        || before.is_some_and(|k| doc.is(k, "of") && doc.is(k.wrapping_sub(1), "as"))
    {
        return None;
    }
    // The clause: back to a semicolon, colon, dash or the sentence start; on to the end.
    let clause_start = (range.start..t.tokens.start)
        .rev()
        .find(|&k| doc.is_punct(k, ';') || doc.is_punct(k, ':') || doc.is_punct(k, '—'))
        .map_or(range.start, |k| k + 1);
    let clause_end = (t.tokens.end..range.end)
        .find(|&k| doc.is_punct(k, ';') || doc.is_punct(k, '—'))
        .unwrap_or(range.end);
    let lex = lexicon();
    // "the first swine flu case": an ordinal names the event.
    for k in clause_start..clause_end {
        if doc.is(k, "first") && !doc.is(k.wrapping_sub(1), "at") {
            let mut n = k + 1;
            let mut noun = None;
            while n < clause_end && n < k + 7 && doc.is_word(n) && !doc.is_function(n) {
                noun = Some(n);
                n += 1;
                if doc.is_punct(n, '-') {
                    n += 1;
                }
            }
            if let Some(noun) = noun {
                let w = doc.low(noun);
                let stem = w.strip_suffix('s').unwrap_or(w);
                return Some((format!("first {stem}"), k));
            }
        }
    }
    // "Witkoff said on Monday": a statement, dated.
    // Only a date said right with the verb dates the statement ("said on Monday", "said
    // late Saturday", "on April 14, … said"), not one inside what was said.
    // "The building collapsed at about 10:40 a.m., witnesses said": an event word right
    // before the time is what it dates, whoever said so after it.
    let event_before =
        (t.tokens.start.saturating_sub(3).max(clause_start)..t.tokens.start).any(|k| {
            events()
                .at(doc, k)
                .is_some_and(|(len, _)| k + len <= t.tokens.start)
        });
    let said = (clause_start..clause_end).find(|&k| {
        doc.is_any(
            k,
            &[
                "said",
                "says",
                "saying",
                "told",
                "announced",
                "declared",
                "stated",
                "reported",
                "confirmed",
            ],
        ) && (t.tokens.start > k && t.tokens.start - k <= 3
            || k >= t.tokens.end && k - t.tokens.end <= 3 && !event_before)
    });
    if let Some(k) = said {
        let speaker = mentions.iter().rfind(|m| {
            (m.kind == NameKind::Person || m.words.len() == 1)
                && m.tokens.end <= k
                && m.tokens.start >= clause_start
                && k - m.tokens.end <= 2
        });
        if let Some(m) = speaker {
            return Some((
                format!("said:{}", m.words.last().cloned().unwrap_or_default()),
                k,
            ));
        }
        // "police announced on Wednesday": the date is the announcement's.
        return None;
    }
    // The event words of the clause, with their distance from the expression.
    let mut candidates: Vec<(usize, usize, String)> = Vec::new();
    let mut k = clause_start;
    while k < clause_end {
        if t.tokens.contains(&k) {
            k += 1;
            continue;
        }
        // "the first 911 call about the crash": an event inside a phrase about something
        // else is not what the clause dates.
        // "headed to Paris on Wednesday for talks": the purpose is not what is dated.
        let modifier = (k >= clause_start + 2
            && doc.is_any(k - 1, &["the", "a", "an", "this", "that"])
            && doc.is_any(
                k - 2,
                &[
                    "about",
                    "of",
                    "after",
                    "following",
                    "since",
                    "before",
                    "over",
                    "into",
                    "for",
                    "from",
                ],
            ))
            || (k > clause_start && doc.is(k - 1, "for"))
            // "the worst-hit town", "storm-battered coast": an adjective, not the event.
            || (k > clause_start
                && doc.is_punct(k - 1, '-')
                && !doc.has(k - 1, super::text::SPACE_BEFORE));
        if let Some((len, &event)) = events().at(doc, k).filter(|_| !modifier) {
            let distance = if k >= t.tokens.end {
                k - t.tokens.end
            } else {
                t.tokens.start - (k + len)
            };
            let name = match event {
                // "the season opens": a noun and a verb of beginning. People do not begin
                // ("a confrontation with school-age children that started"), nor do the
                // words of a compound before a noun.
                "begin" => (clause_start..k)
                    .rev()
                    .find(|&n| {
                        doc.is_word(n)
                            && !doc.is_function(n)
                            && lex.people.at(doc, n).is_none()
                            && !doc.is_punct(n.wrapping_sub(1), '-')
                            && !doc.is_punct(n + 1, '-')
                    })
                    .map(|noun| {
                        // A noun that names an event names it the same in every report
                        // ("the wildfire broke out", "the blaze started": a fire begins).
                        match events().at(doc, noun) {
                            Some((_, &e)) if e != "begin" && e != "happen" => {
                                format!("{e} begins")
                            }
                            _ => {
                                let w = doc.low(noun);
                                format!("{} begins", w.strip_suffix('s').unwrap_or(w))
                            }
                        }
                    }),
                // "the crash occurred": the event is the noun it is said of.
                "happen" => None,
                other => Some(other.to_owned()),
            };
            if let Some(name) = name {
                candidates.push((k, distance, name));
            }
            k += len;
            continue;
        }
        k += 1;
    }
    // An event word after the time and across "and" or a comma starts another clause
    // ("left Lhasa at 10:32 a.m. and crashed minutes before").
    candidates.retain(|c| {
        c.0 < t.tokens.start
            || !(t.tokens.end..c.0).any(|k| doc.is(k, "and") || doc.is_punct(k, ','))
    });
    let clock = matches!(t.when, When::Clock { .. });
    // An event word right beside the time is its event; a clock time may also date the
    // clause's subject ("the first 911 call about the crash came in at 9:47" is the
    // call); a day only an event said with it.
    let near = candidates.iter().filter(|c| c.1 <= 3).min_by_key(|c| c.1);
    let chosen = near.or_else(|| {
        if clock {
            candidates.first()
        } else {
            candidates.iter().filter(|c| c.1 <= 6).min_by_key(|c| c.1)
        }
    });
    let (mut event_at, mut event) = chosen.map(|c| (c.0, c.2.clone()))?;
    // "an explosion hit the mine", "an earthquake struck the region": a verb of impact says
    // what the event did; the event is the noun it is said of, just before it.
    if event == "strike"
        && doc.is_any(
            event_at,
            &["hit", "hits", "struck", "rocked", "tore", "ripped"],
        )
        && let Some(subject) = candidates
            .iter()
            .filter(|c| c.0 < event_at && event_at - c.0 <= 2 && c.2 != "strike")
            .max_by_key(|c| c.0)
    {
        event_at = subject.0;
        event.clone_from(&subject.2);
    }
    // "the building came down": a structure that comes down collapses.
    if event == "crash"
        && doc.is_any(event_at, &["came", "went"])
        && (event_at.saturating_sub(3).max(clause_start)..event_at)
            .any(|k| structures().contains(doc.low(k)))
    {
        "collapse".clone_into(&mut event);
    }
    // "a curfew for children": an event for some people only (the nearest such words).
    let for_people = (clause_start..t.tokens.start)
        .rev()
        .find(|&k| doc.is(k, "for") && lex.people.at(doc, k + 1).is_some());
    if let Some(f) = for_people
        && let Some((_, &(class, compared))) = lex.people.at(doc, f + 1)
        && class == super::words::PeopleClass::Age
    {
        event.push_str(" for ");
        event.push_str(compared);
    }
    Some((event, event_at))
}

/// How two times or dates of one event compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rel {
    Same,
    Agree,
    Unknown,
    Conflict,
}

fn compare(a: &When, b: &When) -> Rel {
    match (a, b) {
        (
            When::Clock {
                lo: al,
                hi: ah,
                zone: az,
                half_day: ad,
            },
            When::Clock {
                lo: bl,
                hi: bh,
                zone: bz,
                half_day: bd,
            },
        ) => {
            if az != bz {
                return Rel::Unknown;
            }
            let (al, ah, bl, bh) = if *ad || *bd {
                let m = |x: i32| x.rem_euclid(12 * 60);
                (m(*al), m(*ah), m(*bl), m(*bh))
            } else {
                (*al, *ah, *bl, *bh)
            };
            if al == bl && ah == bh {
                Rel::Same
            } else if al <= bh && bl <= ah {
                Rel::Agree
            } else {
                Rel::Conflict
            }
        }
        (When::Days { lo: al, hi: ah }, When::Days { lo: bl, hi: bh }) => {
            if al == bl && ah == bh {
                Rel::Same
            } else if al <= bh && bl <= ah {
                Rel::Agree
            } else {
                Rel::Conflict
            }
        }
        (
            When::Days { lo, hi },
            When::MonthDays {
                month,
                lo: dl,
                hi: dh,
            },
        )
        | (
            When::MonthDays {
                month,
                lo: dl,
                hi: dh,
            },
            When::Days { lo, hi },
        ) => {
            if lo.month() != *month && hi.month() != *month {
                Rel::Conflict
            } else if lo.day() <= *dh && *dl <= hi.day() {
                Rel::Agree
            } else {
                Rel::Conflict
            }
        }
        (
            When::MonthDays {
                month: am,
                lo: al,
                hi: ah,
            },
            When::MonthDays {
                month: bm,
                lo: bl,
                hi: bh,
            },
        ) => {
            if am != bm {
                Rel::Conflict
            } else if al <= bh && bl <= ah {
                if al == bl && ah == bh {
                    Rel::Same
                } else {
                    Rel::Agree
                }
            } else {
                Rel::Conflict
            }
        }
        (When::Weekday(x), When::Weekday(y)) => {
            if x == y {
                Rel::Same
            } else {
                Rel::Unknown
            }
        }
        // A weekday of an undated report agrees with a date on that weekday.
        (When::Weekday(w), When::Days { lo, hi }) | (When::Days { lo, hi }, When::Weekday(w)) => {
            let mut d = *lo;
            while d <= *hi {
                if d.weekday().num_days_from_monday() == *w {
                    return Rel::Agree;
                }
                d += Duration::days(1);
            }
            Rel::Unknown
        }
        _ => Rel::Unknown,
    }
}

/// The value text of a date or time ("09:45", "09:41..09:49", "2025-04-14", "Monday").
pub fn value_text(w: &When) -> String {
    let clock = |m: i32| {
        format!(
            "{:02}:{:02}",
            m.div_euclid(60).rem_euclid(24),
            m.rem_euclid(60)
        )
    };
    match w {
        When::Clock { lo, hi, zone, .. } => {
            let z = match zone {
                Zone::Local => String::new(),
                Zone::Utc => " UTC".to_owned(),
                Zone::Named(n) => format!(" {n}"),
            };
            if lo == hi {
                format!("{}{z}", clock(*lo))
            } else {
                format!("{}..{}{z}", clock(*lo), clock(*hi))
            }
        }
        When::Days { lo, hi } => {
            if lo == hi {
                lo.format("%Y-%m-%d").to_string()
            } else {
                format!("{}..{}", lo.format("%Y-%m-%d"), hi.format("%Y-%m-%d"))
            }
        }
        When::MonthDays { month, lo, hi } => {
            if lo == hi {
                format!("--{month:02}-{lo:02}")
            } else {
                format!("--{month:02}-{lo:02}..{hi:02}")
            }
        }
        When::Weekday(d) => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][*d as usize % 7]
            .to_owned(),
    }
}

/// Date findings: the times and dates of one event across reports, compared.
pub fn findings(
    docs: &[Doc<'_>],
    times: &[Vec<TimeExpr>],
    background: &[Vec<bool>],
) -> (Vec<Finding>, Vec<(usize, usize)>) {
    // Event → report → the expressions dating it, one per distinct value.
    let mut by_event: BTreeMap<(String, bool), BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
    for (r, list) in times.iter().enumerate() {
        for (i, t) in list.iter().enumerate() {
            let Some(event) = &t.event else { continue };
            if background[r].get(t.sentence).copied().unwrap_or(false) {
                continue;
            }
            let clock = matches!(t.when, When::Clock { .. });
            let slot = by_event
                .entry((event.clone(), clock))
                .or_default()
                .entry(r)
                .or_default();
            if !slot.iter().any(|&j| list[j].when == t.when) {
                slot.push(i);
            }
        }
    }
    let relation = |a: &TimeExpr, b: &TimeExpr| {
        let mut rel = compare(&a.when, &b.when);
        // A time given in two zones is compared in the zone both use.
        for (x, y) in [(&a.alternative, &b.when), (&b.alternative, &a.when)] {
            if let Some(alt) = x {
                let r2 = compare(alt, y);
                if r2 != Rel::Unknown {
                    rel = r2;
                }
            }
        }
        rel
    };
    let mut out = Vec::new();
    let mut grouped = Vec::new();
    for ((event, _), per_report) in by_event {
        if per_report.len() < 2 {
            continue;
        }
        let entries: Vec<(usize, usize)> = per_report
            .iter()
            .flat_map(|(&r, list)| list.iter().map(move |&i| (r, i)))
            .collect();
        let mut worst = Rel::Same;
        let mut comparable = false;
        let mut conflicting: std::collections::BTreeSet<(usize, usize)> =
            std::collections::BTreeSet::new();
        // Each distinct reading once, with the entries that give it (many reports give the
        // same time in the same words).
        let mut readings: Vec<Vec<(usize, usize)>> = Vec::new();
        for &(r, i) in &entries {
            let t = &times[r][i];
            match readings.iter_mut().find(|list| {
                let u = &times[list[0].0][list[0].1];
                u.when == t.when && u.alternative == t.alternative
            }) {
                Some(list) => list.push((r, i)),
                None => readings.push(vec![(r, i)]),
            }
        }
        // Whether `b` has an entry of a report other than `r`.
        let across = |b: &[(usize, usize)], r: usize| b.iter().any(|&(rb, _)| rb != r);
        for (x, a) in readings.iter().enumerate() {
            let ta = &times[a[0].0][a[0].1];
            // The same reading in two reports.
            if a.iter().any(|&(r, _)| r != a[0].0) {
                let rel = relation(ta, ta);
                if rel != Rel::Unknown {
                    comparable = true;
                    worst = worst.max(rel);
                }
            }
            for b in &readings[x + 1..] {
                if !a.iter().any(|&(r, _)| across(b, r)) {
                    continue;
                }
                let rel = relation(ta, &times[b[0].0][b[0].1]);
                if rel == Rel::Unknown {
                    continue;
                }
                comparable = true;
                worst = worst.max(rel);
                if rel == Rel::Conflict {
                    for &(r, i) in a {
                        if across(b, r) {
                            conflicting.insert((r, i));
                        }
                    }
                    for &(r, i) in b {
                        if across(a, r) {
                            conflicting.insert((r, i));
                        }
                    }
                }
            }
        }
        // Times that cannot be compared (a zone or a report's date unknown) say nothing.
        if !comparable {
            continue;
        }
        let status = if worst == Rel::Conflict {
            Status::Conflict
        } else {
            Status::Corroborated
        };
        let shown: Vec<(usize, usize)> = if status == Status::Conflict {
            conflicting.into_iter().collect()
        } else {
            per_report.iter().map(|(&r, list)| (r, list[0])).collect()
        };
        let mut claims = Vec::new();
        for (r, i) in shown {
            let t = &times[r][i];
            grouped.push((r, i));
            // The claim reads with its preposition: "on Monday", "at 9:45 a.m.".
            let first = t
                .tokens
                .start
                .checked_sub(1)
                .filter(|&k| docs[r].is_any(k, &["on", "at", "in"]))
                .unwrap_or(t.tokens.start);
            let span = docs[r].span(first, t.tokens.end - 1);
            claims.push(ClaimRef {
                article: r,
                start: span.start,
                end: span.end,
                value: value_text(&t.when),
                display: docs[r].text[span].to_owned(),
            });
        }
        let what = event.strip_prefix("said:").map_or_else(
            || event.clone(),
            |who| format!("when {} spoke", super::text::title_case(who)),
        );
        let values: Vec<String> = claims
            .iter()
            .map(|c| {
                format!(
                    "{} (report {})",
                    super::model::readable(&c.value),
                    c.article + 1
                )
            })
            .collect();
        let explanation = if status == Status::Conflict {
            format!(
                "Grouped as the time of one event ({what}, named in the same clause); {}: these cannot all be true.",
                values.join(" against ")
            )
        } else {
            format!(
                "Grouped as the time of one event ({what}, named in the same clause); {}: they agree.",
                values.join(", ")
            )
        };
        out.push(Finding {
            id: super::numbers::finding_id(Kind::Date, &claims),
            kind: Kind::Date,
            status,
            precision: Vec::new(),
            subject: format!("time of {what}"),
            explanation,
            claims,
        });
    }
    (out, grouped)
}
