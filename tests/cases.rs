//! Detection quality on real coverage: the engine runs on the twelve labelled cases under
//! `tests/cases/` and is scored the way `shared/tools/score-cases` scores the command line
//! (recall of what a fact-checker flags, precision of the cross-report alarms, only-in-one
//! items per report, traps fired). The table is printed (`cargo test --test cases --
//! --nocapture`); the floors are the scores reached when they were set, so a change that
//! loses detections fails here and says where.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crosscheck::analysis::{Finding, Input, Kind, analyze};
use crosscheck::corpus;
use serde::Deserialize;

/// One labelled item: a discrepancy (truth) or a pair that must not be flagged (trap).
#[derive(Deserialize)]
struct Item {
    /// A truth item's kind; for a trap, "corroborated" or nothing.
    #[serde(default)]
    kind: String,
    subject: String,
    /// File name → the phrase in it.
    values: BTreeMap<String, String>,
}

struct Case {
    name: String,
    files: Vec<String>,
    texts: Vec<String>,
    truth: Vec<Item>,
    traps: Vec<Item>,
    findings: Vec<Finding>,
}

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn load(dir: &Path) -> Case {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("case folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "txt") && n != "dates.txt")
        .collect();
    files.sort();
    let mut articles: Vec<corpus::Article> = files
        .iter()
        .map(|f| corpus::load_path(&dir.join(f)).expect("a readable report"))
        .collect();
    if let Ok(dates) = std::fs::read_to_string(dir.join("dates.txt")) {
        for line in dates.lines().filter(|l| !l.trim().is_empty()) {
            let (file, date) = line.trim().split_once('=').expect("FILE=YYYY-MM-DD");
            let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a date");
            let i = files
                .iter()
                .position(|f| f == file)
                .expect("a file of the case");
            articles[i].set_date(Some(date));
        }
    }
    let inputs: Vec<Input<'_>> = articles.iter().map(Input::from_article).collect();
    let findings = analyze(&inputs).findings;
    let read = |name: &str| -> Vec<Item> {
        std::fs::read_to_string(dir.join(name))
            .map(|t| serde_json::from_str(&t).expect("valid labels"))
            .unwrap_or_default()
    };
    Case {
        name: dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned(),
        texts: articles.iter().map(|a| a.text.to_string()).collect(),
        files,
        truth: read("truth.json"),
        traps: read("traps.json"),
        findings,
    }
}

/// The byte ranges of `phrase` in `text`, every occurrence.
fn ranges(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    text.match_indices(phrase)
        .map(|(at, p)| (at, at + p.len()))
        .collect()
}

/// The files of `item` in which a claim of `finding` overlaps the item's phrase.
fn files_hit(case: &Case, finding: &Finding, item: &Item) -> BTreeSet<usize> {
    let mut hit = BTreeSet::new();
    for (file, phrase) in &item.values {
        let Some(r) = case.files.iter().position(|f| f == file) else {
            continue;
        };
        let spans = ranges(&case.texts[r], phrase);
        if finding
            .claims
            .iter()
            .filter(|c| c.article == r)
            .any(|c| spans.iter().any(|&(s, e)| c.start < e && s < c.end))
        {
            hit.insert(r);
        }
    }
    hit
}

#[derive(Default)]
struct Score {
    truth: usize,
    found: usize,
    by_kind: BTreeMap<String, (usize, usize)>,
    alarms: usize,
    true_alarms: usize,
    solos: usize,
    reports: usize,
    traps_fired: usize,
}

fn score(case: &Case, table: &mut String, total: &mut Score) {
    let _ = writeln!(table, "{}", case.name);
    for item in &case.truth {
        let need = if item.kind == "only_in_one" { 1 } else { 2 };
        let found = case
            .findings
            .iter()
            .filter(|f| f.is_discrepancy())
            .any(|f| files_hit(case, f, item).len() >= need);
        let _ = writeln!(
            table,
            "   {} [{}] {}",
            if found { "ok  " } else { "MISS" },
            item.kind,
            item.subject
        );
        total.truth += 1;
        total.found += usize::from(found);
        let kind = total.by_kind.entry(item.kind.clone()).or_default();
        kind.0 += usize::from(found);
        kind.1 += 1;
    }
    let alarms: Vec<&Finding> = case
        .findings
        .iter()
        .filter(|f| f.is_discrepancy() && f.kind != Kind::OnlyInOne)
        .collect();
    let solos: Vec<&Finding> = case
        .findings
        .iter()
        .filter(|f| f.kind == Kind::OnlyInOne)
        .collect();
    for trap in &case.traps {
        let fired = if trap.kind == "corroborated" {
            solos.iter().any(|f| !files_hit(case, f, trap).is_empty())
        } else {
            alarms.iter().any(|f| files_hit(case, f, trap).len() >= 2)
        };
        if fired {
            let _ = writeln!(table, "   TRAP {}", trap.subject);
            total.traps_fired += 1;
        }
    }
    for f in &alarms {
        let explained = case
            .truth
            .iter()
            .filter(|t| t.kind != "only_in_one")
            .any(|t| files_hit(case, f, t).len() >= 2);
        if explained {
            total.true_alarms += 1;
        } else {
            let _ = writeln!(table, "   ALARM not in the labels: {}", f.subject);
        }
    }
    total.alarms += alarms.len();
    total.solos += solos.len();
    total.reports += case.files.len();
}

#[test]
fn detection_on_the_labelled_cases_holds_its_scores() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.join("truth.json").exists())
        .collect();
    dirs.sort();
    assert_eq!(dirs.len(), 12, "the twelve cases are there");
    let mut table = String::new();
    let mut total = Score::default();
    for dir in &dirs {
        score(&load(dir), &mut table, &mut total);
    }
    let recall = total.found as f64 / total.truth as f64;
    let precision = total.true_alarms as f64 / total.alarms.max(1) as f64;
    let solo = total.solos as f64 / total.reports as f64;
    let kinds: Vec<String> = total
        .by_kind
        .iter()
        .map(|(k, (found, all))| format!("{k}={found}/{all}"))
        .collect();
    let _ = writeln!(
        table,
        "recall {recall:.2} ({}/{}); {}; precision {precision:.2} ({}/{} alarms); only_in_one {solo:.1}/report; traps fired {}",
        total.found,
        total.truth,
        kinds.join(" "),
        total.true_alarms,
        total.alarms,
        total.traps_fired
    );
    eprintln!("{table}");
    let kind = |k: &str| total.by_kind.get(k).map_or(0, |v| v.0);
    // Floors: the scores when they were set (recall 78/90, 23 of 30 figures, precision
    // 37/37, 2.3 per report, 2 traps), less nothing; raise them as detection improves.
    assert!(
        total.found >= 78,
        "recall fell: {}/{}",
        total.found,
        total.truth
    );
    assert!(
        kind("number") >= 23,
        "conflicting figures found: {}",
        kind("number")
    );
    assert!(
        kind("only_in_one") >= 42,
        "only-in-one found: {}",
        kind("only_in_one")
    );
    assert!(kind("date") >= 4 && kind("people") >= 3 && kind("spelling") >= 6);
    assert!(precision >= 0.99, "precision fell: {precision:.2}");
    assert!(solo <= 2.5, "only-in-one noise: {solo:.1} per report");
    assert!(total.traps_fired <= 2, "traps fired: {}", total.traps_fired);
}
