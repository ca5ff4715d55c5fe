//! The menu commands: each carries its label, tooltip and keyboard shortcuts in one place, so
//! menus, the shortcut help and the key handling never disagree (the approach of rerun's
//! `UiCommand`).

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command reachable from a menu and the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Open report files with a dialog.
    OpenReports,
    /// Add pasted text as a report.
    PasteReport,
    /// Close the active report.
    CloseReport,
    /// Set the active report's date.
    SetDate,
    /// Open a review file.
    OpenReview,
    /// Save the review.
    SaveReview,
    /// Save the review under a new name.
    SaveReviewAs,
    /// Export the reviewed facts.
    Export,
    /// Edit the review's title, address and publisher.
    Publishing,
    /// Quit.
    Quit,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Mark the selected text as a claim.
    AnnotateSelection,
    /// Toggle synchronized scrolling.
    ToggleSync,
    /// Toggle dark and light.
    ToggleTheme,
    /// Next discrepancy.
    Next,
    /// Previous discrepancy.
    Previous,
    /// Clear the selection.
    ClearSelection,
    /// Select the next discrepancy nobody has reviewed.
    NextUnreviewed,
    /// Move the keyboard to the editor's reconciled-fact field.
    FocusEditor,
    /// Verdict: confirmed conflict.
    VerdictConfirmed,
    /// Verdict: reconciled.
    VerdictReconciled,
    /// Verdict: not a conflict.
    VerdictNotAConflict,
    /// Verdict: needs more sourcing.
    VerdictNeedsSourcing,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

/// A `&'static` slice of shortcuts built by const functions.
macro_rules! keys {
    ($($shortcut:expr),*) => {{
        const KEYS: &[KeyboardShortcut] = &[$($shortcut),*];
        KEYS
    }};
}

impl UiCommand {
    /// Every command.
    pub const ALL: [Self; 24] = [
        Self::OpenReports,
        Self::PasteReport,
        Self::CloseReport,
        Self::SetDate,
        Self::OpenReview,
        Self::SaveReview,
        Self::SaveReviewAs,
        Self::Export,
        Self::Publishing,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::AnnotateSelection,
        Self::ToggleSync,
        Self::ToggleTheme,
        Self::Next,
        Self::Previous,
        Self::ClearSelection,
        Self::NextUnreviewed,
        Self::FocusEditor,
        Self::VerdictConfirmed,
        Self::VerdictReconciled,
        Self::VerdictNotAConflict,
        Self::VerdictNeedsSourcing,
    ];

    /// The menu label (`…` when a dialog follows).
    pub fn label(self) -> &'static str {
        match self {
            Self::OpenReports => "Open reports…",
            Self::PasteReport => "Paste text as a report…",
            Self::CloseReport => "Close report",
            Self::SetDate => "Set report date…",
            Self::OpenReview => "Open review…",
            Self::SaveReview => "Save review",
            Self::SaveReviewAs => "Save review as…",
            Self::Export => "Export…",
            Self::Publishing => "Publishing details…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::AnnotateSelection => "Annotate selected text",
            Self::ToggleSync => "Synchronized scrolling",
            Self::ToggleTheme => "Dark theme",
            Self::Next => "Next discrepancy",
            Self::Previous => "Previous discrepancy",
            Self::ClearSelection => "Clear selection",
            Self::NextUnreviewed => "Next unreviewed",
            Self::FocusEditor => "Edit the review",
            Self::VerdictConfirmed => "Confirmed conflict",
            Self::VerdictReconciled => "Reconciled",
            Self::VerdictNotAConflict => "Not a conflict",
            Self::VerdictNeedsSourcing => "Needs more sourcing",
        }
    }

    /// What it does, for the tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::OpenReports => "Open reports (plain text or saved web pages) side by side",
            Self::PasteReport => "Add text copied from a browser as a new report",
            Self::CloseReport => "Close the report that was clicked last",
            Self::SetDate => {
                "Set the publication date of the active report; relative dates depend on it"
            }
            Self::OpenReview => "Open a saved review (annotations/*.ron)",
            Self::SaveReview => "Save verdicts and notes to the review file",
            Self::SaveReviewAs => "Save the review to a new file",
            Self::Export => {
                "Export reviewed facts as JSON, CSV, a Markdown or HTML report, ClaimReview or \
                 Web Annotation"
            }
            Self::Publishing => {
                "The report's title, where it is published and who publishes it (for the exports)"
            }
            Self::Quit => "Close the window",
            Self::Undo => "Undo the last change to the review",
            Self::Redo => "Redo the last undone change",
            Self::AnnotateSelection => "Make a claim of the text selected in a report",
            Self::ToggleSync => "Scroll all reports together",
            Self::ToggleTheme => "Switch between dark and light",
            Self::Next => "Select the next discrepancy in the list",
            Self::Previous => "Select the previous discrepancy in the list",
            Self::ClearSelection => "Deselect the discrepancy (in a text field: leave the field)",
            Self::NextUnreviewed => "Select the next discrepancy without a verdict",
            Self::FocusEditor => "Type the reconciled fact of the selected discrepancy",
            Self::VerdictConfirmed => "The reports really disagree",
            Self::VerdictReconciled => "The disagreement is settled: write the reconciled fact",
            Self::VerdictNotAConflict => "The engine was wrong: the reports agree",
            Self::VerdictNeedsSourcing => "Cannot be settled without more sources",
        }
    }

    /// Its shortcuts, the first one shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::OpenReports => keys!(cmd(Key::O)),
            Self::PasteReport => keys!(cmd_shift(Key::V)),
            Self::CloseReport => keys!(cmd(Key::W)),
            Self::SetDate => keys!(cmd(Key::D)),
            Self::OpenReview => keys!(cmd_shift(Key::O)),
            Self::SaveReview => keys!(cmd(Key::S)),
            Self::SaveReviewAs => keys!(cmd_shift(Key::S)),
            Self::Export => keys!(cmd(Key::E)),
            Self::Publishing => keys!(),
            Self::Quit => keys!(cmd(Key::Q)),
            Self::Undo => keys!(cmd(Key::Z)),
            Self::Redo => keys!(cmd_shift(Key::Z), cmd(Key::Y)),
            Self::AnnotateSelection => keys!(cmd(Key::M)),
            Self::ToggleSync => keys!(cmd(Key::L)),
            Self::ToggleTheme => keys!(cmd(Key::T)),
            Self::Next => keys!(plain(Key::N), plain(Key::F7)),
            Self::Previous => keys!(plain(Key::P), shift(Key::F7)),
            Self::ClearSelection => keys!(plain(Key::Escape)),
            Self::NextUnreviewed => keys!(plain(Key::U)),
            Self::FocusEditor => keys!(plain(Key::R)),
            Self::VerdictConfirmed => keys!(plain(Key::Num1)),
            Self::VerdictReconciled => keys!(plain(Key::Num2)),
            Self::VerdictNotAConflict => keys!(plain(Key::Num3)),
            Self::VerdictNeedsSourcing => keys!(plain(Key::Num4)),
        }
    }

    /// Whether its shortcut works while typing in a text field (plain letter keys must not).
    pub fn works_while_typing(self) -> bool {
        !matches!(
            self,
            Self::Next
                | Self::Previous
                | Self::ClearSelection
                | Self::AnnotateSelection
                | Self::NextUnreviewed
                | Self::FocusEditor
                | Self::VerdictConfirmed
                | Self::VerdictReconciled
                | Self::VerdictNotAConflict
                | Self::VerdictNeedsSourcing
        )
    }

    /// The verdict it sets, if it sets one.
    pub fn verdict(self) -> Option<crate::review::Verdict> {
        use crate::review::Verdict;
        match self {
            Self::VerdictConfirmed => Some(Verdict::ConfirmedConflict),
            Self::VerdictReconciled => Some(Verdict::Reconciled),
            Self::VerdictNotAConflict => Some(Verdict::NotAConflict),
            Self::VerdictNeedsSourcing => Some(Verdict::NeedsSourcing),
            _ => None,
        }
    }

    /// Consumes the first matching shortcut pressed this frame, most specific first (egui
    /// matches Shift loosely, so Ctrl+Shift+S must be tried before Ctrl+S).
    ///
    /// `was_typing`: a text field had the keyboard last frame (egui lets go of it on Escape
    /// before this frame's shortcuts are read, and that Escape only leaves the field).
    pub fn pressed(ctx: &egui::Context, was_typing: bool) -> Option<Self> {
        let typing = ctx.egui_wants_keyboard_input() || was_typing;
        let mut all: Vec<(Self, &KeyboardShortcut)> = Self::ALL
            .iter()
            .filter(|c| !typing || c.works_while_typing())
            .flat_map(|&c| c.shortcuts().iter().map(move |s| (c, s)))
            .collect();
        all.sort_by_key(|(_, s)| {
            std::cmp::Reverse(
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.command)
                    + u8::from(s.modifiers.alt),
            )
        });
        ctx.input_mut(|input| {
            all.into_iter()
                .find(|(_, shortcut)| input.consume_shortcut(shortcut))
                .map(|(c, _)| c)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                    panic!("{command:?} and {other:?} both use {shortcut:?}");
                }
                seen.push((*shortcut, command));
            }
        }
    }

    #[test]
    fn labels_that_open_dialogs_end_with_an_ellipsis() {
        for command in [
            UiCommand::OpenReports,
            UiCommand::OpenReview,
            UiCommand::SaveReviewAs,
            UiCommand::Export,
        ] {
            assert!(command.label().ends_with('…'), "{command:?}");
        }
    }
}
