//! The command line: argument parsing and the printers for `check` and `export`. The only
//! module that writes to stdout.
#![allow(clippy::print_stdout)]

use std::io::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{CommandFactory as _, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::analysis::{self, Analysis, Finding, Input, Precision, Status};
use crate::corpus::text::counted;
use crate::corpus::text::shorten;
use crate::corpus::{self, Article};

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Open the window on these files (the bundled sample when empty; a review file among
    /// them opens as the review).
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
    /// Print the text the engine reads from a report.
    Text {
        /// The report.
        file: PathBuf,
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
    /// Print a shell completion script.
    Completions(clap_complete::Shell),
}

/// Compare news reports of one event and find where they disagree.
///
/// With no arguments the window opens on the bundled sample reports; with files, on those
/// reports (a review file among them opens as the review, with its reports).
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
    /// Reports (plain UTF-8 text or saved web pages) or a review file to open in the window.
    files: Vec<PathBuf>,
    /// The window's renderer.
    #[arg(long, value_enum)]
    renderer: Option<Renderer>,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Print the discrepancies between reports (readable text, or JSON with --json).
    Check {
        /// The reports to compare.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the JSON document instead of text.
        #[arg(long)]
        json: bool,
        /// A report's publication date, for reports whose text does not give it; relative
        /// dates ("on Monday") resolve against it. Repeat for several reports.
        #[arg(long = "date", value_name = "FILE=YYYY-MM-DD", value_parser = parse_date_spec)]
        dates: Vec<(String, NaiveDate)>,
    },
    /// Print the text the engine reads from a report: the file itself for a plain-text
    /// report, the article text extracted from a saved web page. Offsets in `check --json`
    /// count bytes of this text.
    Text {
        /// The report (.txt, or .html/.htm as saved by a browser).
        file: PathBuf,
    },
    /// Export a saved review (to stdout without -o).
    Export {
        /// The review file (annotations/*.ron, or a JSON export).
        review: PathBuf,
        /// The output format.
        #[arg(long, short, value_enum)]
        format: FormatArg,
        /// Where to write (atomically); stdout when absent.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Include the discrepancies nobody reviewed (the engine runs on the review's
        /// reports for them).
        #[arg(long)]
        all: bool,
    },
    /// Print a completion script for a shell.
    ///
    /// For example: crosscheck completions bash >
    /// ~/.local/share/bash-completion/completions/crosscheck
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// The window's renderers.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Renderer {
    /// OpenGL (the default).
    Glow,
    /// wgpu (builds with `--features wgpu` only).
    Wgpu,
}

/// Export formats, as named on the command line.
// The doc comments are the help text clap prints, where backticks would show.
#[allow(clippy::doc_markdown)]
#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// The review as JSON (re-importable).
    Json,
    /// One row per annotation.
    Csv,
    /// A readable report in Markdown.
    Md,
    /// The same report as one self-contained HTML page.
    Html,
    /// schema.org ClaimReview (JSON-LD).
    Claimreview,
    /// W3C Web Annotation (JSON-LD).
    Webanno,
}

impl FormatArg {
    fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Md => "md",
            Self::Html => "html",
            Self::Claimreview => "claimreview",
            Self::Webanno => "webanno",
        }
    }
}

/// Parses the arguments after the program name. `Err` holds clap's error, which prints
/// itself (help and version too) and knows its exit code.
pub fn parse(args: &[String]) -> Result<Command, clap::Error> {
    // Report files and subcommands share the first place: a first word that is no file and
    // nearly a subcommand's name is a typo of it ("chek").
    if let Some(first) = args.first()
        && !first.starts_with('-')
        && !std::path::Path::new(first).exists()
        && let Some(name) = ["check", "text", "export", "completions"]
            .into_iter()
            .find(|name| strsim::damerau_levenshtein(first, name) <= 2 && first != name)
    {
        return Err(Cli::command().error(
            clap::error::ErrorKind::InvalidSubcommand,
            format!(
                "unrecognized subcommand '{first}'\n\n  tip: a similar subcommand exists: '{name}'"
            ),
        ));
    }
    let cli =
        Cli::try_parse_from(std::iter::once("crosscheck".to_owned()).chain(args.iter().cloned()))?;
    Ok(match cli.command {
        None => Command::Gui {
            files: cli.files,
            renderer: cli.renderer.map(|r| match r {
                Renderer::Glow => "glow".to_owned(),
                Renderer::Wgpu => "wgpu".to_owned(),
            }),
        },
        Some(Sub::Check { files, json, dates }) => Command::Check { files, json, dates },
        Some(Sub::Text { file }) => Command::Text { file },
        Some(Sub::Export {
            review,
            format,
            output,
            all,
        }) => Command::Export {
            review,
            format: format.name().to_owned(),
            output,
            all,
        },
        Some(Sub::Completions { shell }) => Command::Completions(shell),
    })
}

/// Prints the completion script for `shell`.
pub fn run_completions(shell: clap_complete::Shell) -> Result<(), String> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut out);
    print(&String::from_utf8_lossy(&out))
}

/// `--date FILE=YYYY-MM-DD`, checked in one place.
fn parse_date_spec(spec: &str) -> Result<(String, NaiveDate), String> {
    let (file, date) = spec
        .rsplit_once('=')
        .ok_or_else(|| format!("expected FILE=YYYY-MM-DD, got “{spec}”"))?;
    if file.is_empty() {
        return Err(format!("no file before “={date}”"));
    }
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| format!("“{date}” is not a date like 2025-04-17"))?;
    Ok((file.to_owned(), date))
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
    authors: &'a [String],
    date: Option<String>,
    /// `text` (offsets count bytes of the file) or `html` (bytes of the article text
    /// extracted from the page, which `crosscheck text FILE` prints).
    form: &'static str,
    outlet: &'a str,
    path: &'a str,
    published: &'a str,
    title: &'a str,
    url: &'a str,
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
                authors: &a.meta.authors,
                date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
                form: a.form.name(),
                outlet: &a.meta.outlet,
                path: label,
                published: &a.meta.published,
                title: &a.title,
                url: &a.meta.url,
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
        let outlet = if a.meta.outlet.is_empty() {
            String::new()
        } else {
            format!(" · {}", a.meta.outlet)
        };
        let _ = writeln!(
            out,
            "  [{}] {} — {} ({date}){outlet}",
            i + 1,
            a.label(),
            a.title
        );
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

/// Runs `text`: prints exactly the text `check` analyses for this report.
pub fn run_text(file: &std::path::Path) -> Result<(), String> {
    let article = corpus::load_path(file).map_err(|err| err.to_string())?;
    print(&article.text)
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
        format!("unknown format “{format}”: use json, csv, md, html, claimreview or webanno")
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
        assert_eq!(
            parse(&args(&["a.txt", "--renderer", "glow"])).unwrap(),
            Command::Gui {
                files: vec!["a.txt".into()],
                renderer: Some("glow".into())
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
        let err = |a: &[&str]| parse(&args(a)).unwrap_err().to_string();
        assert!(err(&["check"]).contains("FILES"), "{}", err(&["check"]));
        assert!(err(&["check", "a", "--date", "a=2025-13-01"]).contains("not a date"));
        assert!(err(&["check", "a", "--date", "2025-01-01"]).contains("FILE=YYYY-MM-DD"));
        assert!(err(&["check", "a", "--bogus"]).contains("--bogus"));
        assert!(err(&["export", "r.ron"]).contains("--format"));
        assert!(err(&["export", "r.ron", "--format", "pdf"]).contains("claimreview"));
        // A typo gets a suggestion.
        assert!(
            err(&["chek", "a"]).contains("'check'"),
            "{}",
            err(&["chek", "a"])
        );
        assert!(err(&["check", "a", "--jsno"]).contains("--json"));
    }

    #[test]
    fn help_and_version_are_clap_displays_not_errors() {
        use clap::error::ErrorKind;
        for (a, kind) in [
            (&["--help"][..], ErrorKind::DisplayHelp),
            (&["check", "--help"], ErrorKind::DisplayHelp),
            (&["--version"], ErrorKind::DisplayVersion),
        ] {
            assert_eq!(parse(&args(a)).unwrap_err().kind(), kind, "{a:?}");
        }
    }

    #[test]
    fn text_takes_one_file() {
        assert_eq!(
            parse(&args(&["text", "page.html"])).unwrap(),
            Command::Text {
                file: "page.html".into()
            }
        );
        assert!(parse(&args(&["text"])).is_err());
    }

    #[test]
    fn completions_for_a_shell() {
        assert_eq!(
            parse(&args(&["completions", "bash"])).unwrap(),
            Command::Completions(clap_complete::Shell::Bash)
        );
    }
}
