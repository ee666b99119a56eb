//! The `hotline` binary: parse the command line, run, and turn errors into
//! a message on stderr and a non-zero exit status.

use std::process::ExitCode;

use hotline::cli::output;
use hotline::sanitize::inert;

fn main() -> ExitCode {
    pin_mmap_threshold();
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

/// glibc raises its mmap threshold each time a large block is freed, so
/// later large blocks (the growing article list, the cache's tables) come
/// from the heap instead, and the pages they leave stay resident beside
/// the articles. Pinned at glibc's default, peak memory at 10,000
/// articles is about 1 MiB lower (BENCHMARKS.md, session 7).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn pin_mmap_threshold() {
    // SAFETY: `mallopt` only sets an allocator parameter; it is called
    // first thing in `main`, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn pin_mmap_threshold() {}
