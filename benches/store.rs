//! Save and open of a review with 10,000 annotations (target: under 100 ms each).
//!
//! `cargo bench --bench store`

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
            })
            .collect(),
        annotations,
        next_id: n as u64,
    }
}

fn best(mut f: impl FnMut() -> Duration, rounds: usize) -> Duration {
    (0..rounds).map(|_| f()).min().unwrap_or_default()
}

fn main() {
    let review = review(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let save = best(
        || {
            let start = Instant::now();
            store::save(&path, &review).expect("save");
            start.elapsed()
        },
        5,
    );
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let open = best(
        || {
            let start = Instant::now();
            let (loaded, _) = store::load(&path).expect("open");
            assert_eq!(loaded.annotations.len(), 10_000);
            start.elapsed()
        },
        5,
    );
    let text = store::to_ron(&review).expect("serialise");
    let serialise = best(
        || {
            let start = Instant::now();
            let _ = store::to_ron(&review).expect("serialise");
            start.elapsed()
        },
        5,
    );
    let parse = best(
        || {
            let start = Instant::now();
            let _ = store::from_ron(&text, "big.ron").expect("parse");
            start.elapsed()
        },
        5,
    );
    println!("10,000 annotations, {:.1} MB file", size as f64 / 1e6);
    println!(
        "  of which serialising to RON in memory:  best of 5 {:>7.1} ms",
        serialise.as_secs_f64() * 1e3
    );
    println!(
        "  of which parsing RON from memory:       best of 5 {:>7.1} ms",
        parse.as_secs_f64() * 1e3
    );
    println!(
        "save (serialise, write, fsync, rename): best of 5 {:>7.1} ms",
        save.as_secs_f64() * 1e3
    );
    println!(
        "open (read, parse, validate):            best of 5 {:>7.1} ms",
        open.as_secs_f64() * 1e3
    );
}
