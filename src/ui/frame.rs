//! One frame of the window: take the analysis result, read the keyboard and dropped files,
//! apply the queued commands, draw the panels (which queue more), and apply those too, so a
//! click shows its effect in the same frame.

use std::path::PathBuf;

use super::command::UiCommand;
use super::state::{App, Command};
use super::{menu, modal, panes, side_panel, status_bar};

/// Shortcuts, dropped files, a paste outside text fields and a close request, as commands.
fn input_ui(ctx: &egui::Context, app: &App, out: &mut Vec<Command>) {
    // A dialog takes the keyboard: no shortcut acts behind it.
    if app.modal.is_none()
        && let Some(command) = UiCommand::pressed(ctx, app.was_typing)
    {
        out.push(Command::Ui(command));
    }
    let (dropped, pasted, copy) = ctx.input(|i| {
        let dropped: Vec<PathBuf> = i
            .raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        let pasted = i.events.iter().find_map(|e| match e {
            egui::Event::Paste(text) => Some(text.clone()),
            _ => None,
        });
        let copy = i.events.iter().any(|e| matches!(e, egui::Event::Copy));
        (dropped, pasted, copy)
    });
    // Ctrl+C outside a text field: the text selected in a report goes to the clipboard.
    if copy && !ctx.egui_wants_keyboard_input() {
        out.push(Command::CopySelection);
    }
    if !dropped.is_empty() {
        out.push(Command::OpenFiles(dropped));
    }
    // Ctrl+V outside a text field: the clipboard becomes a new report.
    if let Some(text) = pasted.filter(|_| !ctx.egui_wants_keyboard_input() && app.modal.is_none()) {
        out.push(Command::PasteReport(text));
    }
    if ctx.input(|i| i.viewport().close_requested()) {
        out.push(Command::CloseRequested);
    }
}

impl App {
    /// Applies the queued commands.
    fn apply_pending(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.pending) {
            self.handle(ctx, command);
        }
    }

    /// Draws one frame: drain commands, take analysis results, draw panels.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(wait) = self.expire_notices(ctx.input(|i| i.time)) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
        }
        self.poll_analysis();
        let mut out = std::mem::take(&mut self.pending);
        input_ui(&ctx, self, &mut out);
        self.pending = out;
        self.apply_pending(&ctx);
        self.autosave(&ctx);
        self.refresh_draft();

        let mut out = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, self, &mut out));
        egui::Panel::bottom("status").show(ui, |ui| status_bar::status_bar_ui(ui, self, &mut out));
        let mut draft = std::mem::take(&mut self.draft);
        egui::Panel::right("discrepancies")
            .resizable(true)
            .default_size(400.0)
            .size_range(260.0..=900.0)
            .show(ui, |ui| {
                side_panel::side_panel_ui(ui, self, &mut draft, &mut out);
            });
        self.draft = draft;
        let mut pane_states = std::mem::take(&mut self.panes);
        egui::CentralPanel::default().show(ui, |ui| {
            panes::panes_ui(ui, self, &mut pane_states, &mut out);
        });
        self.panes = pane_states;
        let mut open = self.modal.take();
        modal::modal_ui(&ctx, &mut open, &mut out);
        self.modal = open;
        self.after_frame_drawn();
        self.was_typing = ctx.egui_wants_keyboard_input();

        // Apply what this frame's widgets asked for, so tests and users see it at once.
        self.pending.extend(out);
        self.apply_pending(&ctx);
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_prefs(storage);
    }
}
