//! Save and open of reviews through serde and ron (targets: 1,000 annotations under 30 ms
//! each, 10,000 under 250 ms; a busy real review has a few hundred).
//!
//! `cargo bench --bench store` (best, median and worst of 9 runs each)

#![allow(clippy::print_stdout)] // a benchmark reports on stdout

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use crosscheck::analysis::Kind;
use crosscheck::review::{Anchor, Annotation, Review, ReviewedArticle, Verdict};
use crosscheck::store;

fn review(n: usize) -> Review {
    let text = "Officials said about 20 people were killed, including nine children, after a missile struck the city on April 4. ".repeat(40);
    let now = DateTime::<Utc>::from_timestamp(1_745_000_000, 0).unwrap_or_default();
    let annotations = (0..n)
        .map(|i| {
            let start = (i * 37) % (text.len() - 80);
            let start = (start..text.len())
                .find(|&s| text.is_char_boundary(s))
                .unwrap_or(0);
            let mut anchor = Anchor::new(i % 3, &text, start..start + 40);
            anchor.value = "18..22".into();
            Annotation {
                id: i as u64,
                kind: Kind::ALL[i % Kind::ALL.len()],
                subject: format!("people killed in place {i}"),
                from_engine: i % 4 != 0,
                anchors: vec![
                    anchor.clone(),
                    Anchor {
                        article: (i + 1) % 3,
                        ..anchor
                    },
                ],
                verdict: Verdict::ALL[i % Verdict::ALL.len()],
                reconciled: "About 20 people, including nine children.".into(),
                value: None,
                sides_with: vec![i % 3],
                note: "Checked against the emergency service's statement.".into(),
                sources: vec![format!("https://example.org/source/{i}")],
                tags: vec!["casualties".into()],
                claim: String::new(),
                url: String::new(),
                reviewer: "Ana".into(),
                created: now,
                modified: now,
            }
        })
        .collect();
    Review {
        articles: (0..3)
            .map(|i| ReviewedArticle {
                path: format!("reports/{i}.txt"),
                hash: format!("sha256:{i:064}"),
                title: format!("Report {i}"),
                date: None,
                meta: crosscheck::corpus::Meta::default(),
            })
            .collect(),
        annotations,
        next_id: n as u64,
        ..Review::default()
    }
}

/// Best, median and worst of `rounds` runs, in ms.
struct Times([f64; 3]);

impl std::fmt::Display for Times {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [best, median, worst] = self.0;
        write!(
            f,
            "best {best:>6.1} ms, median {median:>6.1}, worst {worst:>6.1}"
        )
    }
}

fn best(mut f: impl FnMut() -> Duration, rounds: usize) -> Times {
    let mut times: Vec<f64> = (0..rounds).map(|_| f().as_secs_f64() * 1e3).collect();
    times.sort_by(f64::total_cmp);
    Times([times[0], times[rounds / 2], times[rounds - 1]])
}

const ROUNDS: usize = 9;

fn main() {
    for n in [1_000, 10_000] {
        run(n);
    }
}

fn run(n: usize) {
    let review = review(n);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let save = best(
        || {
            let start = Instant::now();
            store::save(&path, &review).expect("save");
            start.elapsed()
        },
        ROUNDS,
    );
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let open = best(
        || {
            let start = Instant::now();
            let (loaded, _) = store::load(&path).expect("open");
            assert_eq!(loaded.annotations.len(), n);
            start.elapsed()
        },
        ROUNDS,
    );
    let recovery_path = dir.path().join("recovery.ron");
    let recovery = best(
        || {
            let start = Instant::now();
            store::save_recovery(&recovery_path, &review, Some(&path)).expect("recovery");
            start.elapsed()
        },
        ROUNDS,
    );
    let text = store::to_ron(&review).expect("serialises");
    let serialise = best(
        || {
            let start = Instant::now();
            let _ = store::to_ron(&review).expect("serialises");
            start.elapsed()
        },
        ROUNDS,
    );
    let parse = best(
        || {
            let start = Instant::now();
            let _ = store::from_ron(&text, "big.ron").expect("parse");
            start.elapsed()
        },
        ROUNDS,
    );
    println!("{n} annotations, {:.1} MB file", size as f64 / 1e6);
    println!("  of which serialising to RON in memory:  {serialise}");
    println!("  of which parsing RON from memory:       {parse}");
    println!("save (serialise, write, fsync, rename): {save}");
    println!("recovery file (written by the window):  {recovery}");
    println!("open (read, parse, validate):            {open}");
}
