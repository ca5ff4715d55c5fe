//! The status bar: the highlight legend, analysis progress and counts, the review file and
//! whether it is saved, missing reports, and the notices. Reads the state, pushes commands.

use egui::Vec2;

use super::pane;
use super::state::{App, Command};
use super::theme::Theme;
use crate::analysis::Status;
use crate::corpus::text::counted;

/// One swatch per status, drawn as the panes draw highlights.
fn legend_ui(ui: &mut egui::Ui) {
    let theme = Theme::of(ui.ctx());
    for (status, reviewed, label) in [
        (Status::Conflict, false, "Conflict"),
        (Status::Compatible, false, "Different precision"),
        (Status::OnlyInOne, false, "Only in one"),
        (Status::Corroborated, false, "Corroborated"),
        (Status::Conflict, true, "Reviewed"),
    ] {
        let style = theme.status(status, reviewed);
        let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 14.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, style.background);
        pane::paint_underline(ui.painter(), rect, style.underline, style.stroke);
        ui.label(egui::RichText::new(format!("{} {label}", style.marker)).color(style.stroke));
    }
}

/// How many notices are shown at once.
const SHOWN: usize = 3;

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &App, out: &mut Vec<Command>) {
    let theme = Theme::of(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        legend_ui(ui);
        ui.separator();
        if let Some(progress) = app.worker.progress() {
            ui.add(
                egui::ProgressBar::new(progress)
                    .desired_width(160.0)
                    .show_percentage()
                    .text(format!("analysing {} reports", app.articles.len())),
            );
        } else {
            let count = |s: Status| {
                app.analysis
                    .findings
                    .iter()
                    .filter(|f| f.status == s)
                    .count()
            };
            ui.label(format!(
                "{} · {} · {} different precision · {} only in one · {}",
                counted(app.articles.len(), "report", "reports"),
                counted(count(Status::Conflict), "conflict", "conflicts"),
                count(Status::Compatible),
                count(Status::OnlyInOne),
                counted(count(Status::Corroborated), "agreement", "agreements"),
            ));
            let (reviewed, listed) = app.reviewed_count();
            if listed > 0 {
                ui.separator();
                ui.label(format!("{reviewed} of {listed} reviewed"))
                    .on_hover_text("Discrepancies in the list with a verdict (U: next unreviewed)");
            }
        }
        ui.separator();
        let name = app
            .review_path
            .as_ref()
            .map_or_else(|| "unsaved review".to_owned(), |p| p.display().to_string());
        ui.label(format!("{name}{}", if app.dirty { " •" } else { "" }))
            .on_hover_text(if app.dirty {
                "Unsaved changes (Ctrl+S saves)"
            } else {
                "Saved"
            });
    });
    for m in &app.missing {
        ui.horizontal(|ui| {
            ui.colored_label(theme.warning, format!("Report not found: {}", m.path));
            if ui.button("Locate…").clicked() {
                out.push(Command::LocateDialog(m.index));
            }
        });
    }
    if app.orphan_count > 0 {
        ui.colored_label(
            theme.warning,
            format!(
                "{} could not be placed in the changed reports; kept (see the list).",
                counted(app.orphan_count, "annotation", "annotations")
            ),
        );
    }
    // The newest three; the rest are counted (information fades, errors stay until dismissed).
    for (i, notice) in app.notices.iter().enumerate().rev().take(SHOWN) {
        ui.horizontal(|ui| {
            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                out.push(Command::DismissNotice(i));
            }
            let color = if notice.error {
                theme.error
            } else {
                ui.visuals().text_color()
            };
            let text = if notice.repeats > 1 {
                format!("{} (×{})", notice.text, notice.repeats)
            } else {
                notice.text.clone()
            };
            ui.colored_label(color, text);
        });
    }
    if app.notices.len() > SHOWN {
        let hidden = app.notices.len() - SHOWN;
        ui.horizontal(|ui| {
            ui.weak(format!("+{hidden} more"));
            if ui.small_button("Dismiss all").clicked() {
                for i in (0..app.notices.len()).rev() {
                    out.push(Command::DismissNotice(i));
                }
            }
        });
    }
}
