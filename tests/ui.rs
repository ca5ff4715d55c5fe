//! The real app, headless, driven through its widgets with `egui_kittest`: reports side by
//! side, opening and closing, dates, the discrepancy list, highlights, keyboard navigation,
//! filters, search and scrolling. Assertions are on the app's state.

mod common;

use chrono::NaiveDate;
use common::{fixture, settle};
use crosscheck::analysis::{Kind, Status};
use crosscheck::ui::pane::Target;
use crosscheck::ui::{App, Command};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness_with(size: [f32; 2], theme: egui::Theme) -> Harness<'static, App> {
    common::build(
        Harness::builder().with_size(size).with_theme(theme),
        common::sample_start(),
    )
}

fn harness() -> Harness<'static, App> {
    harness_with([1400.0, 900.0], egui::Theme::Dark)
}

#[test]
fn both_sample_reports_are_shown_with_their_titles_and_dates() {
    let harness = harness();
    let articles = harness.state().articles();
    assert_eq!(articles.len(), 2, "the sample has two reports");
    for article in articles {
        harness.get_by_label(&article.title);
    }
    assert_eq!(
        articles[0].date, None,
        "the first report has no header date"
    );
    assert_eq!(articles[1].date, NaiveDate::from_ymd_opt(2025, 4, 16));
    harness.get_by_label("Date of report 1: date unknown");
    harness.get_by_label("Date of report 2: 2025-04-16");
}

#[test]
fn the_sync_toggle_changes_the_setting() {
    let mut harness = harness();
    assert!(harness.state().prefs().sync_scroll, "on by default");
    harness.get_by_label("Sync scroll").click();
    harness.run_steps(2);
    assert!(
        !harness.state().prefs().sync_scroll,
        "clicking turns it off"
    );
    harness.get_by_label("Sync scroll").click();
    harness.run_steps(2);
    assert!(harness.state().prefs().sync_scroll, "and on again");
}

#[test]
fn opening_a_third_report_adds_a_pane_and_closing_removes_it() {
    let mut harness = harness();
    let path = fixture("tests/fixtures/visit/one.txt");
    harness.state_mut().push(Command::OpenFiles(vec![path]));
    settle(&mut harness);
    assert_eq!(
        harness.state().articles().len(),
        3,
        "the open command adds a report"
    );
    harness.get_by_label("Chancellor visits Warsaw");
    harness.get_by_label("Close report 3").click();
    settle(&mut harness);
    assert_eq!(harness.state().articles().len(), 2, "closing removes it");
    assert!(harness.query_by_label("Chancellor visits Warsaw").is_none());
}

#[test]
fn bad_files_get_a_message_and_change_nothing() {
    let mut harness = harness();
    let dir = tempfile::tempdir().expect("temp dir");
    let binary = dir.path().join("scan.pdf");
    std::fs::write(&binary, b"%PDF-1.7\0\0binary").expect("write");
    let again = fixture("assets/articles/wire-2025-04-16-rubio-headed-to-paris.txt");
    harness.state_mut().push(Command::OpenFiles(vec![
        binary,
        again,
        dir.path().to_path_buf(),
    ]));
    settle(&mut harness);
    assert_eq!(harness.state().articles().len(), 2, "nothing was added");
    let notices: Vec<String> = harness
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        notices.iter().any(|n| n.contains("is a PDF document")),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|n| n.contains("already open")),
        "{notices:?}"
    );
    assert!(notices.iter().any(|n| n.contains("folder")), "{notices:?}");
}

#[test]
fn setting_a_date_updates_the_report_and_the_analysis() {
    let mut harness = harness();
    harness
        .get_by_label("Date of report 1: date unknown")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Date of report 1").focus();
    harness
        .get_by_label("Date of report 1")
        .type_text("2025-04-17");
    harness.run_steps(1);
    harness.get_by_label("Set").click();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.articles()[0].date,
        NaiveDate::from_ymd_opt(2025, 4, 17),
        "the date is set"
    );
    harness.get_by_label("Date of report 1: 2025-04-17 (set by you)");
    let witkoff = app
        .analysis()
        .findings
        .iter()
        .find(|f| f.kind == Kind::Date && f.subject.contains("Witkoff"))
        .expect("Witkoff's statement is dated in both");
    assert_eq!(
        witkoff.status,
        Status::Corroborated,
        "Monday resolves to April 14"
    );
}

#[test]
fn pasted_text_becomes_a_report() {
    let mut harness = harness();
    harness.state_mut().push(Command::PasteReport(
        "date 2025-04-17 Pasted wire copy\n\nRubio arrived in Paris on Thursday.".into(),
    ));
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.articles().len(), 3);
    assert_eq!(app.articles()[2].title, "Pasted wire copy");
}

#[test]
fn clicking_a_highlight_selects_its_discrepancy() {
    let mut harness = harness();
    harness
        .get_by_label_contains("spelling: “Kryvyi Rig”")
        .click();
    harness.run_steps(2);
    let selected = harness
        .state()
        .selected_finding()
        .expect("a finding is selected");
    assert_eq!(selected.kind, Kind::Spelling, "{selected:?}");
    // The editor shows it.
    harness.get_by_label("Review");
}

#[test]
fn next_and_previous_walk_the_list_in_order_and_wrap() {
    let mut harness = harness();
    let rows: Vec<String> = harness
        .state()
        .visible_rows()
        .iter()
        .map(|f| f.id.clone())
        .collect();
    assert!(rows.len() >= 3, "{rows:?}");
    let selected_id =
        |h: &Harness<'static, App>| h.state().selected_finding().map(|f| f.id.clone());
    harness.key_press(egui::Key::N);
    harness.run_steps(2);
    assert_eq!(
        selected_id(&harness).as_ref(),
        Some(&rows[0]),
        "n selects the first row"
    );
    harness.key_press(egui::Key::F7);
    harness.run_steps(2);
    assert_eq!(
        selected_id(&harness).as_ref(),
        Some(&rows[1]),
        "F7 selects the next row"
    );
    harness.key_press(egui::Key::P);
    harness.run_steps(2);
    assert_eq!(
        selected_id(&harness).as_ref(),
        Some(&rows[0]),
        "p goes back"
    );
    harness.key_press(egui::Key::P);
    harness.run_steps(2);
    assert_eq!(
        selected_id(&harness).as_ref(),
        rows.last(),
        "previous from the first wraps to the last"
    );
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(
        harness.state().selected(),
        None,
        "Escape clears the selection"
    );
}

#[test]
fn the_kind_filter_hides_other_kinds() {
    let mut harness = harness();
    assert!(
        harness
            .state()
            .visible_rows()
            .iter()
            .any(|f| f.kind == Kind::OnlyInOne)
    );
    harness.get_by_label_contains("Only in one (").click();
    harness.run_steps(2);
    let rows = harness.state().visible_rows();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|f| f.kind != Kind::OnlyInOne),
        "only-in-one rows hidden"
    );
}

#[test]
fn search_narrows_the_list() {
    let mut harness = harness();
    let before = harness.state().visible_rows().len();
    harness.get_by_label("Search discrepancies").focus();
    harness
        .get_by_label("Search discrepancies")
        .type_text("Sumy");
    harness.run_steps(3);
    let rows = harness.state().visible_rows();
    assert!(
        !rows.is_empty() && rows.len() < before,
        "{} of {before}",
        rows.len()
    );
    assert!(
        rows.iter()
            .all(|f| f.subject.contains("Sumy")
                || f.claims.iter().any(|c| c.display.contains("Sumy")))
    );
}

#[test]
fn selecting_scrolls_every_pane_to_its_claims() {
    let mut harness = harness_with([1100.0, 520.0], egui::Theme::Dark);
    let (index, _) = harness
        .state()
        .analysis()
        .findings
        .iter()
        .enumerate()
        .find(|(_, f)| f.kind == Kind::Spelling)
        .expect("spelling finding");
    assert_eq!(harness.state().pane_offset(1), Some(0.0));
    harness
        .state_mut()
        .push(Command::Select(Some(Target::Finding(index))));
    harness.run_steps(4);
    let offset = harness.state().pane_offset(1).expect("pane 2");
    assert!(
        offset > 100.0,
        "the second report scrolled down to “Kryvyi Rih”: {offset}"
    );
}

#[test]
fn snapshots_of_the_main_view_in_dark_and_light() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (theme, name) in [
        (egui::Theme::Dark, "main_dark"),
        (egui::Theme::Light, "main_light"),
    ] {
        let builder = Harness::builder()
            .with_size([1000.0, 640.0])
            .with_theme(theme)
            .wgpu();
        let mut harness = common::build(builder, common::sample_start());
        // The App sets its own theme from preferences: align it with the snapshot's.
        if (theme == egui::Theme::Light) == harness.state().prefs().dark {
            harness.state_mut().push(Command::ToggleTheme);
            harness.run_steps(3);
        }
        let (spelling, _) = harness
            .state()
            .analysis()
            .findings
            .iter()
            .enumerate()
            .find(|(_, f)| f.kind == Kind::People)
            .expect("people finding");
        harness
            .state_mut()
            .push(Command::Select(Some(Target::Finding(spelling))));
        harness.run_steps(4);
        results.add(harness.try_snapshot(name));
    }
}
