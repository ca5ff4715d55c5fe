//! The window: egui panels that draw the state and send commands. The only module that uses
//! egui; everything it shows comes from `corpus`, `analysis`, `review` and `store`.

pub mod command;
mod dialogs;
pub mod editor;
mod frame;
pub mod list;
mod menu;
mod modal;
pub mod pane;
mod panes;
mod side_panel;
pub mod state;
mod status_bar;
pub mod theme;
pub mod worker;

use std::path::PathBuf;

pub use state::{App, Command, StartOptions};

use crate::corpus::{self, Article};

/// The application id (window class, storage folder).
pub const APP_ID: &str = "crosscheck";

/// When the process started (set first thing in `main`), for the launch-time measurement.
pub static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// With `CROSSCHECK_LAUNCH_TIMING` set, the window prints the milliseconds from process start
/// to the frame after the first painted one, and closes: the launch benchmark's probe.
struct LaunchProbe {
    app: App,
    frames: u32,
}

impl eframe::App for LaunchProbe {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 2 {
            let start = PROCESS_START.get_or_init(std::time::Instant::now);
            eprintln!(
                "first frame painted after {:.1} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
        eframe::App::ui(&mut self.app, ui, frame);
    }
}

/// Loads the reports given on the command line (the bundled sample when none), printing any
/// load error on stderr; the window shows them again.
pub fn load_start(files: &[PathBuf]) -> StartOptions {
    let mut articles: Vec<Article> = Vec::new();
    let mut errors = Vec::new();
    // A review file among the files opens as the review (its reports with it).
    let mut review = None;
    let mut reports = Vec::new();
    for path in files {
        if crate::store::is_review_file(path) {
            if review.is_none() {
                review = Some(path.clone());
            } else {
                let message = format!(
                    "{}: only one review opens at a time; this one was not opened",
                    path.display()
                );
                eprintln!("crosscheck: {message}");
                errors.push(message);
            }
        } else {
            reports.push(path);
        }
    }
    if files.is_empty() {
        articles = corpus::sample();
    }
    for path in reports {
        match corpus::load_path(path)
            .and_then(|a| corpus::check_not_open(&a, &articles).map(|()| a))
        {
            Ok(article) => articles.push(article),
            Err(err) => {
                eprintln!("crosscheck: {err}");
                errors.push(err.to_string());
            }
        }
    }
    StartOptions {
        articles,
        errors,
        recovery_path: eframe::storage_dir(APP_ID).map(|dir| dir.join("recovery.ron")),
        review,
        system_dialogs: true,
    }
}

/// Opens the window.
pub fn run(start: StartOptions, renderer: Option<&str>) -> Result<(), String> {
    let renderer = match renderer {
        None | Some("glow") => eframe::Renderer::Glow,
        #[cfg(feature = "wgpu")]
        Some("wgpu") => eframe::Renderer::Wgpu,
        Some(other) => {
            return Err(format!(
                "unknown renderer “{other}” (this build has glow{})",
                if cfg!(feature = "wgpu") {
                    " and wgpu"
                } else {
                    "; build with --features wgpu for wgpu"
                }
            ));
        }
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("crosscheck")
            .with_app_id(APP_ID)
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        renderer,
        persist_window: true,
        ..Default::default()
    };
    let probe = std::env::var_os("CROSSCHECK_LAUNCH_TIMING").is_some();
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let app = App::new(cc, start);
            if probe {
                Ok(Box::new(LaunchProbe { app, frames: 0 }) as Box<dyn eframe::App>)
            } else {
                Ok(Box::new(app))
            }
        }),
    )
    .map_err(|err| format!("could not open the window: {err}"))
}
