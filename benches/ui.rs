//! CPU time of one frame of the full window with 12 reports of about 20 KB and their
//! discrepancies, headless (`egui::Context::run_ui`, no painting). Layouts are cached, so a
//! frame only re-draws: the target is under 4 ms.
//!
//! `cargo bench --bench ui`

#![allow(clippy::print_stdout)] // a benchmark reports on stdout

mod common;

use std::time::{Duration, Instant};

use crosscheck::corpus::{self, Source};
use crosscheck::ui::pane::Target;
use crosscheck::ui::{App, Command, StartOptions};

fn input(frame: u32, pointer: Option<egui::Pos2>) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        time: Some(f64::from(frame) / 60.0),
        ..Default::default()
    };
    if let Some(pos) = pointer {
        input.events.push(egui::Event::PointerMoved(pos));
    }
    input
}

fn summary(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = samples[samples.len() / 2];
    let p95 = samples[samples.len() * 95 / 100];
    println!(
        "{label:<44} median {:>6.2} ms   p95 {:>6.2} ms   max {:>6.2} ms",
        ms(median),
        ms(p95),
        ms(*samples.last().unwrap_or(&median))
    );
}

fn main() {
    let texts = common::reports(11, 12, 19_000, 21_000);
    let articles = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            corpus::from_bytes(Source::Pasted(i as u32 + 1), t.as_bytes().to_vec()).ok()
        })
        .collect();
    let ctx = egui::Context::default();
    let mut app = App::headless(
        &ctx,
        StartOptions {
            articles,
            ..StartOptions::default()
        },
    );
    app.wait_for_analysis();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} reports, {:.0} KB, {} findings",
        app.articles().len(),
        bytes as f64 / 1e3,
        app.analysis().findings.len()
    );
    let mut frame = 0u32;
    let mut run = |app: &mut App, pointer: Option<egui::Pos2>| {
        frame += 1;
        let start = Instant::now();
        let _ = ctx.run_ui(input(frame, pointer), |ui| app.frame_ui(ui));
        start.elapsed()
    };
    let first = run(&mut app, None);
    println!(
        "{:<44} {:>6.2} ms (lays out every report)",
        "first frame",
        first.as_secs_f64() * 1e3
    );
    for _ in 0..10 {
        run(&mut app, None);
    }
    summary(
        "idle frame",
        (0..300).map(|_| run(&mut app, None)).collect(),
    );
    summary(
        "frame with the pointer moving over a report",
        (0..300)
            .map(|k| {
                run(
                    &mut app,
                    Some(egui::pos2(
                        200.0 + (k % 50) as f32,
                        300.0 + (k % 200) as f32,
                    )),
                )
            })
            .collect(),
    );
    let first_conflict = app
        .analysis()
        .findings
        .iter()
        .position(crosscheck::analysis::Finding::is_discrepancy)
        .unwrap_or(0);
    app.push(Command::Select(Some(Target::Finding(first_conflict))));
    run(&mut app, None);
    summary(
        "frame with a discrepancy selected",
        (0..300).map(|_| run(&mut app, None)).collect(),
    );
    let mut walk = Vec::new();
    for _ in 0..100 {
        app.push(Command::Next);
        walk.push(run(&mut app, None));
    }
    summary("frame stepping to the next discrepancy", walk);
}
