//! The menu bar and the toolbar beside it. Reads the state, pushes commands.

use super::command::UiCommand;
use super::state::{App, Command};

/// One menu entry for a command: its label, shortcut and tooltip come from the command.
fn menu_item(ui: &mut egui::Ui, command: UiCommand, enabled: bool, out: &mut Vec<Command>) {
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let button = egui::Button::new(command.label()).shortcut_text(shortcut);
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip());
    if response.clicked() {
        out.push(Command::Ui(command));
        ui.close();
    }
}

/// A list of recent files as a submenu; clicking one pushes `open(path)`.
fn recent_ui(
    ui: &mut egui::Ui,
    title: &str,
    empty: &str,
    paths: &[std::path::PathBuf],
    open: fn(std::path::PathBuf) -> Command,
    out: &mut Vec<Command>,
) {
    ui.menu_button(title, |ui| {
        if paths.is_empty() {
            ui.weak(empty);
        }
        for path in paths {
            if ui.button(path.display().to_string()).clicked() {
                out.push(open(path.clone()));
                ui.close();
            }
        }
    });
}

/// Draws the menu bar and the toolbar.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &App, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            menu_item(ui, UiCommand::OpenReports, true, out);
            recent_ui(
                ui,
                "Open recent",
                "No recent reports",
                &app.prefs.recent_files,
                |p| Command::OpenFiles(vec![p]),
                out,
            );
            menu_item(ui, UiCommand::PasteReport, true, out);
            let has_articles = !app.articles.is_empty();
            menu_item(ui, UiCommand::CloseReport, has_articles, out);
            ui.separator();
            menu_item(ui, UiCommand::OpenReview, true, out);
            recent_ui(
                ui,
                "Open recent review",
                "No recent reviews",
                &app.prefs.recent_reviews,
                Command::OpenReview,
                out,
            );
            menu_item(ui, UiCommand::SaveReview, true, out);
            menu_item(ui, UiCommand::SaveReviewAs, true, out);
            menu_item(ui, UiCommand::Export, true, out);
            menu_item(ui, UiCommand::Publishing, true, out);
            ui.separator();
            menu_item(ui, UiCommand::Quit, true, out);
        });
        ui.menu_button("Edit", |ui| {
            let (undo, redo) = (app.history.can_undo(), app.history.can_redo());
            menu_item(ui, UiCommand::Undo, undo, out);
            menu_item(ui, UiCommand::Redo, redo, out);
            ui.separator();
            let has_articles = !app.articles.is_empty();
            menu_item(ui, UiCommand::SetDate, has_articles, out);
            let has_selection = app.text_selection().is_some();
            menu_item(ui, UiCommand::AnnotateSelection, has_selection, out);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label("Reviewer");
                let mut name = app.prefs.reviewer.clone();
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut name)
                        .hint_text("your name")
                        .desired_width(140.0),
                );
                edit.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Reviewer name")
                });
                if edit.changed() {
                    out.push(Command::SetReviewer(name));
                }
            });
        });
        ui.menu_button("View", |ui| {
            // Toggles with their state and shortcut, like the other menu entries.
            for (command, on) in [
                (UiCommand::ToggleSync, app.prefs.sync_scroll),
                (UiCommand::ToggleTheme, app.prefs.dark),
            ] {
                let shortcut = ui.ctx().format_shortcut(&command.shortcuts()[0]);
                let label = format!("{}: {}", command.label(), if on { "on" } else { "off" });
                if ui
                    .add(egui::Button::selectable(on, label).shortcut_text(shortcut))
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    out.push(Command::Ui(command));
                    ui.close();
                }
            }
        });
        ui.menu_button("Go", |ui| {
            menu_item(ui, UiCommand::Next, true, out);
            menu_item(ui, UiCommand::Previous, true, out);
            menu_item(ui, UiCommand::ClearSelection, app.selected.is_some(), out);
            menu_item(ui, UiCommand::NextUnreviewed, !app.rows.is_empty(), out);
            ui.separator();
            let selected = app.selected.is_some();
            menu_item(ui, UiCommand::FocusEditor, selected, out);
            for command in [
                UiCommand::VerdictConfirmed,
                UiCommand::VerdictReconciled,
                UiCommand::VerdictNotAConflict,
                UiCommand::VerdictNeedsSourcing,
            ] {
                menu_item(ui, command, selected, out);
            }
        });
        ui.menu_button("Help", |ui| {
            ui.label("Keyboard shortcuts");
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for command in UiCommand::ALL {
                    ui.label(command.label());
                    let keys: Vec<String> = command
                        .shortcuts()
                        .iter()
                        .map(|s| ui.ctx().format_shortcut(s))
                        .collect();
                    ui.label(keys.join(", "));
                    ui.end_row();
                }
            });
        });
        ui.separator();
        toolbar_ui(ui, app, out);
    });
}

/// Sync scroll and previous/next, beside the menus.
fn toolbar_ui(ui: &mut egui::Ui, app: &App, out: &mut Vec<Command>) {
    let mut sync = app.prefs.sync_scroll;
    let toggle = ui
        .toggle_value(&mut sync, "Sync scroll")
        .on_hover_text(format!(
            "{} ({})",
            UiCommand::ToggleSync.tooltip(),
            ui.ctx()
                .format_shortcut(&UiCommand::ToggleSync.shortcuts()[0])
        ));
    if toggle.changed() {
        out.push(Command::ToggleSync);
    }
    if ui
        .button("‹ Previous")
        .on_hover_text("Previous discrepancy (P, Shift+F7)")
        .clicked()
    {
        out.push(Command::Previous);
    }
    if ui
        .button("Next ›")
        .on_hover_text("Next discrepancy (N, F7)")
        .clicked()
    {
        out.push(Command::Next);
    }
}
