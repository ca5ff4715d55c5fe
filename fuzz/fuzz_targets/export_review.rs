//! A review that reads (from any bytes), exported to every format with and without the
//! unreviewed items, with report texts of any length: never a panic, and the JSON-based
//! formats are valid JSON.
#![no_main]

use crosscheck::export::{self, Format};
use crosscheck::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The review, then (after a 0xFF byte) a text given to its first reports.
    let mut parts = data.splitn(2, |&b| b == 0xFF);
    let Ok(text) = std::str::from_utf8(parts.next().unwrap_or_default()) else {
        return;
    };
    let report = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let Ok(review) = store::from_ron(text, "fuzz.ron") else {
        return;
    };
    let texts: Vec<Option<String>> = review
        .articles
        .iter()
        .enumerate()
        .map(|(i, _)| (i % 2 == 0).then(|| report.clone()))
        .collect();
    for format in Format::ALL {
        for all in [false, true] {
            if let Ok(out) = export::export_with_texts(format, &review, all, &texts)
                && matches!(
                    format,
                    Format::Json | Format::ClaimReview | Format::WebAnnotation
                )
            {
                serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
            }
        }
    }
});
