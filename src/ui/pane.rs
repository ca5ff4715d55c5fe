//! One report's pane: its header (title, date, file, close) and its text with the claims
//! highlighted. The text layout is cached and rebuilt only when the width, the highlights or
//! the theme change; per frame only the visible highlights are painted and made clickable.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, Vec2};

use super::theme::{Theme, Underline};
use crate::analysis::Status;
use crate::corpus::{Article, DateOrigin, Meta};

/// What a highlight (or a list row) stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// An engine finding, by index in the analysis.
    Finding(usize),
    /// A claim the reviewer marked by hand, by annotation id.
    Manual(u64),
}

/// A highlighted claim in one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Byte range.
    pub range: Range<usize>,
    /// What it belongs to.
    pub target: Target,
    /// The finding's status.
    pub status: Status,
    /// Whether the finding has a verdict.
    pub reviewed: bool,
    /// Accessible label ("Conflict: Kryvyi Rig / Kryvyi Rih").
    pub label: String,
}

/// What the pane remembers between frames.
#[derive(Default)]
pub struct PaneState {
    /// Stable id for the pane's widgets (survives other panes closing).
    pub id: u64,
    /// Cached layout.
    cache: Option<Layout>,
    /// Scroll to this offset next frame.
    pub scroll_to: Option<f32>,
    /// Offset seen last frame.
    pub offset: f32,
    /// Offset at the end of the previous sync check.
    pub last_seen: f32,
    /// Largest offset (content height minus view height) seen last frame.
    pub max_offset: f32,
    /// Height of the text view last frame.
    pub view_height: f32,
    /// An offset set by the program (selection, sync): not a user scroll.
    pub expected: Option<f32>,
    /// Text being typed into the date field, when the date editor is open.
    pub date_edit: Option<String>,
    /// The date field takes the keyboard when it is next drawn (Ctrl+D, the date button).
    pub date_focus: bool,
    /// The report's details (headline, outlet, address, authors, time) being edited.
    pub details_edit: Option<DetailsEdit>,
    /// Byte range selected with the mouse (for manual claims).
    pub selection: Option<Range<usize>>,
    drag_anchor: Option<usize>,
}

/// The fields of the details editor, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailsEdit {
    /// Headline.
    pub title: String,
    /// Outlet.
    pub outlet: String,
    /// Address.
    pub url: String,
    /// Authors, separated by commas (or "and").
    pub authors: String,
    /// Publication time.
    pub published: String,
}

impl DetailsEdit {
    /// The editor filled with what the report has.
    pub fn of(article: &Article) -> Self {
        Self {
            title: article.title.clone(),
            outlet: article.meta.outlet.clone(),
            url: article.meta.url.clone(),
            authors: article.meta.authors.join(", "),
            published: article.meta.published.clone(),
        }
    }

    /// The headline and metadata typed.
    pub fn to_meta(&self) -> (String, Meta) {
        let meta = Meta {
            outlet: self.outlet.trim().to_owned(),
            url: self.url.trim().to_owned(),
            authors: crate::corpus::split_names(&self.authors),
            published: self.published.trim().to_owned(),
        };
        (self.title.trim().to_owned(), meta)
    }
}

struct Layout {
    key: (u64, u32, bool),
    galley: Arc<Galley>,
    /// Byte offset of each character (one past the end included).
    char_bytes: Vec<u32>,
    /// Glyphs in text order: (byte offset, row index, left x, right x).
    glyphs: Vec<(u32, u32, f32, f32)>,
    /// Rects (galley coordinates) of each highlight.
    rects: Vec<Vec<Rect>>,
}

impl PaneState {
    /// A fresh pane with a stable id.
    pub fn new(id: u64) -> Self {
        Self {
            id,
            ..Self::default()
        }
    }

    /// Rects of highlight `index`, in galley coordinates, once laid out.
    pub fn highlight_rects(&self, index: usize) -> &[Rect] {
        self.cache
            .as_ref()
            .and_then(|c| c.rects.get(index))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a layout exists (the pane was drawn at least once).
    pub fn is_laid_out(&self) -> bool {
        self.cache.is_some()
    }
}

/// Everything the pane draws from (read-only).
pub struct PaneView<'a> {
    /// Its position among the panes.
    pub index: usize,
    /// The report.
    pub article: &'a Article,
    /// Highlights in this report, sorted by start.
    pub highlights: &'a [Highlight],
    /// Changes whenever the highlights change.
    pub highlight_generation: u64,
    /// What is selected, if anything.
    pub selected: Option<Target>,
    /// Hover text for each target (normalised values, resolved dates, other reports).
    pub details: &'a dyn Fn(Target) -> String,
    /// Whether this is the pane the keyboard commands act on.
    pub active: bool,
}

/// What the user did in a pane this frame.
#[derive(Debug, PartialEq)]
pub enum PaneEvent {
    /// Clicked a highlight.
    Select(Target),
    /// Asked to close the report.
    Close,
    /// Set (or cleared) the date.
    SetDate(Option<chrono::NaiveDate>),
    /// Set the headline and metadata.
    SetDetails(String, Meta),
    /// Clicked somewhere in the pane.
    Activate,
}

/// Where the selected finding's claims are on screen (for connectors).
pub struct PaneOutput {
    /// Screen rect of the text area.
    pub text_rect: Rect,
    /// Screen rects of the selected finding's claims (first row of each), clipped to view.
    pub selected_rects: Vec<Rect>,
}

/// A margin left of the text holds the conflict markers, beside the line they mark.
const GUTTER: f32 = 14.0;

fn font() -> FontId {
    FontId::proportional(14.0)
}

fn build_layout(view: &PaneView<'_>, width: f32, theme: &Theme, ui: &egui::Ui) -> Layout {
    let text = &*view.article.text;
    // Only the body is shown: the header line's date and headline are in the pane header.
    // Offsets stay those of the whole text.
    let start = view.article.body.start.min(text.len());
    let start = if text.is_char_boundary(start) {
        start
    } else {
        0
    };
    let end = text.len();
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping {
            max_width: width,
            ..Default::default()
        },
        ..Default::default()
    };
    let plain = TextFormat {
        font_id: font(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    // Flatten overlapping highlights: each byte takes the most serious status covering it.
    let mut cuts: Vec<usize> = vec![start, end];
    for h in view.highlights {
        cuts.push(h.range.start.clamp(start, end));
        cuts.push(h.range.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let covering = view
            .highlights
            .iter()
            .filter(|h| h.range.start <= a && b <= h.range.end)
            .min_by_key(|h| (h.reviewed, h.status));
        let mut format = plain.clone();
        if let Some(h) = covering {
            format.background = theme.status(h.status, h.reviewed).background;
        }
        job.append(&text[a..b], 0.0, format);
    }
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let mut char_bytes = Vec::with_capacity(text.len() + 1);
    let mut glyphs = Vec::with_capacity(text.len());
    let mut chars = text[start..].char_indices().map(|(b, c)| (b + start, c));
    for (row_index, row) in galley.rows.iter().enumerate() {
        for glyph in &row.row.glyphs {
            let Some((byte, _)) = chars.next() else { break };
            char_bytes.push(byte as u32);
            let left = row.pos.x + glyph.pos.x;
            glyphs.push((
                byte as u32,
                row_index as u32,
                left,
                left + glyph.advance_width,
            ));
        }
        if row.ends_with_newline
            && let Some((byte, _)) = chars.next()
        {
            char_bytes.push(byte as u32);
        }
    }
    char_bytes.push(text.len() as u32);
    let rects = view
        .highlights
        .iter()
        .map(|h| rects_of(&galley, &glyphs, &h.range))
        .collect();
    Layout {
        key: (
            view.highlight_generation,
            width.to_bits(),
            ui.visuals().dark_mode,
        ),
        galley,
        char_bytes,
        glyphs,
        rects,
    }
}

/// One rect per row covered by `range`, in galley coordinates.
fn rects_of(galley: &Galley, glyphs: &[(u32, u32, f32, f32)], range: &Range<usize>) -> Vec<Rect> {
    let from = glyphs.partition_point(|g| (g.0 as usize) < range.start);
    let to = glyphs.partition_point(|g| (g.0 as usize) < range.end);
    let mut out: Vec<Rect> = Vec::new();
    let mut current: Option<(u32, f32, f32)> = None;
    let flush = |current: Option<(u32, f32, f32)>, out: &mut Vec<Rect>| {
        if let Some((row, x0, x1)) = current {
            let placed = &galley.rows[row as usize];
            out.push(Rect::from_min_max(
                Pos2::new(x0, placed.pos.y),
                Pos2::new(x1, placed.pos.y + placed.row.size.y),
            ));
        }
    };
    for &(_, row, x0, x1) in &glyphs[from..to.max(from)] {
        current = match current {
            Some((r, a, _)) if r == row => Some((r, a, x1)),
            other => {
                flush(other, &mut out);
                Some((row, x0, x1))
            }
        };
    }
    flush(current, &mut out);
    out
}

/// Draws a status's underline along the bottom of `rect` (also used by the legend).
pub fn paint_underline(painter: &egui::Painter, rect: Rect, style: Underline, color: Color32) {
    let y = rect.bottom() - 1.0;
    let (a, b) = (Pos2::new(rect.left(), y), Pos2::new(rect.right(), y));
    match style {
        Underline::Thick => {
            painter.line_segment([a, b], Stroke::new(2.5, color));
        }
        Underline::Thin => {
            painter.line_segment([a, b], Stroke::new(1.0, color));
        }
        Underline::Double => {
            painter.line_segment([a, b], Stroke::new(1.0, color));
            painter.line_segment(
                [a - Vec2::Y * 3.0, b - Vec2::Y * 3.0],
                Stroke::new(1.0, color),
            );
        }
        Underline::Dashed => {
            painter.extend(egui::Shape::dashed_line(
                &[a, b],
                Stroke::new(2.0, color),
                6.0,
                3.0,
            ));
        }
        Underline::Dotted => {
            painter.extend(egui::Shape::dotted_line(&[a, b], color, 4.0, 1.2));
        }
    }
}

fn header_ui(
    ui: &mut egui::Ui,
    view: &PaneView<'_>,
    state: &mut PaneState,
    theme: &Theme,
    events: &mut Vec<PaneEvent>,
) {
    let article = view.article;
    ui.horizontal(|ui| {
        let close = ui.small_button("×").on_hover_text("Close this report");
        if close.clicked() {
            events.push(PaneEvent::Close);
        }
        close.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("Close report {}", view.index + 1),
            )
        });
        ui.add(egui::Label::new(egui::RichText::new(&article.title).strong()).wrap());
    });
    ui.horizontal_wrapped(|ui| {
        let date_text = match (article.date, article.date_origin) {
            (Some(d), DateOrigin::User) => format!("{} (set by you)", d.format("%Y-%m-%d")),
            (Some(d), _) => d.format("%Y-%m-%d").to_string(),
            (None, _) => "date unknown".to_owned(),
        };
        if let Some(buffer) = &mut state.date_edit {
            let edit = ui.add(
                egui::TextEdit::singleline(buffer)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(120.0),
            );
            if std::mem::take(&mut state.date_focus) {
                edit.request_focus();
            }
            edit.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!("Date of report {}", view.index + 1),
                )
            });
            let parsed = chrono::NaiveDate::parse_from_str(buffer.trim(), "%Y-%m-%d");
            let typed = !buffer.trim().is_empty();
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let mut close = false;
            if (ui.button("Set").clicked() || enter)
                && let Ok(date) = parsed
            {
                events.push(PaneEvent::SetDate(Some(date)));
                close = true;
            }
            if ui
                .button("Clear")
                .on_hover_text("Forget the date")
                .clicked()
            {
                events.push(PaneEvent::SetDate(None));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
            if parsed.is_err() && typed {
                ui.colored_label(theme.error, "not a date like 2025-04-17");
            }
            if close {
                state.date_edit = None;
            }
        } else {
            let color = if article.date.is_none() {
                theme.warning
            } else {
                theme.weak_text
            };
            let button = ui
                .add(egui::Button::new(egui::RichText::new(&date_text).color(color)).small())
                .on_hover_text(
                    "Set the publication date; relative dates such as “on Monday” depend on it",
                );
            if button.clicked() {
                state.date_edit = Some(
                    article
                        .date
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default(),
                );
                state.date_focus = true;
            }
            button.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Date of report {}: {date_text}", view.index + 1),
                )
            });
        }
        ui.label(
            egui::RichText::new(article.short_name())
                .color(theme.weak_text)
                .small(),
        )
        .on_hover_text(article.label());
        let details = ui
            .small_button("Details…")
            .on_hover_text("Headline, outlet, address, authors and publication time");
        if details.clicked() {
            state.details_edit = if state.details_edit.is_some() {
                None
            } else {
                Some(DetailsEdit::of(article))
            };
        }
        details.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("Details of report {}", view.index + 1),
            )
        });
    });
    let byline = byline(article);
    if !byline.is_empty() {
        ui.label(egui::RichText::new(byline).color(theme.weak_text).small())
            .on_hover_text(&article.meta.url);
    }
    if state.details_edit.is_some() {
        details_ui(ui, view.index, state, events);
    }
    for warning in &article.warnings {
        ui.colored_label(theme.warning, warning);
    }
}

/// Outlet, authors and time on one line ("The Northern Ledger · Mira Castellan ·
/// 2024-03-11 08:40").
fn byline(article: &Article) -> String {
    let mut parts = Vec::new();
    if !article.meta.outlet.is_empty() {
        parts.push(article.meta.outlet.clone());
    }
    if !article.meta.authors.is_empty() {
        parts.push(article.meta.authors.join(", "));
    }
    if !article.meta.published.is_empty() {
        parts.push(article.meta.published.replacen('T', " ", 1));
    }
    parts.join(" · ")
}

/// The details editor: one field per line, Save and Cancel.
fn details_ui(ui: &mut egui::Ui, index: usize, state: &mut PaneState, events: &mut Vec<PaneEvent>) {
    let Some(edit) = &mut state.details_edit else {
        return;
    };
    let mut close = false;
    super::editor::field_grid(
        ui,
        ("details", state.id),
        &mut [
            ("Headline", &mut edit.title, ""),
            ("Outlet", &mut edit.outlet, "who published it"),
            ("Address", &mut edit.url, "https://…"),
            ("Authors", &mut edit.authors, "names, separated by commas"),
            ("Published", &mut edit.published, "2025-04-17T09:30+02:00"),
        ],
        f32::INFINITY,
        &|label| format!("{label} of report {}", index + 1),
    );
    ui.horizontal(|ui| {
        if ui.button("Save details").clicked() {
            let (title, meta) = edit.to_meta();
            events.push(PaneEvent::SetDetails(title, meta));
            close = true;
        }
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    if close {
        state.details_edit = None;
    }
}

/// Draws one pane. Returns where the selected finding's claims are.
pub fn pane_ui(
    ui: &mut egui::Ui,
    view: &PaneView<'_>,
    state: &mut PaneState,
    events: &mut Vec<PaneEvent>,
) -> PaneOutput {
    let theme = Theme::of(ui.ctx());
    header_ui(ui, view, state, theme, events);
    ui.separator();
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("pane", state.id))
        .auto_shrink([false, false]);
    if let Some(offset) = state.scroll_to.take() {
        area = area.vertical_scroll_offset(offset);
    }
    let mut selected_rects = Vec::new();
    let output = area.show_viewport(ui, |ui, viewport| {
        let width = (ui.available_width() - 4.0 - GUTTER).max(40.0).round();
        let key = (
            view.highlight_generation,
            width.to_bits(),
            ui.visuals().dark_mode,
        );
        if state.cache.as_ref().is_none_or(|c| c.key != key) {
            state.cache = Some(build_layout(view, width, theme, ui));
        }
        let Some(layout) = state.cache.as_ref() else {
            return;
        };
        let (rect, response) = ui.allocate_exact_size(
            layout.galley.size() + Vec2::new(GUTTER, 0.0),
            Sense::click_and_drag(),
        );
        let origin = rect.min + Vec2::new(GUTTER, 0.0);
        let painter = ui.painter();
        painter.galley(
            origin,
            Arc::clone(&layout.galley),
            ui.visuals().text_color(),
        );
        let visible = viewport.translate(origin.to_vec2());
        // Text selection for manual claims.
        let byte_at = |pos: Pos2| {
            let cursor = layout.galley.cursor_from_pos(pos - origin);
            layout.char_bytes.get(cursor.index.0).copied().unwrap_or(0) as usize
        };
        // The drag is recognised once the pointer has moved a little: the selection starts
        // where the button went down, not where the drag was noticed.
        if response.drag_started()
            && let Some(pos) = ui
                .input(|i| i.pointer.press_origin())
                .or_else(|| response.interact_pointer_pos())
        {
            state.drag_anchor = Some(byte_at(pos));
            state.selection = None;
        }
        if response.dragged()
            && let (Some(anchor), Some(pos)) = (state.drag_anchor, response.interact_pointer_pos())
        {
            let here = byte_at(pos);
            state.selection = (anchor != here).then(|| anchor.min(here)..anchor.max(here));
        }
        if response.clicked() {
            state.selection = None;
            events.push(PaneEvent::Activate);
        }
        if let Some(sel) = &state.selection {
            let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
            for r in rects_of(&layout.galley, &layout.glyphs, sel) {
                ui.painter()
                    .rect_filled(r.translate(origin.to_vec2()), 0.0, fill);
            }
        }
        // Highlights: underline style and marker per status, selection outline, and a
        // clickable, labelled area for each visible one.
        for (index, h) in view.highlights.iter().enumerate() {
            let rects = &layout.rects[index];
            let style = theme.status(h.status, h.reviewed);
            let is_selected = view.selected == Some(h.target);
            for (k, r) in rects.iter().enumerate() {
                let r = r.translate(origin.to_vec2());
                if is_selected {
                    if k == 0 {
                        selected_rects.push(r.intersect(visible));
                    }
                    ui.painter().rect_stroke(
                        r.expand(1.0),
                        2.0,
                        Stroke::new(1.5, theme.selection),
                        egui::StrokeKind::Outside,
                    );
                }
                if !r.intersects(visible) {
                    continue;
                }
                paint_underline(ui.painter(), r, style.underline, style.stroke);
                if k == 0 && h.status == Status::Conflict {
                    ui.painter().text(
                        egui::pos2(origin.x - GUTTER / 2.0, r.center().y),
                        egui::Align2::CENTER_CENTER,
                        style.marker,
                        FontId::proportional(13.0),
                        style.stroke,
                    );
                }
                let id = ui.scope_id().with(("highlight", state.id, index, k));
                let hit = ui.interact(r, id, Sense::click());
                let label = if k == 0 {
                    h.label.clone()
                } else {
                    format!("{} (continued)", h.label)
                };
                hit.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Link, true, label.clone())
                });
                if hit.clicked() {
                    events.push(PaneEvent::Select(h.target));
                    events.push(PaneEvent::Activate);
                }
                let target = h.target;
                hit.on_hover_ui(|ui| {
                    ui.set_max_width(420.0);
                    ui.label((view.details)(target));
                })
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            }
        }
    });
    state.offset = output.state.clamped_offset().y;
    state.view_height = output.inner_rect.height();
    state.max_offset = (output.content_size.y - output.inner_rect.height()).max(0.0);
    if view.active {
        ui.painter().rect_stroke(
            output.inner_rect,
            0.0,
            Stroke::new(1.0, ui.visuals().selection.stroke.color.gamma_multiply(0.5)),
            egui::StrokeKind::Inside,
        );
    }
    PaneOutput {
        text_rect: output.inner_rect,
        selected_rects,
    }
}

/// The vertical offset that shows the first claim of `target` a third of the way down the
/// pane's view, if the pane has it.
pub fn offset_for(state: &PaneState, highlights: &[Highlight], target: Target) -> Option<f32> {
    let index = highlights.iter().position(|h| h.target == target)?;
    let rect = state.highlight_rects(index).first()?;
    Some((rect.top() - state.view_height / 3.0).max(0.0))
}
