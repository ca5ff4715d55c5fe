//! What the engine finds: claims with their normalised values, and findings (groups of claims
//! about one thing across reports, classified as conflict, compatible, corroborated or only in
//! one report).

use serde::{Deserialize, Serialize};

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

/// Reports named by their numbers, from 1: "report 2", "reports 1, 3".
pub fn reports_label(numbers: &[usize]) -> String {
    let list: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    let label = if list.len() == 1 { "report" } else { "reports" };
    format!("{label} {}", list.join(", "))
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

/// A normalised value as a reader would write it: `24..99` → "24–99", `35..` → "35 or
/// more", `..35` → "up to 35", `22000000000.. USD` → "22 billion USD or more",
/// `259200 s` → "3 days", `09:40..09:55` → "09:40–09:55". Anything else comes back as is.
pub fn readable(value: &str) -> String {
    let (core, unit) = match value.split_once(' ') {
        Some((core, unit)) if !unit.contains(' ') => (core, unit),
        _ => (value, ""),
    };
    let (core, percent) = core.strip_suffix('%').map_or((core, false), |c| (c, true));
    let span = core.contains("..");
    let (lo, hi) = core.split_once("..").unwrap_or((core, ""));
    let parse = |s: &str| -> Option<Option<f64>> {
        if s.is_empty() {
            Some(None)
        } else {
            s.parse().ok().map(Some)
        }
    };
    let (Some(lo), Some(hi)) = (parse(lo), parse(hi)) else {
        // Times and dates keep their form; a span reads with a dash.
        return value.replace("..", "–");
    };
    // Durations in the largest unit every bound is a whole number of.
    let bounds: Vec<f64> = [lo, hi].into_iter().flatten().collect();
    let (scale, unit) = if unit == "s" {
        [
            (86_400.0, "days"),
            (3_600.0, "hours"),
            (60.0, "minutes"),
            (1.0, "seconds"),
        ]
        .into_iter()
        .find(|(scale, _)| {
            bounds
                .iter()
                .all(|b| *b >= *scale && ((b / scale) - (b / scale).round()).abs() < 1e-6)
        })
        .unwrap_or((1.0, "seconds"))
    } else if unit == "m²" && !bounds.is_empty() && bounds.iter().all(|b| *b >= 10_000.0) {
        // Land is counted in hectares, as fire and flood reports count it.
        (10_000.0, "hectares")
    } else {
        (1.0, unit)
    };
    let n = |x: f64| {
        let text = plain_number(x / scale);
        if percent { format!("{text}%") } else { text }
    };
    let mut text = match (lo, hi) {
        (Some(lo), _) if !span => n(lo),
        (Some(lo), Some(hi)) => format!("{}–{}", n(lo), n(hi)),
        (Some(lo), None) => format!("{} or more", n(lo)),
        (None, Some(hi)) => format!("up to {}", n(hi)),
        (None, None) => return value.to_owned(),
    };
    if !unit.is_empty() {
        let last = bounds.last().map_or(0.0, |b| b / scale);
        let unit = if (last - 1.0).abs() < 1e-9 {
            unit.trim_end_matches('s')
        } else {
            unit
        };
        // "35 or more" keeps its unit by the number: "22 billion USD or more".
        text = match text.strip_suffix(" or more") {
            Some(number) => format!("{number} {unit} or more"),
            None => format!("{text} {unit}"),
        };
    }
    text
}

/// A number with thousands separators, at most two decimals; millions and billions in words.
fn plain_number(x: f64) -> String {
    let words = [(1e9, "billion"), (1e6, "million")];
    for (scale, word) in words {
        let scaled = x / scale;
        if x.abs() >= scale && ((scaled * 100.0).round() - scaled * 100.0).abs() < 1e-6 {
            return format!("{} {word}", plain_number(scaled));
        }
    }
    let rounded = (x * 100.0).round() / 100.0;
    let whole = rounded.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() > 4 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    let fraction = rounded.abs().fract();
    if fraction < 1e-9 {
        format!("{sign}{grouped}")
    } else {
        let f = format!("{fraction:.2}");
        format!(
            "{sign}{grouped}{}",
            f.trim_start_matches('0').trim_end_matches('0')
        )
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn values_read_as_a_reader_writes_them() {
        let cases = [
            ("20", "20"),
            ("18..22", "18–22"),
            ("24..99", "24–99"),
            ("35..", "35 or more"),
            ("..35", "up to 35"),
            ("1995", "1995"),
            ("12000", "12,000"),
            ("2.5", "2.5"),
            ("22000000000.. USD", "22 billion USD or more"),
            ("1500000 USD", "1.5 million USD"),
            ("3067 m", "3067 m"),
            ("28500..31500 m", "28,500–31,500 m"),
            ("259200 s", "3 days"),
            ("5400 s", "90 minutes"),
            ("120000000.. m²", "12,000 hectares or more"),
            ("20234300 m²", "2023.43 hectares"),
            ("500 m²", "500 m²"),
            ("45%", "45%"),
            ("09:40..09:55", "09:40–09:55"),
            ("2025-04-14", "2025-04-14"),
            ("Monday", "Monday"),
            ("kryvyi rih", "kryvyi rih"),
        ];
        for (value, text) in cases {
            assert_eq!(readable(value), text, "{value}");
        }
    }
}
