//! The command line: argument parsing and the printers for `check` and `export`. The only
//! module that writes to stdout.
#![allow(clippy::print_stdout)]

use std::io::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::{self, Analysis, Finding, Input, Precision, Status};
use crate::corpus::text::counted;
use crate::corpus::text::shorten;
use crate::corpus::{self, Article};

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Open the window on these files (the bundled sample when empty).
    Gui {
        /// Files to open.
        files: Vec<PathBuf>,
        /// Renderer asked for with `--renderer`.
        renderer: Option<String>,
    },
    /// Print the discrepancies.
    Check {
        /// Files to compare.
        files: Vec<PathBuf>,
        /// JSON instead of text.
        json: bool,
        /// Dates set by hand: (file as given, date).
        dates: Vec<(String, NaiveDate)>,
    },
    /// Export a review.
    Export {
        /// The review file.
        review: PathBuf,
        /// Output format name.
        format: String,
        /// Output file (stdout when absent).
        output: Option<PathBuf>,
        /// Include unreviewed findings.
        all: bool,
    },
    /// Print usage.
    Help,
    /// Print the version.
    Version,
}

/// Usage text.
pub const USAGE: &str = "\
crosscheck — compare news reports of one event and find where they disagree

usage:
  crosscheck                           open the window on the bundled sample reports
  crosscheck FILE...                   open the window on these reports
  crosscheck check FILE... [--json] [--date FILE=YYYY-MM-DD]...
                                       print the discrepancies (text, or JSON with --json)
  crosscheck export REVIEW --format json|csv|md|claimreview|webanno [-o OUT] [--all]
                                       export a saved review (stdout without -o)

options:
  --renderer glow|wgpu                 window renderer (glow by default)
  -h, --help                           this text
  -V, --version                        the version
";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some(first) = args.first() else {
        return Ok(Command::Gui {
            files: Vec::new(),
            renderer: None,
        });
    };
    match first.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "check" => parse_check(&args[1..]),
        "export" => parse_export(&args[1..]),
        _ => {
            let mut files = Vec::new();
            let mut renderer = None;
            let mut it = args.iter();
            while let Some(arg) = it.next() {
                if arg == "--renderer" {
                    renderer = Some(it.next().ok_or("--renderer needs glow or wgpu")?.clone());
                } else if let Some(value) = arg.strip_prefix("--renderer=") {
                    renderer = Some(value.to_owned());
                } else if arg.starts_with('-') && arg.len() > 1 {
                    return Err(format!("unknown option {arg}"));
                } else {
                    files.push(PathBuf::from(arg));
                }
            }
            Ok(Command::Gui { files, renderer })
        }
    }
}

fn parse_check(args: &[String]) -> Result<Command, String> {
    let mut files = Vec::new();
    let mut json = false;
    let mut dates = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--date" => {
                let spec = it.next().ok_or("--date needs FILE=YYYY-MM-DD")?;
                dates.push(parse_date_spec(spec)?);
            }
            other if other.starts_with("--date=") => {
                dates.push(parse_date_spec(&other["--date=".len()..])?);
            }
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(format!("unknown option {other} for check"));
            }
            other => files.push(PathBuf::from(other)),
        }
    }
    if files.is_empty() {
        return Err("check needs at least one report file".to_owned());
    }
    Ok(Command::Check { files, json, dates })
}

fn parse_date_spec(spec: &str) -> Result<(String, NaiveDate), String> {
    let (file, date) = spec
        .rsplit_once('=')
        .ok_or_else(|| format!("--date {spec}: expected FILE=YYYY-MM-DD"))?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| format!("--date {spec}: “{date}” is not a date like 2025-04-17"))?;
    Ok((file.to_owned(), date))
}

fn parse_export(args: &[String]) -> Result<Command, String> {
    let mut review = None;
    let mut format = None;
    let mut output = None;
    let mut all = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" | "-f" => format = Some(it.next().ok_or("--format needs a value")?.clone()),
            "-o" | "--output" => {
                output = Some(PathBuf::from(it.next().ok_or("-o needs a file name")?));
            }
            "--all" => all = true,
            other if other.starts_with("--format=") => {
                format = Some(other["--format=".len()..].to_owned());
            }
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(format!("unknown option {other} for export"));
            }
            other => {
                if review.is_some() {
                    return Err(format!(
                        "export takes one review file; “{other}” is one too many"
                    ));
                }
                review = Some(PathBuf::from(other));
            }
        }
    }
    let review = review.ok_or("export needs a review file")?;
    let format = format.ok_or("export needs --format json|csv|md|claimreview|webanno")?;
    Ok(Command::Export {
        review,
        format,
        output,
        all,
    })
}

/// Loads the files of a `check`, applying `--date`. Fails on the first unreadable file.
pub fn load_for_check(
    files: &[PathBuf],
    dates: &[(String, NaiveDate)],
) -> Result<Vec<Article>, String> {
    let mut articles: Vec<Article> = Vec::with_capacity(files.len());
    for path in files {
        let article = corpus::load_path(path).map_err(|err| err.to_string())?;
        articles.push(article);
    }
    for (file, date) in dates {
        let matching: Vec<usize> = files
            .iter()
            .enumerate()
            .filter(|(_, path)| {
                path.as_os_str() == file.as_str()
                    || path.file_name().is_some_and(|name| name == file.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        match matching.as_slice() {
            [] => return Err(format!("--date {file}: no such file among the reports")),
            list => {
                for &i in list {
                    articles[i].set_date(Some(*date));
                }
            }
        }
    }
    Ok(articles)
}

/// Runs the engine on loaded articles.
pub fn analyze(articles: &[Article]) -> Analysis {
    let inputs: Vec<Input<'_>> = articles.iter().map(Input::from_article).collect();
    analysis::analyze(&inputs)
}

/// The `check --json` document, serialized straight from the analysis: 200 reports give some
/// 10 MB of it, and a `serde_json::Value` tree of that took twice as long as the analysis.
/// Fields are in alphabetical order, the order the document has always had (it was built as
/// a `Value`, whose maps sort their keys).
#[derive(Serialize)]
pub struct CheckJson<'a> {
    agreements: Vec<FindingJson<'a>>,
    articles: Vec<ArticleJson<'a>>,
    counts: serde_json::Value,
    discrepancies: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    date: Option<String>,
    path: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    claims: Vec<ClaimJson<'a>>,
    explanation: &'a str,
    id: &'a str,
    kind: &'static str,
    precision: &'a [Precision],
    status: Status,
    subject: &'a str,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    article: &'a str,
    display: &'a str,
    end: usize,
    start: usize,
    text: &'a str,
    value: &'a str,
}

/// The `check --json` document of `analysis` of `articles`, borrowing both; `labels` holds
/// each article's label ([`Article::label`]).
pub fn check_json<'a>(
    articles: &'a [Article],
    labels: &'a [String],
    analysis: &'a Analysis,
) -> CheckJson<'a> {
    let finding_json = |f: &'a Finding| FindingJson {
        claims: f
            .claims
            .iter()
            .map(|c| ClaimJson {
                article: labels.get(c.article).map_or("", String::as_str),
                display: &c.display,
                end: c.end,
                start: c.start,
                text: articles
                    .get(c.article)
                    .and_then(|a| a.text.get(c.start..c.end))
                    .unwrap_or_default(),
                value: &c.value,
            })
            .collect(),
        explanation: &f.explanation,
        id: &f.id,
        kind: f.kind.name(),
        precision: &f.precision,
        status: f.status,
        subject: &f.subject,
    };
    CheckJson {
        agreements: analysis
            .findings
            .iter()
            .filter(|f| !f.is_discrepancy())
            .map(finding_json)
            .collect(),
        articles: articles
            .iter()
            .zip(labels)
            .map(|(a, label)| ArticleJson {
                date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
                path: label,
                title: &a.title,
            })
            .collect(),
        counts: serde_json::to_value(analysis.counts).unwrap_or_default(),
        discrepancies: analysis
            .findings
            .iter()
            .filter(|f| f.is_discrepancy())
            .map(finding_json)
            .collect(),
    }
}

/// The readable `check` report.
pub fn check_text(articles: &[Article], analysis: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "{}", counted(articles.len(), "report", "reports"));
    for (i, a) in articles.iter().enumerate() {
        let date = a.date.map_or_else(
            || "date unknown".to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
        let _ = writeln!(out, "  [{}] {} — {} ({date})", i + 1, a.label(), a.title);
    }
    let discrepancies: Vec<&Finding> = analysis.discrepancies().collect();
    let count = |s: Status| discrepancies.iter().filter(|f| f.status == s).count();
    let _ = writeln!(
        out,
        "\n{}: {}, {} at different precision, {} only in one report; {}",
        counted(discrepancies.len(), "discrepancy", "discrepancies"),
        counted(count(Status::Conflict), "conflict", "conflicts"),
        count(Status::Compatible),
        count(Status::OnlyInOne),
        counted(
            analysis.findings.len() - discrepancies.len(),
            "agreement",
            "agreements"
        )
    );
    for f in discrepancies {
        let precision: Vec<&str> = f.precision.iter().map(|p| p.label()).collect();
        let status = if precision.is_empty() {
            f.status.label().to_owned()
        } else {
            format!("{} ({})", f.status.label(), precision.join(", "))
        };
        let _ = writeln!(out, "\n{} · {} · {}", f.kind.name(), status, f.subject);
        let _ = writeln!(out, "  {}", f.explanation);
        for c in &f.claims {
            let text = articles[c.article]
                .text
                .get(c.start..c.end)
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  [{}] “{}”  → {}",
                c.article + 1,
                shorten(text, 70),
                if c.value.is_empty() {
                    c.display.clone()
                } else {
                    crate::analysis::readable(&c.value)
                }
            );
        }
    }
    out
}

/// Writes to stdout, turning a closed pipe into a quiet success.
pub fn print(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(format!("could not write the output: {err}")),
    }
}

/// Runs `check`.
pub fn run_check(
    files: &[PathBuf],
    json: bool,
    dates: &[(String, NaiveDate)],
) -> Result<(), String> {
    let articles = load_for_check(files, dates)?;
    let analysis = analyze(&articles);
    if json {
        let labels: Vec<String> = articles.iter().map(Article::label).collect();
        let doc = check_json(&articles, &labels, &analysis);
        let text = serde_json::to_string_pretty(&doc).map_err(|err| err.to_string())?;
        print(&format!("{text}\n"))
    } else {
        print(&check_text(&articles, &analysis))
    }
}

/// Runs `export`: reads the review (RON or the JSON export), exports it to `output` (written
/// atomically) or stdout.
pub fn run_export(
    review_path: &std::path::Path,
    format: &str,
    output: Option<&std::path::Path>,
    all: bool,
) -> Result<(), String> {
    let format = crate::export::Format::parse(format).ok_or_else(|| {
        format!("unknown format “{format}”: use json, csv, md, claimreview or webanno")
    })?;
    let (mut review, _) = crate::store::load(review_path).map_err(|err| err.to_string())?;
    // The reports, with the dates the review gives them: their texts give character
    // positions for Web Annotation selectors, and with --all the engine's findings.
    let reports: Vec<Option<Article>> = review
        .articles
        .iter()
        .map(|stored| {
            crate::store::load_report(&stored.path, review_path)
                .ok()
                .map(|mut article| {
                    if stored.date.is_some() {
                        article.set_date(stored.date);
                    }
                    article
                })
        })
        .collect();
    if all {
        // A review file keeps only the reviewer's work; the rest is recomputed.
        let open: Vec<(usize, &Article)> = reports
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_ref().map(|a| (i, a)))
            .collect();
        let loaded: Vec<Article> = open.iter().map(|(_, a)| (*a).clone()).collect();
        let findings = analyze(&loaded).findings;
        let texts: Vec<(usize, &str)> = open.iter().map(|(i, a)| (*i, &*a.text)).collect();
        review = review.with_unreviewed(&findings, &texts, "", chrono::Utc::now());
    }
    let texts: Vec<Option<String>> = reports
        .iter()
        .map(|a| a.as_ref().map(|a| a.text.to_string()))
        .collect();
    let text = crate::export::export_with_texts(format, &review, all, &texts)
        .map_err(|err| err.to_string())?;
    match output {
        Some(path) => {
            crate::store::write_atomic(path, text.as_bytes()).map_err(|err| err.to_string())
        }
        None => print(&text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn no_arguments_open_the_sample() {
        assert_eq!(
            parse(&[]).unwrap(),
            Command::Gui {
                files: vec![],
                renderer: None
            }
        );
    }

    #[test]
    fn check_takes_files_json_and_dates() {
        let cmd = parse(&args(&[
            "check",
            "a.txt",
            "--json",
            "--date",
            "a.txt=2025-04-17",
            "b.txt",
        ]))
        .unwrap();
        assert_eq!(
            cmd,
            Command::Check {
                files: vec!["a.txt".into(), "b.txt".into()],
                json: true,
                dates: vec![(
                    "a.txt".into(),
                    NaiveDate::from_ymd_opt(2025, 4, 17).unwrap()
                )],
            }
        );
    }

    #[test]
    fn bad_arguments_get_a_message() {
        assert!(
            parse(&args(&["check"]))
                .unwrap_err()
                .contains("at least one")
        );
        assert!(
            parse(&args(&["check", "a", "--date", "a=2025-13-01"]))
                .unwrap_err()
                .contains("not a date")
        );
        assert!(
            parse(&args(&["check", "a", "--bogus"]))
                .unwrap_err()
                .contains("--bogus")
        );
        assert!(
            parse(&args(&["export", "r.ron"]))
                .unwrap_err()
                .contains("--format")
        );
    }
}
