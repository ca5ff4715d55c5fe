//! Any bytes as a review file: read as RON or as the JSON export, never a panic; what reads
//! saves and reads back equal.
#![no_main]

use crosscheck::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = if text.trim_start().starts_with('{') {
        store::from_json(text, "fuzz.json")
    } else {
        store::from_ron(text, "fuzz.ron")
    };
    if let Ok(review) = read {
        let again = store::to_ron(&review).expect("a review read serialises");
        let back = store::from_ron(&again, "again.ron").expect("what was written reads back");
        assert_eq!(
            store::to_ron(&back).expect("serialises"),
            again,
            "a second round trip changes nothing"
        );
    }
});
