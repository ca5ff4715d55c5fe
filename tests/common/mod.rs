//! What the window's tests share: building the real app in a test harness and letting its
//! background analysis finish.
#![allow(dead_code)] // each test crate uses a different subset

use std::path::{Path, PathBuf};

use crosscheck::corpus;
use crosscheck::ui::{App, StartOptions};
use egui_kittest::{Harness, HarnessBuilder};

/// A path in the repository.
pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Start options that open the bundled sample.
pub fn sample_start() -> StartOptions {
    StartOptions {
        articles: corpus::sample(),
        ..StartOptions::default()
    }
}

/// Lets the background analysis finish and the frames settle.
pub fn settle(harness: &mut Harness<'static, App>) {
    harness.run_steps(2);
    harness.state_mut().wait_for_analysis();
    harness.run_steps(4);
}

/// The real app built by `builder` with `start`, settled.
pub fn build(builder: HarnessBuilder<App>, start: StartOptions) -> Harness<'static, App> {
    let mut harness = builder.build_eframe(move |cc| App::new(cc, start));
    settle(&mut harness);
    harness
}

/// The app on the sample in a 1400×900 window.
pub fn sample_app() -> Harness<'static, App> {
    build(
        Harness::builder().with_size([1400.0, 900.0]),
        sample_start(),
    )
}

/// The app with nothing open (to open a review into).
pub fn empty_app() -> Harness<'static, App> {
    build(
        Harness::builder().with_size([1400.0, 900.0]),
        StartOptions::default(),
    )
}

/// The app on two reports copied into `dir` (so a first save lands in `dir/annotations`).
pub fn app_on_copies(dir: &Path) -> Harness<'static, App> {
    let mut files = Vec::new();
    for name in ["courant.txt", "denverchannel.txt"] {
        let to = dir.join(name);
        std::fs::copy(
            fixture(&format!("tests/cases/sandy-hook-shooting-2012/{name}")),
            &to,
        )
        .expect("copy a report");
        files.push(to);
    }
    let start = StartOptions {
        articles: files
            .iter()
            .map(|p| crosscheck::corpus::load_path(p).expect("report"))
            .collect(),
        ..StartOptions::default()
    };
    build(Harness::builder().with_size([1400.0, 900.0]), start)
}
