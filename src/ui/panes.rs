//! The report columns side by side: one pane per report, the draggable gaps between them,
//! and the curves that link the selected finding's claims across panes. Reads the state and
//! pushes commands; it writes only the panes' own widget state (layout, scroll position, text
//! selection, the date being typed).

use std::fmt::Write as _;

use egui::{Pos2, Rect, Stroke, Vec2};

use super::pane::{self, PaneEvent, PaneState, PaneView, Target};
use super::state::{App, Command};
use super::theme::Theme;
use crate::corpus::Article;
use crate::corpus::text::shorten;

/// Width of the draggable gap between report columns.
const SEPARATOR: f32 = 8.0;
/// Narrowest a report column gets; more reports scroll sideways.
const MIN_WIDTH: f32 = 260.0;

/// The hover text of a highlight: the finding with every claim's value, and the verdict.
fn details(app: &App, target: Target) -> String {
    match target {
        Target::Finding(i) => {
            let Some(f) = app.analysis.findings.get(i) else {
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
                let name = app
                    .articles
                    .get(c.article)
                    .map(Article::short_name)
                    .unwrap_or_default();
                let quote = app
                    .articles
                    .get(c.article)
                    .and_then(|a| a.text.get(c.start..c.end))
                    .unwrap_or_default();
                let value = if c.value.is_empty() {
                    String::new()
                } else {
                    format!(" (read as {})", crate::analysis::readable(&c.value))
                };
                let _ = write!(text, "\n• {name}: “{}”{value}", shorten(quote, 80));
            }
            if let Some(a) = app.annotation_for(i).filter(|a| a.is_reviewed()) {
                let _ = write!(text, "\nVerdict: {}", a.verdict.label());
            }
            text
        }
        Target::Manual(id) => app
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

/// Draws the report columns. `panes` is the panes' widget state, one per report.
pub fn panes_ui(ui: &mut egui::Ui, app: &App, panes: &mut [PaneState], out: &mut Vec<Command>) {
    if app.articles.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label("Open reports with File › Open reports… (Ctrl+O), drop files here, or paste text (Ctrl+Shift+V).");
        });
        return;
    }
    let n = app.articles.len().min(panes.len());
    let full = ui.available_rect_before_wrap();
    let usable = (full.width() - SEPARATOR * (n - 1) as f32).max(MIN_WIDTH * n as f32);
    let total: f32 = app.widths.iter().sum::<f32>().max(f32::EPSILON);
    let widths: Vec<f32> = app
        .widths
        .iter()
        .map(|w| (w / total * usable).max(MIN_WIDTH))
        .collect();
    let content_width: f32 = widths.iter().sum::<f32>() + SEPARATOR * (n - 1) as f32;
    let mut outputs = Vec::with_capacity(n);
    let mut pane_events: Vec<(usize, PaneEvent)> = Vec::new();
    let details = |t: Target| details(app, t);
    egui::ScrollArea::horizontal()
        .id_salt("columns")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (area, _) = ui.allocate_exact_size(
                Vec2::new(content_width.max(full.width()), full.height()),
                egui::Sense::hover(),
            );
            let mut x = area.left();
            let mut scrolled = false;
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
                let view = PaneView {
                    index: i,
                    article: &app.articles[i],
                    highlights: app.highlights.get(i).map_or(&[][..], Vec::as_slice),
                    highlight_generation: app.highlight_generation,
                    selected: app.selected,
                    details: &details,
                    active: i == app.active && n > 1,
                };
                // A new selection brings the first report that quotes it into view.
                if app.scroll_columns
                    && let Some(target) = app.selected
                    && !scrolled
                    && app
                        .highlights
                        .get(i)
                        .is_some_and(|hs| hs.iter().any(|h| h.target == target))
                {
                    ui.scroll_to_rect(rect, Some(egui::Align::Min));
                    scrolled = true;
                }
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
                        let (a, b) = (app.widths[i] / total, app.widths[i + 1] / total);
                        let min = MIN_WIDTH / usable;
                        let d = delta.clamp(min - a, b - min);
                        let mut resized = app.widths.clone();
                        resized[i] = (a + d) * total;
                        resized[i + 1] = (b - d) * total;
                        out.push(Command::SetWidths(resized));
                    }
                    x += SEPARATOR;
                }
            }
            connectors_ui(ui, app, &outputs);
        });
    for (i, event) in pane_events {
        out.push(match event {
            PaneEvent::Select(target) => Command::Select(Some(target)),
            PaneEvent::Close => Command::RequestClose(i),
            PaneEvent::SetDate(date) => Command::SetDate(i, date),
            PaneEvent::SetDetails(title, meta) => Command::SetDetails(i, title, meta),
            PaneEvent::Activate => Command::SetActive(i),
        });
    }
}

/// Curves between the selected claims of neighbouring panes, as diff tools draw them.
fn connectors_ui(ui: &egui::Ui, app: &App, outputs: &[pane::PaneOutput]) {
    let Some(target) = app.selected else { return };
    let theme = Theme::of(ui.ctx());
    let color = match target {
        Target::Finding(i) => app
            .analysis
            .findings
            .get(i)
            .map_or(theme.selection, |f| theme.status(f.status, false).stroke),
        Target::Manual(_) => theme.reviewed.stroke,
    };
    let painter = ui.painter();
    // Each curve runs in the gap between two panes, from the edge of one report's text to
    // the edge of the next, level with the claims: never across the text, where a line
    // would read as struck through. Every claim of the neighbouring panes is joined.
    for pair in outputs.windows(2) {
        let (left, right) = (&pair[0], &pair[1]);
        if left.selected_rects.is_empty() || right.selected_rects.is_empty() {
            continue;
        }
        let y_of = |r: &Rect, pane: &pane::PaneOutput| {
            r.center()
                .y
                .clamp(pane.text_rect.top(), pane.text_rect.bottom())
        };
        let mut pairs: Vec<(Rect, Rect)> = right
            .selected_rects
            .iter()
            .map(|b| (left.selected_rects[0], *b))
            .collect();
        pairs.extend(
            left.selected_rects[1..]
                .iter()
                .map(|a| (*a, right.selected_rects[0])),
        );
        for (a, b) in pairs {
            let start = Pos2::new(left.text_rect.right(), y_of(&a, left));
            let end = Pos2::new(right.text_rect.left(), y_of(&b, right));
            let bend = (end.x - start.x) * 0.5;
            painter.add(egui::epaint::CubicBezierShape::from_points_stroke(
                [start, start + Vec2::X * bend, end - Vec2::X * bend, end],
                false,
                egui::Color32::TRANSPARENT,
                Stroke::new(2.0, color),
            ));
            painter.circle_filled(start, 2.5, color);
            painter.circle_filled(end, 2.5, color);
        }
    }
}
