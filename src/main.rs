//! The `hotline` binary: parse the command line, run, and turn errors into
//! a message on stderr and a non-zero exit status.

use std::process::ExitCode;

use hotline::cli::output;
use hotline::sanitize::inert;

fn main() -> ExitCode {
    match hotline::cli::run() {
        Ok(code) => code,
        Err(error) => {
            // `hotline list | head` closing the pipe early is not a failure.
            // Whatever wrapped the error (serde_json, csv, anyhow).
            if output::stdout_closed() || output::is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            // Quoted file names and lexicon lines stay inert; a stderr
            // that can't be written is ignored.
            output::eprint_line(&format!("hotline: {}", inert(&format!("{error:#}"), false)));
            ExitCode::from(2)
        }
    }
}
