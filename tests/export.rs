//! Exports: each format from a review with hostile text (commas, quotes, newlines, non-ASCII,
//! formula-like cells, Markdown and HTML), and the `export` command line.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use crosscheck::analysis::Kind;
use crosscheck::corpus::Meta;
use crosscheck::export::{self, Format};
use crosscheck::review::{
    Anchor, Annotation, Publisher, RatingScale, Review, ReviewedArticle, ValueRange, Verdict,
};
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

/// The hostile review as a desk would publish it: a publisher, report metadata.
fn published_review() -> Review {
    let mut review = hostile_review();
    review.title = "Kryvyi Rih toll: what the reports say".into();
    review.publisher = Publisher {
        name: "Lakeside Fact Desk".into(),
        url: "https://factdesk.example/".into(),
        scale: None,
    };
    review.url = "https://factdesk.example/checks/kryvyi-rih".into();
    review.articles[0].meta = Meta {
        outlet: "Ledger & Co".into(),
        url: "https://ledger.example/a?x=1&y=2".into(),
        authors: vec!["Mira Castellan".into()],
        published: "2025-04-16T08:40:00+02:00".into(),
    };
    review
}

#[test]
fn markdown_reads_as_a_report_and_escapes_only_markup() {
    let md = export::export(Format::Markdown, &published_review(), false).expect("md");
    assert!(
        md.starts_with("# Kryvyi Rih toll: what the reports say\n"),
        "{md}"
    );
    assert!(
        md.contains("Published by [Lakeside Fact Desk](<https://factdesk.example/>)"),
        "{md}"
    );
    assert!(
        md.contains(
            "1. **Ledger & Co**: [Report, \"A\"](<https://ledger.example/a?x=1&y=2>), by Mira \
             Castellan, 16 April 2025"
        ),
        "outlet, linked headline, author, date: {md}"
    );
    assert!(
        md.contains("Conflicting figures"),
        "the kind in words: {md}"
    );
    assert!(
        !md.contains("only_in_one") && !md.contains("(figures)"),
        "{md}"
    );
    assert!(
        md.contains("- Ledger & Co (report 1): “about 20 people were killed” (18–22)"),
        "a quote with its outlet and value: {md}"
    );
    assert!(
        md.contains(
            "- Report 2: “killed dozens of people, including several children” (24 or more)"
        ),
        "{md}"
    );
    assert!(
        md.contains("**The facts:** =HYPERLINK"),
        "no escape mid-line: {md}"
    );
    assert!(md.contains("**Reconciled**"), "{md}");
    assert!(md.contains("**Figure:** 20–22"), "{md}");
    assert!(md.contains("Reviewed by Zoë"), "{md}");
    assert!(
        md.contains("- [https://example.org/a,b](<https://example.org/a,b>)"),
        "a source that is an address is a link: {md}"
    );
    // User text that would be markup is escaped; nothing else is.
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("&lt;script>"), "{md}");
    assert!(md.contains("a | b \\*bold\\*"), "{md}");
    assert!(!md.contains("\\("), "no stray escapes: {md}");
    assert!(md.contains("“quotes” and é"), "{md}");
    // No local paths.
    let mut local = published_review();
    local.articles[1].path = "/home/ana/reviews/assets/b.txt".into();
    let md_local = export::export(Format::Markdown, &local, false).expect("md");
    assert!(!md_local.contains("/home/ana"), "{md_local}");
    assert!(md_local.contains("file b.txt"), "{md_local}");
}

#[test]
fn the_html_report_is_one_page_with_everything_escaped() {
    let html = export::export(Format::Html, &published_review(), false).expect("html");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<title>Kryvyi Rih toll: what the reports say</title>"));
    for forbidden in ["<script", "<link", "<img", "src=", "@import", "url("] {
        assert!(!html.contains(forbidden), "{forbidden} in {html}");
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"https://ledger.example/a?x=1&amp;y=2\">Report, &quot;A&quot;</a>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"outlet\">Ledger &amp; Co</span>"),
        "{html}"
    );
    assert!(html.contains("Conflicting figures"), "{html}");
    assert!(html.contains("Reviewed by Zoë"), "{html}");
    assert!(
        html.contains("<p>a | b *bold* &lt;script&gt;alert(1)&lt;/script&gt;<br>second line"),
        "a note's lines stay lines: {html}"
    );
    assert!(html.trim_end().ends_with("</html>"));
}

/// The properties schema.org defines for each type used (the type's own and those it
/// inherits from `CreativeWork` and `Thing` that an export may use).
fn schema_properties(type_name: &str) -> &'static [&'static str] {
    const THING: [&str; 6] = [
        "@type",
        "name",
        "url",
        "description",
        "identifier",
        "sameAs",
    ];
    const CREATIVE_WORK: [&str; 8] = [
        "author",
        "publisher",
        "datePublished",
        "dateModified",
        "headline",
        "text",
        "keywords",
        "inLanguage",
    ];
    match type_name {
        "ClaimReview" => &[
            "@context",
            "@type",
            "name",
            "url",
            "claimReviewed",
            "reviewRating",
            "itemReviewed",
            "reviewBody",
            "author",
            "publisher",
            "datePublished",
            "dateModified",
            "keywords",
            "inLanguage",
            "headline",
            "description",
        ],
        "Claim" => &[
            "@type",
            "name",
            "url",
            "appearance",
            "firstAppearance",
            "claimInterpreter",
            "author",
            "datePublished",
            "text",
        ],
        "Rating" => &[
            "@type",
            "name",
            "ratingValue",
            "bestRating",
            "worstRating",
            "alternateName",
            "ratingExplanation",
            "reviewAspect",
            "author",
        ],
        "Person" => &[
            "@type",
            "name",
            "url",
            "affiliation",
            "worksFor",
            "jobTitle",
            "sameAs",
        ],
        "Organization" | "NewsMediaOrganization" => &["@type", "name", "url", "logo", "sameAs"],
        "NewsArticle" | "CreativeWork" => {
            const ALL: [&str; 14] = [
                THING[0],
                THING[1],
                THING[2],
                THING[3],
                THING[4],
                THING[5],
                CREATIVE_WORK[0],
                CREATIVE_WORK[1],
                CREATIVE_WORK[2],
                CREATIVE_WORK[3],
                CREATIVE_WORK[4],
                CREATIVE_WORK[5],
                CREATIVE_WORK[6],
                CREATIVE_WORK[7],
            ];
            &ALL
        }
        _ => &[],
    }
}

/// Checks every object with an `@type` against [`schema_properties`], recursively.
fn check_schema(value: &serde_json::Value, path: &str) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(t) = map.get("@type").and_then(|t| t.as_str()) {
                let allowed = schema_properties(t);
                assert!(!allowed.is_empty(), "{path}: unknown type {t}");
                for key in map.keys() {
                    assert!(
                        allowed.contains(&key.as_str()),
                        "{path}: {t} has no property {key}"
                    );
                }
            }
            for (key, v) in map {
                check_schema(v, &format!("{path}.{key}"));
            }
        }
        serde_json::Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                check_schema(v, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[test]
fn claim_review_is_schema_org_and_fit_for_publishing() {
    let review = published_review();
    // --all does not publish unreviewed findings.
    let text = export::export(Format::ClaimReview, &review, true).expect("claimreview");
    let value: serde_json::Value = serde_json::from_str(&text).expect("parses");
    check_schema(&value, "$");
    let reviews = value.as_array().expect("one ClaimReview per reviewed fact");
    assert_eq!(reviews.len(), 1, "the unreviewed one is left out");
    let r = &reviews[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    for required in [
        "url",
        "claimReviewed",
        "author",
        "datePublished",
        "reviewRating",
        "itemReviewed",
    ] {
        assert!(!r[required].is_null(), "{required} missing: {r}");
    }
    assert_eq!(
        r["url"], "https://factdesk.example/checks/kryvyi-rih#finding-7",
        "the report's address with the finding's anchor in the HTML report"
    );
    assert_eq!(
        r["claimReviewed"], "=HYPERLINK(\"http://evil\")",
        "the reconciled fact by default"
    );
    assert_eq!(r["author"]["@type"], "Person");
    assert_eq!(r["author"]["name"], "Zoë");
    assert_eq!(r["author"]["worksFor"]["name"], "Lakeside Fact Desk");
    assert_eq!(r["publisher"]["@type"], "Organization");
    assert_eq!(r["publisher"]["url"], "https://factdesk.example/");
    assert_eq!(r["reviewRating"]["alternateName"], "Reconciled");
    assert!(
        r["reviewRating"]["ratingValue"].is_null(),
        "no scale, no number"
    );
    let appearances = r["itemReviewed"]["appearance"]
        .as_array()
        .expect("appearances");
    assert_eq!(appearances.len(), 2, "one per report");
    assert_eq!(appearances[0]["url"], "https://ledger.example/a?x=1&y=2");
    assert_eq!(appearances[0]["publisher"]["name"], "Ledger & Co");
    assert_eq!(appearances[0]["datePublished"], "2025-04-16T08:40:00+02:00");
    assert_eq!(appearances[0]["author"][0]["name"], "Mira Castellan");
    assert_eq!(
        appearances[1]["url"], "https://news.example/b",
        "the path is an address"
    );

    // The reviewer's own claim and address win; a scale gives numbers.
    let mut review = published_review();
    review.annotations[0].claim = "About 20 people were killed in Kryvyi Rih.".into();
    review.annotations[0].url = "https://factdesk.example/k/20".into();
    review.publisher.scale = Some(RatingScale {
        worst: 1,
        best: 5,
        values: vec![(Verdict::Reconciled, 4), (Verdict::ConfirmedConflict, 1)],
    });
    let text = export::export(Format::ClaimReview, &review, false).expect("claimreview");
    let value: serde_json::Value = serde_json::from_str(&text).expect("parses");
    check_schema(&value, "$");
    let r = &value[0];
    assert_eq!(
        r["claimReviewed"],
        "About 20 people were killed in Kryvyi Rih."
    );
    assert_eq!(r["url"], "https://factdesk.example/k/20");
    assert_eq!(r["reviewRating"]["ratingValue"], 4);
    assert_eq!(r["reviewRating"]["worstRating"], 1);
    assert_eq!(r["reviewRating"]["bestRating"], 5);
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
        assert_eq!(item["creator"]["type"], "Person");
        assert_eq!(item["creator"]["name"], "Zoë", "the reviewer");
        assert_eq!(item["generator"]["type"], "Software");
        assert!(
            item["generator"]["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("crosscheck"))
        );
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
    // A report's address, when known, is the target's source.
    let text =
        export::export_with_texts(Format::WebAnnotation, &published_review(), false, &texts())
            .expect("webanno");
    let value: serde_json::Value = serde_json::from_str(&text).expect("parses");
    assert_eq!(value["label"], "Kryvyi Rih toll: what the reports say");
    let target = &value["first"]["items"][0]["target"];
    assert_eq!(target[0]["source"], "https://ledger.example/a?x=1&y=2");
    assert_eq!(target[1]["source"], "https://news.example/b");
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
