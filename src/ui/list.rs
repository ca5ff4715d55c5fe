//! The discrepancy list: one row per finding with its kind, subject and the competing values
//! side by side; counts per kind; filters by kind and status; text search.

use std::collections::BTreeSet;

use super::theme::Theme;
use crate::analysis::{Finding, Kind, Status};
use crate::corpus::text::truncate;
use crate::review::Verdict;

/// Which findings the list (and the highlights) show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// Kinds hidden.
    pub hidden_kinds: BTreeSet<Kind>,
    /// Statuses hidden.
    pub hidden_statuses: BTreeSet<Status>,
    /// Text that must appear in the subject, values or quotes (case-insensitive).
    pub search: String,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            hidden_kinds: BTreeSet::new(),
            // Agreements are there to be looked up, not to be walked through.
            hidden_statuses: BTreeSet::from([Status::Corroborated]),
            search: String::new(),
        }
    }
}

impl Filter {
    /// Whether a finding passes the kind and status filters.
    pub fn shows(&self, finding: &Finding) -> bool {
        !self.hidden_kinds.contains(&finding.kind)
            && !self.hidden_statuses.contains(&finding.status)
    }

    /// Whether a finding passes all filters, search included; `quotes` gives its quoted text.
    pub fn matches(&self, finding: &Finding, quotes: &dyn Fn(&Finding) -> String) -> bool {
        if !self.shows(finding) {
            return false;
        }
        let needle = self.search.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let haystack = format!(
            "{} {} {} {}",
            finding.subject,
            finding.kind.label(),
            finding
                .claims
                .iter()
                .map(|c| c.display.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            quotes(finding)
        )
        .to_lowercase();
        haystack.contains(&needle)
    }
}

/// The values of a finding side by side: per report, its claims' wording.
pub fn values_side_by_side(finding: &Finding, max_chars: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for article in finding.articles() {
        let mut displays: Vec<&str> = finding
            .claims
            .iter()
            .filter(|c| c.article == article)
            .map(|c| c.display.as_str())
            .collect();
        displays.dedup();
        parts.push(displays.join("; "));
    }
    truncate(&parts.join("  |  "), max_chars)
}

/// The accessible label of a row.
pub fn row_label(finding: &Finding) -> String {
    format!(
        "{} · {} · {}",
        finding.status.label(),
        finding.kind.name(),
        finding.subject
    )
}

/// What the user did in the list.
#[derive(Debug, PartialEq)]
pub enum ListEvent {
    /// Clicked a row.
    Select(usize),
}

/// Draws the filters and the rows (`rows` are indices of the findings that pass the filter).
#[allow(clippy::too_many_arguments)]
pub fn list_ui(
    ui: &mut egui::Ui,
    findings: &[Finding],
    rows: &[usize],
    selected: Option<usize>,
    verdict_of: &dyn Fn(usize) -> Option<Verdict>,
    filter: &mut Filter,
    scroll_to_selected: bool,
    events: &mut Vec<ListEvent>,
) {
    let theme = Theme::of(ui.ctx());
    ui.horizontal(|ui| {
        ui.heading("Discrepancies");
        ui.label(format!("{} shown", rows.len()));
    });
    // Counts per kind, as toggles.
    ui.horizontal_wrapped(|ui| {
        for kind in Kind::ALL {
            let count = findings
                .iter()
                .filter(|f| f.kind == kind && !filter.hidden_statuses.contains(&f.status))
                .count();
            let mut shown = !filter.hidden_kinds.contains(&kind);
            let response = ui
                .checkbox(&mut shown, format!("{} ({count})", kind.label()))
                .on_hover_text(format!("Show {} findings", kind.label().to_lowercase()));
            if response.changed() {
                if shown {
                    filter.hidden_kinds.remove(&kind);
                } else {
                    filter.hidden_kinds.insert(kind);
                }
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for status in Status::ALL {
            let style = theme.status(status, false);
            let count = findings.iter().filter(|f| f.status == status).count();
            let mut shown = !filter.hidden_statuses.contains(&status);
            let text =
                egui::RichText::new(format!("{} {} ({count})", style.marker, status.label()))
                    .color(style.stroke);
            if ui.checkbox(&mut shown, text).changed() {
                if shown {
                    filter.hidden_statuses.remove(&status);
                } else {
                    filter.hidden_statuses.insert(status);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Search");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut filter.search)
                .hint_text("subject, value or quote")
                .desired_width(f32::INFINITY),
        );
        edit.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search discrepancies")
        });
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("discrepancy list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if rows.is_empty() {
                ui.weak("Nothing to show. Open two or more reports, or change the filters.");
            }
            for &index in rows {
                let finding = &findings[index];
                let verdict = verdict_of(index);
                let reviewed = verdict.is_some_and(|v| v != Verdict::Unreviewed);
                let style = theme.status(finding.status, reviewed);
                let is_selected = selected == Some(index);
                let mut job = egui::text::LayoutJob::default();
                let strong = egui::TextFormat {
                    font_id: egui::FontId::proportional(13.5),
                    color: ui.visuals().strong_text_color(),
                    ..Default::default()
                };
                let marker = egui::TextFormat {
                    color: style.stroke,
                    ..strong.clone()
                };
                let weak = egui::TextFormat {
                    font_id: egui::FontId::proportional(12.0),
                    color: theme.weak_text,
                    ..Default::default()
                };
                let precision: Vec<&str> = finding.precision.iter().map(|p| p.label()).collect();
                job.append(&format!("{} ", style.marker), 0.0, marker.clone());
                let heading = if finding.kind == Kind::OnlyInOne {
                    finding.status.label().to_owned()
                } else {
                    format!("{} · {}", finding.kind.label(), finding.status.label())
                };
                job.append(&heading, 0.0, marker);
                if !precision.is_empty() {
                    job.append(&format!(" ({})", precision.join(", ")), 0.0, weak.clone());
                }
                if let Some(v) = verdict.filter(|_| reviewed) {
                    job.append(&format!("  • {}", v.label()), 0.0, weak.clone());
                }
                job.append("\n", 0.0, weak.clone());
                job.append(&finding.subject, 0.0, strong);
                job.append("\n", 0.0, weak.clone());
                job.append(&values_side_by_side(finding, 160), 0.0, weak);
                let response = ui.add(egui::Button::selectable(is_selected, job).wrap());
                let label = row_label(finding);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, label.clone())
                });
                if response.clicked() {
                    events.push(ListEvent::Select(index));
                }
                if is_selected && scroll_to_selected {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
                response.on_hover_text(&finding.explanation);
            }
        });
}
