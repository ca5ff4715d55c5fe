//! What the engine finds: claims with their normalised values, and findings (groups of claims
//! about one thing across reports, classified as conflict, compatible, corroborated or only in
//! one report).

use std::fmt;

use serde::{Deserialize, Serialize};

/// What a figure counts the outcome of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// killed, dead, died, death toll
    Killed,
    /// injured, wounded
    Injured,
    /// casualties (killed and injured together)
    Casualties,
    /// missing
    Missing,
    /// displaced, evacuated, fled
    Displaced,
    /// arrested, detained
    Arrested,
    /// rescued, survived
    Rescued,
    /// on board, carrying
    OnBoard,
    /// votes won or received
    Votes,
    /// turnout
    Turnout,
    /// seats won
    Seats,
    /// pledged, promised, aid
    Pledged,
    /// cost, damage, losses
    Cost,
    /// buildings destroyed or damaged
    Destroyed,
    /// missiles or shots fired or launched
    Fired,
    /// troops deployed
    Deployed,
    /// weapons or goods sent, delivered, supplied
    Delivered,
    /// bodies recovered
    Recovered,
    /// people affected
    Affected,
    /// people at a protest or event
    Attended,
}

impl Measure {
    /// The participle used in subjects ("people *killed* in X").
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Killed => "killed",
            Self::Injured => "injured",
            Self::Casualties => "casualties",
            Self::Missing => "missing",
            Self::Displaced => "displaced",
            Self::Arrested => "arrested",
            Self::Rescued => "rescued or surviving",
            Self::OnBoard => "on board",
            Self::Votes => "votes",
            Self::Turnout => "turnout",
            Self::Seats => "seats",
            Self::Pledged => "pledged",
            Self::Cost => "cost or damage",
            Self::Destroyed => "destroyed or damaged",
            Self::Fired => "fired or launched",
            Self::Deployed => "deployed",
            Self::Delivered => "sent or delivered",
            Self::Recovered => "recovered",
            Self::Affected => "affected",
            Self::Attended => "taking part",
        }
    }

    /// Whether the figure is about harm at a place (anchored to places, not to people).
    pub fn is_located(self) -> bool {
        matches!(
            self,
            Self::Killed
                | Self::Injured
                | Self::Casualties
                | Self::Missing
                | Self::Displaced
                | Self::Arrested
                | Self::Rescued
                | Self::Destroyed
                | Self::Recovered
                | Self::Affected
                | Self::Attended
                | Self::Fired
        )
    }
}

/// A closed interval of values; `hi` is infinite for "at least".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lowest value the wording allows.
    pub lo: f64,
    /// Highest value the wording allows (`f64::INFINITY` when open).
    pub hi: f64,
}

impl Interval {
    /// One exact value.
    pub fn exact(v: f64) -> Self {
        Self { lo: v, hi: v }
    }

    /// Whether this is one value.
    pub fn is_exact(&self) -> bool {
        self.lo.total_cmp(&self.hi).is_eq()
    }

    /// The overlap of two intervals, if any. Values within a relative 0.5% count as equal
    /// (unit conversions and rounding of "3.5 million").
    pub fn intersect(&self, other: &Self) -> Option<Self> {
        let lo = self.lo.max(other.lo);
        let hi = self.hi.min(other.hi);
        let slack = 0.005 * lo.abs().max(hi.abs().min(1e300));
        (lo <= hi + slack).then_some(Self { lo, hi: hi.max(lo) })
    }

    /// Sum of two intervals (for lumped totals).
    pub fn add(&self, other: &Self) -> Self {
        Self {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
        }
    }

    /// Whether both describe the very same set of values.
    pub fn same(&self, other: &Self) -> bool {
        let close = |a: f64, b: f64| {
            (a.is_infinite() && b.is_infinite()) || (a - b).abs() <= 0.005 * a.abs().max(b.abs())
        };
        close(self.lo, other.lo) && close(self.hi, other.hi)
    }
}

/// A value that writes itself as text straight into a string or a formatter. Claims' values
/// are rendered for every claim shown; `format_args!` machinery costs more than the digits.
pub trait WriteValue {
    /// Writes the value as its `Display` shows it.
    fn write_value<W: fmt::Write>(&self, out: &mut W) -> fmt::Result;

    /// The value as a new string.
    fn render(&self) -> String {
        // Room for any interval or date from the start: `to_string` would grow it twice.
        let mut s = String::with_capacity(24);
        let _ = self.write_value(&mut s);
        s
    }
}

/// A bound as written in values: whole numbers without a point, others rounded to two
/// decimals.
fn write_number<W: fmt::Write>(v: f64, out: &mut W) -> fmt::Result {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return out.write_str(itoa::Buffer::new().format(v as i64));
    }
    // The value rounded to two decimals, in the shortest form that reads back as it (what
    // `{}` prints; `{:.2}` would take the slow exact-formatting path). Below 1e12 a number
    // of hundredths `k` prints as `k / 100` with its trailing zeros cut: any shorter decimal
    // is a hundredth away, far more than a double's spacing there. Written by hand, as
    // float formatting costs more than the rest of a claim ("about 57" is 51.3..62.7).
    let hundredths = (v * 100.0).round();
    if hundredths == 0.0 || hundredths.abs() >= 1e14 || !hundredths.is_finite() {
        return write!(out, "{}", hundredths / 100.0);
    }
    let k = hundredths as i64;
    if k < 0 {
        out.write_char('-')?;
    }
    let k = k.unsigned_abs();
    out.write_str(itoa::Buffer::new().format(k / 100))?;
    let (tenths, rest) = ((k % 100) / 10, k % 10);
    if tenths != 0 || rest != 0 {
        out.write_char('.')?;
        out.write_char(char::from(b'0' + tenths as u8))?;
        if rest != 0 {
            out.write_char(char::from(b'0' + rest as u8))?;
        }
    }
    Ok(())
}

impl WriteValue for Interval {
    /// `20`, `18..22`, `24..` (24 or more), `..35` (35 or fewer).
    fn write_value<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        if self.is_exact() {
            write_number(self.lo, out)
        } else if self.hi.is_infinite() {
            write_number(self.lo, out)?;
            out.write_str("..")
        } else if self.lo <= 0.0 {
            out.write_str("..")?;
            write_number(self.hi, out)
        } else {
            write_number(self.lo, out)?;
            out.write_str("..")?;
            write_number(self.hi, out)
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_value(f)
    }
}

/// What a finding is about. The names are part of the `check --json` contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Figures.
    Number,
    /// Who did what with whom.
    People,
    /// When something happened.
    Date,
    /// One name spelled two ways.
    Spelling,
    /// A check-worthy fact only one report gives.
    OnlyInOne,
    /// The same statement in several reports.
    Statement,
}

impl Kind {
    /// Every kind, in list order.
    pub const ALL: [Self; 6] = [
        Self::Number,
        Self::People,
        Self::Date,
        Self::Spelling,
        Self::OnlyInOne,
        Self::Statement,
    ];

    /// The name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::People => "people",
            Self::Date => "date",
            Self::Spelling => "spelling",
            Self::OnlyInOne => "only_in_one",
            Self::Statement => "statement",
        }
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Number => "Number",
            Self::People => "People",
            Self::Date => "Date",
            Self::Spelling => "Spelling",
            Self::OnlyInOne => "Only in one",
            Self::Statement => "Statement",
        }
    }
}

/// How the reports relate on one thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// They cannot all be true.
    Conflict,
    /// They can all be true but are told at different precision.
    Compatible,
    /// Only one report says it.
    OnlyInOne,
    /// They agree.
    Corroborated,
}

impl Status {
    /// Every status, most serious first.
    pub const ALL: [Self; 4] = [
        Self::Conflict,
        Self::Compatible,
        Self::OnlyInOne,
        Self::Corroborated,
    ];

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Conflict => "Conflict",
            Self::Compatible => "Different precision",
            Self::OnlyInOne => "Only in one report",
            Self::Corroborated => "Corroborated",
        }
    }
}

/// Why compatible claims still differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A vague or bounded figure against an exact one ("dozens" / "20").
    VagueVsExact,
    /// One figure for several places against one figure per place.
    LumpedVsSplit,
    /// One list of people names fewer than the other.
    PartialList,
    /// A relative date ("on Monday") in a report whose date is unknown.
    UnresolvedDate,
}

impl Precision {
    /// A short phrase for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::VagueVsExact => "vague vs exact",
            Self::LumpedVsSplit => "lumped vs split",
            Self::PartialList => "partial list",
            Self::UnresolvedDate => "report date unknown",
        }
    }
}

/// One claim of a finding: a byte range of one report and the value the engine compared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRef {
    /// Index of the report in the analysed list.
    pub article: usize,
    /// Byte offset of the claim's first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The normalised value compared (`24..`, `2025-04-14`, a name…).
    pub value: String,
    /// The value in words ("dozens, incl. several children").
    pub display: String,
}

/// A group of claims about one thing across reports, and how they relate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable identifier derived from the kind and the claims' places.
    pub id: String,
    /// What it is about.
    pub kind: Kind,
    /// How the reports relate.
    pub status: Status,
    /// For compatible findings: why they still differ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub precision: Vec<Precision>,
    /// A readable subject ("people killed in Kryvyi Rih").
    pub subject: String,
    /// One sentence on how the values compare.
    pub explanation: String,
    /// The claims, in report order then text order.
    pub claims: Vec<ClaimRef>,
}

impl Finding {
    /// The reports this finding has claims in, in order, without repeats.
    pub fn articles(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.claims.iter().map(|c| c.article).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether it is a discrepancy (anything but corroborated).
    pub fn is_discrepancy(&self) -> bool {
        self.status != Status::Corroborated
    }
}

/// Counts of what was extracted, for the status line and benchmarks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Figures found.
    pub quantities: usize,
    /// Name mentions found.
    pub names: usize,
    /// Distinct people, places and organisations after linking.
    pub entities: usize,
    /// Date and time expressions found.
    pub dates: usize,
    /// Travel groups found.
    pub relations: usize,
}

/// The result of analysing a set of reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Discrepancies and agreements, most serious first.
    pub findings: Vec<Finding>,
    /// What was extracted.
    pub counts: Counts,
}

impl Analysis {
    /// The discrepancies (everything but corroborated findings).
    pub fn discrepancies(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_discrepancy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_print_as_ranges() {
        let open = f64::INFINITY;
        let cases = [
            (Interval::exact(20.0), "20"),
            (Interval { lo: 18.0, hi: 22.0 }, "18..22"),
            (Interval { lo: 24.0, hi: open }, "24.."),
            (Interval { lo: 0.0, hi: 35.0 }, "..35"),
            (Interval::exact(2.5e10), "25000000000"),
            (Interval { lo: 2.456, hi: 3.0 }, "2.46..3"),
            (Interval::exact(-4.0), "-4"),
        ];
        for (value, text) in cases {
            assert_eq!(value.to_string(), text);
            assert_eq!(value.render(), text, "the same text without a formatter");
        }
    }

    #[test]
    fn fractional_bounds_print_as_the_formatter_prints_them_rounded() {
        // A spread of magnitudes and fractions, signs, halves, tiny and huge values.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut values = vec![
            0.004,
            -0.004,
            0.005,
            -0.005,
            0.1,
            0.125,
            1e12 + 0.5,
            2.5e13 + 0.25,
        ];
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let scale = 10f64.powi((x % 17) as i32 - 3);
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * scale;
            values.push(if x & 1 == 0 { v } else { -v });
        }
        for v in values {
            if v.fract() == 0.0 {
                continue;
            }
            let mut ours = String::new();
            write_number(v, &mut ours).unwrap();
            assert_eq!(ours, format!("{}", (v * 100.0).round() / 100.0), "{v}");
        }
    }

    #[test]
    fn intervals_overlap_or_not() {
        let dozens = Interval {
            lo: 24.0,
            hi: f64::INFINITY,
        };
        let about_20 = Interval { lo: 18.0, hi: 22.0 };
        assert!(dozens.intersect(&about_20).is_none());
        assert!(dozens.intersect(&Interval::exact(30.0)).is_some());
        assert!(
            Interval::exact(32.19)
                .intersect(&Interval::exact(32.2))
                .is_some()
        );
    }
}
