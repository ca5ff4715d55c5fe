//! `crosscheck`: parses the command line and starts the window or a command.

use std::process::ExitCode;

use crosscheck::cli::{self, Command};

fn main() -> ExitCode {
    crosscheck::ui::PROCESS_START.get_or_init(std::time::Instant::now);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(command) => command,
        // Help and version print and exit 0; usage errors print and exit 2.
        Err(err) => err.exit(),
    };
    let result = match command {
        Command::Completions(shell) => cli::run_completions(shell),
        Command::Check { files, json, dates } => cli::run_check(&files, json, &dates),
        Command::Text { file } => cli::run_text(&file),
        Command::Export {
            review,
            format,
            output,
            all,
        } => cli::run_export(&review, &format, output.as_deref(), all),
        Command::Gui { files, renderer } => {
            let start = crosscheck::ui::load_start(&files);
            crosscheck::ui::run(start, renderer.as_deref())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::FAILURE
        }
    }
}
