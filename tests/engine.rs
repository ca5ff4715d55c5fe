//! The claim engine on real reports: the bundled sample (what ../shared/articles/README.md says
//! a fact-checker must find there) and hand-written reports of other kinds of events.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crosscheck::analysis::{Analysis, Finding, Kind, Precision, Status};
use crosscheck::cli;
use crosscheck::corpus::Article;

const SAMPLE_UNDATED: &str = "assets/articles/afp-rubio-witkoff-in-paris-for-ukraine-talks.txt";
const SAMPLE_DATED: &str = "assets/articles/wire-2025-04-16-rubio-headed-to-paris.txt";

fn root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn load(paths: &[&str], dates: &[(&str, (i32, u32, u32))]) -> (Vec<Article>, Analysis) {
    let files: Vec<PathBuf> = paths.iter().map(|p| root(p)).collect();
    let dates: Vec<(String, NaiveDate)> = dates
        .iter()
        .map(|(f, (y, m, d))| {
            (
                (*f).to_owned(),
                NaiveDate::from_ymd_opt(*y, *m, *d).expect("valid date"),
            )
        })
        .collect();
    let articles = cli::load_for_check(&files, &dates).expect("fixtures load");
    let analysis = cli::analyze(&articles);
    (articles, analysis)
}

fn sample() -> (Vec<Article>, Analysis) {
    load(
        &[SAMPLE_UNDATED, SAMPLE_DATED],
        &[(
            "afp-rubio-witkoff-in-paris-for-ukraine-talks.txt",
            (2025, 4, 17),
        )],
    )
}

fn quote<'a>(articles: &'a [Article], f: &Finding, article: usize) -> Vec<&'a str> {
    f.claims
        .iter()
        .filter(|c| c.article == article)
        .map(|c| &articles[c.article].text[c.start..c.end])
        .collect()
}

/// The finding of `kind` whose claims in report `a` and `b` contain these words.
fn find<'a>(
    articles: &[Article],
    analysis: &'a Analysis,
    kind: Kind,
    in_a: &str,
    in_b: &str,
) -> Option<&'a Finding> {
    analysis.findings.iter().find(|f| {
        f.kind == kind
            && quote(articles, f, 0).iter().any(|q| q.contains(in_a))
            && quote(articles, f, 1).iter().any(|q| q.contains(in_b))
    })
}

/// Like [`find`], but a missing finding fails the test with the engine's whole report.
fn expect<'a>(
    articles: &[Article],
    analysis: &'a Analysis,
    kind: Kind,
    in_a: &str,
    in_b: &str,
) -> &'a Finding {
    find(articles, analysis, kind, in_a, in_b).unwrap_or_else(|| {
        panic!(
            "{kind:?} “{in_a}” / “{in_b}” not found:\n{}",
            summary(articles, analysis)
        )
    })
}

fn summary(articles: &[Article], analysis: &Analysis) -> String {
    cli::check_text(articles, analysis)
}

#[test]
fn sample_toll_is_a_number_discrepancy_vague_and_lumped() {
    let (articles, analysis) = sample();
    let f = find(&articles, &analysis, Kind::Number, "dozens", "about 20").unwrap_or_else(|| {
        panic!(
            "no number finding linking dozens and about 20:\n{}",
            summary(&articles, &analysis)
        )
    });
    assert!(f.is_discrepancy(), "the toll must be a discrepancy: {f:?}");
    assert!(f.precision.contains(&Precision::VagueVsExact), "{f:?}");
    assert!(f.precision.contains(&Precision::LumpedVsSplit), "{f:?}");
    assert!(
        f.subject.contains("Kryvyi"),
        "subject names the city: {}",
        f.subject
    );
}

#[test]
fn sample_city_spelling_is_flagged() {
    let (articles, analysis) = sample();
    let f = expect(
        &articles,
        &analysis,
        Kind::Spelling,
        "Kryvyi Rig",
        "Kryvyi Rih",
    );
    assert_eq!(f.status, Status::Conflict);
}

#[test]
fn sample_companions_of_rubio_are_a_people_conflict() {
    let (articles, analysis) = sample();
    let f = expect(&articles, &analysis, Kind::People, "Kellogg", "Witkoff");
    assert_eq!(f.status, Status::Conflict, "{f:?}");
    assert!(f.subject.contains("Rubio"), "{}", f.subject);
}

#[test]
fn sample_facts_only_one_report_gives_are_listed() {
    let (articles, analysis) = sample();
    let only: Vec<String> = analysis
        .findings
        .iter()
        .filter(|f| f.kind == Kind::OnlyInOne)
        .flat_map(|f| {
            f.claims
                .iter()
                .map(|c| articles[c.article].text[c.start..c.end].to_owned())
        })
        .collect();
    // The examples of ../shared/articles/README.md that rank among each report's three
    // most check-worthy: a toll, a delegation, a NATO visit, a sum pledged, the injured.
    for expected in ["Dnipro", "Yermak", "Sybiga", "Rutte", "$22 billion", "119"] {
        assert!(
            only.iter().any(|q| q.contains(expected)),
            "{expected} should be only in one report; found {only:?}"
        );
    }
    for report in 0..articles.len() {
        let listed = analysis
            .findings
            .iter()
            .filter(|f| f.kind == Kind::OnlyInOne && f.claims.iter().all(|c| c.article == report))
            .count();
        // Three, and a fourth only when it is as check-worthy as a figure with its measure.
        assert!(
            listed <= 4,
            "report {report} lists {listed} facts only it gives"
        );
    }
}

#[test]
fn sample_agreements_are_not_conflicts() {
    let (articles, analysis) = sample();
    let text = summary(&articles, &analysis);
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.status == Status::Conflict)
    {
        let quotes: Vec<&str> = f
            .claims
            .iter()
            .map(|c| &articles[c.article].text[c.start..c.end])
            .collect();
        let joined = quotes.join(" | ");
        assert!(
            !(joined.contains("on Monday") && joined.contains("April 14")),
            "Witkoff's statement dates agree once the report is dated:\n{text}"
        );
        assert!(
            !(joined.contains("Thursday") && joined.contains("Wednesday")),
            "departure and talks are different moments:\n{text}"
        );
        assert!(
            !joined.contains("fruit"),
            "the ceasefire sentence is corroborated:\n{text}"
        );
    }
    // The Witkoff date and the ceasefire sentence are found as agreements.
    assert!(
        find(&articles, &analysis, Kind::Date, "on Monday", "April 14")
            .is_some_and(|f| f.status == Status::Corroborated),
        "{text}"
    );
    assert!(
        find(
            &articles,
            &analysis,
            Kind::Statement,
            "bear fruit",
            "yield fruit"
        )
        .is_some_and(|f| f.status == Status::Corroborated),
        "{text}"
    );
}

#[test]
fn sample_undated_monday_agrees_with_april_14_which_was_a_monday() {
    // Without report 1's date, "on Monday" cannot be placed; but April 14, 2025 was a
    // Monday, so the two can be the same day: not a conflict.
    let (articles, analysis) = load(&[SAMPLE_UNDATED, SAMPLE_DATED], &[]);
    let f = expect(&articles, &analysis, Kind::Date, "on Monday", "April 14");
    assert_eq!(f.status, Status::Corroborated, "{f:?}");
}

#[test]
fn results_do_not_depend_on_the_order_of_the_reports() {
    let (_, forward) = sample();
    let (_, backward) = load(
        &[SAMPLE_DATED, SAMPLE_UNDATED],
        &[(
            "afp-rubio-witkoff-in-paris-for-ukraine-talks.txt",
            (2025, 4, 17),
        )],
    );
    let mut a: Vec<(Kind, Status, String)> = forward
        .findings
        .iter()
        .map(|f| (f.kind, f.status, f.subject.clone()))
        .collect();
    let mut b: Vec<(Kind, Status, String)> = backward
        .findings
        .iter()
        .map(|f| (f.kind, f.status, f.subject.clone()))
        .collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn election_results_vote_shares_turnout_and_a_misspelt_winner() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/election/daily.txt",
            "tests/fixtures/election/wire.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    let share = expect(&articles, &analysis, Kind::Number, "52 percent", "54%");
    assert_eq!(share.status, Status::Conflict, "{text}");
    let turnout = expect(&articles, &analysis, Kind::Number, "64 percent", "61%");
    assert_eq!(turnout.status, Status::Conflict, "{text}");
    assert!(
        find(&articles, &analysis, Kind::Spelling, "Lopez", "Lopes").is_some(),
        "{text}"
    );
    // The runner-up's share is the same in both: corroborated, not a discrepancy.
    let runner_up = expect(&articles, &analysis, Kind::Number, "45 percent", "45%");
    assert_eq!(runner_up.status, Status::Corroborated, "{text}");
}

#[test]
fn earthquake_tolls_that_can_agree_are_not_conflicts() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/quake/agency.txt",
            "tests/fixtures/quake/broadcaster.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    let killed = expect(
        &articles,
        &analysis,
        Kind::Number,
        "at least 2,300",
        "2,600",
    );
    assert_eq!(killed.status, Status::Compatible, "{text}");
    let injured = expect(
        &articles,
        &analysis,
        Kind::Number,
        "more than 10,000",
        "14,000",
    );
    // "More than 10,000" injured and 14,000 agree: a floor and a count above it.
    assert_ne!(injured.status, Status::Conflict, "{text}");
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| f.status != Status::Conflict),
        "nothing here contradicts:\n{text}"
    );
}

#[test]
fn a_wildfire_area_evacuations_and_start_day_are_compared() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/wildfire/regional.txt",
            "tests/fixtures/wildfire/agency.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    for (kind, a, b) in [
        // An area is what was done over it: "burned" and "scorched" are one measure.
        (Kind::Number, "more than 12,000 hectares", "11,800 hectares"),
        // "forced 3,500 residents to leave their homes" is an evacuation.
        (
            Kind::Number,
            "3,500 residents",
            "About 4,000 people were evacuated",
        ),
        (
            Kind::Number,
            "Two firefighters were injured",
            "Three firefighters were hurt",
        ),
        // "broke out on Tuesday" and "started on Monday evening": when the fire began.
        (Kind::Date, "on Tuesday", "on Monday"),
    ] {
        let finding = expect(&articles, &analysis, kind, a, b);
        assert_eq!(finding.status, Status::Conflict, "{a} / {b}:\n{text}");
    }
    let area = expect(
        &articles,
        &analysis,
        Kind::Number,
        "more than 12,000 hectares",
        "11,800 hectares",
    );
    assert_eq!(area.subject, "area burned in Brisa", "{text}");
    assert!(
        area.explanation.contains("11,800 hectares"),
        "{}",
        area.explanation
    );
}

#[test]
fn a_protest_s_arrests_crowd_and_injured_officers_are_compared() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/protest/wire.txt",
            "tests/fixtures/protest/daily.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    for (a, b) in [
        ("arrested 37 people", "More than 40 people were detained"),
        // Marching, taking part and joining are being there.
        ("25,000", "Around 10,000 people took part"),
        ("Twelve officers were injured", "15 officers were hurt"),
    ] {
        let finding = expect(&articles, &analysis, Kind::Number, a, b);
        assert_eq!(finding.status, Status::Conflict, "{a} / {b}:\n{text}");
    }
    let arrests = expect(
        &articles,
        &analysis,
        Kind::Number,
        "arrested 37 people",
        "More than 40 people were detained",
    );
    assert!(
        !quote(&articles, arrests, 0).contains(&"thousands"),
        "the marchers are not the arrested:\n{text}"
    );
}

#[test]
fn a_flood_s_homes_aid_and_shelters_meet_across_wordings() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/flood/agency.txt",
            "tests/fixtures/flood/civil-defence.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    for (a, b) in [
        // Homes and houses are one thing counted.
        (
            "Some 2,100 homes were destroyed",
            "1,800 houses had been destroyed",
        ),
        // Money promised in aid and an aid package are one pledge.
        ("40 million euros in emergency aid", "50 million euros"),
        // Moved to temporary shelters is evacuated.
        ("about 12,000 people", "15,000 people had been evacuated"),
        ("6 are missing", "nine people still unaccounted for"),
    ] {
        let finding = expect(&articles, &analysis, Kind::Number, a, b);
        assert_eq!(finding.status, Status::Conflict, "{a} / {b}:\n{text}");
    }
    // "More than 250 millimetres" and "around 300 mm" of rain can both be true.
    assert!(
        find(
            &articles,
            &analysis,
            Kind::Number,
            "250 millimetres",
            "300 mm"
        )
        .is_none_or(|f| f.status != Status::Conflict),
        "{text}"
    );
}

#[test]
fn a_mine_blast_s_time_depth_and_names_are_compared() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/mine/operator.txt",
            "tests/fixtures/mine/emergency.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    let killed = expect(
        &articles,
        &analysis,
        Kind::Number,
        "killing four miners",
        "Five miners died",
    );
    assert_eq!(killed.status, Status::Conflict, "{text}");
    // "an explosion hit the mine shortly after 4 a.m.": the time of the explosion.
    let time = expect(&articles, &analysis, Kind::Date, "3:40 a.m.", "4 a.m.");
    assert_eq!(time.status, Status::Conflict, "{text}");
    assert_eq!(time.subject, "time of explosion", "{text}");
    for (a, b) in [
        ("Dravo Mining", "Dravo Minning"),
        ("Petra Halvik", "Petra Halvic"),
    ] {
        assert!(
            find(&articles, &analysis, Kind::Spelling, a, b).is_some(),
            "{a}:\n{text}"
        );
    }
    // "800 metres underground" and "a depth of about 750 metres" are one depth, and agree.
    let depth = expect(
        &articles,
        &analysis,
        Kind::Number,
        "800 metres",
        "750 metres",
    );
    assert_ne!(depth.status, Status::Conflict, "{text}");
}

#[test]
fn the_same_person_s_ages_are_compared() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/hostages/aid-group.txt",
            "tests/fixtures/hostages/officials.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    let age = expect(
        &articles,
        &analysis,
        Kind::Number,
        "Claire Dumont, 34",
        "Claire Dumont, 35",
    );
    assert_eq!(age.status, Status::Conflict, "{text}");
    assert_eq!(age.subject, "age of Claire Dumont");
    // "Eight aid workers held by gunmen … were set free": held by is about them, set free
    // is what happened to them.
    let freed = expect(
        &articles,
        &analysis,
        Kind::Number,
        "released 7 aid workers",
        "Eight aid workers",
    );
    assert_eq!(freed.status, Status::Conflict, "{text}");
    // "Among those freed were …" and "The freed hostages included …" name different people.
    let named = expect(
        &articles,
        &analysis,
        Kind::People,
        "Claire Dumont",
        "Peter Otieno",
    );
    assert_eq!(named.status, Status::Conflict, "{text}");
    assert!(
        named.explanation.contains("Mads Holm"),
        "{}",
        named.explanation
    );
    // The same age in two shapes agrees.
    let (articles, analysis) = load(
        &[
            "tests/cases/sandy-hook-shooting-2012/courant.txt",
            "tests/cases/sandy-hook-shooting-2012/denverchannel.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    assert!(
        analysis
            .findings
            .iter()
            .filter(|f| f.subject.starts_with("age of"))
            .all(|f| f.status == Status::Corroborated),
        "{text}"
    );
}

#[test]
fn a_toll_restated_as_confirmed_is_the_same_toll_not_a_part() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/bus/regional.txt",
            "tests/fixtures/bus/national.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    let toll = expect(
        &articles,
        &analysis,
        Kind::Number,
        "Nine people",
        "killing 11",
    );
    assert_eq!(toll.status, Status::Conflict, "{text}");
    assert!(
        !analysis.findings.iter().any(|f| f.kind == Kind::OnlyInOne
            && f.claims
                .iter()
                .any(|c| articles[c.article].text[c.start..c.end].contains("confirmed dead"))),
        "the confirmed toll is the toll, not a fact of its own:\n{text}"
    );
}

#[test]
fn plane_crash_bodies_and_the_toll_are_told_apart() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/crash/first.txt",
            "tests/fixtures/crash/second.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    let bodies = expect(&articles, &analysis, Kind::Number, "68 bodies", "70 bodies");
    assert_eq!(bodies.status, Status::Conflict, "{text}");
    let killed = expect(
        &articles,
        &analysis,
        Kind::Number,
        "at least 68",
        "72 people on board were killed",
    );
    // "At least 68" of the 72 killed and "all 72 killed" can both be true: grouped, and not
    // a conflict.
    assert_ne!(killed.status, Status::Conflict, "{text}");
    // "carrying 72" and "72 people on board" say the same.
    assert!(
        find(
            &articles,
            &analysis,
            Kind::Number,
            "carrying 72",
            "72 people on board crashed"
        )
        .is_none()
            || find(
                &articles,
                &analysis,
                Kind::Number,
                "carrying 72",
                "72 people on board"
            )
            .is_some_and(|f| !f.is_discrepancy() || f.status != Status::Conflict),
        "{text}"
    );
}

#[test]
fn a_derailment_s_toll_passengers_and_critically_injured_are_compared() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/train/wire.txt",
            "tests/fixtures/train/daily.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    // "at least 11" is a count so far, not a round figure: 15 is another count.
    let killed = expect(&articles, &analysis, Kind::Number, "at least 11", "Fifteen");
    assert!(killed.is_discrepancy(), "{text}");
    // "since 1998, when 41 people died" is an earlier accident, not this one's toll.
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| (0..2).all(|a| quote(&articles, f, a).iter().all(|q| !q.contains("41")))),
        "{text}"
    );
    // Two estimates of one count, neither the other's rounding.
    let aboard = expect(&articles, &analysis, Kind::Number, "about 350", "Some 400");
    assert!(aboard.is_discrepancy(), "{text}");
    // "Twenty-one of the injured were in critical condition" and "64 people were injured,
    // 21 of them critically": the same part of the injured, agreeing.
    let critical = expect(
        &articles,
        &analysis,
        Kind::Number,
        "Twenty-one of the injured",
        "21 of them",
    );
    assert_eq!(critical.status, Status::Corroborated, "{text}");
    // A train leaving the tracks is the derailment, not a departure.
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| !f.subject.contains("departure")),
        "{text}"
    );
}

#[test]
fn a_collapse_s_time_rescued_and_days_of_mourning_are_compared() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/collapse/agency.txt",
            "tests/fixtures/collapse/broadcaster.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    // "collapsed … shortly after 10 a.m." and "the building came down at about 10:40 a.m.,
    // witnesses said": one collapse, two times.
    let time = expect(&articles, &analysis, Kind::Date, "10 a.m.", "10:40");
    assert_eq!(time.status, Status::Conflict, "{text}");
    assert_eq!(time.subject, "time of collapse", "{text}");
    // "pulled 14 people alive" and "Eleven survivors had been pulled out".
    let rescued = expect(&articles, &analysis, Kind::Number, "14 people", "Eleven");
    assert!(rescued.is_discrepancy(), "{text}");
    let mourning = expect(&articles, &analysis, Kind::Number, "three days", "two days");
    assert_eq!(mourning.status, Status::Conflict, "{text}");
    // "at least 23 people, police said": the police are who said it, not more people.
    let killed = expect(&articles, &analysis, Kind::Number, "at least 23", "31");
    assert!(
        quote(&articles, killed, 0)
            .iter()
            .all(|q| !q.contains("police")),
        "{text}"
    );
}

#[test]
fn a_river_flood_s_homes_aid_rainfall_and_time_are_compared() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/river/agency.txt",
            "tests/fixtures/river/wire.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    // "submerging more than 2,000 homes" and "inundating about 3,500 houses": one measure.
    let homes = expect(
        &articles,
        &analysis,
        Kind::Number,
        "2,000 homes",
        "3,500 houses",
    );
    assert_eq!(homes.status, Status::Conflict, "{text}");
    // "emergency aid" and "emergency funding": "funding" is a noun, and aid.
    let money = expect(
        &articles,
        &analysis,
        Kind::Number,
        "40 million",
        "25 million",
    );
    assert_eq!(money.status, Status::Conflict, "{text}");
    // "The downpour, 210 mm in a single day": the subject is what the amount measures.
    let rain = expect(
        &articles,
        &analysis,
        Kind::Number,
        "180 millimetres",
        "210 mm",
    );
    assert_eq!(rain.status, Status::Conflict, "{text}");
    // "The Ostra river burst its banks shortly after 4 a.m." and "overflowed … at around
    // 5 a.m.": one flood.
    let time = expect(&articles, &analysis, Kind::Date, "4 a.m.", "5 a.m.");
    assert_eq!(time.subject, "time of flood", "{text}");
    // Injured and treated in hospital are not one count.
    assert!(
        find(&articles, &analysis, Kind::Number, "46 people", "Sixty").is_none(),
        "{text}"
    );
}

#[test]
fn a_delegation_named_in_part_is_a_partial_list_not_a_conflict() {
    let (articles, analysis) = load(
        &[
            "tests/fixtures/visit/one.txt",
            "tests/fixtures/visit/two.txt",
        ],
        &[],
    );
    let text = summary(&articles, &analysis);
    let f = expect(&articles, &analysis, Kind::People, "Lindner", "Habeck");
    assert_eq!(f.status, Status::Compatible, "{text}");
    assert_eq!(f.precision, [Precision::PartialList]);
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| f.status != Status::Conflict),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// The command line and its JSON contract.

fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

#[test]
fn check_json_keeps_every_object_s_keys_in_alphabetical_order() {
    let out = run(&["check", SAMPLE_UNDATED, SAMPLE_DATED, "--json"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    // serde_json's maps sort their keys (its `preserve_order` feature is off): the document
    // read back and written again is the same text only if it was written in that order, the
    // order `check --json` has always printed.
    let doc: serde_json::Value = serde_json::from_str(&text).expect("stdout is JSON");
    let again = serde_json::to_string_pretty(&doc).expect("JSON");
    assert_eq!(text, format!("{again}\n"));
}

#[test]
fn check_json_follows_the_contract() {
    let out = run(&[
        "check",
        SAMPLE_UNDATED,
        SAMPLE_DATED,
        "--json",
        "--date",
        "afp-rubio-witkoff-in-paris-for-ukraine-talks.txt=2025-04-17",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let articles = doc["articles"].as_array().expect("articles");
    assert_eq!(articles[0]["path"], SAMPLE_UNDATED);
    assert_eq!(articles[0]["date"], "2025-04-17");
    assert_eq!(articles[1]["date"], "2025-04-16");
    let kinds = ["number", "people", "date", "spelling", "only_in_one"];
    let discrepancies = doc["discrepancies"].as_array().expect("discrepancies");
    assert!(!discrepancies.is_empty());
    for d in discrepancies {
        let kind = d["kind"].as_str().expect("kind");
        assert!(kinds.contains(&kind), "kind {kind}");
        assert!(d["subject"].as_str().is_some_and(|s| !s.is_empty()));
        let claims = d["claims"].as_array().expect("claims");
        if kind == "only_in_one" {
            let paths: std::collections::BTreeSet<&str> = claims
                .iter()
                .filter_map(|c| c["article"].as_str())
                .collect();
            assert_eq!(
                paths.len(),
                1,
                "only_in_one claims come from one report: {d}"
            );
        }
        for c in claims {
            let path = c["article"].as_str().expect("article");
            let bytes = std::fs::read(root(path)).expect("article readable");
            let (start, end) = (
                c["start"].as_u64().expect("start") as usize,
                c["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(
                &bytes[start..end],
                c["text"].as_str().expect("text").as_bytes(),
                "{c}"
            );
            assert!(c["value"].is_string());
        }
    }
}

#[test]
fn check_without_json_prints_quotes_and_values() {
    let out = run(&["check", SAMPLE_UNDATED, SAMPLE_DATED]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Kryvyi Rig / Kryvyi Rih"), "{text}");
    assert!(text.contains("“killed dozens of people”"), "{text}");
}

#[test]
fn unreadable_input_exits_non_zero_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let photo = dir.path().join("photo.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0\0\0JFIF").expect("write");
    let binary = dir.path().join("data.bin");
    std::fs::write(&binary, b"\x01\x02\0\0\x7f").expect("write");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 cr\xe8me").expect("write");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"\n\n").expect("write");
    for (path, needle) in [
        (photo.to_string_lossy().into_owned(), "JPEG image"),
        (binary.to_string_lossy().into_owned(), "binary"),
        (latin1.to_string_lossy().into_owned(), "UTF-8"),
        (empty.to_string_lossy().into_owned(), "empty"),
        ("no/such/file.txt".to_owned(), "no such file"),
        (dir.path().to_string_lossy().into_owned(), "folder"),
    ] {
        let out = run(&["check", SAMPLE_DATED, &path]);
        assert!(!out.status.success(), "{path} must fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(&path) && err.contains(needle), "{err}");
    }
    let out = run(&["check", SAMPLE_DATED, "--date", "other.txt=2025-01-01"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("other.txt"));
}
