//! Speed of the claim engine (extraction + alignment), single-threaded, on generated reports.
//!
//! `cargo bench --bench engine` prints MB/s (best and median round) for 20 and 200 reports of
//! 5–20 KB and the ratio of their best times: with no all-pairs comparison, 10x the reports
//! should cost about 10x the time. On shared VMs the wall clock varies by half from minute to
//! minute: run it several times, or compare instruction counts.

#![allow(clippy::print_stdout)] // a benchmark reports on stdout

mod common;

use std::time::{Duration, Instant};

use crosscheck::analysis::{self, Input};

/// The best and the median time of `rounds` analyses of `texts`, and the findings' count.
fn time(texts: &[String], rounds: usize) -> (Duration, Duration, usize) {
    let inputs: Vec<Input<'_>> = texts
        .iter()
        .map(|t| Input {
            text: t,
            body: 0..t.len(),
            date: None,
        })
        .collect();
    let mut times = Vec::with_capacity(rounds);
    let mut findings = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let result = analysis::analyze(&inputs);
        times.push(start.elapsed());
        findings = result.findings.len();
    }
    times.sort_unstable();
    (times[0], times[times.len() / 2], findings)
}

fn main() {
    // Warm up the lexicon and the allocator.
    let _ = time(&common::reports(7, 5, 5_000, 20_000), 1);
    let mut rows = Vec::new();
    for count in [20usize, 200] {
        let texts = common::reports(42, count, 5_000, 20_000);
        let bytes: usize = texts.iter().map(String::len).sum();
        let rounds = if count <= 20 { 20 } else { 10 };
        let (elapsed, median, findings) = time(&texts, rounds);
        let mb_per_s = |t: Duration| bytes as f64 / 1e6 / t.as_secs_f64();
        println!(
            "{count:>4} reports, {:>6.2} MB: best of {rounds} {:>8.2} ms, {:>6.1} MB/s \
             (median {:.2} ms, {:.1} MB/s), {findings} findings",
            bytes as f64 / 1e6,
            elapsed.as_secs_f64() * 1e3,
            mb_per_s(elapsed),
            median.as_secs_f64() * 1e3,
            mb_per_s(median),
        );
        rows.push((count, bytes, elapsed));
    }
    let (small, large) = (rows[0], rows[1]);
    let cost_ratio = large.2.as_secs_f64() / small.2.as_secs_f64();
    let size_ratio = large.1 as f64 / small.1 as f64;
    println!("200 vs 20 reports: {size_ratio:.1}x the bytes cost {cost_ratio:.1}x the time");
}
