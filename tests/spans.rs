//! Property tests: whatever the text, every span the engine reports lies on `char` boundaries
//! of the report and its quote is exactly those bytes; no input makes it panic.

use crosscheck::analysis::{self, Input};
use proptest::prelude::*;

/// Pieces of news-like text (figures, names, dates, non-ASCII) for the generator to splice.
const PIECES: &[&str] = &[
    "Officials said ",
    "at least 35 people were killed ",
    "about 20 people, including nine children, ",
    "in the city of Kryvyi Rih ",
    "on Monday ",
    "on April 14, ",
    "Minister Ann Lee and envoy Bob Stone arrived in Rome, ",
    "with envoy Carl West expected to join them. ",
    "more than $22 billion in aid was pledged. ",
    "dozens of ",
    "Zelensky’s hometown ",
    "Sébastien Lecornu ",
    "“quoted” ",
    "12:41 a.m. ",
    "2025-04-14 ",
    "U.S. ",
    "—",
    "é",
    "日本",
    "\n\n",
    ". ",
    ", ",
    "two-thirds of voters ",
    "between 20 and 25 soldiers ",
    "injuring 119",
    "Late on Wednesday ",
    "Mr. ",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => any::<String>(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_span_is_on_char_boundaries_and_quotes_its_bytes(a in text_strategy(), b in text_strategy()) {
        let inputs = [
            Input { text: &a, body: 0..a.len(), date: chrono::NaiveDate::from_ymd_opt(2025, 4, 17) },
            Input { text: &b, body: 0..b.len(), date: None },
        ];
        let result = analysis::analyze(&inputs);
        for finding in &result.findings {
            for claim in &finding.claims {
                let text = inputs[claim.article].text;
                prop_assert!(claim.start <= claim.end && claim.end <= text.len(), "{claim:?}");
                prop_assert!(text.is_char_boundary(claim.start) && text.is_char_boundary(claim.end), "{claim:?}");
                prop_assert!(text.get(claim.start..claim.end).is_some());
            }
        }
    }
}
