//! The application: its state, the one [`App::handle`] that changes it, and the frame that
//! draws it. UI code reads the state and pushes [`Command`]s; each frame drains them first.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use egui::{Pos2, Rect, Stroke, Vec2};
use serde::{Deserialize, Serialize};

use super::command::UiCommand;
use super::editor::{self, Draft, EditorEvent, EditorView};
use super::list::{self, Filter, ListEvent};
use super::pane::{self, Highlight, PaneEvent, PaneState, PaneView, Target};
use super::theme::Theme;
use super::worker::{Job, Worker};
use crate::analysis::{Analysis, Finding, Kind, Status};
use crate::corpus::text::shorten;
use crate::corpus::{self, Article, LoadError};
use crate::export::{self, Format};
use crate::review::{Action, Anchor, Annotation, History, Review, ReviewedArticle, overlap};
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
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dark: true,
            sync_scroll: true,
            recent_files: Vec::new(),
            recent_reviews: Vec::new(),
            reviewer: String::new(),
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
}

/// Everything that changes the application's state.
#[derive(Debug)]
pub enum Command {
    /// Open report files.
    OpenFiles(Vec<PathBuf>),
    /// Add a report from pasted text.
    PasteReport(String),
    /// Close report `i`.
    CloseArticle(usize),
    /// Set or clear report `i`'s date.
    SetDate(usize, Option<NaiveDate>),
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
}

/// A message shown in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Text.
    pub text: String,
    /// An error (else information).
    pub error: bool,
}

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

enum Modal {
    Paste(String),
    Export(Format, bool),
    ConfirmQuit,
    Recovery(String),
}

/// Width of the draggable gap between report columns.
const SEPARATOR: f32 = 8.0;
/// Narrowest a report column gets; more reports scroll sideways.
const MIN_WIDTH: f32 = 170.0;

/// The application.
pub struct App {
    articles: Vec<Article>,
    panes: Vec<PaneState>,
    widths: Vec<f32>,
    next_pane_id: u64,
    active: usize,
    generation: u64,
    analysis: Arc<Analysis>,
    analysed: u64,
    worker: Worker,
    highlights: Vec<Vec<Highlight>>,
    highlight_generation: u64,
    filter: Filter,
    rows: Vec<usize>,
    selected: Option<Target>,
    selected_id: Option<String>,
    scroll_list: bool,
    focus_panes: Option<Target>,
    prefs: Prefs,
    notices: Vec<Notice>,
    paste_count: u32,
    review: Review,
    history: History,
    review_path: Option<PathBuf>,
    fingerprint: Option<Fingerprint>,
    dirty: bool,
    last_change: Option<f64>,
    recovery_path: Option<PathBuf>,
    recovered: Option<Review>,
    /// Per finding: the annotation reviewing it.
    annotation_of: Vec<Option<u64>>,
    /// Per annotation: where its anchors are in the open reports (open index, range).
    placed: BTreeMap<u64, Vec<PlacedAnchor>>,
    /// Per annotation, a hash of the anchors its placement was computed from, and a hash of
    /// the open reports it was computed against: placements are redone only when these change.
    placed_from: rustc_hash::FxHashMap<u64, u64>,
    placed_against: u64,
    /// The reviewer's own claims for the list: (id, label), rebuilt when the review changes.
    manual_rows: Vec<(u64, String)>,
    missing: Vec<Missing>,
    /// Annotations that could not be placed (counted when placements change, not per frame).
    orphan_count: usize,
    draft: Draft,
    draft_source: Option<(Option<Target>, Option<Annotation>)>,
    modal: Option<Modal>,
    allow_close: bool,
    pending: Vec<Command>,
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
            focus_panes: None,
            prefs,
            notices: start
                .errors
                .into_iter()
                .map(|text| Notice { text, error: true })
                .collect(),
            paste_count: 0,
            review: Review::default(),
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
                        "crosscheck closed without saving {whose} ({} annotations, {}).",
                        app.recovered.as_ref().map_or(0, |r| r.annotations.len()),
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
                    }
                    Err(err) => self.notify_error(err.to_string()),
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
            Command::SetDate(i, date) => {
                if let Some(article) = self.articles.get_mut(i) {
                    article.set_date(date);
                    self.sync_review_articles();
                    self.reanalyze(ctx);
                }
            }
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
            Command::SaveReview => match self.review_path.clone() {
                Some(path) => self.save_review(&path, true),
                None => self.handle(ctx, Command::Ui(UiCommand::SaveReviewAs)),
            },
            Command::SaveReviewAs(path) => self.save_review(&path, false),
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
        }
    }

    /// Menu commands: dialogs happen here, never in tests (which send the path commands).
    fn ui_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::OpenReports => {
                if let Some(paths) = rfd::FileDialog::new()
                    .set_title("Open reports")
                    .add_filter("Text", &["txt", "text", "md"])
                    .add_filter("All files", &["*"])
                    .pick_files()
                {
                    self.handle(ctx, Command::OpenFiles(paths));
                }
            }
            UiCommand::PasteReport => self.modal = Some(Modal::Paste(String::new())),
            UiCommand::CloseReport => {
                if !self.articles.is_empty() {
                    self.handle(ctx, Command::CloseArticle(self.active));
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
                }
            }
            UiCommand::OpenReview => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Open review")
                    .set_directory("annotations")
                    .add_filter("Review", &["ron"])
                    .pick_file()
                {
                    self.handle(ctx, Command::OpenReview(path));
                }
            }
            UiCommand::SaveReview => self.handle(ctx, Command::SaveReview),
            UiCommand::SaveReviewAs => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Save review as")
                    .set_directory("annotations")
                    .set_file_name("review.ron")
                    .add_filter("Review", &["ron"])
                    .save_file()
                {
                    self.handle(ctx, Command::SaveReviewAs(path));
                }
            }
            UiCommand::Export => self.modal = Some(Modal::Export(Format::Json, false)),
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::Undo => self.handle(ctx, Command::Undo),
            UiCommand::Redo => self.handle(ctx, Command::Redo),
            UiCommand::AnnotateSelection => self.handle(ctx, Command::AnnotateSelection),
            UiCommand::ToggleSync => self.handle(ctx, Command::ToggleSync),
            UiCommand::ToggleTheme => self.handle(ctx, Command::ToggleTheme),
            UiCommand::Next => self.handle(ctx, Command::Next),
            UiCommand::Previous => self.handle(ctx, Command::Previous),
            UiCommand::ClearSelection => self.handle(ctx, Command::Select(None)),
        }
    }

    fn notify_error(&mut self, text: String) {
        self.notices.push(Notice { text, error: true });
    }

    fn notify(&mut self, text: String) {
        self.notices.push(Notice { text, error: false });
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
            };
            match list
                .iter_mut()
                .find(|r| r.path == label || r.hash == article.hash)
            {
                Some(existing) => {
                    existing.title = entry.title;
                    existing.date = entry.date;
                    existing.hash = entry.hash;
                }
                None => list.push(entry),
            }
        }
        if list != self.review.articles {
            let _ = self.review.apply(Action::SetArticles(list));
        }
    }

    /// The open report for a review article index.
    fn open_index(&self, review_index: usize) -> Option<usize> {
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
        self.dirty = true;
        self.last_change = Some(ctx.input(|i| i.time));
        self.rematch();
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
    fn text_selection(&self) -> Option<(usize, std::ops::Range<usize>)> {
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
        let range = corpus::text::whole_words(&self.articles.get(pane)?.text, range);
        (!range.is_empty()).then_some((pane, range))
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
    fn current_annotation(&self) -> Option<&Annotation> {
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

    /// Records the editor's draft as one action.
    fn commit_draft(&mut self, ctx: &egui::Context) {
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
    fn review_for_save(&mut self, path: &Path) -> Review {
        let unannotated: Vec<usize> = (0..self.analysis.findings.len())
            .filter(|&i| {
                self.analysis.findings[i].is_discrepancy() && self.annotation_for(i).is_none()
            })
            .collect();
        for i in unannotated {
            if let Some(annotation) = self.new_annotation_for(i) {
                let _ = self.review.apply(Action::Add(annotation));
            }
        }
        self.rematch();
        let mut review = self.review.clone();
        for stored in &mut review.articles {
            let report = Path::new(&stored.path);
            if report.exists() {
                stored.path = store::relative_to_review(report, path);
            }
        }
        review
    }

    fn save_review(&mut self, path: &Path, same_file: bool) {
        if same_file && let Err(err) = store::check_unchanged(path, self.fingerprint.as_ref()) {
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
        let review = self.review_for_save(path);
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

    // -----------------------------------------------------------------------------------------
    // Drawing.

    fn details(&self, target: Target) -> String {
        match target {
            Target::Finding(i) => {
                let Some(f) = self.analysis.findings.get(i) else {
                    return String::new();
                };
                let mut text = format!(
                    "{} · {}\n{}\n{}",
                    f.status.label(),
                    f.kind.label(),
                    f.subject,
                    f.explanation
                );
                for c in &f.claims {
                    let name = self
                        .articles
                        .get(c.article)
                        .map(Article::short_name)
                        .unwrap_or_default();
                    let quote = self
                        .articles
                        .get(c.article)
                        .and_then(|a| a.text.get(c.start..c.end))
                        .unwrap_or_default();
                    let value = if c.value.is_empty() {
                        String::new()
                    } else {
                        format!(" → {}", c.value)
                    };
                    let _ = write!(text, "\n• {name}: “{}”{value}", shorten(quote, 80));
                }
                if let Some(a) = self.annotation_for(i).filter(|a| a.is_reviewed()) {
                    let _ = write!(text, "\nVerdict: {}", a.verdict.label());
                }
                text
            }
            Target::Manual(id) => self
                .review
                .get(id)
                .map(|a| {
                    format!(
                        "Your claim · {}\n{}\nVerdict: {}",
                        a.kind.label(),
                        a.subject,
                        a.verdict.label()
                    )
                })
                .unwrap_or_default(),
        }
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, command: UiCommand, enabled: bool) {
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
            self.pending.push(Command::Ui(command));
            ui.close();
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.menu_item(ui, UiCommand::OpenReports, true);
                let recent = self.prefs.recent_files.clone();
                ui.menu_button("Open recent", |ui| {
                    if recent.is_empty() {
                        ui.weak("No recent reports");
                    }
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending.push(Command::OpenFiles(vec![path]));
                            ui.close();
                        }
                    }
                });
                self.menu_item(ui, UiCommand::PasteReport, true);
                let has_articles = !self.articles.is_empty();
                self.menu_item(ui, UiCommand::CloseReport, has_articles);
                ui.separator();
                self.menu_item(ui, UiCommand::OpenReview, true);
                let reviews = self.prefs.recent_reviews.clone();
                ui.menu_button("Open recent review", |ui| {
                    if reviews.is_empty() {
                        ui.weak("No recent reviews");
                    }
                    for path in reviews {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending.push(Command::OpenReview(path));
                            ui.close();
                        }
                    }
                });
                self.menu_item(ui, UiCommand::SaveReview, true);
                self.menu_item(ui, UiCommand::SaveReviewAs, true);
                self.menu_item(ui, UiCommand::Export, true);
                ui.separator();
                self.menu_item(ui, UiCommand::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = (self.history.can_undo(), self.history.can_redo());
                self.menu_item(ui, UiCommand::Undo, undo);
                self.menu_item(ui, UiCommand::Redo, redo);
                ui.separator();
                let has_articles = !self.articles.is_empty();
                self.menu_item(ui, UiCommand::SetDate, has_articles);
                let has_selection = self.text_selection().is_some();
                self.menu_item(ui, UiCommand::AnnotateSelection, has_selection);
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label("Reviewer");
                    let edit = ui.add(
                        egui::TextEdit::singleline(&mut self.prefs.reviewer)
                            .hint_text("your name")
                            .desired_width(140.0),
                    );
                    edit.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Reviewer name")
                    });
                });
            });
            ui.menu_button("View", |ui| {
                let mut sync = self.prefs.sync_scroll;
                if ui
                    .checkbox(&mut sync, UiCommand::ToggleSync.label())
                    .on_hover_text(UiCommand::ToggleSync.tooltip())
                    .changed()
                {
                    self.pending.push(Command::ToggleSync);
                }
                let mut dark = self.prefs.dark;
                if ui
                    .checkbox(&mut dark, UiCommand::ToggleTheme.label())
                    .changed()
                {
                    self.pending.push(Command::ToggleTheme);
                }
            });
            ui.menu_button("Go", |ui| {
                self.menu_item(ui, UiCommand::Next, true);
                self.menu_item(ui, UiCommand::Previous, true);
                self.menu_item(ui, UiCommand::ClearSelection, self.selected.is_some());
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
            // Toolbar.
            let mut sync = self.prefs.sync_scroll;
            let toggle = ui
                .toggle_value(&mut sync, "Sync scroll")
                .on_hover_text(format!(
                    "{} ({})",
                    UiCommand::ToggleSync.tooltip(),
                    ui.ctx()
                        .format_shortcut(&UiCommand::ToggleSync.shortcuts()[0])
                ));
            if toggle.changed() {
                self.pending.push(Command::ToggleSync);
            }
            if ui
                .button("‹ Previous")
                .on_hover_text("Previous discrepancy (P, Shift+F7)")
                .clicked()
            {
                self.pending.push(Command::Previous);
            }
            if ui
                .button("Next ›")
                .on_hover_text("Next discrepancy (N, F7)")
                .clicked()
            {
                self.pending.push(Command::Next);
            }
        });
    }

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

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let theme = Theme::of(ui.ctx());
        ui.horizontal_wrapped(|ui| {
            Self::legend_ui(ui);
            ui.separator();
            if let Some(progress) = self.worker.progress() {
                ui.add(egui::ProgressBar::new(progress).desired_width(160.0).show_percentage().text(format!("analysing {} reports", self.articles.len())));
            } else {
                let count = |s: Status| self.analysis.findings.iter().filter(|f| f.status == s).count();
                ui.label(format!(
                    "{} reports · {} conflicts · {} different precision · {} only in one · {} agreements",
                    self.articles.len(),
                    count(Status::Conflict),
                    count(Status::Compatible),
                    count(Status::OnlyInOne),
                    count(Status::Corroborated)
                ));
            }
            ui.separator();
            let name = self
                .review_path
                .as_ref()
                .map_or_else(|| "unsaved review".to_owned(), |p| p.display().to_string());
            ui.label(format!("{name}{}", if self.dirty { " •" } else { "" }))
                .on_hover_text(if self.dirty { "Unsaved changes (Ctrl+S saves)" } else { "Saved" });
        });
        let missing = self.missing.clone();
        for m in missing {
            ui.horizontal(|ui| {
                ui.colored_label(theme.warning, format!("Report not found: {}", m.path));
                if ui.button("Locate…").clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .set_title("Locate report")
                        .pick_file()
                {
                    self.pending.push(Command::LocateArticle(m.index, path));
                }
            });
        }
        let orphans = self.orphan_count;
        if orphans > 0 {
            ui.colored_label(theme.warning, format!("{orphans} annotations could not be placed in the changed reports; they are kept (see the list)."));
        }
        let mut dismiss = None;
        for (i, notice) in self.notices.iter().enumerate().rev().take(3) {
            ui.horizontal(|ui| {
                if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                    dismiss = Some(i);
                }
                let color = if notice.error {
                    theme.error
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(color, &notice.text);
            });
        }
        if let Some(i) = dismiss {
            self.notices.remove(i);
        }
    }

    fn side_panel_ui(&mut self, ui: &mut egui::Ui) {
        if self.selected.is_some() {
            egui::Panel::bottom("editor panel")
                .resizable(true)
                .default_size(ui.available_height() * 0.5)
                .show(ui, |ui| self.editor_panel_ui(ui));
        }
        if !self.manual_rows.is_empty() {
            egui::Panel::bottom("your claims").show(ui, |ui| self.manual_rows_ui(ui));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let mut events = Vec::new();
            let annotation_of = &self.annotation_of;
            let review = &self.review;
            let verdict_of = |i: usize| {
                annotation_of
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|id| review.get(id))
                    .map(|a| a.verdict)
            };
            let selected = match self.selected {
                Some(Target::Finding(i)) => Some(i),
                _ => None,
            };
            let before = self.filter.clone();
            list::list_ui(
                ui,
                &self.analysis.findings,
                &self.rows,
                selected,
                &verdict_of,
                &mut self.filter,
                self.scroll_list,
                &mut events,
            );
            self.scroll_list = false;
            if self.filter != before {
                self.rebuild_view();
            }
            for event in events {
                match event {
                    ListEvent::Select(i) => {
                        self.pending.push(Command::Select(Some(Target::Finding(i))));
                    }
                }
            }
        });
    }

    /// The reviewer's own claims, drawn a screenful at a time however many there are.
    fn manual_rows_ui(&mut self, ui: &mut egui::Ui) {
        ui.label(format!("Your claims ({})", self.manual_rows.len()));
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .id_salt("your claims")
            .max_height(160.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, self.manual_rows.len(), |ui, rows| {
                for (id, label) in &self.manual_rows[rows] {
                    let selected = self.selected == Some(Target::Manual(*id));
                    if ui.selectable_label(selected, label).clicked() {
                        self.pending
                            .push(Command::Select(Some(Target::Manual(*id))));
                    }
                }
            });
    }

    fn editor_panel_ui(&mut self, ui: &mut egui::Ui) {
        let Some(target) = self.selected else { return };
        let annotation = self.current_annotation().cloned();
        // Reload the draft when the selection or the stored annotation changed (undo).
        let source = (Some(target), annotation.clone());
        if self.draft_source.as_ref() != Some(&source) {
            let open_of = |r: usize| self.open_index(r);
            self.draft = Draft::of(annotation.as_ref(), self.articles.len(), &open_of);
            self.draft_source = Some(source);
        }
        let (subject, kind, explanation, claims): (
            String,
            Kind,
            String,
            Vec<(usize, std::ops::Range<usize>)>,
        ) = match target {
            Target::Finding(i) => match self.analysis.findings.get(i) {
                Some(f) => (
                    f.subject.clone(),
                    f.kind,
                    f.explanation.clone(),
                    f.claims
                        .iter()
                        .map(|c| (c.article, c.start..c.end))
                        .collect(),
                ),
                None => return,
            },
            Target::Manual(id) => match &annotation {
                Some(a) => (
                    a.subject.clone(),
                    a.kind,
                    String::new(),
                    self.placed
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
        let quotes = self
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
            subject: &subject,
            kind,
            explanation: &explanation,
            quotes,
            annotation: annotation.as_ref(),
            can_link: self.text_selection().is_some(),
        };
        let events = editor::editor_ui(ui, &view, &mut self.draft);
        for event in events {
            match event {
                EditorEvent::Commit => self.commit_draft(ui.ctx()),
                EditorEvent::Delete => {
                    if let Some(a) = &annotation {
                        self.pending
                            .push(Command::Review(vec![Action::Remove(a.id)]));
                        if matches!(target, Target::Manual(_)) {
                            self.pending.push(Command::Select(None));
                        }
                    }
                }
                EditorEvent::LinkSelection => self.pending.push(Command::LinkSelection),
            }
        }
    }

    fn panes_ui(&mut self, ui: &mut egui::Ui) {
        if self.articles.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.label("Open reports with File › Open reports… (Ctrl+O), drop files here, or paste text (Ctrl+Shift+V).");
            });
            return;
        }
        let n = self.articles.len();
        let full = ui.available_rect_before_wrap();
        let usable = (full.width() - SEPARATOR * (n - 1) as f32).max(MIN_WIDTH * n as f32);
        let total: f32 = self.widths.iter().sum::<f32>().max(f32::EPSILON);
        let widths: Vec<f32> = self
            .widths
            .iter()
            .map(|w| (w / total * usable).max(MIN_WIDTH))
            .collect();
        let content_width: f32 = widths.iter().sum::<f32>() + SEPARATOR * (n - 1) as f32;
        let mut outputs = Vec::with_capacity(n);
        let mut pane_events: Vec<(usize, PaneEvent)> = Vec::new();
        let selected = self.selected;
        // The panes are taken out while drawn, so the hover text can read the rest of `self`.
        let mut panes = std::mem::take(&mut self.panes);
        egui::ScrollArea::horizontal()
            .id_salt("columns")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let (area, _) = ui.allocate_exact_size(
                    Vec2::new(content_width.max(full.width()), full.height()),
                    egui::Sense::hover(),
                );
                let mut x = area.left();
                for i in 0..n {
                    let rect = Rect::from_min_size(
                        Pos2::new(x, area.top()),
                        Vec2::new(widths[i], area.height()),
                    );
                    let mut child = ui.new_child(
                        egui::UiBuilder::new()
                            .max_rect(rect.shrink2(Vec2::new(4.0, 2.0)))
                            .layout(egui::Layout::top_down(egui::Align::Min)),
                    );
                    child.set_clip_rect(rect.intersect(ui.clip_rect()));
                    let details = |t: Target| self.details(t);
                    let view = PaneView {
                        index: i,
                        article: &self.articles[i],
                        highlights: self.highlights.get(i).map_or(&[][..], Vec::as_slice),
                        highlight_generation: self.highlight_generation,
                        selected,
                        details: &details,
                        active: i == self.active && n > 1,
                    };
                    let mut events = Vec::new();
                    let output = pane::pane_ui(&mut child, &view, &mut panes[i], &mut events);
                    pane_events.extend(events.into_iter().map(|e| (i, e)));
                    outputs.push(output);
                    x += widths[i];
                    if i + 1 < n {
                        let sep = Rect::from_min_size(
                            Pos2::new(x, area.top()),
                            Vec2::new(SEPARATOR, area.height()),
                        );
                        let response = ui
                            .interact(
                                sep,
                                ui.scope_id().with(("column separator", i)),
                                egui::Sense::drag(),
                            )
                            .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
                        let color = if response.hovered() || response.dragged() {
                            ui.visuals().widgets.active.bg_stroke.color
                        } else {
                            ui.visuals().widgets.noninteractive.bg_stroke.color
                        };
                        ui.painter()
                            .vline(sep.center().x, sep.y_range(), Stroke::new(1.0, color));
                        if response.dragged() {
                            let delta = response.drag_delta().x / usable;
                            let (a, b) = (self.widths[i] / total, self.widths[i + 1] / total);
                            let min = MIN_WIDTH / usable;
                            let d = delta.clamp(min - a, b - min);
                            self.widths[i] = (a + d) * total;
                            self.widths[i + 1] = (b - d) * total;
                        }
                        x += SEPARATOR;
                    }
                }
                self.connectors_ui(ui, &outputs);
            });
        self.panes = panes;
        for (i, event) in pane_events {
            match event {
                PaneEvent::Select(target) => self.pending.push(Command::Select(Some(target))),
                PaneEvent::Close => self.pending.push(Command::CloseArticle(i)),
                PaneEvent::SetDate(date) => self.pending.push(Command::SetDate(i, date)),
                PaneEvent::Activate => self.pending.push(Command::SetActive(i)),
            }
        }
        self.sync_scrolling();
        if let Some(target) = self.focus_panes {
            self.scroll_panes_to(target);
        }
    }

    /// Curves between the selected claims of neighbouring panes, as diff tools draw them.
    fn connectors_ui(&self, ui: &egui::Ui, outputs: &[pane::PaneOutput]) {
        let Some(target) = self.selected else { return };
        let theme = Theme::of(ui.ctx());
        let color = match target {
            Target::Finding(i) => self
                .analysis
                .findings
                .get(i)
                .map_or(theme.selection, |f| theme.status(f.status, false).stroke),
            Target::Manual(_) => theme.reviewed.stroke,
        };
        let painter = ui.painter();
        for pair in outputs.windows(2) {
            let (left, right) = (&pair[0], &pair[1]);
            let (Some(a), Some(b)) = (left.selected_rects.first(), right.selected_rects.first())
            else {
                continue;
            };
            let ya = a
                .center()
                .y
                .clamp(left.text_rect.top(), left.text_rect.bottom());
            let yb = b
                .center()
                .y
                .clamp(right.text_rect.top(), right.text_rect.bottom());
            let start = Pos2::new(left.text_rect.right(), ya);
            let end = Pos2::new(right.text_rect.left(), yb);
            let stroke = Stroke::new(2.0, color);
            painter.line_segment(
                [Pos2::new(a.right().min(start.x), ya), start],
                Stroke::new(1.0, color.gamma_multiply(0.6)),
            );
            painter.line_segment(
                [end, Pos2::new(b.left().max(end.x), yb)],
                Stroke::new(1.0, color.gamma_multiply(0.6)),
            );
            let bend = (end.x - start.x) * 0.5 + 20.0;
            painter.add(egui::epaint::CubicBezierShape::from_points_stroke(
                [start, start + Vec2::X * bend, end - Vec2::X * bend, end],
                false,
                egui::Color32::TRANSPARENT,
                stroke,
            ));
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

    fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        let mut keep = true;
        let mut next = None;
        match modal {
            Modal::Paste(mut text) => {
                egui::Modal::new(egui::Id::unique("paste modal")).show(ctx, |ui| {
                    ui.heading("Paste text as a report");
                    ui.label("Paste (Ctrl+V) the report's text below. A first line “date YYYY-MM-DD headline” sets its date.");
                    let edit = ui.add(egui::TextEdit::multiline(&mut text).desired_rows(12).desired_width(560.0));
                    edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Pasted report text"));
                    ui.horizontal(|ui| {
                        if ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Add report")).clicked() {
                            self.pending.push(Command::PasteReport(std::mem::take(&mut text)));
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
                                self.pending.push(Command::Export(format, path, all));
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
                            self.pending.push(Command::SaveReview);
                            keep = false;
                        }
                        if ui.button("Close without saving").clicked() {
                            self.pending.push(Command::QuitWithoutSaving);
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
                            self.pending.push(Command::RestoreRecovery);
                            keep = false;
                        }
                        if ui.button("Discard").clicked() {
                            self.pending.push(Command::DiscardRecovery);
                            keep = false;
                        }
                    });
                });
                if keep {
                    next = Some(Modal::Recovery(text));
                }
            }
        }
        if self.modal.is_none() {
            self.modal = next;
        }
    }

    fn input_ui(&mut self, ctx: &egui::Context) {
        if let Some(command) = UiCommand::pressed(ctx) {
            self.pending.push(Command::Ui(command));
        }
        let (dropped, pasted) = ctx.input(|i| {
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
            (dropped, pasted)
        });
        if !dropped.is_empty() {
            self.pending.push(Command::OpenFiles(dropped));
        }
        // Ctrl+V outside a text field: the clipboard becomes a new report.
        if let Some(text) =
            pasted.filter(|_| !ctx.egui_wants_keyboard_input() && self.modal.is_none())
        {
            self.pending.push(Command::PasteReport(text));
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.dirty && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmQuit);
        }
    }

    /// Draws one frame: drain commands, take analysis results, draw panels.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(analysis) = self.worker.poll(self.generation) {
            self.set_analysis(analysis);
        }
        self.input_ui(&ctx);
        for command in std::mem::take(&mut self.pending) {
            self.handle(&ctx, command);
        }
        if let Some(changed) = self.last_change {
            if self.dirty && ctx.input(|i| i.time) - changed > AUTOSAVE_SECS {
                self.write_recovery();
                self.last_change = None;
            } else if self.dirty {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECS));
            }
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::right("discrepancies")
            .resizable(true)
            .default_size(400.0)
            .size_range(260.0..=900.0)
            .show(ui, |ui| self.side_panel_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.panes_ui(ui));
        self.modal_ui(&ctx);
        // Apply what this frame's widgets asked for, so tests and users see it at once.
        for command in std::mem::take(&mut self.pending) {
            self.handle(&ctx, command);
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}
