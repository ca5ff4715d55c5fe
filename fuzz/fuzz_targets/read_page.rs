//! Any bytes as a saved web page (`page.html`): broken markup, any declared charset, binary.
//! Loading either fails with a message or gives a report with a title, whose text is the
//! headline and paragraphs (never opening with a blank line) and whose hash is of that text.
#![no_main]

use crosscheck::corpus::{self, Form, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = corpus::from_bytes(Source::File("page.html".into()), data.to_vec()) else {
        return;
    };
    assert_eq!(article.form, Form::Html);
    assert!(article.text.ends_with('\n'), "{:?}", article.text);
    assert_eq!(article.hash, corpus::content_hash(article.text.as_bytes()));
    assert!(!article.title.is_empty());
    assert_eq!(article.body, 0..article.text.len());
    assert!(
        !article.text.starts_with(char::is_whitespace),
        "{:?}",
        article.text
    );
});
