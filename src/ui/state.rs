//! The application's state and the one place it changes: [`App::handle`]. The panels
//! (`menu`, `status_bar`, `side_panel`, `panes`, `modal`) get the state read-only and push
//! [`Command`]s; `frame` drains them, before and after drawing. The only things a panel
//! writes itself are its own widget buffers, which it is handed separately: a pane's layout
//! and scroll position, the editor's draft being typed, a dialog's text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::command::UiCommand;
use super::dialogs::{self, Choice};
use super::editor::Draft;
use super::list::Filter;
use super::pane::{self, Highlight, PaneState, Target};
use super::worker::{Job, Worker};
use crate::analysis::{Analysis, Finding, Kind, Status};
use crate::corpus::text::shorten;
use crate::corpus::{self, Article, LoadError};
use crate::export::{self, Format};
use crate::review::{
    Action, Anchor, Annotation, History, Publisher, Review, ReviewedArticle, overlap,
};
use crate::store::{self, Fingerprint};

/// Preferences kept between runs (eframe storage), separate from the review itself.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Prefs {
    /// Dark theme.
    pub dark: bool,
    /// Scroll panes together.
    pub sync_scroll: bool,
    /// Reports opened last (most recent first).
    pub recent_files: Vec<PathBuf>,
    /// Reviews opened last.
    pub recent_reviews: Vec<PathBuf>,
    /// The reviewer's name, stored with annotations.
    pub reviewer: String,
    /// Who publishes the fact-checks: given to each new review (and kept in it).
    pub publisher: Publisher,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dark: true,
            sync_scroll: true,
            recent_files: Vec::new(),
            recent_reviews: Vec::new(),
            reviewer: String::new(),
            publisher: Publisher::default(),
        }
    }
}

const PREFS_KEY: &str = "crosscheck.prefs";
const MAX_RECENT: usize = 10;
/// Seconds of inactivity after a change before the recovery file is written.
const AUTOSAVE_SECS: f64 = 5.0;

/// How to start.
#[derive(Default)]
pub struct StartOptions {
    /// Reports loaded by the command line (the sample when nothing was given).
    pub articles: Vec<Article>,
    /// Load errors already printed on the command line, to show in the window too.
    pub errors: Vec<String>,
    /// Where unsaved work is kept for recovery (none: no autosave, as in tests).
    pub recovery_path: Option<PathBuf>,
    /// A review to open at start.
    pub review: Option<PathBuf>,
    /// Whether to use the system's file dialogs (off: the window's own path field; tests).
    pub system_dialogs: bool,
}

/// Everything that changes the application's state.
#[derive(Debug)]
pub enum Command {
    /// Open report files.
    OpenFiles(Vec<PathBuf>),
    /// Add a report from pasted text.
    PasteReport(String),
    /// Close report `i`, asking first when reviewed work quotes it.
    RequestClose(usize),
    /// Close report `i`.
    CloseArticle(usize),
    /// Set or clear report `i`'s date.
    SetDate(usize, Option<NaiveDate>),
    /// Set report `i`'s headline and metadata (outlet, address, authors, time).
    SetDetails(usize, String, corpus::Meta),
    /// Make report `i` the one keyboard commands act on.
    SetActive(usize),
    /// Select a finding or manual claim (or nothing).
    Select(Option<Target>),
    /// Select the next row of the list (wraps).
    Next,
    /// Select the previous row of the list (wraps).
    Previous,
    /// Toggle synchronized scrolling.
    ToggleSync,
    /// Toggle the theme.
    ToggleTheme,
    /// Change the review (one undo step).
    Review(Vec<Action>),
    /// Undo the last review change.
    Undo,
    /// Redo.
    Redo,
    /// Save the review to its file (asks for a name if it has none).
    SaveReview,
    /// Save the review to this file.
    SaveReviewAs(PathBuf),
    /// Open a review file.
    OpenReview(PathBuf),
    /// A review's report was found at this path.
    LocateArticle(usize, PathBuf),
    /// Export the review.
    Export(Format, PathBuf, bool),
    /// Make a manual claim of the selected text.
    AnnotateSelection,
    /// Add the selected text to the selected claim.
    LinkSelection,
    /// Restore the recovered review.
    RestoreRecovery,
    /// Throw the recovered review away.
    DiscardRecovery,
    /// Close the window even with unsaved changes.
    QuitWithoutSaving,
    /// A menu command (may open a dialog).
    Ui(UiCommand),
    /// Record what was typed in the editor as one review change.
    CommitDraft,
    /// Put the text selected in a report on the clipboard (Ctrl+C outside text fields).
    CopySelection,
    /// The window is asked to close (asks to save first when there are unsaved changes).
    CloseRequested,
    /// Set the reviewer's name.
    SetReviewer(String),
    /// Set the review's title, published address and publisher (the publisher also becomes
    /// the preference for new reviews).
    SetPublishing(String, String, Publisher),
    /// Change the list filter.
    SetFilter(Filter),
    /// Dismiss notice `i`.
    DismissNotice(usize),
    /// Set the report columns' relative widths.
    SetWidths(Vec<f32>),
    /// Fold or unfold the editor.
    ToggleEditor,
    /// Ask where review report `i` is now (a dialog).
    LocateDialog(usize),
    /// Ask where to export (a dialog), then export.
    ExportDialog(Format, bool),
    /// Save the review (to its default file if it has none), then close the window.
    SaveThenQuit,
    /// Save the review to this file, then close the window.
    SaveAsThenQuit(PathBuf),
}

impl Command {
    /// Whether the command reads or leaves the review, so that text still being typed in
    /// the editor must be recorded first (a text field is otherwise recorded when it loses
    /// focus, which these commands do not wait for).
    fn acts_on_typed_text(&self) -> bool {
        matches!(
            self,
            Self::Undo
                | Self::Redo
                | Self::SaveReview
                | Self::SaveReviewAs(_)
                | Self::SaveThenQuit
                | Self::SaveAsThenQuit(_)
                | Self::Export(..)
                | Self::ExportDialog(..)
                | Self::Next
                | Self::Previous
                | Self::Select(_)
                | Self::CloseArticle(_)
                | Self::RequestClose(_)
                | Self::CloseRequested
                | Self::OpenReview(_)
                | Self::OpenFiles(_)
                | Self::PasteReport(_)
                | Self::SetDate(..)
                | Self::SetDetails(..)
                | Self::Ui(_)
        )
    }
}

/// A message shown in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Text.
    pub text: String,
    /// An error (else information).
    pub error: bool,
    /// How many times it was said in a row (shown as "×3").
    pub repeats: usize,
    /// When it was last said (egui time, seconds); information fades after a while.
    pub at: f64,
}

/// How long an information notice stays, in seconds (errors stay until dismissed).
pub const NOTICE_SECONDS: f64 = 8.0;

/// Where one anchor of an annotation lies: (open report, byte range), or nowhere.
type PlacedAnchor = Option<(usize, std::ops::Range<usize>)>;

/// A report of the review that is not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// Index in the review's articles.
    pub index: usize,
    /// Path as stored.
    pub path: String,
}

/// A dialog drawn over the window, with what it is editing.
pub(super) enum Modal {
    /// Text being pasted as a report.
    Paste(String),
    /// Export: the format and whether unreviewed findings are included.
    Export(Format, bool),
    /// Unsaved changes when the window is asked to close.
    ConfirmQuit,
    /// Unsaved work from a crash, described.
    Recovery(String),
    /// The window's own path field, when no system file dialog is available.
    Path(PathPrompt),
    /// Closing report `i` would orphan reviewed work (described).
    ConfirmClose(usize, String),
    /// The review's title, address and publisher, being edited.
    Publishing(PublishingEdit),
}

/// The publishing dialog's fields, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PublishingEdit {
    /// The report's title.
    pub title: String,
    /// Where the report is published.
    pub url: String,
    /// The publisher's name.
    pub name: String,
    /// The publisher's address.
    pub publisher_url: String,
    /// Whether verdicts get numbers.
    pub scaled: bool,
    /// Lowest and highest values.
    pub worst: i32,
    /// Highest value.
    pub best: i32,
    /// The value of each verdict (in [`crate::review::Verdict::ALL`] order, unreviewed
    /// skipped).
    pub values: [i32; 4],
}

impl PublishingEdit {
    /// The dialog filled from a review.
    pub fn of(review: &Review) -> Self {
        let scale = review.publisher.scale.as_ref();
        let reviewed = &crate::review::Verdict::ALL[1..];
        let mut values = [1, 3, 4, 2];
        if let Some(scale) = scale {
            for (slot, verdict) in values.iter_mut().zip(reviewed) {
                if let Some(v) = scale.value_of(*verdict) {
                    *slot = v;
                }
            }
        }
        Self {
            title: review.title.clone(),
            url: review.url.clone(),
            name: review.publisher.name.clone(),
            publisher_url: review.publisher.url.clone(),
            scaled: scale.is_some(),
            worst: scale.map_or(1, |s| s.worst),
            best: scale.map_or(4, |s| s.best),
            values,
        }
    }

    /// The title, address and publisher typed.
    pub fn to_publishing(&self) -> (String, String, Publisher) {
        let scale = self.scaled.then(|| crate::review::RatingScale {
            worst: self.worst.min(self.best),
            best: self.best.max(self.worst),
            values: crate::review::Verdict::ALL[1..]
                .iter()
                .zip(self.values)
                .map(|(v, n)| {
                    (
                        *v,
                        n.clamp(self.worst.min(self.best), self.best.max(self.worst)),
                    )
                })
                .collect(),
        });
        (
            self.title.trim().to_owned(),
            self.url.trim().to_owned(),
            Publisher {
                name: self.name.trim().to_owned(),
                url: self.publisher_url.trim().to_owned(),
                scale,
            },
        )
    }
}

/// What a path typed into the window's own path field is for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum PathPurpose {
    /// Report files to open (one per line).
    OpenReports,
    /// A review file to open.
    OpenReview,
    /// Where to save the review (and whether to close the window afterwards).
    SaveReviewAs { then_quit: bool },
    /// Where to export.
    Export { format: Format, all: bool },
    /// Where review report `i` is now.
    Locate(usize),
}

/// The window's own path field.
pub(super) struct PathPrompt {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The path being typed (filled with a default).
    pub text: String,
    /// Why the system dialog is not used.
    pub note: String,
    /// Whether the field has been given the keyboard focus (once, when the dialog opens).
    pub focused: bool,
}

/// The application.
// Its flags (dirty, closing, scrolling the list, system dialogs) are independent facts.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    pub(super) articles: Vec<Article>,
    pub(super) panes: Vec<PaneState>,
    pub(super) widths: Vec<f32>,
    pub(super) next_pane_id: u64,
    pub(super) active: usize,
    pub(super) generation: u64,
    pub(super) analysis: Arc<Analysis>,
    pub(super) analysed: u64,
    pub(super) worker: Worker,
    pub(super) highlights: Vec<Vec<Highlight>>,
    pub(super) highlight_generation: u64,
    pub(super) filter: Filter,
    pub(super) rows: Vec<usize>,
    pub(super) selected: Option<Target>,
    pub(super) selected_id: Option<String>,
    pub(super) scroll_list: bool,
    /// The editor's reconciled-fact field takes the keyboard next frame.
    pub(super) focus_editor: bool,
    /// The columns scroll sideways to the selection's reports when next drawn.
    pub(super) scroll_columns: bool,
    /// The editor is folded to its heading.
    pub(super) editor_collapsed: bool,
    /// A text field had the keyboard at the end of the last frame.
    pub(super) was_typing: bool,
    pub(super) focus_panes: Option<Target>,
    pub(super) prefs: Prefs,
    pub(super) notices: Vec<Notice>,
    /// The time of the current frame (egui seconds), for notices.
    now: f64,
    pub(super) paste_count: u32,
    pub(super) review: Review,
    pub(super) history: History,
    pub(super) review_path: Option<PathBuf>,
    pub(super) fingerprint: Option<Fingerprint>,
    pub(super) dirty: bool,
    pub(super) last_change: Option<f64>,
    pub(super) recovery_path: Option<PathBuf>,
    pub(super) recovered: Option<Review>,
    /// Per finding: the annotation reviewing it.
    pub(super) annotation_of: Vec<Option<u64>>,
    /// Per annotation: where its anchors are in the open reports (open index, range).
    pub(super) placed: BTreeMap<u64, Vec<PlacedAnchor>>,
    /// Per annotation, a hash of the anchors its placement was computed from, and a hash of
    /// the open reports it was computed against: placements are redone only when these change.
    pub(super) placed_from: rustc_hash::FxHashMap<u64, u64>,
    pub(super) placed_against: u64,
    /// The reviewer's own claims for the list: (id, label), rebuilt when the review changes.
    pub(super) manual_rows: Vec<(u64, String)>,
    pub(super) missing: Vec<Missing>,
    /// Annotations that could not be placed (counted when placements change, not per frame).
    pub(super) orphan_count: usize,
    pub(super) draft: Draft,
    pub(super) draft_source: Option<(Option<Target>, Option<Annotation>)>,
    pub(super) modal: Option<Modal>,
    pub(super) allow_close: bool,
    pub(super) system_dialogs: bool,
    pub(super) pending: Vec<Command>,
}

impl App {
    /// Builds the app (eframe or the test harness calls this).
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(if prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let mut app = Self::with_prefs(prefs, start);
        app.reanalyze(&cc.egui_ctx);
        app
    }

    /// Builds the app on a bare egui context, without eframe (benchmarks).
    pub fn headless(ctx: &egui::Context, start: StartOptions) -> Self {
        let mut app = Self::with_prefs(Prefs::default(), start);
        app.reanalyze(ctx);
        app
    }

    fn with_prefs(prefs: Prefs, start: StartOptions) -> Self {
        let publisher_pref = prefs.publisher.clone();
        let mut app = Self {
            articles: Vec::new(),
            panes: Vec::new(),
            widths: Vec::new(),
            next_pane_id: 1,
            active: 0,
            generation: 0,
            analysis: Arc::new(Analysis::default()),
            analysed: 0,
            worker: Worker::default(),
            highlights: Vec::new(),
            highlight_generation: 1,
            filter: Filter::default(),
            rows: Vec::new(),
            selected: None,
            selected_id: None,
            scroll_list: false,
            focus_editor: false,
            scroll_columns: false,
            editor_collapsed: false,
            was_typing: false,
            focus_panes: None,
            prefs,
            notices: start
                .errors
                .into_iter()
                .map(|text| Notice {
                    text,
                    error: true,
                    repeats: 1,
                    at: 0.0,
                })
                .collect(),
            now: 0.0,
            paste_count: 0,
            // A new review is published by whoever the reviewer publishes with.
            review: Review {
                publisher: publisher_pref,
                ..Review::default()
            },
            history: History::default(),
            review_path: None,
            fingerprint: None,
            dirty: false,
            last_change: None,
            recovery_path: start.recovery_path,
            recovered: None,
            annotation_of: Vec::new(),
            placed: BTreeMap::new(),
            placed_from: rustc_hash::FxHashMap::default(),
            placed_against: 0,
            manual_rows: Vec::new(),
            missing: Vec::new(),
            orphan_count: 0,
            draft: Draft::default(),
            draft_source: None,
            modal: None,
            allow_close: false,
            system_dialogs: start.system_dialogs,
            pending: Vec::new(),
        };
        for article in start.articles {
            app.add_article(article);
        }
        if let Some(path) = start.review {
            app.open_review(&path);
        }
        if let Some(recovery) = app.recovery_path.clone() {
            match store::load_recovery(&recovery) {
                Some(Ok((info, review))) => {
                    let whose = info.review_path.map_or_else(
                        || "an unsaved review".to_owned(),
                        |p| p.display().to_string(),
                    );
                    app.recovered = Some(review);
                    app.modal = Some(Modal::Recovery(format!(
                        "crosscheck closed without saving {whose} ({}, {}).",
                        crate::corpus::text::counted(
                            app.recovered.as_ref().map_or(0, |r| r.annotations.len()),
                            "annotation",
                            "annotations"
                        ),
                        info.saved_at.format("%Y-%m-%d %H:%M UTC")
                    )));
                }
                Some(Err(err)) => app.notify_error(format!("recovery file unusable: {err}")),
                None => {}
            }
        }
        app
    }

    // -----------------------------------------------------------------------------------------
    // Read-only views, for the window and for tests.

    /// The open reports.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The latest analysis (empty until the first one finishes).
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// Whether the analysis matches the open reports.
    pub fn analysis_is_current(&self) -> bool {
        self.analysed == self.generation
    }

    /// The selected finding or claim.
    pub fn selected(&self) -> Option<Target> {
        self.selected
    }

    /// The selected engine finding.
    pub fn selected_finding(&self) -> Option<&Finding> {
        match self.selected {
            Some(Target::Finding(i)) => self.analysis.findings.get(i),
            _ => None,
        }
    }

    /// Findings shown in the list, in order.
    pub fn visible_rows(&self) -> Vec<&Finding> {
        self.rows
            .iter()
            .filter_map(|&i| self.analysis.findings.get(i))
            .collect()
    }

    /// The list filter (tests set it as the widgets would).
    pub fn filter_mut(&mut self) -> &mut Filter {
        &mut self.filter
    }

    /// Preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Messages shown in the status bar.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The review.
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// Whether a dialog is open over the window.
    pub fn has_dialog(&self) -> bool {
        self.modal.is_some()
    }

    /// Whether the review has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The review file, if the review has one.
    pub fn review_path(&self) -> Option<&Path> {
        self.review_path.as_deref()
    }

    /// Reports of the review that could not be opened.
    pub fn missing(&self) -> &[Missing] {
        &self.missing
    }

    /// The annotation reviewing finding `i`.
    pub fn annotation_for(&self, finding: usize) -> Option<&Annotation> {
        self.annotation_of
            .get(finding)
            .copied()
            .flatten()
            .and_then(|id| self.review.get(id))
    }

    /// Annotations that cannot be placed in the open reports.
    pub fn orphaned(&self) -> Vec<&Annotation> {
        self.review
            .annotations
            .iter()
            .filter(|a| {
                self.placed
                    .get(&a.id)
                    .is_some_and(|p| p.iter().all(Option::is_none))
                    && a.anchors
                        .iter()
                        .any(|anchor| self.open_index(anchor.article).is_some())
            })
            .collect()
    }

    /// Scroll offset of pane `i` last frame.
    pub fn pane_offset(&self, i: usize) -> Option<f32> {
        self.panes.get(i).map(|p| p.offset)
    }

    /// Scroll offset pane `i` will move to next frame, if any.
    pub fn pane_scroll_target(&self, i: usize) -> Option<f32> {
        self.panes.get(i).and_then(|p| p.scroll_to)
    }

    /// Sets a pane's text selection (tests; the mouse does this in the window).
    pub fn set_text_selection(&mut self, pane: usize, range: std::ops::Range<usize>) {
        if let Some(state) = self.panes.get_mut(pane) {
            state.selection = Some(range);
            self.active = pane;
        }
    }

    /// Whether the window is closing (after a save from the quit prompt, or without saving).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// The draft in the editor (tests type into it through widgets; this reads it back).
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// Blocks until the running analysis is done and applies it (tests, benchmarks).
    pub fn wait_for_analysis(&mut self) {
        if let Some(analysis) = self.worker.wait(self.generation) {
            self.set_analysis(analysis);
        }
    }

    /// Queues a command, as a widget would.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    // -----------------------------------------------------------------------------------------
    // The one place state changes.

    /// Applies a command.
    pub fn handle(&mut self, ctx: &egui::Context, command: Command) {
        // What is being typed in the editor is part of the review before anything acts on
        // the review or moves away from it: undo, save, export, next, close, quit.
        if command.acts_on_typed_text() {
            self.commit_draft(ctx);
        }
        match command {
            Command::OpenFiles(paths) => {
                let mut added = false;
                for path in paths {
                    match corpus::load_path(&path)
                        .and_then(|a| corpus::check_not_open(&a, &self.articles).map(|()| a))
                    {
                        Ok(article) => {
                            self.remember_file(&path);
                            self.add_article(article);
                            added = true;
                        }
                        Err(err) => self.notify_error(err.to_string()),
                    }
                }
                if added {
                    self.reanalyze(ctx);
                }
            }
            Command::PasteReport(text) => {
                self.paste_count += 1;
                match corpus::from_pasted(self.paste_count, &text)
                    .and_then(|a| corpus::check_not_open(&a, &self.articles).map(|()| a))
                {
                    Ok(article) => {
                        self.add_article(article);
                        self.reanalyze(ctx);
                        // Pasted text exists nowhere else until the review is saved.
                        self.mark_unsaved(ctx);
                    }
                    Err(err) => self.notify_error(err.to_string()),
                }
            }
            Command::RequestClose(i) => {
                let quoting = self.reviewed_work_quoting(i);
                if quoting == 0 {
                    self.handle(ctx, Command::CloseArticle(i));
                } else if let Some(article) = self.articles.get(i) {
                    self.modal = Some(Modal::ConfirmClose(
                        i,
                        format!(
                            "{} of your review quote {}. Closed, they stay in the review and show as orphaned until the report is opened again.",
                            crate::corpus::text::counted(quoting, "annotation", "annotations"),
                            article.short_name()
                        ),
                    ));
                }
            }
            Command::CloseArticle(i) => {
                if i < self.articles.len() {
                    self.articles.remove(i);
                    self.panes.remove(i);
                    self.widths.remove(i);
                    self.active = self.active.min(self.articles.len().saturating_sub(1));
                    self.select(None);
                    self.reanalyze(ctx);
                }
            }
            // A report's date, headline, outlet, address, authors and time are review data
            // (relative dates depend on the date): each change is one undoable step, saved
            // with the review.
            Command::SetDate(i, date) => self.edit_report_entry(ctx, i, |entry| {
                let changed = entry.date != date;
                entry.date = date;
                changed
            }),
            Command::SetDetails(i, title, meta) => self.edit_report_entry(ctx, i, |entry| {
                // An emptied headline keeps the one the report has.
                let title = if title.is_empty() {
                    entry.title.clone()
                } else {
                    title
                };
                let changed = entry.title != title || entry.meta != meta;
                entry.title = title;
                entry.meta = meta;
                changed
            }),
            Command::SetActive(i) => self.active = i.min(self.articles.len().saturating_sub(1)),
            Command::Select(target) => {
                self.select(target);
                self.scroll_list = true;
            }
            Command::Next | Command::Previous => {
                self.step_selection(matches!(command, Command::Next));
            }
            Command::ToggleSync => self.prefs.sync_scroll = !self.prefs.sync_scroll,
            Command::ToggleTheme => {
                self.prefs.dark = !self.prefs.dark;
                ctx.set_theme(if self.prefs.dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            Command::Review(actions) => match self.history.apply(&mut self.review, actions) {
                Ok(()) => self.review_changed(ctx),
                Err(err) => self.notify_error(format!("could not change the review: {err}")),
            },
            Command::Undo => {
                if self.history.undo(&mut self.review) {
                    self.review_changed(ctx);
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.review) {
                    self.review_changed(ctx);
                }
            }
            Command::SaveReview => {
                if let Some(path) = self.review_path.clone() {
                    self.save_review(&path, true);
                } else {
                    let path = self.default_review_path();
                    self.save_review(&path, false);
                }
            }
            Command::SaveReviewAs(path) => self.save_review(&path, false),
            Command::SaveThenQuit => {
                self.handle(ctx, Command::SaveReview);
                self.quit_if_saved(ctx);
            }
            Command::SaveAsThenQuit(path) => {
                self.save_review(&path, false);
                self.quit_if_saved(ctx);
            }
            Command::ExportDialog(format, all) => self.export_dialog(format, all),
            Command::OpenReview(path) => {
                self.open_review(&path);
                self.reanalyze(ctx);
            }
            Command::LocateArticle(index, path) => match corpus::load_path(&path) {
                Ok(article) => {
                    // Through the review's one mutation point, like every other change.
                    let mut articles = self.review.articles.clone();
                    if let Some(stored) = articles.get_mut(index) {
                        stored.path = path.display().to_string();
                    }
                    let _ = self.review.apply(Action::SetArticles(articles));
                    self.missing.retain(|m| m.index != index);
                    self.add_article(article);
                    self.reanalyze(ctx);
                }
                Err(err) => self.notify_error(err.to_string()),
            },
            Command::Export(format, path, all) => self.export(format, &path, all),
            Command::AnnotateSelection => self.annotate_selection(ctx),
            Command::LinkSelection => self.link_selection(ctx),
            Command::RestoreRecovery => {
                if let Some(review) = self.recovered.take() {
                    self.review = review;
                    self.history.clear();
                    self.dirty = true;
                    self.reopen_review_articles();
                    self.reanalyze(ctx);
                }
                self.modal = None;
            }
            Command::DiscardRecovery => {
                self.recovered = None;
                if let Some(path) = &self.recovery_path {
                    store::clear_recovery(path);
                }
                self.modal = None;
            }
            Command::QuitWithoutSaving => {
                self.allow_close = true;
                if let Some(path) = &self.recovery_path {
                    store::clear_recovery(path);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Ui(command) => self.ui_command(ctx, command),
            Command::SetReviewer(name) => self.prefs.reviewer = name,
            Command::SetPublishing(title, url, publisher) => {
                self.prefs.publisher = publisher.clone();
                if (&title, &url, &publisher)
                    != (&self.review.title, &self.review.url, &self.review.publisher)
                {
                    self.handle(
                        ctx,
                        Command::Review(vec![Action::SetPublishing(title, url, publisher)]),
                    );
                }
            }
            Command::SetFilter(filter) => {
                if filter != self.filter {
                    self.filter = filter;
                    self.rebuild_view();
                }
            }
            Command::CommitDraft => self.commit_draft(ctx),
            Command::CopySelection => {
                if let Some(text) = self.selected_text() {
                    ctx.copy_text(text.to_owned());
                }
            }
            Command::CloseRequested => {
                if self.dirty && !self.allow_close {
                    ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                    self.modal = Some(Modal::ConfirmQuit);
                }
            }
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Command::ToggleEditor => self.editor_collapsed = !self.editor_collapsed,
            Command::SetWidths(widths) => {
                if widths.len() == self.widths.len() {
                    self.widths = widths;
                }
            }
            Command::LocateDialog(index) => match dialogs::locate_report(self.system_dialogs) {
                Choice::Chosen(path) => self.handle(ctx, Command::LocateArticle(index, path)),
                Choice::Cancelled => {}
                Choice::Unavailable => {
                    let stored = self
                        .missing
                        .iter()
                        .find(|m| m.index == index)
                        .map(|m| m.path.clone())
                        .unwrap_or_default();
                    self.ask_path(PathPurpose::Locate(index), stored);
                }
            },
        }
    }

    /// Menu commands: dialogs happen here, never in tests (which send the path commands).
    fn ui_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::OpenReports => match dialogs::open_reports(self.system_dialogs) {
                Choice::Chosen(paths) => self.handle(ctx, Command::OpenFiles(paths)),
                Choice::Cancelled => {}
                Choice::Unavailable => self.ask_path(PathPurpose::OpenReports, String::new()),
            },
            UiCommand::PasteReport => self.modal = Some(Modal::Paste(String::new())),
            UiCommand::CloseReport => {
                if !self.articles.is_empty() {
                    self.handle(ctx, Command::RequestClose(self.active));
                }
            }
            UiCommand::SetDate => {
                if let (Some(pane), Some(article)) = (
                    self.panes.get_mut(self.active),
                    self.articles.get(self.active),
                ) {
                    pane.date_edit = Some(
                        article
                            .date
                            .map(|d| d.format("%Y-%m-%d").to_string())
                            .unwrap_or_default(),
                    );
                    pane.date_focus = true;
                }
            }
            UiCommand::OpenReview => {
                let folder = self.default_review_path();
                let folder = folder.parent().unwrap_or(Path::new(""));
                match dialogs::open_review(self.system_dialogs, folder) {
                    Choice::Chosen(path) => self.handle(ctx, Command::OpenReview(path)),
                    Choice::Cancelled => {}
                    Choice::Unavailable => self.ask_path(
                        PathPurpose::OpenReview,
                        format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
                    ),
                }
            }
            UiCommand::SaveReview => self.handle(ctx, Command::SaveReview),
            UiCommand::SaveReviewAs => self.save_as_dialog(ctx, false),
            UiCommand::Export => self.modal = Some(Modal::Export(Format::Json, false)),
            UiCommand::Publishing => {
                self.modal = Some(Modal::Publishing(PublishingEdit::of(&self.review)));
            }
            // The close request comes back next frame as `CloseRequested`, which asks to
            // save first when there are unsaved changes (as the window's × does).
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::Undo => self.handle(ctx, Command::Undo),
            UiCommand::Redo => self.handle(ctx, Command::Redo),
            UiCommand::AnnotateSelection => self.handle(ctx, Command::AnnotateSelection),
            UiCommand::ToggleSync => self.handle(ctx, Command::ToggleSync),
            UiCommand::ToggleTheme => self.handle(ctx, Command::ToggleTheme),
            UiCommand::Next => self.handle(ctx, Command::Next),
            UiCommand::Previous => self.handle(ctx, Command::Previous),
            UiCommand::ClearSelection => self.handle(ctx, Command::Select(None)),
            UiCommand::NextUnreviewed => self.next_unreviewed(),
            UiCommand::FocusEditor => {
                if self.selected.is_some() {
                    self.editor_collapsed = false;
                    self.focus_editor = true;
                }
            }
            UiCommand::VerdictConfirmed
            | UiCommand::VerdictReconciled
            | UiCommand::VerdictNotAConflict
            | UiCommand::VerdictNeedsSourcing => {
                if let Some(verdict) = command.verdict()
                    && self.selected.is_some()
                {
                    self.refresh_draft();
                    self.draft.verdict = verdict;
                    self.commit_draft(ctx);
                }
            }
        }
    }

    /// Selects the next row of the list (after the selection, wrapping) that has no verdict.
    fn next_unreviewed(&mut self) {
        let n = self.rows.len();
        let from = match self.selected {
            Some(Target::Finding(i)) => self.rows.iter().position(|&r| r == i).map_or(0, |k| k + 1),
            _ => 0,
        };
        let unreviewed = (0..n).map(|k| self.rows[(from + k) % n]).find(|&i| {
            self.annotation_for(i)
                .is_none_or(|a| a.verdict == crate::review::Verdict::Unreviewed)
        });
        match unreviewed {
            Some(i) => {
                self.select(Some(Target::Finding(i)));
                self.scroll_list = true;
            }
            None => self.notify("Every discrepancy in the list has a verdict.".to_owned()),
        }
    }

    /// How many annotations with the reviewer's work quote open report `i`.
    fn reviewed_work_quoting(&self, i: usize) -> usize {
        let Some(review_index) = self.review_index(i) else {
            return 0;
        };
        self.review
            .annotations
            .iter()
            .filter(|a| a.is_reviewer_work() && a.anchors.iter().any(|x| x.article == review_index))
            .count()
    }

    /// How many of the listed discrepancies have a verdict, of how many.
    pub fn reviewed_count(&self) -> (usize, usize) {
        let reviewed = self
            .rows
            .iter()
            .filter(|&&i| {
                self.annotation_for(i)
                    .is_some_and(|a| a.verdict != crate::review::Verdict::Unreviewed)
            })
            .count();
        (reviewed, self.rows.len())
    }

    /// Opens the window's own path field for `purpose`, filled with `default`, saying that
    /// the system dialog could not be shown.
    fn ask_path(&mut self, purpose: PathPurpose, default: String) {
        let note = if !self.system_dialogs || dialogs::disabled() {
            "System file dialogs are switched off."
        } else {
            "The system file dialog is not available on this desktop."
        };
        self.modal = Some(Modal::Path(PathPrompt {
            purpose,
            text: default,
            note: note.to_owned(),
            focused: false,
        }));
    }

    /// Save as…: the system dialog, or the window's path field when there is none.
    fn save_as_dialog(&mut self, ctx: &egui::Context, then_quit: bool) {
        let suggested = self
            .review_path
            .clone()
            .unwrap_or_else(|| self.default_review_path());
        match dialogs::save_file(self.system_dialogs, "Save review as", &suggested, "ron") {
            Choice::Chosen(path) => {
                self.save_review(&path, false);
                if then_quit {
                    self.quit_if_saved(ctx);
                }
            }
            Choice::Cancelled => {}
            Choice::Unavailable => self.ask_path(
                PathPurpose::SaveReviewAs { then_quit },
                suggested.display().to_string(),
            ),
        }
    }

    /// Export…: where to write, by the system dialog or the window's path field.
    fn export_dialog(&mut self, format: Format, all: bool) {
        let suggested = self
            .review_path
            .clone()
            .unwrap_or_else(|| self.default_review_path())
            .with_extension(format.extension());
        match dialogs::save_file(
            self.system_dialogs,
            "Export",
            &suggested,
            format.extension(),
        ) {
            Choice::Chosen(path) => self.export(format, &path, all),
            Choice::Cancelled => {}
            Choice::Unavailable => self.ask_path(
                PathPurpose::Export { format, all },
                suggested.display().to_string(),
            ),
        }
    }

    /// Closes the window when the review has just been saved (the quit prompt's Save).
    fn quit_if_saved(&mut self, ctx: &egui::Context) {
        if !self.dirty {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Where a review is saved when it has no file yet: `annotations/<name>.ron` in the
    /// folder of the first report that is a file (the current folder when none is), the name
    /// made of the earliest report date and the first report's headline. A name another
    /// review already uses gets a number.
    pub fn default_review_path(&self) -> PathBuf {
        let folder = self
            .articles
            .iter()
            .find_map(|a| match &a.source {
                corpus::Source::File(path) => path.parent().map(Path::to_path_buf),
                _ => None,
            })
            .unwrap_or_default()
            .join("annotations");
        let date = self.articles.iter().filter_map(|a| a.date).min();
        let title = self.articles.first().map_or("", |a| a.title.as_str());
        let stem = store::review_name(date, title);
        let mut path = folder.join(format!("{stem}.ron"));
        let mut n = 2;
        while path.exists() && Some(path.as_path()) != self.review_path.as_deref() {
            path = folder.join(format!("{stem}-{n}.ron"));
            n += 1;
        }
        path
    }

    fn notify_error(&mut self, text: String) {
        self.push_notice(text, true);
    }

    fn notify(&mut self, text: String) {
        self.push_notice(text, false);
    }

    /// Adds a notice; the same one said again merges with it ("Saved … ×2").
    fn push_notice(&mut self, text: String, error: bool) {
        let now = self.now;
        if let Some(same) = self
            .notices
            .iter_mut()
            .find(|n| n.text == text && n.error == error)
        {
            same.repeats += 1;
            same.at = now;
            return;
        }
        self.notices.push(Notice {
            text,
            error,
            repeats: 1,
            at: now,
        });
    }

    /// Drops information notices shown long enough; returns when the next one fades.
    pub(super) fn expire_notices(&mut self, now: f64) -> Option<f64> {
        self.now = now;
        self.notices
            .retain(|n| n.error || now - n.at < NOTICE_SECONDS);
        self.notices
            .iter()
            .filter(|n| !n.error)
            .map(|n| n.at + NOTICE_SECONDS - now)
            .reduce(f64::min)
    }

    fn remember_file(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent_files.retain(|p| p != &path);
        self.prefs.recent_files.insert(0, path);
        self.prefs.recent_files.truncate(MAX_RECENT);
    }

    fn add_article(&mut self, article: Article) {
        self.articles.push(article);
        self.panes.push(PaneState::new(self.next_pane_id));
        self.next_pane_id += 1;
        let n = self.articles.len() as f32;
        self.widths = vec![1.0 / n; self.articles.len()];
        self.sync_review_articles();
    }

    /// Keeps the review's list of reports in step with the open ones (bookkeeping, not an
    /// undoable edit): new reports are added, known ones updated; closed ones stay, so their
    /// annotations are not lost.
    fn sync_review_articles(&mut self) {
        let mut list = self.review.articles.clone();
        for article in &self.articles {
            let label = article.label();
            let entry = ReviewedArticle {
                path: label.clone(),
                hash: article.hash.clone(),
                title: article.title.clone(),
                date: article.date,
                meta: article.meta.clone(),
            };
            match list
                .iter_mut()
                .find(|r| r.path == label || r.hash == article.hash)
            {
                Some(existing) => {
                    existing.title = entry.title;
                    existing.date = entry.date;
                    existing.hash = entry.hash;
                    existing.meta = entry.meta;
                }
                None => list.push(entry),
            }
        }
        if list != self.review.articles {
            let _ = self.review.apply(Action::SetArticles(list));
        }
    }

    /// The open report for a review article index.
    pub(super) fn open_index(&self, review_index: usize) -> Option<usize> {
        let stored = self.review.articles.get(review_index)?;
        self.articles
            .iter()
            .position(|a| a.label() == stored.path)
            .or_else(|| self.articles.iter().position(|a| a.hash == stored.hash))
            .or_else(|| {
                let name = Path::new(&stored.path)
                    .file_name()?
                    .to_string_lossy()
                    .into_owned();
                self.articles.iter().position(|a| a.short_name() == name)
            })
    }

    /// The review article index of open report `i`.
    fn review_index(&self, open: usize) -> Option<usize> {
        let article = self.articles.get(open)?;
        let label = article.label();
        self.review
            .articles
            .iter()
            .position(|r| r.path == label)
            .or_else(|| {
                self.review
                    .articles
                    .iter()
                    .position(|r| r.hash == article.hash)
            })
    }

    fn reanalyze(&mut self, ctx: &egui::Context) {
        self.generation += 1;
        let jobs = self
            .articles
            .iter()
            .map(|a| Job {
                text: Arc::clone(&a.text),
                body: a.body.clone(),
                date: a.date,
            })
            .collect();
        self.worker.start(ctx, self.generation, jobs);
    }

    fn set_analysis(&mut self, analysis: Analysis) {
        self.analysis = Arc::new(analysis);
        self.analysed = self.generation;
        // Keep the selection across re-analysis by the finding's id.
        if let Some(id) = self.selected_id.clone() {
            let found = self.analysis.findings.iter().position(|f| f.id == id);
            self.selected = found.map(Target::Finding).or(match self.selected {
                Some(Target::Manual(m)) => Some(Target::Manual(m)),
                _ => None,
            });
        }
        self.rematch();
    }

    /// Places every annotation in the open reports, redoing only those whose anchors changed
    /// (or all of them when the open reports changed).
    fn place_annotations(&mut self) {
        use std::hash::{BuildHasher as _, Hash as _, Hasher as _};
        let hasher = rustc_hash::FxBuildHasher;
        let mut reports = hasher.build_hasher();
        for a in &self.articles {
            a.hash.hash(&mut reports);
            a.label().hash(&mut reports);
        }
        for r in &self.review.articles {
            r.path.hash(&mut reports);
            r.hash.hash(&mut reports);
        }
        let against = reports.finish();
        if against != self.placed_against {
            self.placed.clear();
            self.placed_from.clear();
            self.placed_against = against;
        }
        let live: rustc_hash::FxHashSet<u64> =
            self.review.annotations.iter().map(|a| a.id).collect();
        self.placed.retain(|id, _| live.contains(id));
        self.placed_from.retain(|id, _| live.contains(id));
        for a in &self.review.annotations {
            let from = hasher.hash_one(&a.anchors);
            if self.placed_from.get(&a.id) == Some(&from) {
                continue;
            }
            let places = a
                .anchors
                .iter()
                .map(|anchor| {
                    let open = self.open_index(anchor.article)?;
                    let range = anchor.place(&self.articles[open].text).range()?;
                    Some((open, range))
                })
                .collect();
            self.placed.insert(a.id, places);
            self.placed_from.insert(a.id, from);
        }
        self.manual_rows = self
            .review
            .annotations
            .iter()
            .filter(|a| !a.from_engine)
            .map(|a| {
                let orphaned = self
                    .placed
                    .get(&a.id)
                    .is_some_and(|p| p.iter().all(Option::is_none));
                (
                    a.id,
                    format!("{}{}", if orphaned { "orphaned · " } else { "" }, a.subject),
                )
            })
            .collect();
    }

    /// Places every annotation in the open reports and pairs engine findings with the
    /// annotations whose anchors overlap their claims.
    fn rematch(&mut self) {
        self.place_annotations();
        // Candidates for each finding come from an index of placed engine anchors per
        // report, so matching costs about the claims, not findings × annotations.
        let mut index: Vec<Vec<(usize, usize, u64)>> = vec![Vec::new(); self.articles.len()];
        let mut longest = vec![0usize; self.articles.len()];
        for a in self.review.annotations.iter().filter(|a| a.from_engine) {
            for (open, range) in self.placed.get(&a.id).into_iter().flatten().flatten() {
                index[*open].push((range.start, range.end, a.id));
                longest[*open] = longest[*open].max(range.len());
            }
        }
        for list in &mut index {
            list.sort_unstable();
        }
        self.annotation_of = self
            .analysis
            .findings
            .iter()
            .map(|f| {
                let mut candidates: Vec<u64> = Vec::new();
                for c in &f.claims {
                    let Some(list) = index.get(c.article) else {
                        continue;
                    };
                    let reach = longest[c.article];
                    let mut k = list.partition_point(|x| x.0 < c.end);
                    while k > 0 {
                        k -= 1;
                        let (start, end, id) = list[k];
                        if start + reach <= c.start {
                            break;
                        }
                        if end > c.start {
                            candidates.push(id);
                        }
                    }
                }
                candidates.sort_unstable();
                candidates.dedup();
                candidates
                    .into_iter()
                    .map(|id| {
                        let placed = self.placed.get(&id).map_or(&[][..], Vec::as_slice);
                        (overlap(f, placed), id)
                    })
                    .filter(|&(share, _)| share >= 0.5)
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
                    .map(|(_, id)| id)
            })
            .collect();
        self.orphan_count = self.orphaned().len();
        self.rebuild_view();
    }

    fn review_changed(&mut self, ctx: &egui::Context) {
        self.mark_unsaved(ctx);
        if self.apply_review_details() {
            self.reanalyze(ctx);
        }
        self.rematch();
    }

    /// Gives the open reports the date, headline and metadata the review holds for them
    /// (after one was set, undone or redone); returns whether a date changed (the analysis
    /// depends on dates only).
    fn apply_review_details(&mut self) -> bool {
        let mut changed = false;
        for article in &mut self.articles {
            let label = article.label();
            let stored = self
                .review
                .articles
                .iter()
                .find(|r| r.path == label || r.hash == article.hash);
            // A date the report's header gives is not cleared by a review that lacks it
            // (written before dates were kept); one the user set is.
            let Some(stored) = stored else { continue };
            if stored.date != article.date
                && (stored.date.is_some() || article.date_origin == corpus::DateOrigin::User)
            {
                article.set_date(stored.date);
                changed = true;
            }
            // After an edit, undo or redo the review's entry is the truth, empty fields
            // included.
            article.title.clone_from(&stored.title);
            article.meta.clone_from(&stored.meta);
        }
        changed
    }

    /// Changes the review's entry for open report `i` with `edit`, as one undoable review
    /// step when `edit` says it changed something.
    fn edit_report_entry(
        &mut self,
        ctx: &egui::Context,
        i: usize,
        edit: impl FnOnce(&mut ReviewedArticle) -> bool,
    ) {
        let Some(article) = self.articles.get(i) else {
            return;
        };
        let (label, hash) = (article.label(), article.hash.clone());
        let mut list = self.review.articles.clone();
        if let Some(entry) = list.iter_mut().find(|r| r.path == label || r.hash == hash)
            && edit(entry)
        {
            self.handle(ctx, Command::Review(vec![Action::SetArticles(list)]));
        }
    }

    /// Notes that there is work the review file does not have yet.
    fn mark_unsaved(&mut self, ctx: &egui::Context) {
        self.dirty = true;
        self.last_change = Some(ctx.input(|i| i.time));
    }

    /// Recomputes the list rows and the highlights from the analysis, review and filter.
    fn rebuild_view(&mut self) {
        let analysis = Arc::clone(&self.analysis);
        let quotes = |f: &Finding| {
            f.claims
                .iter()
                .filter_map(|c| {
                    self.articles
                        .get(c.article)
                        .and_then(|a| a.text.get(c.start..c.end))
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        self.rows = analysis
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.filter.matches(f, &quotes))
            .map(|(i, _)| i)
            .collect();
        let mut highlights: Vec<Vec<Highlight>> = vec![Vec::new(); self.articles.len()];
        for (i, f) in analysis.findings.iter().enumerate() {
            if !self.filter.shows(f) {
                continue;
            }
            let reviewed = self.annotation_for(i).is_some_and(Annotation::is_reviewed);
            for c in &f.claims {
                let Some(list) = highlights.get_mut(c.article) else {
                    continue;
                };
                let quote = self.articles[c.article]
                    .text
                    .get(c.start..c.end)
                    .unwrap_or_default();
                list.push(Highlight {
                    range: c.start..c.end,
                    target: Target::Finding(i),
                    status: f.status,
                    reviewed,
                    label: format!(
                        "{} · {}: “{}”",
                        f.status.label(),
                        f.kind.name(),
                        shorten(quote, 60)
                    ),
                });
            }
        }
        for a in self.review.annotations.iter().filter(|a| !a.from_engine) {
            for (open, range) in self.placed.get(&a.id).into_iter().flatten().flatten() {
                let quote = self.articles[*open]
                    .text
                    .get(range.clone())
                    .unwrap_or_default();
                highlights[*open].push(Highlight {
                    range: range.clone(),
                    target: Target::Manual(a.id),
                    status: Status::OnlyInOne,
                    reviewed: true,
                    label: format!("Your claim · {}: “{}”", a.kind.name(), shorten(quote, 60)),
                });
            }
        }
        for list in &mut highlights {
            list.sort_by_key(|h| (h.range.start, h.range.end));
        }
        if highlights != self.highlights {
            self.highlights = highlights;
            self.highlight_generation += 1;
        }
    }

    fn select(&mut self, target: Option<Target>) {
        self.selected = target;
        self.selected_id = match target {
            Some(Target::Finding(i)) => self.analysis.findings.get(i).map(|f| f.id.clone()),
            _ => None,
        };
        self.focus_panes = target;
        self.scroll_columns = target.is_some();
        if let Some(target) = target {
            self.scroll_panes_to(target);
        }
    }

    /// Scrolls every pane that has the target's claims so they show.
    fn scroll_panes_to(&mut self, target: Target) {
        let mut all_laid_out = true;
        for (i, pane) in self.panes.iter_mut().enumerate() {
            if !pane.is_laid_out() {
                all_laid_out = false;
                continue;
            }
            if let Some(offset) = pane::offset_for(pane, &self.highlights[i], target) {
                pane.scroll_to = Some(offset);
                pane.expected = Some(offset);
            }
        }
        if all_laid_out {
            self.focus_panes = None;
        }
    }

    fn step_selection(&mut self, forward: bool) {
        if self.rows.is_empty() {
            return;
        }
        let current = match self.selected {
            Some(Target::Finding(i)) => self.rows.iter().position(|&r| r == i),
            _ => None,
        };
        let n = self.rows.len();
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
        };
        self.select(Some(Target::Finding(self.rows[next])));
        self.scroll_list = true;
    }

    /// The text selected with the mouse (the active pane's first), widened to whole words.
    pub(super) fn text_selection(&self) -> Option<(usize, std::ops::Range<usize>)> {
        let (pane, range) = self.raw_text_selection()?;
        let range = corpus::text::whole_words(&self.articles.get(pane)?.text, range);
        (!range.is_empty()).then_some((pane, range))
    }

    /// The text selected with the mouse, exactly (the active pane's first).
    fn raw_text_selection(&self) -> Option<(usize, std::ops::Range<usize>)> {
        let active = self
            .panes
            .get(self.active)
            .and_then(|p| p.selection.clone())
            .map(|r| (self.active, r));
        let (pane, range) = active.or_else(|| {
            self.panes
                .iter()
                .enumerate()
                .find_map(|(i, p)| p.selection.clone().map(|r| (i, r)))
        })?;
        (!range.is_empty()).then_some((pane, range))
    }

    /// The text selected in a report, as the clipboard gets it.
    pub fn selected_text(&self) -> Option<&str> {
        let (pane, range) = self.raw_text_selection()?;
        self.articles.get(pane)?.text.get(range)
    }

    fn annotate_selection(&mut self, ctx: &egui::Context) {
        let Some((open, range)) = self.text_selection() else {
            self.notify(
                "Select text in a report first, then choose “Annotate selected text”.".to_owned(),
            );
            return;
        };
        let Some(review_index) = self.review_index(open) else {
            return;
        };
        let text = &self.articles[open].text;
        let anchor = Anchor::new(review_index, text, range);
        let now = Utc::now();
        let id = self.review.new_id();
        let subject = shorten(&anchor.exact, 60);
        let reviewer = self.prefs.reviewer.clone();
        let annotation = Annotation::new(
            id,
            Kind::OnlyInOne,
            subject,
            false,
            vec![anchor],
            &reviewer,
            now,
        );
        self.panes[open].selection = None;
        self.handle(ctx, Command::Review(vec![Action::Add(annotation)]));
        self.select(Some(Target::Manual(id)));
    }

    fn link_selection(&mut self, ctx: &egui::Context) {
        let Some((open, range)) = self.text_selection() else {
            return;
        };
        let Some(review_index) = self.review_index(open) else {
            return;
        };
        let Some(mut annotation) = self
            .current_annotation()
            .cloned()
            .or_else(|| self.new_annotation_for_selection())
        else {
            return;
        };
        annotation
            .anchors
            .push(Anchor::new(review_index, &self.articles[open].text, range));
        annotation.modified = Utc::now();
        let action = if self.review.get(annotation.id).is_some() {
            Action::Replace(annotation)
        } else {
            Action::Add(annotation)
        };
        self.panes[open].selection = None;
        self.handle(ctx, Command::Review(vec![action]));
    }

    /// The annotation of the selection, if one exists.
    pub(super) fn current_annotation(&self) -> Option<&Annotation> {
        match self.selected? {
            Target::Finding(i) => self.annotation_for(i),
            Target::Manual(id) => self.review.get(id),
        }
    }

    /// A fresh annotation for the selected finding (not yet in the review).
    fn new_annotation_for_selection(&self) -> Option<Annotation> {
        let Target::Finding(i) = self.selected? else {
            return None;
        };
        self.new_annotation_for(i)
    }

    /// A fresh annotation for finding `i` (not yet in the review).
    fn new_annotation_for(&self, i: usize) -> Option<Annotation> {
        let finding = self.analysis.findings.get(i)?;
        let anchor_of = |c: &crate::analysis::ClaimRef| {
            let review_index = self.review_index(c.article)?;
            let mut anchor =
                Anchor::new(review_index, &self.articles[c.article].text, c.start..c.end);
            anchor.value.clone_from(&c.value);
            Some(anchor)
        };
        let annotation = Annotation::for_finding(
            self.review.new_id(),
            finding,
            &anchor_of,
            &self.prefs.reviewer,
            Utc::now(),
        );
        Some(annotation)
    }

    /// Reloads the editor's draft when the selection or its stored annotation changed (a new
    /// selection, an undo), so the editor always shows what is stored.
    pub(super) fn refresh_draft(&mut self) {
        let Some(target) = self.selected else {
            return;
        };
        let source = (Some(target), self.current_annotation().cloned());
        if self.draft_source.as_ref() != Some(&source) {
            let open_of = |r: usize| self.open_index(r);
            self.draft = Draft::of(source.1.as_ref(), self.articles.len(), &open_of);
            self.draft_source = Some(source);
        }
    }

    /// Takes a finished analysis from the worker.
    pub(super) fn poll_analysis(&mut self) {
        if let Some(analysis) = self.worker.poll(self.generation) {
            self.set_analysis(analysis);
        }
    }

    /// Writes the recovery file once the review has been left alone for a while.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if let Some(changed) = self.last_change {
            if self.dirty && ctx.input(|i| i.time) - changed > AUTOSAVE_SECS {
                self.write_recovery();
                self.last_change = None;
            } else if self.dirty {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECS));
            }
        }
    }

    /// Stores the preferences (eframe calls this on exit and now and then).
    pub(super) fn save_prefs(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    /// After the panels were drawn: the list has scrolled to the selection; the other panes
    /// follow a pane the user scrolled, and every pane scrolls to the selection once it has
    /// a layout.
    pub(super) fn after_frame_drawn(&mut self) {
        self.scroll_list = false;
        self.focus_editor = false;
        self.scroll_columns = false;
        self.sync_scrolling();
        if let Some(target) = self.focus_panes {
            self.scroll_panes_to(target);
        }
    }

    /// Records the editor's draft as one action.
    fn commit_draft(&mut self, ctx: &egui::Context) {
        // The draft belongs to the selection it was loaded for; after a selection change
        // and before the next frame reloads it, it is not this selection's.
        if self.selected.is_none() || self.draft_source.as_ref().map(|s| s.0) != Some(self.selected)
        {
            return;
        }
        let existing = self.current_annotation().cloned();
        let Some(mut annotation) = existing
            .clone()
            .or_else(|| self.new_annotation_for_selection())
        else {
            return;
        };
        let review_of = |open: usize| self.review_index(open);
        self.draft.apply_to(&mut annotation, &review_of);
        let unchanged = existing.as_ref().is_some_and(|e| {
            let mut same = annotation.clone();
            same.modified = e.modified;
            same.reviewer.clone_from(&e.reviewer);
            &same == e
        });
        if unchanged || (existing.is_none() && !annotation.is_reviewed()) {
            return;
        }
        annotation.modified = Utc::now();
        if !self.prefs.reviewer.is_empty() {
            annotation.reviewer.clone_from(&self.prefs.reviewer);
        }
        let action = if existing.is_some() {
            Action::Replace(annotation)
        } else {
            Action::Add(annotation)
        };
        self.handle(ctx, Command::Review(vec![action]));
    }

    // -----------------------------------------------------------------------------------------
    // Review files.

    /// The review as it is saved: every open discrepancy is in it (unreviewed ones too, so an
    /// export with `--all` has them) and report paths are relative to the review's folder.
    /// The review as saved: what the reviewer did (verdicts, notes, manual claims, the
    /// reports and their dates), not the engine's unreviewed findings, which are recomputed
    /// when the review is opened. Report paths are made relative to `path`.
    fn review_for_save(&self, path: &Path) -> Review {
        let mut review = self.review.clone();
        review.annotations.retain(Annotation::is_reviewer_work);
        Self::relative_paths(&mut review, path);
        review
    }

    /// The review as exported to `path`: with `all`, every discrepancy the engine found, an
    /// unreviewed annotation for each one the reviewer has not touched.
    fn review_for_export(&self, path: &Path, all: bool) -> Review {
        let mut review = self.review.clone();
        if all {
            for i in 0..self.analysis.findings.len() {
                if self.analysis.findings[i].is_discrepancy()
                    && self.annotation_for(i).is_none()
                    && let Some(mut annotation) = self.new_annotation_for(i)
                {
                    annotation.id = review.new_id();
                    review.next_id = annotation.id + 1;
                    review.annotations.push(annotation);
                }
            }
        }
        Self::relative_paths(&mut review, path);
        review
    }

    /// Makes the review's report paths relative to a file at `path`, where they exist.
    fn relative_paths(review: &mut Review, path: &Path) {
        for stored in &mut review.articles {
            let report = Path::new(&stored.path);
            if report.exists() {
                stored.path = store::relative_to_review(report, path);
            }
        }
    }

    fn save_review(&mut self, path: &Path, same_file: bool) {
        if same_file && let Err(err) = store::check_unchanged(path, self.fingerprint.as_ref()) {
            self.notify_error(err.to_string());
            return;
        }
        if let Err(err) = self.keep_pasted_reports(path) {
            self.write_recovery();
            self.notify_error(err.to_string());
            return;
        }
        let review = self.review_for_save(path);
        match store::save(path, &review) {
            Ok(fingerprint) => {
                self.fingerprint = Some(fingerprint);
                self.review_path = Some(path.to_path_buf());
                self.dirty = false;
                self.last_change = None;
                if let Some(recovery) = &self.recovery_path {
                    store::clear_recovery(recovery);
                }
                self.remember_review(path);
                self.notify(format!("Saved {}", path.display()));
            }
            Err(err) => {
                // The work stays in memory and in the recovery file.
                self.write_recovery();
                self.notify_error(err.to_string());
            }
        }
    }

    /// Pasted reports have no file: before the review is saved, each is written beside it,
    /// in `<review name>-reports/pasted-<n>.txt`, exactly as pasted (so offsets and the hash
    /// stay), and from then on the report is that file. Reopening the review opens it.
    fn keep_pasted_reports(&mut self, review_path: &Path) -> Result<(), store::StoreError> {
        let stem = review_path
            .file_stem()
            .map_or_else(|| "review".into(), |s| s.to_string_lossy().into_owned());
        let folder = review_path
            .parent()
            .unwrap_or(Path::new(""))
            .join(format!("{stem}-reports"));
        for i in 0..self.articles.len() {
            let corpus::Source::Pasted(n) = self.articles[i].source else {
                continue;
            };
            let text = Arc::clone(&self.articles[i].text);
            let mut file = folder.join(format!("pasted-{n}.txt"));
            let mut k = 2;
            // Never write over a different text kept there before.
            while std::fs::read(&file).is_ok_and(|old| old != text.as_bytes()) {
                file = folder.join(format!("pasted-{n}-{k}.txt"));
                k += 1;
            }
            store::write_atomic(&file, text.as_bytes())?;
            let old_label = self.articles[i].label();
            self.articles[i].source = corpus::Source::File(file);
            let new_label = self.articles[i].label();
            let mut list = self.review.articles.clone();
            for stored in list.iter_mut().filter(|r| r.path == old_label) {
                stored.path.clone_from(&new_label);
            }
            let _ = self.review.apply(Action::SetArticles(list));
        }
        Ok(())
    }

    fn remember_review(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent_reviews.retain(|p| p != &path);
        self.prefs.recent_reviews.insert(0, path);
        self.prefs.recent_reviews.truncate(MAX_RECENT);
    }

    fn open_review(&mut self, path: &Path) {
        match store::load(path) {
            Ok((mut review, fingerprint)) => {
                for stored in &mut review.articles {
                    let resolved = store::resolve(&stored.path, path);
                    stored.path = resolved.display().to_string();
                }
                self.review = review;
                self.history.clear();
                self.review_path = Some(path.to_path_buf());
                self.fingerprint = Some(fingerprint);
                self.dirty = false;
                self.select(None);
                self.remember_review(path);
                self.reopen_review_articles();
            }
            // A file that could not be read keeps no path: nothing will be saved over it.
            Err(err) => self.notify_error(err.to_string()),
        }
    }

    /// Opens the review's reports in place of the open ones; lists the missing ones.
    fn reopen_review_articles(&mut self) {
        self.articles.clear();
        self.panes.clear();
        self.widths.clear();
        self.missing.clear();
        let stored = self.review.articles.clone();
        for (index, entry) in stored.iter().enumerate() {
            // Paths were resolved when the review was opened; a recovered review holds
            // them as they were in memory.
            let loaded = store::load_report(&entry.path, Path::new(""));
            match loaded {
                Ok(mut article) => {
                    if article.hash != entry.hash {
                        self.notice_changed(&entry.path);
                    }
                    if article.date.is_none() && entry.date.is_some() {
                        article.set_date(entry.date);
                    }
                    apply_stored_details(&mut article, entry);
                    self.articles.push(article);
                    self.panes.push(PaneState::new(self.next_pane_id));
                    self.next_pane_id += 1;
                }
                Err(err) => {
                    let kind = matches!(err, LoadError::NotFound { .. });
                    self.notify_error(if kind {
                        format!(
                            "{}: report of this review not found; use “Locate…” in the status bar",
                            entry.path
                        )
                    } else {
                        err.to_string()
                    });
                    self.missing.push(Missing {
                        index,
                        path: entry.path.clone(),
                    });
                }
            }
        }
        let n = self.articles.len().max(1) as f32;
        self.widths = vec![1.0 / n; self.articles.len()];
        self.rematch();
    }

    fn notice_changed(&mut self, path: &str) {
        self.notify(format!(
            "{path} changed since it was reviewed; annotations were placed again by their quotes"
        ));
    }

    fn write_recovery(&mut self) {
        let Some(path) = self.recovery_path.clone() else {
            return;
        };
        if let Err(err) = store::save_recovery(&path, &self.review, self.review_path.as_deref()) {
            self.notify_error(format!("could not write the recovery file: {err}"));
        }
    }

    fn export(&mut self, format: Format, path: &Path, all: bool) {
        let review = self.review_for_export(path, all);
        // The open reports' texts give character positions for Web Annotation selectors.
        let texts: Vec<Option<String>> = (0..review.articles.len())
            .map(|r| {
                self.open_index(r)
                    .map(|open| self.articles[open].text.to_string())
            })
            .collect();
        let result = export::export_with_texts(format, &review, all, &texts)
            .map_err(|err| err.to_string())
            .and_then(|text| {
                store::write_atomic(path, text.as_bytes()).map_err(|err| err.to_string())
            });
        match result {
            Ok(()) => self.notify(format!("Exported {} to {}", format.label(), path.display())),
            Err(err) => self.notify_error(err),
        }
    }

    /// When the user scrolls one pane, the others follow to the same share of their length.
    fn sync_scrolling(&mut self) {
        let mut moved = None;
        for (i, pane) in self.panes.iter_mut().enumerate() {
            if pane.expected.take().is_some() {
                continue;
            }
            if pane.scroll_to.is_none()
                && (pane.offset - pane.last_seen).abs() > 0.5
                && moved.is_none()
            {
                moved = Some(i);
            }
        }
        if let (Some(i), true) = (moved, self.prefs.sync_scroll) {
            let share = if self.panes[i].max_offset > 0.0 {
                (self.panes[i].offset / self.panes[i].max_offset).clamp(0.0, 1.0)
            } else {
                0.0
            };
            for (j, pane) in self.panes.iter_mut().enumerate() {
                if j != i {
                    let target = share * pane.max_offset;
                    pane.scroll_to = Some(target);
                    pane.expected = Some(target);
                }
            }
        }
        for pane in &mut self.panes {
            pane.last_seen = pane.offset;
        }
    }
}

/// Gives a report opened with a review the headline and metadata its review entry holds: what
/// the reviewer corrected, or what the report gave when the review was made. An empty field
/// keeps what the report itself gives (a review written before metadata was kept has none).
fn apply_stored_details(article: &mut Article, stored: &ReviewedArticle) {
    if !stored.title.trim().is_empty() {
        article.title.clone_from(&stored.title);
    }
    let meta = &stored.meta;
    if !meta.outlet.is_empty() {
        article.meta.outlet.clone_from(&meta.outlet);
    }
    if !meta.url.is_empty() {
        article.meta.url.clone_from(&meta.url);
    }
    if !meta.authors.is_empty() {
        article.meta.authors.clone_from(&meta.authors);
    }
    if !meta.published.is_empty() {
        article.meta.published.clone_from(&meta.published);
    }
}
