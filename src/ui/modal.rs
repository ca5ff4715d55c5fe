//! The dialogs drawn over the window: pasting a report, exporting, the quit prompt and the
//! recovery offer. Each edits only its own buffer and pushes commands.

use super::state::{Command, Modal};
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
                ui.label("Paste (Ctrl+V) the report's text below. A first line “date YYYY-MM-DD headline” sets its date.");
                let edit = ui.add(egui::TextEdit::multiline(&mut text).desired_rows(12).desired_width(560.0));
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
                        if let Some(path) = rfd::FileDialog::new()
                            .set_title("Export")
                            .set_file_name(format!("review.{}", format.extension()))
                            .save_file()
                        {
                            out.push(Command::Export(format, path, all));
                        }
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
        Modal::ConfirmQuit => {
            egui::Modal::new(egui::Id::unique("quit modal")).show(ctx, |ui| {
                ui.heading("Save the review before closing?");
                ui.label("Your verdicts and notes since the last save would be lost.");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        out.push(Command::SaveReview);
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
