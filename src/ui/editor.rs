//! The annotation editor for the selected discrepancy or manual claim: verdict, reconciled
//! fact (and value or range for figures), which reports it sides with, note, sources, tags.
//!
//! It edits a draft; the draft becomes an action when a choice is made (verdict, side) or a
//! text field is left, so one edit is one undo step, never one per keystroke.

use crate::analysis::Kind;
use crate::review::{Annotation, ValueRange, Verdict};

/// The editable fields, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// Verdict.
    pub verdict: Verdict,
    /// Reconciled fact.
    pub reconciled: String,
    /// Reconciled value, low end (figures).
    pub low: String,
    /// Reconciled value, high end (figures; empty for one value).
    pub high: String,
    /// Per open report: whether the fact sides with it.
    pub sides_with: Vec<bool>,
    /// Note.
    pub note: String,
    /// Sources, one per line.
    pub sources: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// The claim reviewed, as a published fact-check states it (empty for the default).
    pub claim: String,
    /// The published address of this fact-check (empty for the default).
    pub url: String,
}

impl Draft {
    /// The draft of an annotation (or an empty one), for `reports` open reports; `open_of`
    /// maps the review's article indices to open reports.
    pub fn of(
        annotation: Option<&Annotation>,
        reports: usize,
        open_of: &dyn Fn(usize) -> Option<usize>,
    ) -> Self {
        let Some(a) = annotation else {
            return Self {
                sides_with: vec![false; reports],
                ..Self::default()
            };
        };
        let mut sides_with = vec![false; reports];
        for &r in &a.sides_with {
            if let Some(open) = open_of(r)
                && let Some(slot) = sides_with.get_mut(open)
            {
                *slot = true;
            }
        }
        let number = |v: f64| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                v.to_string()
            }
        };
        Self {
            verdict: a.verdict,
            reconciled: a.reconciled.clone(),
            low: a.value.map(|v| number(v.low)).unwrap_or_default(),
            high: a
                .value
                .filter(|v| v.high.to_bits() != v.low.to_bits())
                .map(|v| number(v.high))
                .unwrap_or_default(),
            sides_with,
            note: a.note.clone(),
            sources: a.sources.join("\n"),
            tags: a.tags.join(", "),
            claim: a.claim.clone(),
            url: a.url.clone(),
        }
    }

    /// The value range typed, if any (an error message when it does not parse).
    pub fn value(&self) -> Result<Option<ValueRange>, String> {
        let parse = |s: &str| -> Result<Option<f64>, String> {
            let s = s.trim().replace(',', "");
            if s.is_empty() {
                return Ok(None);
            }
            s.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Some)
                .ok_or_else(|| format!("“{s}” is not a number"))
        };
        match (parse(&self.low)?, parse(&self.high)?) {
            (None, None) => Ok(None),
            (Some(v), None) | (None, Some(v)) => Ok(Some(ValueRange { low: v, high: v })),
            (Some(a), Some(b)) => Ok(Some(ValueRange {
                low: a.min(b),
                high: a.max(b),
            })),
        }
    }

    /// Copies the draft into an annotation (report indices mapped back by `review_of`).
    pub fn apply_to(
        &self,
        annotation: &mut Annotation,
        review_of: &dyn Fn(usize) -> Option<usize>,
    ) {
        annotation.verdict = self.verdict;
        self.reconciled
            .trim()
            .clone_into(&mut annotation.reconciled);
        if let Ok(value) = self.value() {
            annotation.value = value;
        }
        annotation.sides_with = self
            .sides_with
            .iter()
            .enumerate()
            .filter(|&(_, &on)| on)
            .filter_map(|(i, _)| review_of(i))
            .collect();
        self.note.trim_end().clone_into(&mut annotation.note);
        annotation.sources = self
            .sources
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        annotation.tags = self
            .tags
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        self.claim.trim().clone_into(&mut annotation.claim);
        self.url.trim().clone_into(&mut annotation.url);
    }
}

/// What the editor shows.
pub struct EditorView<'a> {
    /// What is being reviewed ("people killed in …").
    pub subject: &'a str,
    /// Its kind.
    pub kind: Kind,
    /// The engine's explanation (empty for manual claims).
    pub explanation: &'a str,
    /// Per open report: short name and the quotes it has in this finding.
    pub quotes: Vec<(String, Vec<String>)>,
    /// The annotation, if one exists yet.
    pub annotation: Option<&'a Annotation>,
    /// Whether a text selection exists in some pane (to link it).
    pub can_link: bool,
    /// Whether the reconciled-fact field takes the keyboard (R, "Edit the review").
    pub focus: bool,
}

/// What the user did in the editor.
#[derive(Debug, PartialEq)]
pub enum EditorEvent {
    /// Record the draft.
    Commit,
    /// Delete the annotation.
    Delete,
    /// Add the text selected in a pane to this claim.
    LinkSelection,
}

/// A form of one-line text fields in two columns, label and field, as wide as `width`; each
/// field is named by `name(label)` for screen readers and tests.
pub(super) fn field_grid(
    ui: &mut egui::Ui,
    id: impl egui::AsIdSalt,
    fields: &mut [(&str, &mut String, &str)],
    width: f32,
    name: &dyn Fn(&str) -> String,
) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([8.0, 5.0])
        .show(ui, |ui| {
            for (label, value, hint) in fields.iter_mut() {
                ui.label(*label);
                let field = ui.add(
                    egui::TextEdit::singleline(*value)
                        .hint_text(*hint)
                        .desired_width(width),
                );
                let named = name(label);
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, named.clone())
                });
                ui.end_row();
            }
        });
}

fn labelled_text(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    multiline: bool,
    hint: &str,
) -> egui::Response {
    ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(text)
    };
    let response = ui.add(edit.hint_text(hint).desired_width(f32::INFINITY));
    let name = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name.clone()));
    response
}

/// Draws the editor. Returns the events; the draft is edited in place.
pub fn editor_ui(ui: &mut egui::Ui, view: &EditorView<'_>, draft: &mut Draft) -> Vec<EditorEvent> {
    let mut events = Vec::new();
    let mut commit = false;
    ui.heading("Review");
    ui.label(egui::RichText::new(view.subject).strong());
    if !view.explanation.is_empty() {
        ui.weak(view.explanation);
    }
    egui::ScrollArea::vertical()
        .id_salt("editor")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (name, quotes) in &view.quotes {
                if quotes.is_empty() {
                    continue;
                }
                ui.horizontal_wrapped(|ui| {
                    ui.weak(name);
                    for q in quotes {
                        ui.label(format!("“{q}”"));
                    }
                });
            }
            ui.separator();
            ui.label("Verdict");
            ui.horizontal_wrapped(|ui| {
                for verdict in Verdict::ALL {
                    if ui
                        .radio_value(&mut draft.verdict, verdict, verdict.label())
                        .changed()
                    {
                        commit = true;
                    }
                }
            });
            let reconciled = labelled_text(
                ui,
                "Reconciled fact",
                &mut draft.reconciled,
                true,
                "what is true, in words",
            );
            if view.focus {
                reconciled.request_focus();
                reconciled.scroll_to_me(None);
            }
            commit |= reconciled.lost_focus();
            if view.kind == Kind::Number {
                ui.horizontal(|ui| {
                    ui.label("Value");
                    let low = ui.add(
                        egui::TextEdit::singleline(&mut draft.low)
                            .hint_text("e.g. 20")
                            .desired_width(80.0),
                    );
                    low.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Value, low")
                    });
                    ui.label("to");
                    let high = ui.add(
                        egui::TextEdit::singleline(&mut draft.high)
                            .hint_text("(optional)")
                            .desired_width(80.0),
                    );
                    high.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Value, high")
                    });
                    commit |= low.lost_focus() || high.lost_focus();
                });
                if let Err(message) = draft.value() {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
            }
            if !view.quotes.is_empty() {
                ui.label("Sides with");
                ui.horizontal_wrapped(|ui| {
                    for (i, (name, _)) in view.quotes.iter().enumerate() {
                        if let Some(on) = draft.sides_with.get_mut(i) {
                            commit |= ui.checkbox(on, name).changed();
                        }
                    }
                });
            }
            commit |= labelled_text(
                ui,
                "Note",
                &mut draft.note,
                true,
                "why, and what is left to check",
            )
            .lost_focus();
            commit |= labelled_text(
                ui,
                "Sources",
                &mut draft.sources,
                true,
                "one URL or citation per line",
            )
            .lost_focus();
            commit |=
                labelled_text(ui, "Tags", &mut draft.tags, false, "comma-separated").lost_focus();
            ui.collapsing("Publishing (ClaimReview)", |ui| {
                let default_claim = view
                    .annotation
                    .map_or_else(String::new, |a| a.default_claim(&draft.reconciled));
                let hint = if default_claim.is_empty() {
                    "the reconciled fact, or else the first quote".to_owned()
                } else {
                    crate::corpus::text::shorten(&default_claim, 80)
                };
                commit |=
                    labelled_text(ui, "Claim reviewed", &mut draft.claim, true, &hint).lost_focus();
                commit |= labelled_text(
                    ui,
                    "Address of this fact-check",
                    &mut draft.url,
                    false,
                    "the report's address with #finding-N",
                )
                .lost_focus();
            });
            if let Some(a) = view.annotation {
                ui.weak(format!(
                    "{}created {} · modified {}",
                    if a.reviewer.is_empty() {
                        String::new()
                    } else {
                        format!("{} · ", a.reviewer)
                    },
                    a.created.format("%Y-%m-%d %H:%M UTC"),
                    a.modified.format("%Y-%m-%d %H:%M UTC"),
                ));
            }
            ui.horizontal(|ui| {
                if view.can_link
                    && ui
                        .button("Link selected text")
                        .on_hover_text("Add the text selected in a report to this claim")
                        .clicked()
                {
                    events.push(EditorEvent::LinkSelection);
                }
                if view.annotation.is_some()
                    && ui
                        .button("Delete annotation")
                        .on_hover_text("Remove this annotation (undo with Ctrl+Z)")
                        .clicked()
                {
                    events.push(EditorEvent::Delete);
                }
            });
        });
    if commit {
        events.insert(0, EditorEvent::Commit);
    }
    events
}
