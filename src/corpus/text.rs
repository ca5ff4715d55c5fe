//! Small text helpers the window and the command line share: widening a selection to whole
//! words, and shortening quotes for lists, tooltips and the terminal.

use std::ops::Range;

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
    truncate(&one_line(text), max_chars)
}

/// `text` on one line: runs of whitespace (line breaks included) as one space, trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to `max_chars` characters with an ellipsis when longer.
pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// A count with its noun in the right number: "1 report", "2 reports".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
