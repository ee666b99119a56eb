//! The `hotline` binary: parse the command line, run, and turn errors into
//! a message on stderr and a non-zero exit status.

use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    match hotline::cli::run() {
        Ok(code) => code,
        Err(error) => {
            // `hotline list | head` closing the pipe early is not a failure.
            if error
                .chain()
                .filter_map(|e| e.downcast_ref::<io::Error>())
                .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("hotline: {error:#}");
            ExitCode::from(2)
        }
    }
}
