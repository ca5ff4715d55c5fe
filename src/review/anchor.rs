//! Anchoring an annotation to text that may change: the quote, a little context on each side,
//! and the position, re-found after edits the way Hypothesis re-anchors web annotations.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where an annotation points in one report.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// Index of the report in the review's articles.
    pub article: usize,
    /// Byte offset of the quote when it was made.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The quoted text.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: String,
    /// The value the engine read here ("24..", "2025-04-14"), for exports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
}

/// Where an anchor lands in the current text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The quote, exactly (maybe moved).
    Exact(Range<usize>),
    /// A close match of the quote (the quote itself was edited).
    Fuzzy(Range<usize>),
    /// Nowhere: the annotation is kept and listed as orphaned.
    Orphaned,
}

impl Placement {
    /// The range, unless orphaned.
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Self::Exact(r) | Self::Fuzzy(r) => Some(r.clone()),
            Self::Orphaned => None,
        }
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Anchor {
    /// An anchor on `text[range]` of report `article`.
    pub fn new(article: usize, text: &str, range: Range<usize>) -> Self {
        let start = floor_boundary(text, range.start);
        let end = floor_boundary(text, range.end.max(start));
        let before = &text[..start];
        let prefix_start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let after = &text[end..];
        let suffix_end = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        Self {
            article,
            start,
            end,
            exact: text[start..end].to_owned(),
            prefix: before[prefix_start..].to_owned(),
            suffix: after[..suffix_end].to_owned(),
            value: String::new(),
        }
    }

    /// Finds the anchor in `text`, which may have changed since it was made.
    pub fn place(&self, text: &str) -> Placement {
        if self.exact.is_empty() {
            return Placement::Orphaned;
        }
        if text.get(self.start..self.end) == Some(self.exact.as_str()) {
            return Placement::Exact(self.start..self.end);
        }
        // The quote elsewhere: the occurrence whose context matches best, then the closest.
        let best = text
            .match_indices(self.exact.as_str())
            .map(|(i, _)| i)
            .max_by_key(|&i| {
                let context = self.context_score(text, i, i + self.exact.len());
                (context, std::cmp::Reverse(i.abs_diff(self.start)))
            });
        if let Some(i) = best {
            return Placement::Exact(i..i + self.exact.len());
        }
        self.fuzzy(text)
            .map_or(Placement::Orphaned, Placement::Fuzzy)
    }

    /// Characters of prefix and suffix that match around `start..end`.
    fn context_score(&self, text: &str, start: usize, end: usize) -> usize {
        let before = text[..start].chars().rev();
        let prefix = self
            .prefix
            .chars()
            .rev()
            .zip(before)
            .take_while(|(a, b)| a == b)
            .count();
        let suffix = self
            .suffix
            .chars()
            .zip(text[end..].chars())
            .take_while(|(a, b)| a == b)
            .count();
        prefix + suffix
    }

    /// The quote was edited: the text between its prefix and suffix, if they are still there
    /// and about as far apart as the quote was long.
    fn fuzzy(&self, text: &str) -> Option<Range<usize>> {
        let len = self.exact.len();
        let prefix = (self.prefix.chars().count() >= 8).then_some(self.prefix.as_str());
        let suffix = (self.suffix.chars().count() >= 8).then_some(self.suffix.as_str());
        let mut best: Option<(usize, Range<usize>)> = None;
        match (prefix, suffix) {
            (Some(p), Some(s)) => {
                for (pi, _) in text.match_indices(p) {
                    let from = pi + p.len();
                    let window_end = floor_boundary(text, from + len * 2 + 16);
                    if let Some(si) = text[from..window_end].find(s) {
                        let range = from..from + si;
                        let distance = range.start.abs_diff(self.start);
                        if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                            best = Some((distance, range));
                        }
                    }
                }
            }
            (Some(p), None) => {
                if let Some(pi) = text.find(p) {
                    let from = pi + p.len();
                    best = Some((0, from..floor_boundary(text, from + len)));
                }
            }
            (None, Some(s)) => {
                if let Some(si) = text.find(s) {
                    best = Some((0, floor_boundary(text, si.saturating_sub(len))..si));
                }
            }
            (None, None) => {}
        }
        let (_, range) = best?;
        // The new quote must still resemble the old one.
        let found = &text[range.clone()];
        let similar = strsim::normalized_levenshtein(found, &self.exact) >= 0.5;
        (!range.is_empty() && similar).then_some(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Officials said about 20 people were killed, including nine children, in the city.";

    #[test]
    fn unchanged_text_places_exactly() {
        let a = Anchor::new(0, TEXT, 15..42);
        assert_eq!(a.exact, "about 20 people were killed");
        assert_eq!(a.place(TEXT), Placement::Exact(15..42));
    }

    #[test]
    fn moved_quote_is_found_by_its_context() {
        let a = Anchor::new(0, TEXT, 15..42);
        let edited = format!("UPDATE: {TEXT}");
        assert_eq!(a.place(&edited), Placement::Exact(23..50));
    }

    #[test]
    fn edited_quote_is_found_fuzzily_between_its_context() {
        let a = Anchor::new(0, TEXT, 15..42);
        let edited = TEXT.replace("about 20 people were killed", "about 21 people were killed");
        let Placement::Fuzzy(range) = a.place(&edited) else {
            panic!("{:?}", a.place(&edited));
        };
        assert_eq!(&edited[range], "about 21 people were killed");
    }

    #[test]
    fn a_vanished_quote_is_orphaned() {
        let a = Anchor::new(0, TEXT, 15..42);
        assert_eq!(a.place("Something else entirely."), Placement::Orphaned);
    }

    #[test]
    fn context_stops_at_char_boundaries() {
        let text = "Zelensky’s hometown of Kryvyi Rih — é";
        let start = text.find("Kryvyi").unwrap();
        let a = Anchor::new(0, text, start..start + "Kryvyi Rih".len());
        assert!(a.prefix.ends_with("of "));
        assert_eq!(a.place(text), Placement::Exact(start..start + 10));
    }
}
