//! The window as a fact-checker uses it, headless: text typed in the editor is recorded by
//! every command even without leaving the field, a first save needs no dialog, the quit
//! prompt's Save saves and closes, pasted reports come back with their review, the window
//! asks for a path itself when there is no file dialog, and the clipboard works both ways.

mod common;

use std::path::{Path, PathBuf};

use common::{app_on_copies, fixture, settle};
use crosscheck::analysis::Kind;
use crosscheck::review::Verdict;
use crosscheck::ui::pane::Target;
use crosscheck::ui::{App, Command};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Selects the first discrepancy, sets a verdict and types `text` into the note, leaving the
/// cursor in the field.
fn type_note_and_stay(harness: &mut Harness<'static, App>, text: &str) -> usize {
    let index = harness
        .state()
        .analysis()
        .findings
        .iter()
        .position(|f| f.kind != Kind::Statement && f.is_discrepancy())
        .expect("a discrepancy");
    harness
        .state_mut()
        .push(Command::Select(Some(Target::Finding(index))));
    harness.run_steps(3);
    harness.get_by_label(Verdict::NeedsSourcing.label()).click();
    harness.run_steps(2);
    let note = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Note");
    note.focus();
    note.type_text(text);
    harness.run_steps(1);
    assert_eq!(harness.state().draft().note, text, "typed into the draft");
    index
}

fn stored_note(harness: &Harness<'static, App>) -> Option<String> {
    harness
        .state()
        .review()
        .annotations
        .iter()
        .find(|a| a.verdict == Verdict::NeedsSourcing)
        .map(|a| a.note.clone())
}

#[test]
fn undo_while_typing_records_the_text_first_so_redo_brings_it_back() {
    let mut harness = common::sample_app();
    type_note_and_stay(&mut harness, "ask the agency");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        stored_note(&harness).as_deref(),
        Some(""),
        "undo took back the note just typed, and only that"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        stored_note(&harness).as_deref(),
        Some("ask the agency"),
        "redo restores what was typed: nothing was lost"
    );
}

#[test]
fn ctrl_s_in_a_field_saves_what_was_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.ron");
    let mut harness = common::sample_app();
    harness
        .state_mut()
        .push(Command::SaveReviewAs(path.clone()));
    harness.run_steps(2);
    type_note_and_stay(&mut harness, "typed and saved at once");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let saved = std::fs::read_to_string(&path).expect("the review file");
    assert!(
        saved.contains("typed and saved at once"),
        "the file holds the note still being typed"
    );
    assert!(!harness.state().is_dirty(), "and says so truthfully");
}

#[test]
fn export_next_close_and_quit_record_the_field_being_typed() {
    type KeyOrCommand = Box<dyn Fn(&mut Harness<'static, App>)>;
    let actions: Vec<(&str, KeyOrCommand)> = vec![
        (
            "Ctrl+E",
            Box::new(|h| h.key_press_modifiers(Modifiers::COMMAND, Key::E)),
        ),
        ("next", Box::new(|h| h.state_mut().push(Command::Next))),
        (
            "previous",
            Box::new(|h| h.state_mut().push(Command::Previous)),
        ),
        (
            "Ctrl+W",
            Box::new(|h| h.key_press_modifiers(Modifiers::COMMAND, Key::W)),
        ),
        (
            "Ctrl+Q",
            Box::new(|h| h.key_press_modifiers(Modifiers::COMMAND, Key::Q)),
        ),
        (
            "Ctrl+Y",
            Box::new(|h| h.key_press_modifiers(Modifiers::COMMAND, Key::Y)),
        ),
    ];
    for (name, act) in actions {
        let mut harness = common::sample_app();
        type_note_and_stay(&mut harness, "still typing");
        act(&mut harness);
        harness.run_steps(3);
        assert_eq!(
            stored_note(&harness).as_deref(),
            Some("still typing"),
            "{name} recorded the note before acting"
        );
    }
}

#[test]
fn a_first_save_goes_to_annotations_beside_the_reports_without_a_dialog() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_on_copies(dir.path());
    type_note_and_stay(&mut harness, "first save");
    harness.key_press(Key::Tab);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let path = harness
        .state()
        .review_path()
        .expect("the review has a file now")
        .to_path_buf();
    assert_eq!(
        path.parent(),
        Some(dir.path().join("annotations").as_path()),
        "{path:?}"
    );
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("ron"));
    assert!(path.exists(), "written, the folder created");
    let said = &harness.state().notices().last().expect("a notice").text;
    assert!(
        said.contains(&path.display().to_string()),
        "says where: {said}"
    );
}

#[test]
fn the_quit_prompts_save_saves_and_then_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_on_copies(dir.path());
    type_note_and_stay(&mut harness, "before quitting");
    harness.state_mut().push(Command::CloseRequested);
    harness.run_steps(2);
    assert!(!harness.state().is_closing(), "unsaved: it asks first");
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    assert!(
        !harness.state().is_dirty(),
        "{:?}",
        harness.state().notices()
    );
    assert!(harness.state().is_closing(), "saved, then closing");
    let path = harness.state().review_path().expect("saved").to_path_buf();
    let text = std::fs::read_to_string(path).expect("review file");
    assert!(text.contains("before quitting"));
}

#[test]
fn a_pasted_report_is_kept_beside_the_review_and_comes_back_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let review = dir.path().join("desk.ron");
    let pasted = "date 2025-04-17 Pasted wire copy\n\nRubio arrived in Paris on Thursday \
                  with Steve Witkoff; about 25 people were killed in Kryvyi Rih.\n";
    let mut harness = common::sample_app();
    harness
        .state_mut()
        .push(Command::PasteReport(pasted.to_owned()));
    settle(&mut harness);
    assert_eq!(harness.state().articles().len(), 3);
    harness
        .state_mut()
        .push(Command::SaveReviewAs(review.clone()));
    harness.run_steps(2);
    let kept = dir.path().join("desk-reports").join("pasted-1.txt");
    assert_eq!(
        std::fs::read_to_string(&kept).expect("the pasted text is kept"),
        pasted,
        "byte for byte, so offsets and the hash still match"
    );

    let mut reopened = common::empty_app();
    reopened.state_mut().push(Command::OpenReview(review));
    settle(&mut reopened);
    let titles: Vec<&str> = reopened
        .state()
        .articles()
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert!(
        titles.contains(&"Pasted wire copy"),
        "{titles:?} {:?}",
        reopened.state().notices()
    );
}

#[test]
fn without_a_file_dialog_the_window_asks_for_the_path_itself() {
    let mut harness = common::sample_app();
    harness
        .state_mut()
        .push(Command::Ui(crosscheck::ui::command::UiCommand::OpenReports));
    harness.run_steps(2);
    harness.get_by_label_contains("file dialog");
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path");
    field.focus();
    field.type_text(
        &fixture("tests/fixtures/visit/one.txt")
            .display()
            .to_string(),
    );
    harness.run_steps(1);
    harness.get_by_label("Open").click();
    settle(&mut harness);
    assert_eq!(harness.state().articles().len(), 3, "the typed path opened");

    // Save as: the field comes filled with a default, and saving works from it.
    let dir = tempfile::tempdir().expect("temp dir");
    let target: PathBuf = dir.path().join("typed.ron");
    harness.state_mut().push(Command::Ui(
        crosscheck::ui::command::UiCommand::SaveReviewAs,
    ));
    harness.run_steps(2);
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path");
    let default = field.value().unwrap_or_default();
    assert!(
        Path::new(&default).extension().is_some_and(|e| e == "ron"),
        "a default is filled in: {default}"
    );
    field.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path")
        .type_text(&target.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    assert!(target.exists(), "{:?}", harness.state().notices());
}

#[test]
fn ctrl_c_puts_the_selected_report_text_on_the_clipboard() {
    let mut harness = common::sample_app();
    let text = harness.state().articles()[1].text.clone();
    let start = text.find("Steve Witkoff").expect("in the sample");
    harness
        .state_mut()
        .set_text_selection(1, start..start + "Steve Witkoff".len());
    harness.event(egui::Event::Copy);
    harness.run_steps(1);
    let copied: Vec<&egui::OutputCommand> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter(|c| matches!(c, egui::OutputCommand::CopyText(_)))
        .collect();
    assert_eq!(
        copied,
        [&egui::OutputCommand::CopyText("Steve Witkoff".into())]
    );
}

#[test]
fn pasting_outside_a_field_or_into_the_paste_dialog_adds_a_report() {
    let mut harness = common::sample_app();
    harness.event(egui::Event::Paste(
        "A pasted report about the talks.".into(),
    ));
    settle(&mut harness);
    assert_eq!(
        harness.state().articles().len(),
        3,
        "Ctrl+V outside a field"
    );

    harness
        .state_mut()
        .push(Command::Ui(crosscheck::ui::command::UiCommand::PasteReport));
    harness.run_steps(2);
    let field =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Pasted report text");
    field.focus();
    harness.run_steps(1);
    harness.event(egui::Event::Paste(
        "Another report, pasted into the dialog.".into(),
    ));
    harness.run_steps(2);
    harness.get_by_label("Add report").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().articles().len(),
        4,
        "pasted into the dialog"
    );
    assert_eq!(
        &*harness.state().articles()[3].text,
        "Another report, pasted into the dialog."
    );
}

/// The first discrepancy of the sample that is not a statement, selected.
fn select_first(harness: &mut Harness<'static, App>) -> usize {
    let index = harness
        .state()
        .analysis()
        .findings
        .iter()
        .position(|f| f.kind != Kind::Statement && f.is_discrepancy())
        .expect("a discrepancy");
    harness
        .state_mut()
        .push(Command::Select(Some(Target::Finding(index))));
    harness.run_steps(3);
    index
}

fn verdict_of(harness: &Harness<'static, App>, index: usize) -> Option<Verdict> {
    harness.state().annotation_for(index).map(|a| a.verdict)
}

#[test]
fn number_keys_give_verdicts_u_finds_the_next_unreviewed_and_r_opens_the_editor() {
    let mut harness = common::sample_app();
    let first = select_first(&mut harness);
    let (reviewed, listed) = harness.state().reviewed_count();
    assert_eq!(reviewed, 0);
    harness.key_press(Key::Num1);
    harness.run_steps(2);
    assert_eq!(
        verdict_of(&harness, first),
        Some(Verdict::ConfirmedConflict)
    );
    harness.key_press(Key::Num3);
    harness.run_steps(2);
    assert_eq!(verdict_of(&harness, first), Some(Verdict::NotAConflict));
    assert_eq!(harness.state().reviewed_count(), (1, listed));
    let _status = harness.get_by_label(&format!("1 of {listed} reviewed"));

    harness.key_press(Key::U);
    harness.run_steps(3);
    let Some(Target::Finding(next)) = harness.state().selected() else {
        panic!("U selects a finding");
    };
    assert_ne!(next, first, "the next unreviewed one");
    assert_eq!(
        verdict_of(&harness, next).unwrap_or_default(),
        Verdict::Unreviewed
    );

    // R puts the keyboard in the reconciled fact: what is typed next lands there.
    harness.key_press(Key::R);
    harness.run_steps(2);
    harness.event(egui::Event::Text("18 dead".into()));
    harness.run_steps(2);
    assert_eq!(harness.state().draft().reconciled, "18 dead");
}

#[test]
fn escape_in_a_field_leaves_it_and_keeps_the_selection() {
    let mut harness = common::sample_app();
    let index = type_note_and_stay(&mut harness, "typed");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert_eq!(
        harness.state().selected(),
        Some(Target::Finding(index)),
        "the selection stays"
    );
    assert_eq!(
        stored_note(&harness).as_deref(),
        Some("typed"),
        "nothing lost"
    );
    // Out of the field, the number keys give verdicts again.
    harness.key_press(Key::Num2);
    harness.run_steps(2);
    assert_eq!(verdict_of(&harness, index), Some(Verdict::Reconciled));
}

#[test]
fn shortcuts_do_not_act_behind_a_dialog() {
    let mut harness = common::sample_app();
    let index = select_first(&mut harness);
    harness.key_press(Key::Num1);
    harness.run_steps(2);
    harness.state_mut().push(Command::CloseRequested);
    harness.run_steps(2);
    assert!(harness.state().has_dialog(), "the quit prompt is open");
    for key in [Key::N, Key::P, Key::U, Key::Num3] {
        harness.key_press(key);
        harness.run_steps(2);
    }
    assert_eq!(harness.state().selected(), Some(Target::Finding(index)));
    assert_eq!(
        verdict_of(&harness, index),
        Some(Verdict::ConfirmedConflict)
    );
}

#[test]
fn a_reports_date_is_an_unsaved_undoable_change() {
    let mut harness = common::sample_app();
    let undated = harness
        .state()
        .articles()
        .iter()
        .position(|a| a.date.is_none())
        .expect("an undated sample report");
    let date = chrono::NaiveDate::from_ymd_opt(2025, 4, 17);
    harness.state_mut().push(Command::SetDate(undated, date));
    settle(&mut harness);
    assert_eq!(harness.state().articles()[undated].date, date);
    assert!(harness.state().is_dirty(), "a date is review data");
    assert_eq!(
        harness.state().review().articles[undated].date,
        date,
        "kept with the review"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().articles()[undated].date, None, "undone");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().articles()[undated].date, date, "redone");
}

#[test]
fn closing_a_report_that_reviewed_work_quotes_asks_first() {
    let mut harness = common::sample_app();
    select_first(&mut harness);
    harness.key_press(Key::Num1);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run_steps(2);
    assert_eq!(harness.state().articles().len(), 2, "not closed yet");
    assert!(harness.state().has_dialog());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(harness.state().articles().len(), 2, "cancelled");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run_steps(2);
    harness.get_by_label("Close report").click();
    settle(&mut harness);
    assert_eq!(harness.state().articles().len(), 1, "closed when confirmed");
}

#[test]
fn a_review_file_given_as_a_report_opens_as_the_review() {
    let review = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("annotations/sample-review.ron");
    let start = crosscheck::ui::load_start(std::slice::from_ref(&review));
    assert_eq!(start.review.as_deref(), Some(review.as_path()));
    assert!(start.articles.is_empty(), "not read as a news report");
    assert!(start.errors.is_empty(), "{:?}", start.errors);
}

#[test]
fn the_same_notice_twice_is_one_line_counted() {
    let mut harness = common::sample_app();
    for _ in 0..2 {
        harness
            .state_mut()
            .push(Command::OpenFiles(vec![PathBuf::from(
                "no/such/report.txt",
            )]));
        harness.run_steps(2);
    }
    let notices = harness.state().notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].repeats, 2);
}

#[test]
fn a_reports_details_are_corrected_in_its_header_saved_and_undoable() {
    let mut harness = common::sample_app();
    harness.get_by_label("Details of report 1").click();
    harness.run_steps(2);
    let outlet =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Outlet of report 1");
    outlet.focus();
    outlet.type_text("Agence France-Presse");
    let authors =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Authors of report 1");
    authors.focus();
    authors.type_text("Ana Ruhl, Jonas Brekke");
    harness.run_steps(1);
    harness.get_by_label("Save details").click();
    settle(&mut harness);
    let article = &harness.state().articles()[0];
    assert_eq!(article.meta.outlet, "Agence France-Presse");
    assert_eq!(article.meta.authors, ["Ana Ruhl", "Jonas Brekke"]);
    assert!(harness.state().is_dirty(), "details are review data");
    assert_eq!(
        harness.state().review().articles[0].meta.outlet,
        "Agence France-Presse",
        "kept with the review"
    );
    assert!(
        harness
            .query_by_label_contains("Agence France-Presse · Ana Ruhl, Jonas Brekke")
            .is_some(),
        "the header shows outlet and authors"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert!(
        harness.state().articles()[0].meta.outlet.is_empty(),
        "undone"
    );
}

#[test]
fn publishing_details_go_into_the_review_and_the_preferences() {
    let mut harness = common::sample_app();
    harness
        .state_mut()
        .push(Command::Ui(crosscheck::ui::command::UiCommand::Publishing));
    harness.run_steps(2);
    for (label, text) in [
        ("Title", "What the Paris reports say"),
        ("Publisher", "Lakeside Fact Desk"),
        ("Publisher's address", "https://factdesk.example/"),
    ] {
        let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
        field.focus();
        field.type_text(text);
        harness.run_steps(1);
    }
    harness.get_by_label("Save details").click();
    settle(&mut harness);
    let review = harness.state().review();
    assert_eq!(review.title, "What the Paris reports say");
    assert_eq!(review.publisher.name, "Lakeside Fact Desk");
    assert_eq!(review.publisher.url, "https://factdesk.example/");
    assert!(
        review.publisher.scale.is_none(),
        "no scale unless asked for"
    );
    assert_eq!(harness.state().prefs().publisher.name, "Lakeside Fact Desk");
    assert!(harness.state().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert!(harness.state().review().title.is_empty(), "one undo step");
}

#[test]
fn the_claim_reviewed_is_typed_in_the_editor() {
    // Tall enough for the whole editor to be on screen.
    let mut harness = common::build(
        Harness::builder().with_size([1400.0, 1800.0]),
        common::sample_start(),
    );
    select_first(&mut harness);
    harness.get_by_label("Publishing (ClaimReview)").click();
    harness.run_steps(2);
    let claim = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Claim reviewed");
    claim.focus();
    claim.type_text("Rubio flew to Paris with Witkoff.");
    harness.run_steps(1);
    harness.state_mut().push(Command::CommitDraft);
    settle(&mut harness);
    let stored: Vec<&str> = harness
        .state()
        .review()
        .annotations
        .iter()
        .map(|a| a.claim.as_str())
        .collect();
    assert!(
        stored.contains(&"Rubio flew to Paris with Witkoff."),
        "{stored:?}"
    );
}

#[test]
fn a_saved_web_page_opens_beside_the_text_reports_with_its_details() {
    let mut harness = common::sample_app();
    harness.state_mut().push(Command::OpenFiles(vec![fixture(
        "tests/pages/news-site.html",
    )]));
    settle(&mut harness);
    let article = harness.state().articles().last().expect("opened");
    assert_eq!(article.form, crosscheck::corpus::Form::Html);
    assert_eq!(article.title, "Ferry capsizes on Lake Varra, killing 14");
    assert!(
        harness
            .query_by_label_contains("The Northern Ledger · Mira Castellan")
            .is_some(),
        "the header shows the outlet and author"
    );
    let stored = harness
        .state()
        .review()
        .articles
        .last()
        .expect("in the review");
    assert_eq!(stored.meta.outlet, "The Northern Ledger");
    assert_eq!(
        stored.meta.url,
        "https://ledger.example.com/world/2024/03/ferry-capsizes-lake-varra"
    );
}
