//! Exports: each format from a review with hostile text (commas, quotes, newlines, non-ASCII,
//! formula-like cells, Markdown and HTML), and the `export` command line.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use crosscheck::analysis::Kind;
use crosscheck::export::{self, Format};
use crosscheck::review::{Anchor, Annotation, Review, ReviewedArticle, ValueRange, Verdict};
use crosscheck::store;

const TEXT_A: &str =
    "Officials said about 20 people were killed in Kryvyi Rih, Zelensky’s hometown.";
const TEXT_B: &str = "Strikes killed dozens of people, including several children, in Kryvyi Rig.";

fn at(text: &str, quote: &str) -> std::ops::Range<usize> {
    let start = text.find(quote).expect("quote in text");
    start..start + quote.len()
}

fn hostile_review() -> Review {
    let time = |s| DateTime::<Utc>::from_timestamp(s, 0).expect("time");
    let mut a = Anchor::new(0, TEXT_A, at(TEXT_A, "about 20 people were killed"));
    a.value = "18..22".into();
    let mut b = Anchor::new(
        1,
        TEXT_B,
        at(
            TEXT_B,
            "killed dozens of people, including several children",
        ),
    );
    b.value = "24..".into();
    let tricky = Annotation {
        id: 7,
        kind: Kind::Number,
        subject: "people killed in Kryvyi Rih, \"the city\"".into(),
        from_engine: true,
        anchors: vec![a, b],
        verdict: Verdict::Reconciled,
        reconciled: "=HYPERLINK(\"http://evil\")".into(),
        value: Some(ValueRange {
            low: 20.0,
            high: 22.0,
        }),
        sides_with: vec![0],
        note: "a | b *bold* <script>alert(1)</script>\nsecond line, with “quotes” and é".into(),
        sources: vec![
            "https://example.org/a,b".into(),
            "+cite \"Kyiv Independent\"".into(),
        ],
        tags: vec!["-tag".into(), "@handle".into(), "ok".into()],
        claim: String::new(),
        url: String::new(),
        reviewer: "Zoë".into(),
        created: time(1_744_800_000),
        modified: time(1_744_900_000),
    };
    let unreviewed = Annotation {
        id: 9,
        verdict: Verdict::Unreviewed,
        reconciled: String::new(),
        value: None,
        sides_with: vec![],
        note: String::new(),
        sources: vec![],
        tags: vec![],
        subject: "people killed in Dnipro".into(),
        ..tricky.clone()
    };
    Review {
        articles: vec![
            ReviewedArticle {
                path: "a.txt".into(),
                hash: "sha256:a".into(),
                title: "Report, \"A\"".into(),
                date: NaiveDate::from_ymd_opt(2025, 4, 16),
                meta: crosscheck::corpus::Meta::default(),
            },
            ReviewedArticle {
                path: "https://news.example/b".into(),
                hash: "sha256:b".into(),
                title: "Report B".into(),
                date: None,
                meta: crosscheck::corpus::Meta::default(),
            },
        ],
        annotations: vec![tricky, unreviewed],
        next_id: 10,
        ..Review::default()
    }
}

fn texts() -> Vec<Option<String>> {
    vec![Some(TEXT_A.to_owned()), Some(TEXT_B.to_owned())]
}

#[test]
fn json_export_reimports_to_an_equal_review() {
    let review = hostile_review();
    let json = export::export(Format::Json, &review, true).expect("json");
    let back = store::from_json(&json, "export.json").expect("re-imports");
    assert_eq!(back, review);
    // Reviewed only by default.
    let reviewed = store::from_json(
        &export::export(Format::Json, &review, false).expect("json"),
        "x",
    )
    .expect("parse");
    assert_eq!(reviewed.annotations.len(), 1);
}

#[test]
fn csv_reads_back_equal_with_formulas_neutralized() {
    let review = hostile_review();
    let text = export::export(Format::Csv, &review, true).expect("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("records");
    assert_eq!(rows.len(), 2, "one row per fact (--all)");
    let row = &rows[0];
    let a = &review.annotations[0];
    assert_eq!(&row[col("subject")], a.subject, "commas and quotes survive");
    assert_eq!(
        &row[col("reconciled")],
        format!("'{}", a.reconciled),
        "a formula is neutralized"
    );
    assert_eq!(&row[col("note")], a.note, "newlines and non-ASCII survive");
    assert_eq!(
        &row[col("sources")],
        a.sources.join("\n"),
        "one source per line"
    );
    assert_eq!(
        &row[col("tags")],
        "'-tag, @handle, ok",
        "the cell starts with - then a letter"
    );
    assert_eq!(&row[col("report_1_quote")], "about 20 people were killed");
    assert_eq!(&row[col("report_1_value")], "18..22");
    assert_eq!(&row[col("report_2_value")], "24..");
    assert_eq!(&row[col("verdict")], "reconciled");
    assert_eq!(&row[col("value_low")], "20");
    assert_eq!(&row[col("reviewer")], "Zoë");
    assert_eq!(&row[col("modified")], a.modified.to_rfc3339());
}

#[test]
fn markdown_escapes_user_text() {
    let md = export::export(Format::Markdown, &hostile_review(), false).expect("md");
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("&lt;script\\>"), "{md}");
    assert!(md.contains("a \\| b \\*bold\\*"), "{md}");
    assert!(
        md.contains("| 1. Report, \"A\" | “about 20 people were killed” | 18–22 |"),
        "{md}"
    );
    assert!(md.contains("**Verdict:** Reconciled"));
    assert!(md.contains("(figures)"), "the kind in words: {md}");
    // Reports by file name, never by where they lie on the reviewer's disk.
    let mut local = hostile_review();
    local.articles[0].path = "/home/ana/reviews/assets/a.txt".into();
    let md_local = export::export(Format::Markdown, &local, false).expect("md");
    assert!(!md_local.contains("/home/ana"), "{md_local}");
    assert!(md_local.contains("a.txt"), "{md_local}");
    assert!(
        md.contains("https://news.example/b"),
        "an address stays whole: {md}"
    );
    // A table row stays one line even when the note has a newline.
    assert!(
        md.lines()
            .filter(|l| l.starts_with("| "))
            .all(|l| l.ends_with('|')),
        "{md}"
    );
}

#[test]
fn claim_review_has_the_required_fields() {
    let text = export::export(Format::ClaimReview, &hostile_review(), false).expect("claimreview");
    let value: serde_json::Value = serde_json::from_str(&text).expect("parses");
    let reviews = value.as_array().expect("one ClaimReview per fact");
    assert_eq!(reviews.len(), 1);
    let r = &reviews[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(
        r["claimReviewed"],
        "people killed in Kryvyi Rih, \"the city\""
    );
    assert_eq!(r["reviewRating"]["@type"], "Rating");
    assert_eq!(r["reviewRating"]["alternateName"], "Reconciled");
    assert_eq!(r["reviewRating"]["ratingValue"], 3);
    assert_eq!(
        r["reviewRating"]["ratingExplanation"],
        "=HYPERLINK(\"http://evil\")"
    );
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
    let appearances = r["itemReviewed"]["appearance"]
        .as_array()
        .expect("appearances");
    assert_eq!(appearances.len(), 2, "one per report");
    assert_eq!(appearances[0]["headline"], "Report, \"A\"");
    assert_eq!(appearances[0]["datePublished"], "2025-04-16");
    assert_eq!(appearances[1]["url"], "https://news.example/b");
    assert_eq!(r["author"]["name"], "Zoë");
    assert_eq!(r["datePublished"], "2025-04-17");
}

#[test]
fn web_annotation_has_motivations_bodies_and_both_selectors() {
    let text = export::export_with_texts(Format::WebAnnotation, &hostile_review(), false, &texts())
        .expect("webanno");
    let value: serde_json::Value = serde_json::from_str(&text).expect("parses");
    assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(value["type"], "AnnotationCollection");
    let items = value["first"]["items"].as_array().expect("items");
    let motivations: Vec<&str> = items
        .iter()
        .filter_map(|i| i["motivation"].as_str())
        .collect();
    assert_eq!(motivations, ["linking", "assessing", "commenting"]);
    for item in items {
        assert_eq!(item["type"], "Annotation");
        assert_eq!(item["body"]["type"], "TextualBody");
        assert!(item["creator"]["name"].is_string());
        assert!(item["created"].is_string() && item["modified"].is_string());
        let targets = item["target"].as_array().expect("targets");
        assert_eq!(targets.len(), 2, "one target per report");
        for target in targets {
            let selectors = target["selector"].as_array().expect("selectors");
            let quote = selectors
                .iter()
                .find(|s| s["type"] == "TextQuoteSelector")
                .expect("quote selector");
            let position = selectors
                .iter()
                .find(|s| s["type"] == "TextPositionSelector")
                .expect("position selector");
            let text = if target["source"] == "a.txt" {
                TEXT_A
            } else {
                TEXT_B
            };
            let (start, end) = (
                position["start"].as_u64().expect("start") as usize,
                position["end"].as_u64().expect("end") as usize,
            );
            let chars: String = text.chars().skip(start).take(end - start).collect();
            assert_eq!(
                quote["exact"].as_str(),
                Some(chars.as_str()),
                "positions count characters"
            );
        }
    }
}

fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

#[test]
fn the_export_command_reads_the_shipped_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in Format::ALL {
        let out_path: PathBuf = dir.path().join(format!("out.{}", format.extension()));
        let out = run(&[
            "export",
            "annotations/sample-review.ron",
            "--format",
            format.name(),
            "-o",
            out_path.to_str().expect("utf-8"),
        ]);
        assert!(
            out.status.success(),
            "{}: {}",
            format.name(),
            String::from_utf8_lossy(&out.stderr)
        );
        let written = std::fs::read_to_string(&out_path).expect("written");
        assert!(
            written.contains("Kryvyi Rih"),
            "{}: {written}",
            format.name()
        );
    }
    let stdout = run(&[
        "export",
        "annotations/sample-review.ron",
        "--format",
        "webanno",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&stdout.stdout).expect("JSON on stdout");
    let first = &value["first"]["items"][0]["target"][0]["selector"];
    assert!(
        first
            .as_array()
            .expect("selectors")
            .iter()
            .any(|s| s["type"] == "TextPositionSelector"),
        "texts of the bundled sample were found"
    );
    let all = run(&[
        "export",
        "annotations/sample-review.ron",
        "--format",
        "csv",
        "--all",
    ]);
    let reviewed = run(&["export", "annotations/sample-review.ron", "--format", "csv"]);
    assert!(
        all.stdout.len() > reviewed.stdout.len(),
        "--all adds unreviewed items"
    );
}

#[test]
fn a_damaged_or_missing_review_is_one_line_and_non_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    let damaged = dir.path().join("bad.ron");
    std::fs::write(&damaged, "(format: \"crosscheck-review\", version: ").expect("write");
    for path in [damaged.to_str().expect("utf-8"), "no/such/review.ron"] {
        let out = run(&["export", path, "--format", "json"]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(path), "{err}");
    }
    let out = run(&["export", "annotations/sample-review.ron", "--format", "pdf"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid value 'pdf'") && err.contains("claimreview"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(2), "a usage error");
}
