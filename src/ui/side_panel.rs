//! The panel on the right: the discrepancy list with its filters, the reviewer's own claims,
//! and the annotation editor for the selection. Reads the state and pushes commands; the only
//! thing it writes is the editor's draft, the text being typed.

use super::editor::{self, Draft, EditorEvent, EditorView};
use super::list::{self, ListEvent};
use super::pane::Target;
use super::state::{App, Command};
use crate::analysis::Kind;
use crate::corpus::text::shorten;
use crate::review::Action;

/// A claim as the editor quotes it: open report and byte range.
type Claim = (usize, std::ops::Range<usize>);

/// The height the list (its filters and a few rows) keeps when the editor is open.
const LIST_MIN_HEIGHT: f32 = 300.0;

/// Draws the side panel.
pub fn side_panel_ui(ui: &mut egui::Ui, app: &App, draft: &mut Draft, out: &mut Vec<Command>) {
    if app.selected.is_some() {
        // The list keeps room for its filters and a few rows however small the window; the
        // split is dragged at the editor's top edge, and the editor folds to one line.
        let total = ui.available_height();
        let list_room = LIST_MIN_HEIGHT.min(total * 0.6);
        if app.editor_collapsed {
            egui::Panel::bottom("editor folded").show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Show the editor")
                        .on_hover_text("Show the editor (R)")
                        .clicked()
                    {
                        out.push(Command::ToggleEditor);
                    }
                });
            });
        } else {
            egui::Panel::bottom("editor panel")
                .resizable(true)
                .default_size(total * 0.5)
                .size_range(80.0..=(total - list_room).max(80.0))
                .show(ui, |ui| {
                    if ui
                        .small_button("Hide the editor")
                        .on_hover_text("Fold the editor to give the list more room")
                        .clicked()
                    {
                        out.push(Command::ToggleEditor);
                    }
                    editor_panel_ui(ui, app, draft, out);
                });
        }
    }
    if !app.manual_rows.is_empty() {
        egui::Panel::bottom("your claims").show(ui, |ui| manual_rows_ui(ui, app, out));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let mut events = Vec::new();
        let verdict_of = |i: usize| app.annotation_for(i).map(|a| a.verdict);
        let selected = match app.selected {
            Some(Target::Finding(i)) => Some(i),
            _ => None,
        };
        let mut filter = app.filter.clone();
        list::list_ui(
            ui,
            &app.analysis.findings,
            &app.rows,
            selected,
            &verdict_of,
            &mut filter,
            app.scroll_list,
            &mut events,
        );
        if filter != app.filter {
            out.push(Command::SetFilter(filter));
        }
        for event in events {
            match event {
                ListEvent::Select(i) => out.push(Command::Select(Some(Target::Finding(i)))),
            }
        }
    });
}

/// The reviewer's own claims, drawn a screenful at a time however many there are.
fn manual_rows_ui(ui: &mut egui::Ui, app: &App, out: &mut Vec<Command>) {
    ui.label(format!("Your claims ({})", app.manual_rows.len()));
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("your claims")
        .max_height(160.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, app.manual_rows.len(), |ui, rows| {
            for (id, label) in &app.manual_rows[rows] {
                let selected = app.selected == Some(Target::Manual(*id));
                if ui.selectable_label(selected, label).clicked() {
                    out.push(Command::Select(Some(Target::Manual(*id))));
                }
            }
        });
}

/// The editor for the selected finding or claim.
fn editor_panel_ui(ui: &mut egui::Ui, app: &App, draft: &mut Draft, out: &mut Vec<Command>) {
    let Some(target) = app.selected else { return };
    let annotation = app.current_annotation();
    let (subject, kind, explanation, claims): (&str, Kind, &str, Vec<Claim>) = match target {
        Target::Finding(i) => match app.analysis.findings.get(i) {
            Some(f) => (
                &f.subject,
                f.kind,
                &f.explanation,
                f.claims
                    .iter()
                    .map(|c| (c.article, c.start..c.end))
                    .collect(),
            ),
            None => return,
        },
        Target::Manual(id) => match annotation {
            Some(a) => (
                &a.subject,
                a.kind,
                "",
                app.placed
                    .get(&id)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .cloned()
                    .collect(),
            ),
            None => return,
        },
    };
    let quotes = app
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let qs = claims
                .iter()
                .filter(|(open, _)| *open == i)
                .filter_map(|(_, r)| a.text.get(r.clone()).map(|q| shorten(q, 90)))
                .collect();
            (format!("[{}] {}", i + 1, a.short_name()), qs)
        })
        .collect();
    let view = EditorView {
        subject,
        kind,
        explanation,
        quotes,
        annotation,
        can_link: app.text_selection().is_some(),
        focus: app.focus_editor,
    };
    for event in editor::editor_ui(ui, &view, draft) {
        match event {
            EditorEvent::Commit => out.push(Command::CommitDraft),
            EditorEvent::Delete => {
                if let Some(a) = annotation {
                    out.push(Command::Review(vec![Action::Remove(a.id)]));
                    if matches!(target, Target::Manual(_)) {
                        out.push(Command::Select(None));
                    }
                }
            }
            EditorEvent::LinkSelection => out.push(Command::LinkSelection),
        }
    }
}
