//! The system file dialogs (rfd), and what to do when there is none.
//!
//! rfd talks to the desktop's file-chooser portal (or zenity). Many machines have neither: a
//! bare window manager, a remote session, a container. rfd then returns at once with nothing,
//! exactly as if the user had pressed Cancel. A dialog that comes back empty faster than a
//! person can cancel one is taken to be missing, and the window offers its own path field
//! instead. `CROSSCHECK_NO_FILE_DIALOG=1` skips the system dialogs altogether, and so does a
//! window started without them (the tests: they must never open a real dialog).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a dialog gave back.
#[derive(Debug, PartialEq, Eq)]
pub enum Choice<T> {
    /// The user chose this.
    Chosen(T),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown.
    Unavailable,
}

/// Faster than this, an empty answer means no dialog was shown (nobody cancels a file
/// dialog within a fifth of a second).
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(200);

/// Whether the system dialogs are switched off by the environment.
pub fn disabled() -> bool {
    std::env::var_os("CROSSCHECK_NO_FILE_DIALOG").is_some_and(|v| !v.is_empty() && v != "0")
}

/// What an answer means, given how long the dialog took to give it.
fn classify<T>(answer: Option<T>, took: Duration) -> Choice<T> {
    match answer {
        Some(chosen) => Choice::Chosen(chosen),
        None if took < NO_DIALOG_WITHIN => Choice::Unavailable,
        None => Choice::Cancelled,
    }
}

fn run<T>(enabled: bool, show: impl FnOnce() -> Option<T>) -> Choice<T> {
    if !enabled || disabled() {
        return Choice::Unavailable;
    }
    let started = Instant::now();
    let answer = show();
    classify(answer, started.elapsed())
}

/// The folder part of a suggested path, for the dialog to start in.
fn folder_of(suggested: &Path) -> Option<&Path> {
    suggested.parent().filter(|p| p.is_dir())
}

/// Asks for report files to open.
pub fn open_reports(enabled: bool) -> Choice<Vec<PathBuf>> {
    run(enabled, || {
        rfd::FileDialog::new()
            .set_title("Open reports")
            .add_filter("Reports", &["txt", "text", "md", "html", "htm"])
            .add_filter("All files", &["*"])
            .pick_files()
    })
}

/// Asks for a review file to open.
pub fn open_review(enabled: bool, folder: &Path) -> Choice<PathBuf> {
    run(enabled, || {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open review")
            .add_filter("Review", &["ron"]);
        if folder.is_dir() {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    })
}

/// Asks where to save, suggesting `suggested`.
pub fn save_file(enabled: bool, title: &str, suggested: &Path, extension: &str) -> Choice<PathBuf> {
    run(enabled, || {
        let mut dialog = rfd::FileDialog::new()
            .set_title(title)
            .add_filter(extension, &[extension]);
        if let Some(folder) = folder_of(suggested) {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        dialog.save_file()
    })
}

/// Asks where a report of a review is now.
pub fn locate_report(enabled: bool) -> Choice<PathBuf> {
    run(enabled, || {
        rfd::FileDialog::new()
            .set_title("Locate report")
            .pick_file()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_taken_a_slow_empty_one_is_a_cancel_and_a_quick_one_no_dialog() {
        let quick = Duration::from_millis(5);
        let slow = NO_DIALOG_WITHIN * 3;
        assert_eq!(classify(Some(3), quick), Choice::Chosen(3));
        assert_eq!(classify(Some(3), slow), Choice::Chosen(3));
        assert_eq!(classify(None::<u8>, slow), Choice::Cancelled);
        assert_eq!(classify(None::<u8>, quick), Choice::Unavailable);
    }
}
