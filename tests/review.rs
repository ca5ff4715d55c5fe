//! The review workflow: the real app from selection to saved file and back, undo and redo,
//! review files under faults, and property tests of anchoring and saving.

mod common;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use common::settle;
use crosscheck::analysis::Kind;
use crosscheck::review::{
    Action, Anchor, Annotation, Placement, Review, ReviewedArticle, ValueRange, Verdict,
};
use crosscheck::store::{self, StoreError};
use crosscheck::ui::pane::Target;
use crosscheck::ui::{App, Command, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use proptest::prelude::*;

fn sample_app(recovery: Option<PathBuf>) -> Harness<'static, App> {
    let start = StartOptions {
        recovery_path: recovery,
        ..common::sample_start()
    };
    common::build(Harness::builder().with_size([1400.0, 900.0]), start)
}

fn finding_index(harness: &Harness<'static, App>, kind: Kind) -> usize {
    harness
        .state()
        .analysis()
        .findings
        .iter()
        .position(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("a {kind:?} finding"))
}

/// Selects a finding and records a verdict and a note through the editor's widgets.
fn review_through_editor(
    harness: &mut Harness<'static, App>,
    kind: Kind,
    verdict: Verdict,
    note: &str,
) {
    let index = finding_index(harness, kind);
    fill_editor(harness, index, verdict, &[("Note", note)]);
}

#[test]
fn a_verdict_and_note_survive_save_and_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.ron");
    let mut harness = sample_app(None);
    review_through_editor(
        &mut harness,
        Kind::Spelling,
        Verdict::ConfirmedConflict,
        "Rih is the Ukrainian spelling",
    );
    let annotation = harness
        .state()
        .annotation_for(finding_index(&harness, Kind::Spelling))
        .expect("the finding has an annotation")
        .clone();
    assert_eq!(annotation.verdict, Verdict::ConfirmedConflict);
    assert_eq!(annotation.note, "Rih is the Ukrainian spelling");
    assert!(harness.state().is_dirty(), "unsaved");
    harness
        .state_mut()
        .push(Command::SaveReviewAs(path.clone()));
    harness.run_steps(2);
    assert!(
        !harness.state().is_dirty(),
        "saved: {:?}",
        harness.state().notices()
    );
    assert!(path.exists());
    // The file holds what the reviewer did, not the engine's other findings.
    let (saved, _) = crosscheck::store::load(&path).expect("saved review opens");
    assert_eq!(saved.annotations.len(), 1, "{:?}", saved.annotations);

    // A fresh app opens the review: the reports come back and the annotation is attached.
    let mut reopened = common::empty_app();
    reopened.state_mut().push(Command::OpenReview(path.clone()));
    settle(&mut reopened);
    assert_eq!(
        reopened.state().articles().len(),
        2,
        "{:?}",
        reopened.state().notices()
    );
    let index = finding_index(&reopened, Kind::Spelling);
    let again = reopened
        .state()
        .annotation_for(index)
        .expect("annotation re-attached to its finding");
    assert_eq!(again.verdict, Verdict::ConfirmedConflict);
    assert_eq!(again.note, "Rih is the Ukrainian spelling");
    reopened
        .state_mut()
        .push(Command::Select(Some(Target::Finding(index))));
    reopened.run_steps(3);
    assert_eq!(
        reopened.state().draft().note,
        "Rih is the Ukrainian spelling",
        "the editor shows it"
    );
}

#[test]
fn undo_and_redo_restore_the_exact_states() {
    let mut harness = sample_app(None);
    let s0 = harness.state().review().clone();
    review_through_editor(
        &mut harness,
        Kind::People,
        Verdict::Reconciled,
        "Witkoff joined later",
    );
    let s2 = harness.state().review().clone();
    assert_ne!(s0, s2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    let s1 = harness.state().review().clone();
    assert_ne!(s1, s2, "one step undone (the note)");
    assert_eq!(
        s1.annotations[0].verdict,
        Verdict::Reconciled,
        "the verdict step remains"
    );
    assert_eq!(s1.annotations[0].note, "");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().review(), &s0, "both steps undone");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run_steps(2);
    assert_eq!(harness.state().review(), &s1, "redo the verdict");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(2);
    assert_eq!(harness.state().review(), &s2, "redo the note");
}

#[test]
fn a_manual_claim_is_made_linked_and_deleted() {
    let mut harness = sample_app(None);
    let text = harness.state().articles()[0].text.clone();
    let start = text.find("Another round is scheduled").expect("sentence");
    harness.state_mut().set_text_selection(
        0,
        start..start + "Another round is scheduled for 19 April".len(),
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run_steps(3);
    let manual: Vec<&Annotation> = harness
        .state()
        .review()
        .annotations
        .iter()
        .filter(|a| !a.from_engine)
        .collect();
    assert_eq!(manual.len(), 1, "Ctrl+M made a claim");
    let id = manual[0].id;
    assert_eq!(harness.state().selected(), Some(Target::Manual(id)));
    // Link text of the other report to it.
    let other = harness.state().articles()[1].text.clone();
    let at = other.find("Earlier this month").expect("phrase");
    harness
        .state_mut()
        .set_text_selection(1, at..at + "Earlier this month".len());
    harness.run_steps(2);
    // The editor's buttons may sit below its scrolled view: press them as a screen reader does.
    harness.get_by_label("Link selected text").click_accesskit();
    harness.run_steps(2);
    let linked = harness.state().review().get(id).expect("still there");
    assert_eq!(linked.anchors.len(), 2, "two reports linked");
    harness.get_by_label("Delete annotation").click_accesskit();
    harness.run_steps(2);
    assert!(harness.state().review().get(id).is_none(), "deleted");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert!(
        harness.state().review().get(id).is_some(),
        "undo brings it back"
    );
}

#[test]
fn unwritable_destination_keeps_the_work_in_memory_and_in_recovery() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = dir.path().join("recovery.ron");
    let mut harness = sample_app(Some(recovery.clone()));
    review_through_editor(
        &mut harness,
        Kind::Spelling,
        Verdict::NeedsSourcing,
        "ask the desk",
    );
    // /proc refuses new files even to root: as a read-only folder or a full disk would.
    harness
        .state_mut()
        .push(Command::SaveReviewAs(PathBuf::from(
            "/proc/crosscheck-review.ron",
        )));
    harness.run_steps(2);
    let app = harness.state();
    assert!(app.is_dirty(), "still unsaved");
    assert!(
        app.notices()
            .iter()
            .any(|n| n.error && n.text.contains("could not be saved")),
        "{:?}",
        app.notices()
    );
    assert!(
        app.review()
            .annotations
            .iter()
            .any(|a| a.note == "ask the desk"),
        "kept in memory"
    );
    let Some(Ok((_, recovered))) = store::load_recovery(&recovery) else {
        panic!("the recovery file holds the work");
    };
    assert!(
        recovered
            .annotations
            .iter()
            .any(|a| a.note == "ask the desk")
    );
    // The next start offers it back.
    let mut next = sample_app(Some(recovery.clone()));
    next.get_by_label("Restore").click();
    settle(&mut next);
    assert!(
        next.state()
            .review()
            .annotations
            .iter()
            .any(|a| a.note == "ask the desk"),
        "restored"
    );
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.ron");
    let mut harness = sample_app(None);
    review_through_editor(
        &mut harness,
        Kind::Spelling,
        Verdict::ConfirmedConflict,
        "first",
    );
    harness
        .state_mut()
        .push(Command::SaveReviewAs(path.clone()));
    harness.run_steps(2);
    std::fs::write(
        &path,
        "(format: \"crosscheck-review\", version: 1, articles: [], annotations: [])\n",
    )
    .expect("edit elsewhere");
    review_through_editor(&mut harness, Kind::Spelling, Verdict::Reconciled, " second");
    harness.state_mut().push(Command::SaveReview);
    harness.run_steps(2);
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(
        on_disk.contains("annotations: []"),
        "the other program's version is intact"
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.contains("changed on disk")),
        "{:?}",
        harness.state().notices()
    );
    assert!(harness.state().is_dirty());
}

#[test]
fn damaged_newer_and_missing_report_reviews_are_reported_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let damaged = dir.path().join("damaged.ron");
    std::fs::write(
        &damaged,
        "(format: \"crosscheck-review\", version: 1, articles: [(path: ",
    )
    .expect("write");
    let newer = dir.path().join("newer.ron");
    std::fs::write(&newer, "(format: \"crosscheck-review\", version: 7, articles: [], annotations: [], hologram: true)").expect("write");
    let missing = dir.path().join("missing.ron");
    let review = Review {
        articles: vec![ReviewedArticle {
            path: "gone/report.txt".into(),
            hash: "sha256:00".into(),
            title: "Gone".into(),
            date: None,
            meta: crosscheck::corpus::Meta::default(),
        }],
        annotations: vec![],
        next_id: 0,
        ..Review::default()
    };
    store::save(&missing, &review).expect("save");
    let before: Vec<Vec<u8>> = [&damaged, &newer]
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();

    // Reports copied into the temp dir, so the first save's default lands there too.
    let mut harness = common::app_on_copies(dir.path());
    harness
        .state_mut()
        .push(Command::OpenReview(damaged.clone()));
    harness.run_steps(2);
    harness.state_mut().push(Command::OpenReview(newer.clone()));
    harness.run_steps(2);
    let notices: Vec<String> = harness
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("damaged") && n.contains("line 1")),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|n| n.contains("newer crosscheck")),
        "{notices:?}"
    );
    assert_eq!(harness.state().articles().len(), 2, "the open reports stay");
    assert!(
        harness.state().review_path().is_none(),
        "no path kept: nothing will be saved over them"
    );
    harness.state_mut().push(Command::SaveReview);
    harness.run_steps(1);
    let after: Vec<Vec<u8>> = [&damaged, &newer]
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    assert_eq!(before, after, "files that could not be read are untouched");

    harness.state_mut().push(Command::OpenReview(missing));
    settle(&mut harness);
    assert_eq!(
        harness.state().missing().len(),
        1,
        "the missing report is listed"
    );
    harness.get_by_label("Locate…");
}

/// Run as a child process: writes over the file and dies just before the rename.
#[test]
fn crash_helper_dies_between_write_and_rename() {
    let Ok(path) = std::env::var("CROSSCHECK_CRASH_TARGET") else {
        return;
    };
    let _ = store::write_atomic_then(
        std::path::Path::new(&path),
        b"NEW CONTENT THAT MUST NOT APPEAR",
        &|| std::process::abort(),
    );
}

#[test]
fn a_kill_between_write_and_rename_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.ron");
    store::save(&path, &Review::default()).expect("first save");
    let old = std::fs::read(&path).expect("read");
    let status = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "crash_helper_dies_between_write_and_rename",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CROSSCHECK_CRASH_TARGET", &path)
        .status()
        .expect("child runs");
    assert!(!status.success(), "the child was killed mid-save");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        old,
        "the old file is intact"
    );
    let (review, _) = store::load(&path).expect("and still opens");
    assert_eq!(review, Review::default());
}

// ---------------------------------------------------------------------------------------------
// Property tests.

fn time(secs: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default()
}

fn annotation_strategy() -> impl Strategy<Value = Annotation> {
    (
        (
            any::<u64>(),
            prop::sample::select(Kind::ALL.to_vec()),
            ".*",
            prop::sample::select(Verdict::ALL.to_vec()),
            ".*",
        ),
        prop::option::of((-1e12f64..1e12, -1e12f64..1e12)),
        prop::collection::vec(".*", 0..3),
        (
            0i64..4_000_000_000,
            0i64..4_000_000_000,
            0u32..1_000_000_000,
        ),
        prop::collection::vec(
            (
                0usize..3,
                ".{0,40}",
                ".{0,10}",
                ".{0,10}",
                0usize..10_000,
                "|[0-9.]{1,6}",
            ),
            0..3,
        ),
        (
            prop::collection::vec(0usize..5, 0..3),
            prop::collection::vec("[a-z ,]{0,8}", 0..3),
            "|Ana|Zoë \"Z\"",
        ),
    )
        .prop_map(
            |(
                (id, kind, subject, verdict, note),
                value,
                sources,
                (c, m, nanos),
                anchors,
                (sides_with, tags, reviewer),
            )| Annotation {
                id,
                kind,
                subject,
                from_engine: id % 2 == 0,
                anchors: anchors
                    .into_iter()
                    .map(|(article, exact, prefix, suffix, start, value)| Anchor {
                        article,
                        start,
                        end: start + exact.len(),
                        exact,
                        prefix,
                        suffix,
                        value,
                    })
                    .collect(),
                verdict,
                reconciled: note.chars().rev().collect(),
                value: value.map(|(a, b)| ValueRange {
                    low: a.min(b),
                    high: a.max(b),
                }),
                sides_with,
                note,
                sources,
                tags,
                claim: format!("{reviewer} said so"),
                url: format!("https://desk.example/checks#{id}"),
                reviewer,
                created: time(c),
                modified: DateTime::<Utc>::from_timestamp(m, nanos).unwrap_or_default(),
            },
        )
}

fn review_strategy() -> impl Strategy<Value = Review> {
    (
        prop::collection::vec(annotation_strategy(), 0..8),
        prop::collection::vec((".{0,12}", ".{0,12}", any::<bool>()), 0..3),
        (".{0,12}", ".{0,12}", any::<bool>()),
    )
        .prop_map(|(mut annotations, articles, (title, outlet, scaled))| {
            annotations.sort_by_key(|a| a.id);
            annotations.dedup_by_key(|a| a.id);
            let publisher = crosscheck::review::Publisher {
                url: format!("https://{}.example/", outlet.len()),
                scale: scaled.then(|| crosscheck::review::RatingScale {
                    worst: 1,
                    best: 5,
                    values: vec![(Verdict::ConfirmedConflict, 1), (Verdict::NotAConflict, 5)],
                }),
                name: outlet.clone(),
            };
            Review {
                url: format!("https://desk.example/{}", title.len()),
                title,
                publisher,
                articles: articles
                    .into_iter()
                    .map(|(path, title, dated)| ReviewedArticle {
                        path,
                        hash: "sha256:ab".into(),
                        title,
                        date: chrono::NaiveDate::from_ymd_opt(2025, 4, 17).filter(|_| dated),
                        meta: crosscheck::corpus::Meta {
                            outlet: outlet.clone(),
                            authors: vec![outlet.clone(), "Ana \"A\" Ruhl".into()],
                            ..Default::default()
                        },
                    })
                    .collect(),
                next_id: annotations.last().map_or(0, |a| a.id.saturating_add(1)),
                annotations,
            }
        })
}

/// The review file as serde and the ron crate see it, independently of `store`.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct SerdeFile {
    format: String,
    version: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    publisher: crosscheck::review::Publisher,
    articles: Vec<ReviewedArticle>,
    annotations: Vec<Annotation>,
    #[serde(default)]
    next_id: u64,
}

fn serde_file(review: &Review) -> SerdeFile {
    SerdeFile {
        format: store::FORMAT_NAME.into(),
        version: store::FORMAT_VERSION,
        title: review.title.clone(),
        url: review.url.clone(),
        publisher: review.publisher.clone(),
        articles: review.articles.clone(),
        annotations: review.annotations.clone(),
        next_id: review.next_id,
    }
}

/// A review file as earlier versions wrote it: every string escaped (`\'`, `\n`, `\"`).
fn escaped_layout(review: &Review) -> String {
    let file = serde_file(review);
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    ron::ser::to_string_pretty(&file, config).expect("serde serialises") + "\n"
}

#[test]
fn files_in_other_valid_ron_layouts_still_open() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("annotations/sample-review.ron");
    let (review, _) = store::load(&path).expect("the shipped review opens");
    let text = store::to_ron(&review).expect("serialises");
    // As earlier versions wrote it, every string escaped.
    assert_eq!(
        store::from_ron(&escaped_layout(&review), "old.ron").expect("opens"),
        review
    );
    // As a person or a merge tool might leave it: comments, one line, fields moved or added.
    let edited = format!(
        "// reviewed by hand\n{}",
        ron::ser::to_string(&serde_file(&review)).expect("serialises")
    );
    assert_eq!(
        store::from_ron(&edited, "edited.ron").expect("opens"),
        review
    );
    let next_id = format!("  next_id: {},\n", review.next_id);
    let moved = text.replacen(&next_id, "", 1).replacen(
        "(\n",
        &format!("(\n{next_id}  added_by_a_later_version: [1, 2],\n"),
        1,
    );
    assert_ne!(moved, text);
    assert_eq!(store::from_ron(&moved, "moved.ron").expect("opens"), review);
}

#[test]
fn notes_are_written_as_typed_without_escapes() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("annotations/sample-review.ron");
    let (mut review, _) = store::load(&path).expect("the shipped review opens");
    let note = "The mayor's figure is \"about 20\".\nThe agency's is 18.";
    review.annotations[0].note = note.into();
    let text = store::to_ron(&review).expect("serialises");
    assert!(text.contains("mayor's figure"), "{text}");
    assert!(!text.contains("\\'"), "no escaped apostrophes: {text}");
    assert!(
        text.contains("\nThe agency's is 18."),
        "line breaks kept: {text}"
    );
    let back = store::from_ron(&text, "r.ron").expect("opens");
    assert_eq!(back.annotations[0].note, note);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_review_saves_and_loads_back_equal(review in review_strategy()) {
        let text = store::to_ron(&review).expect("serialises");
        let back = store::from_ron(&text, "prop.ron").expect("parses");
        prop_assert_eq!(&back, &review);
        // Files written by earlier versions (every string escaped) read back the same.
        let old = store::from_ron(&escaped_layout(&review), "old.ron").expect("parses");
        prop_assert_eq!(&old, &review);
        let by_serde: SerdeFile = ron::from_str(&text).expect("ron parses it");
        prop_assert_eq!(by_serde.annotations, review.annotations);
        prop_assert_eq!(by_serde.articles, review.articles);
    }

    #[test]
    fn a_quote_that_survives_edits_is_found_at_its_new_place(
        words in prop::collection::vec("[a-z]{3,9}", 40..80),
        quote_at in 10usize..30,
        quote_len in 1usize..5,
        edits in prop::collection::vec((any::<bool>(), any::<prop::sample::Index>(), "[A-Z ]{1,12}"), 1..8),
    ) {
        // Unique words, so the quote's context identifies it.
        let words: Vec<String> = words.iter().enumerate().map(|(i, w)| format!("{w}{i}")).collect();
        let text = words.join(" ");
        let start = words[..quote_at].iter().map(|w| w.len() + 1).sum::<usize>();
        let end = start + words[quote_at..quote_at + quote_len].join(" ").len();
        let anchor = Anchor::new(0, &text, start..end);
        // Edits anywhere but on the quote and its context.
        let protect = anchor.start.saturating_sub(anchor.prefix.len())..anchor.end + anchor.suffix.len();
        let mut edited = text.clone();
        let (mut lo, mut hi) = (protect.start, protect.end);
        for (insert, at, piece) in edits {
            let outside: Vec<usize> = (0..=edited.len()).filter(|&i| i < lo || i > hi).collect();
            if outside.is_empty() { continue; }
            let i = outside[at.index(outside.len())];
            if insert {
                edited.insert_str(i, &piece);
                if i < lo { lo += piece.len(); hi += piece.len(); }
            } else {
                let j = (i + piece.len()).min(if i < lo { lo } else { edited.len() });
                edited.replace_range(i..j, "");
                if i < lo { lo -= j - i; hi -= j - i; }
            }
        }
        let expected = lo + anchor.prefix.len()..hi - anchor.suffix.len();
        prop_assert_eq!(&edited[expected.clone()], anchor.exact.as_str());
        prop_assert_eq!(anchor.place(&edited), Placement::Exact(expected));
    }
}

#[test]
fn actions_applied_through_history_are_one_step_each() {
    let mut review = Review::default();
    let mut history = crosscheck::review::History::default();
    let a = Annotation::new(1, Kind::Number, "x".into(), false, vec![], "", time(0));
    history
        .apply(&mut review, vec![Action::Add(a.clone())])
        .expect("add");
    let mut b = a.clone();
    b.verdict = Verdict::Reconciled;
    history
        .apply(&mut review, vec![Action::Replace(b)])
        .expect("replace");
    assert!(history.undo(&mut review));
    assert_eq!(review.get(1), Some(&a));
    let err = history.apply(&mut review, vec![Action::Add(a)]);
    assert!(err.is_err(), "a duplicate id is refused");
    assert!(matches!(
        store::from_ron("", "x.ron"),
        Err(StoreError::Damaged { .. })
    ));
}

/// Records a full review of one finding through the editor's widgets.
fn fill_editor(
    harness: &mut Harness<'static, App>,
    index: usize,
    verdict: Verdict,
    fields: &[(&str, &str)],
) {
    harness
        .state_mut()
        .push(Command::Select(Some(Target::Finding(index))));
    harness.run_steps(3);
    harness.get_by_label(verdict.label()).click();
    harness.run_steps(2);
    for (label, text) in fields {
        let node = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
        node.focus();
        node.type_text(text);
        harness.run_steps(1);
        // Leave the field: the edit becomes one undo step.
        harness.key_press(egui::Key::Tab);
        harness.run_steps(2);
    }
}

/// `annotations/sample-review.ron` was made in the app: this test makes it again with
/// `UPDATE_SAMPLE_REVIEW=1`, and otherwise checks that it opens onto the sample's findings.
#[test]
fn the_shipped_sample_review_opens_onto_the_samples_discrepancies() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("annotations/sample-review.ron");
    if std::env::var_os("UPDATE_SAMPLE_REVIEW").is_some() {
        let mut harness = sample_app(None);
        // Date the undated report, as a reviewer would (its text places it on 17 April).
        harness.state_mut().push(Command::SetDate(
            0,
            chrono::NaiveDate::from_ymd_opt(2025, 4, 17),
        ));
        settle(&mut harness);
        let find = |h: &Harness<'static, App>, kind: Kind, needle: &str| {
            h.state()
                .analysis()
                .findings
                .iter()
                .position(|f| {
                    f.kind == kind
                        && (f.subject.contains(needle)
                            || f.claims.iter().any(|c| c.display.contains(needle)))
                })
                .unwrap_or_else(|| panic!("{kind:?} {needle}"))
        };
        let toll = find(&harness, Kind::Number, "Kryvyi");
        fill_editor(
            &mut harness,
            toll,
            Verdict::Reconciled,
            &[
                (
                    "Reconciled fact",
                    "About 20 people, including nine children, were killed in Kryvyi Rih on 4 April, and at least 35, including two children, in Sumy on 13 April: together the “dozens” the AFP report gives for both cities.",
                ),
                ("Value, low", "53"),
                (
                    "Note",
                    "AFP lumps the two strikes into one figure; the wire report gives one figure per city. Compatible, not contradictory.",
                ),
                (
                    "Sources",
                    "AFP report of 17 April (afp-rubio-witkoff-in-paris-for-ukraine-talks.txt)\nWire report of 16 April (wire-2025-04-16-rubio-headed-to-paris.txt)",
                ),
                ("Tags", "casualties, lumped figure"),
            ],
        );
        let spelling = find(&harness, Kind::Spelling, "Kryvyi");
        fill_editor(
            &mut harness,
            spelling,
            Verdict::Reconciled,
            &[
                (
                    "Reconciled fact",
                    "Kryvyi Rih: the Ukrainian transliteration; “Kryvyi Rig” follows the Russian spelling.",
                ),
                (
                    "Note",
                    "Use Kryvyi Rih, as the Ukrainian government and most style guides do.",
                ),
                ("Tags", "spelling"),
            ],
        );
        let people = find(&harness, Kind::People, "Rubio");
        fill_editor(
            &mut harness,
            people,
            Verdict::ConfirmedConflict,
            &[
                (
                    "Reconciled fact",
                    "Rubio arrived in Paris with Keith Kellogg; Steve Witkoff was expected to join them (AFP, 17 April). The 16 April wire report says Rubio was travelling with Witkoff.",
                ),
                (
                    "Note",
                    "Different moments may explain it (plans on the 16th, arrivals on the 17th); ask the State Department who was on the plane.",
                ),
                ("Tags", "delegation"),
            ],
        );
        for (needle, note) in [
            (
                "Dnipro",
                "Only AFP reports the Dnipro drone attack; check the regional administration's statement.",
            ),
            (
                "$22 billion",
                "Only the wire report gives the NATO figure; check Rutte's remarks of 15 April.",
            ),
            (
                "Yermak",
                "Only AFP names the Ukrainian delegation; confirm with the presidential office.",
            ),
        ] {
            let index = find(&harness, Kind::OnlyInOne, needle);
            fill_editor(
                &mut harness,
                index,
                Verdict::NeedsSourcing,
                &[("Note", note)],
            );
        }
        harness
            .state_mut()
            .push(Command::SaveReviewAs(path.clone()));
        harness.run_steps(2);
        assert!(
            !harness.state().is_dirty(),
            "{:?}",
            harness.state().notices()
        );
    }
    let mut harness = common::empty_app();
    harness.state_mut().push(Command::OpenReview(path));
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.articles().len(),
        2,
        "the sample reports open: {:?}",
        app.notices()
    );
    assert!(app.orphaned().is_empty(), "every annotation is placed");
    let verdict_of = |kind: Kind| {
        app.analysis()
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == kind)
            .find_map(|(i, _)| app.annotation_for(i).filter(|a| a.is_reviewed()))
            .map(|a| a.verdict)
    };
    assert_eq!(verdict_of(Kind::Number), Some(Verdict::Reconciled));
    assert_eq!(verdict_of(Kind::Spelling), Some(Verdict::Reconciled));
    assert_eq!(verdict_of(Kind::People), Some(Verdict::ConfirmedConflict));
    assert_eq!(verdict_of(Kind::OnlyInOne), Some(Verdict::NeedsSourcing));
}
