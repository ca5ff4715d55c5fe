//! Saved web pages as reports: the article text found in several layouts (a news site with
//! navigation, advertising, related links, captions and comments; an AMP page; a page whose
//! metadata is only JSON-LD; a windows-1252 page with `<br>`-separated paragraphs), the
//! metadata each gives, `crosscheck text`, and the messages for pages that cannot be read.
//! The pages under `tests/pages/` were written for these tests.

use std::path::PathBuf;
use std::process::Command;

use crosscheck::corpus::{self, Form, LoadError};

fn page(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages")
        .join(name)
}

fn load(name: &str) -> corpus::Article {
    corpus::load_path(&page(name)).unwrap_or_else(|err| panic!("{err}"))
}

fn paragraphs(article: &corpus::Article) -> Vec<&str> {
    article.text.split("\n\n").map(str::trim).collect()
}

#[test]
fn a_news_site_page_keeps_the_story_and_drops_the_rest() {
    let a = load("news-site.html");
    assert_eq!(a.form, Form::Html);
    let p = paragraphs(&a);
    assert_eq!(
        p[0], "Ferry capsizes on Lake Varra, killing 14",
        "headline first"
    );
    assert!(p[1].starts_with("At least 14 people died"), "{p:?}");
    assert_eq!(p.len(), 6, "headline and five paragraphs: {p:?}");
    for chrome in [
        "Subscribe",
        "Advertisement",
        "Read more",
        "Related",
        "Comments",
        "nobody checks",
        "Photo:",
        "All rights reserved",
        "By Mira",
    ] {
        assert!(!a.text.contains(chrome), "“{chrome}” is not article text");
    }
    assert_eq!(a.title, "Ferry capsizes on Lake Varra, killing 14");
    assert_eq!(a.meta.outlet, "The Northern Ledger");
    assert_eq!(
        a.meta.url,
        "https://ledger.example.com/world/2024/03/ferry-capsizes-lake-varra"
    );
    assert_eq!(a.meta.authors, ["Mira Castellan"]);
    assert_eq!(a.meta.published, "2024-03-11T08:40:00+01:00");
    assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 11));
}

#[test]
fn an_amp_page_gives_its_json_ld_metadata_and_no_byline_paragraph() {
    let a = load("amp.html");
    let p = paragraphs(&a);
    assert_eq!(p[0], "Ferry disaster: 12 confirmed dead on Lake Varra");
    assert!(
        p[1].starts_with("Twelve people were confirmed dead"),
        "{p:?}"
    );
    assert_eq!(p.len(), 5, "{p:?}");
    assert!(!a.text.contains("Front page") && !a.text.contains("More from"));
    assert_eq!(a.meta.outlet, "Varra Daily");
    assert_eq!(a.meta.authors, ["Tomas Welde", "Ana Ruhl"]);
    assert_eq!(a.meta.published, "2024-03-10T22:15:00Z");
    assert_eq!(
        a.meta.url, "https://varradaily.example.org/news/ferry-disaster-lake-varra.html",
        "the canonical link"
    );
}

#[test]
fn a_page_with_only_json_ld_metadata_finds_it_in_the_graph() {
    let a = load("json-ld-only.html");
    assert_eq!(a.title, "Lake ferry toll rises to 16");
    assert_eq!(a.meta.outlet, "Lakeside Courier");
    assert_eq!(a.meta.authors, ["Jonas Brekke"]);
    assert_eq!(
        a.meta.url,
        "https://courier.example.net/2024/03/12/lake-ferry-toll"
    );
    assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 12));
    let p = paragraphs(&a);
    assert_eq!(p.len(), 4, "headline and the three div paragraphs: {p:?}");
    assert!(!a.text.contains("Share on social media"));
}

#[test]
fn a_windows_1252_page_with_br_paragraphs_is_decoded_and_split() {
    let a = load("br-paragraphs.html");
    let p = paragraphs(&a);
    assert_eq!(
        p[0], "Ferry sinks near Oskel",
        "the bold first line is the headline"
    );
    assert_eq!(p.len(), 5, "{p:?}");
    assert!(
        a.text
            .contains("said: \u{201c}we are doing everything we can.\u{201d}"),
        "curly quotes from 0x93/0x94"
    );
    assert!(a.text.contains("The caf\u{e9} owner \u{c9}mile Roux"));
    assert!(!a.text.contains("Archive") && !a.text.contains("Copyright"));
    assert!(a.meta.is_empty(), "{:?}", a.meta);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn check_offsets_point_into_the_text_that_text_prints() {
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let files = ["news-site.html", "amp.html", "json-ld-only.html"].map(page);
    let out = Command::new(bin)
        .arg("check")
        .arg("--json")
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for article in doc["articles"].as_array().unwrap() {
        assert_eq!(article["form"], "html");
        assert!(!article["outlet"].as_str().unwrap().is_empty(), "{article}");
    }
    let texts: Vec<String> = files
        .iter()
        .map(|f| {
            let out = Command::new(bin).arg("text").arg(f).output().unwrap();
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap()
        })
        .collect();
    let mut claims = 0;
    for finding in doc["discrepancies"].as_array().unwrap() {
        for claim in finding["claims"].as_array().unwrap() {
            let k = files
                .iter()
                .position(|f| f.to_str() == claim["article"].as_str())
                .unwrap();
            let (start, end) = (
                claim["start"].as_u64().unwrap() as usize,
                claim["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&texts[k][start..end], claim["text"].as_str().unwrap());
            claims += 1;
        }
    }
    assert!(
        claims > 3,
        "the pages disagree on the toll: {claims} claims"
    );
    let kinds: Vec<&str> = doc["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"number"), "{kinds:?}");
    assert!(
        kinds.contains(&"spelling"),
        "Marcheti / Marchetti: {kinds:?}"
    );
}

#[test]
fn a_plain_text_header_gives_outlet_address_and_authors() {
    let text = "date 2024-03-11 Ferry toll rises\noutlet: Lake Wire\nurl: https://wire.example/ferry\nby: Ana Ruhl and Jonas Brekke\n\nThe toll rose to 16 on Tuesday.\n";
    let a = corpus::from_bytes(corpus::Source::Pasted(1), text.as_bytes().to_vec()).unwrap();
    assert_eq!(a.form, Form::Text);
    assert_eq!(a.meta.outlet, "Lake Wire");
    assert_eq!(a.meta.url, "https://wire.example/ferry");
    assert_eq!(a.meta.authors, ["Ana Ruhl", "Jonas Brekke"]);
    assert_eq!(
        &a.text[a.body.clone()],
        "\nThe toll rose to 16 on Tuesday.\n"
    );
    // A line that only looks like a key is text.
    let b = corpus::from_bytes(
        corpus::Source::Pasted(2),
        b"Update: the toll rose to 16.\n".to_vec(),
    )
    .unwrap();
    assert_eq!(b.body, 0..b.text.len());
    assert!(b.meta.is_empty());
}

fn refused(name: &str, bytes: &[u8]) -> LoadError {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let err = corpus::load_path(&path).expect_err("refused");
    assert!(
        err.to_string().contains(name),
        "the message names the file: {err}"
    );
    err
}

#[test]
fn pages_that_cannot_be_read_get_a_message_naming_the_file() {
    let err = refused(
        "menu.html",
        b"<html><body><nav><a href=/>Home</a></nav></body></html>",
    );
    assert!(matches!(err, LoadError::NoArticleText { .. }), "{err}");
    let err = refused("saved.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj");
    assert!(err.to_string().contains("PDF"), "{err}");
    let err = refused("photo.htm", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(err.to_string().contains("PNG image"), "{err}");
    let err = refused("empty.html", b"  \n ");
    assert!(matches!(err, LoadError::Empty { .. }), "{err}");
    let err = refused("nul.html", b"<html><body>text\0more</body></html>");
    assert!(matches!(err, LoadError::Binary { .. }), "{err}");
    let huge = vec![b' '; corpus::MAX_PAGE_BYTES as usize + 1];
    let err = refused("huge.html", &huge);
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    // Broken markup is still read: html5ever recovers as browsers do.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.html");
    std::fs::write(
        &path,
        "<html><body><div><p>The council voted 7 to 2 on Monday to close the old bridge to \
         lorries<p>Repairs are to start in May and take <b>six months, the mayor said.\
         <div><p>Traffic will go through the new ring road meanwhile",
    )
    .unwrap();
    let a = corpus::load_path(&path).unwrap();
    assert!(a.text.contains("voted 7 to 2"), "{}", a.text);
    assert!(a.text.contains("six months, the mayor said."), "{}", a.text);
}

#[test]
fn the_text_command_prints_plain_reports_as_they_are() {
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/articles/wire-2025-04-16-rubio-headed-to-paris.txt");
    let out = Command::new(bin).arg("text").arg(&file).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, std::fs::read(&file).unwrap());
    let out = Command::new(bin)
        .arg("text")
        .arg(page("missing.html"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.html: no such file"), "{err}");
}

#[test]
fn a_review_of_a_page_finds_its_quotes_again_when_the_page_is_saved_with_changes() {
    use crosscheck::review::{Anchor, Placement};
    let before = load("news-site.html");
    let quote = "about 85 on board";
    let start = before.text.find(quote).expect("quote in the page");
    let anchor = Anchor::new(0, &before.text, start..start + quote.len());
    // The outlet updates the story: a new first paragraph, a changed toll, a new comment.
    let html = std::fs::read_to_string(page("news-site.html")).expect("page");
    let updated = html
        .replace(
            "<p>At least 14 people died",
            "<p>Divers found two more bodies on Monday morning, bringing the toll to 16, the \
             governor's office said.</p>\n    <p>At least 14 people died",
        )
        .replace("Comments (12)", "Comments (31)");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("news-site.html");
    std::fs::write(&path, updated).expect("write");
    let after = corpus::load_path(&path).expect("the updated page");
    assert_ne!(after.hash, before.hash, "the article text changed");
    match anchor.place(&after.text) {
        Placement::Exact(range) => assert_eq!(&after.text[range], quote),
        other => panic!("not found again: {other:?}"),
    }
    // Only the page around the article changed: same text, same hash, nothing to re-anchor.
    let chrome_only = html.replace("Comments (12)", "Comments (40)");
    std::fs::write(&path, chrome_only).expect("write");
    assert_eq!(corpus::load_path(&path).expect("page").hash, before.hash);
}
