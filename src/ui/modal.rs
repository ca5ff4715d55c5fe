//! The dialogs drawn over the window: pasting a report, exporting, the quit prompt and the
//! recovery offer. Each edits only its own buffer and pushes commands.

use std::path::PathBuf;

use super::state::{Command, Modal, PathPrompt, PathPurpose};
use crate::export::Format;

/// Draws the open dialog, if any. `modal` is the dialog with what it edits; it is left
/// `None` when the dialog closes.
pub fn modal_ui(ctx: &egui::Context, modal: &mut Option<Modal>, out: &mut Vec<Command>) {
    let Some(open) = modal.take() else {
        return;
    };
    let mut keep = true;
    let mut next = None;
    match open {
        Modal::Paste(mut text) => {
            egui::Modal::new(egui::Id::unique("paste modal")).show(ctx, |ui| {
                ui.heading("Paste text as a report");
                ui.label("Paste (Ctrl+V) the report's text below. A first line “date YYYY-MM-DD headline” sets its date; “outlet:”, “url:” and “by:” lines after it give the outlet, address and authors.");
                let edit = ui.add(egui::TextEdit::multiline(&mut text).desired_rows(12).desired_width(560.0));
                // Ready for Ctrl+V as soon as the dialog opens.
                if text.is_empty() && !edit.has_focus() {
                    edit.request_focus();
                }
                edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Pasted report text"));
                ui.horizontal(|ui| {
                    if ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Add report")).clicked() {
                        out.push(Command::PasteReport(std::mem::take(&mut text)));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
            if keep {
                next = Some(Modal::Paste(text));
            }
        }
        Modal::Export(mut format, mut all) => {
            egui::Modal::new(egui::Id::unique("export modal")).show(ctx, |ui| {
                ui.heading("Export reviewed facts");
                for f in Format::ALL {
                    ui.radio_value(&mut format, f, f.label());
                }
                ui.checkbox(&mut all, "Include unreviewed discrepancies");
                ui.horizontal(|ui| {
                    if ui.button("Export…").clicked() {
                        out.push(Command::ExportDialog(format, all));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
            if keep {
                next = Some(Modal::Export(format, all));
            }
        }
        Modal::Publishing(mut edit) => {
            egui::Modal::new(egui::Id::unique("publishing modal")).show(ctx, |ui| {
                ui.heading("Publishing details");
                ui.label("Used by the Markdown and HTML reports and by ClaimReview. The publisher is remembered for new reviews.");
                super::editor::field_grid(
                    ui,
                    "publishing grid",
                    &mut [
                        ("Title", &mut edit.title, "Fact-check: the first report's headline"),
                        ("Published at", &mut edit.url, "https://… (the report's page; each finding gets #finding-N)"),
                        ("Publisher", &mut edit.name, "the organisation"),
                        ("Publisher's address", &mut edit.publisher_url, "https://…"),
                    ],
                    420.0,
                    &str::to_owned,
                );
                ui.checkbox(&mut edit.scaled, "Rate verdicts on a numeric scale (ClaimReview ratingValue)");
                if edit.scaled {
                    ui.horizontal(|ui| {
                        ui.label("From");
                        ui.add(egui::DragValue::new(&mut edit.worst).range(-100..=100));
                        ui.label("(worst) to");
                        ui.add(egui::DragValue::new(&mut edit.best).range(-100..=100));
                        ui.label("(best)");
                    });
                    let (low, high) = (edit.worst.min(edit.best), edit.worst.max(edit.best));
                    ui.horizontal_wrapped(|ui| {
                        for (verdict, value) in crate::review::Verdict::ALL[1..].iter().zip(edit.values.iter_mut()) {
                            ui.label(verdict.label());
                            ui.add(egui::DragValue::new(value).range(low..=high));
                        }
                    });
                }
                ui.horizontal(|ui| {
                    if ui.button("Save details").clicked() {
                        let (title, url, publisher) = edit.to_publishing();
                        out.push(Command::SetPublishing(title, url, publisher));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
            if keep {
                next = Some(Modal::Publishing(edit));
            }
        }
        Modal::ConfirmQuit => {
            egui::Modal::new(egui::Id::unique("quit modal")).show(ctx, |ui| {
                ui.heading("Save the review before closing?");
                ui.label("Your verdicts and notes since the last save would be lost.");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        out.push(Command::SaveThenQuit);
                        keep = false;
                    }
                    if ui.button("Close without saving").clicked() {
                        out.push(Command::QuitWithoutSaving);
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
            if keep {
                next = Some(Modal::ConfirmQuit);
            }
        }
        Modal::ConfirmClose(index, text) => {
            egui::Modal::new(egui::Id::unique("close modal")).show(ctx, |ui| {
                ui.heading("Close this report?");
                ui.label(&text);
                ui.horizontal(|ui| {
                    if ui.button("Close report").clicked() {
                        out.push(Command::CloseArticle(index));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
            if keep {
                next = Some(Modal::ConfirmClose(index, text));
            }
        }
        Modal::Path(mut prompt) => {
            egui::Modal::new(egui::Id::unique("path modal")).show(ctx, |ui| {
                if path_prompt_ui(ui, &mut prompt, out) {
                    keep = false;
                }
            });
            if keep {
                next = Some(Modal::Path(prompt));
            }
        }
        Modal::Recovery(text) => {
            egui::Modal::new(egui::Id::unique("recovery modal")).show(ctx, |ui| {
                ui.heading("Restore unsaved work?");
                ui.label(&text);
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        out.push(Command::RestoreRecovery);
                        keep = false;
                    }
                    if ui.button("Discard").clicked() {
                        out.push(Command::DiscardRecovery);
                        keep = false;
                    }
                });
            });
            if keep {
                next = Some(Modal::Recovery(text));
            }
        }
    }
    *modal = next;
}

/// The window's own path field, used when no system file dialog can be shown. Returns whether
/// the dialog is done (the action was sent or cancelled).
fn path_prompt_ui(ui: &mut egui::Ui, prompt: &mut PathPrompt, out: &mut Vec<Command>) -> bool {
    let (heading, label, action) = match prompt.purpose {
        PathPurpose::OpenReports => ("Open reports", "Report files, one path per line", "Open"),
        PathPurpose::OpenReview => ("Open review", "Review file", "Open"),
        PathPurpose::SaveReviewAs { .. } => ("Save review as", "Review file", "Save"),
        PathPurpose::Export { .. } => ("Export", "Export to", "Export"),
        PathPurpose::Locate(_) => ("Locate report", "Where the report is now", "Open"),
    };
    ui.heading(heading);
    ui.weak(&prompt.note);
    ui.label(label);
    let multiline = prompt.purpose == PathPurpose::OpenReports;
    let edit = if multiline {
        egui::TextEdit::multiline(&mut prompt.text).desired_rows(4)
    } else {
        egui::TextEdit::singleline(&mut prompt.text)
    };
    let response = ui.add(edit.desired_width(560.0).hint_text("path/to/file"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Path"));
    if !prompt.focused {
        response.request_focus();
        prompt.focused = true;
    }
    let paths: Vec<PathBuf> = prompt
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    let entered =
        !multiline && response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut done = false;
    ui.horizontal(|ui| {
        let go = ui
            .add_enabled(!paths.is_empty(), egui::Button::new(action))
            .clicked();
        if (go || entered) && !paths.is_empty() {
            let first = paths[0].clone();
            out.push(match prompt.purpose {
                PathPurpose::OpenReports => Command::OpenFiles(paths.clone()),
                PathPurpose::OpenReview => Command::OpenReview(first),
                PathPurpose::SaveReviewAs { then_quit: false } => Command::SaveReviewAs(first),
                PathPurpose::SaveReviewAs { then_quit: true } => Command::SaveAsThenQuit(first),
                PathPurpose::Export { format, all } => Command::Export(format, first, all),
                PathPurpose::Locate(index) => Command::LocateArticle(index, first),
            });
            done = true;
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
    });
    done
}
