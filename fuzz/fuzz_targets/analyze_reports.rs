//! One to four reports, loaded the way files are (any bytes: binary, non-UTF-8, empty), then
//! analysed; every claim the engine reports must be a real span of its report's text.
//! The input is split into reports at each 0xFF byte (never part of UTF-8 text).
#![no_main]

use crosscheck::analysis::{Input, analyze};
use crosscheck::corpus::{self, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let articles: Vec<corpus::Article> = data
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .filter_map(|(i, bytes)| {
            corpus::from_bytes(Source::File(format!("r{i}.txt").into()), bytes.to_vec()).ok()
        })
        .collect();
    if articles.is_empty() {
        return;
    }
    let inputs: Vec<Input<'_>> = articles.iter().map(Input::from_article).collect();
    let analysis = analyze(&inputs);
    for finding in &analysis.findings {
        assert!(
            !finding.claims.is_empty(),
            "a finding without claims: {finding:?}"
        );
        for claim in &finding.claims {
            let text = &articles[claim.article].text;
            assert!(
                claim.start <= claim.end && claim.end <= text.len(),
                "{claim:?}"
            );
            assert!(
                text.is_char_boundary(claim.start) && text.is_char_boundary(claim.end),
                "{claim:?}"
            );
        }
    }
});
