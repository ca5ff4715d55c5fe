//! Every color the window uses, as named tokens for dark and light themes. Status colors are
//! never the only signal: each status also has its own underline style and marker glyph.

use egui::Color32;

use crate::analysis::Status;

/// How a highlight's underline is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Underline {
    /// A thick solid line (conflict).
    Thick,
    /// Dashes (different precision).
    Dashed,
    /// Dots (only in one report).
    Dotted,
    /// A thin solid line (corroborated).
    Thin,
    /// A double line (reviewed).
    Double,
}

/// The look of one status.
#[derive(Clone, Copy, Debug)]
pub struct StatusStyle {
    /// Text background.
    pub background: Color32,
    /// Underline and marker color.
    pub stroke: Color32,
    /// Underline style.
    pub underline: Underline,
    /// A glyph shown in the list and legend.
    pub marker: &'static str,
}

/// The color tokens of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Conflicts.
    pub conflict: StatusStyle,
    /// Compatible at different precision.
    pub compatible: StatusStyle,
    /// Only in one report.
    pub only_in_one: StatusStyle,
    /// Corroborated.
    pub corroborated: StatusStyle,
    /// Reviewed (any verdict recorded).
    pub reviewed: StatusStyle,
    /// Outline of the selected discrepancy's claims.
    pub selection: Color32,
    /// Error messages.
    pub error: Color32,
    /// Warnings.
    pub warning: Color32,
    /// Secondary text (dates, file names).
    pub weak_text: Color32,
}

const fn style(
    background: Color32,
    stroke: Color32,
    underline: Underline,
    marker: &'static str,
) -> StatusStyle {
    StatusStyle {
        background,
        stroke,
        underline,
        marker,
    }
}

/// Tokens for a dark background.
pub const DARK: Theme = Theme {
    conflict: style(
        Color32::from_rgb(96, 32, 36),
        Color32::from_rgb(255, 110, 100),
        Underline::Thick,
        "≠",
    ),
    compatible: style(
        Color32::from_rgb(84, 66, 20),
        Color32::from_rgb(240, 190, 70),
        Underline::Dashed,
        "≈",
    ),
    only_in_one: style(
        Color32::from_rgb(40, 48, 92),
        Color32::from_rgb(140, 160, 255),
        Underline::Dotted,
        "◊",
    ),
    corroborated: style(
        Color32::from_rgb(26, 64, 40),
        Color32::from_rgb(110, 200, 130),
        Underline::Thin,
        "=",
    ),
    reviewed: style(
        Color32::from_rgb(52, 52, 60),
        Color32::from_rgb(170, 170, 190),
        Underline::Double,
        "•",
    ),
    selection: Color32::from_rgb(255, 255, 255),
    error: Color32::from_rgb(255, 120, 110),
    warning: Color32::from_rgb(240, 190, 70),
    weak_text: Color32::from_rgb(150, 150, 150),
};

/// Tokens for a light background.
pub const LIGHT: Theme = Theme {
    conflict: style(
        Color32::from_rgb(255, 214, 210),
        Color32::from_rgb(190, 30, 30),
        Underline::Thick,
        "≠",
    ),
    compatible: style(
        Color32::from_rgb(255, 236, 184),
        Color32::from_rgb(160, 110, 0),
        Underline::Dashed,
        "≈",
    ),
    only_in_one: style(
        Color32::from_rgb(222, 228, 255),
        Color32::from_rgb(50, 70, 200),
        Underline::Dotted,
        "◊",
    ),
    corroborated: style(
        Color32::from_rgb(212, 242, 218),
        Color32::from_rgb(30, 130, 60),
        Underline::Thin,
        "=",
    ),
    reviewed: style(
        Color32::from_rgb(232, 232, 236),
        Color32::from_rgb(90, 90, 110),
        Underline::Double,
        "•",
    ),
    selection: Color32::from_rgb(20, 20, 20),
    error: Color32::from_rgb(190, 30, 30),
    warning: Color32::from_rgb(150, 100, 0),
    weak_text: Color32::from_rgb(100, 100, 100),
};

impl Theme {
    /// The tokens for the current visuals.
    pub fn of(ctx: &egui::Context) -> &'static Self {
        if ctx.global_style().visuals.dark_mode {
            &DARK
        } else {
            &LIGHT
        }
    }

    /// The style of a status (or of a reviewed finding).
    pub fn status(&self, status: Status, reviewed: bool) -> &StatusStyle {
        if reviewed {
            return &self.reviewed;
        }
        match status {
            Status::Conflict => &self.conflict,
            Status::Compatible => &self.compatible,
            Status::OnlyInOne => &self.only_in_one,
            Status::Corroborated => &self.corroborated,
        }
    }
}
