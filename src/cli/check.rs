//! `hotline check`: read and parse only, report each file and every
//! warning, list the files passed over (not a format hotline reads) with
//! the reason, count per format how many were read and failed, and fail
//! (exit 1) when any file could not be used.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::lexicon::Lexicon;
use crate::pipeline::extract::Detail;
use crate::pipeline::load::{self, Inputs};
use crate::pipeline::read;
use crate::sanitize::inert;

pub fn run(inputs: &Inputs, lexicon: &Lexicon, out: &mut dyn Write) -> Result<ExitCode> {
    // The files passed over come from the load's own walk of the folders.
    let (timeline, failures, passed_over) = match inputs {
        Inputs::Embedded => {
            let articles = load::build_articles(read::embedded(), lexicon);
            (
                load::assemble(articles, Vec::new(), lexicon),
                Vec::new(),
                Vec::new(),
            )
        }
        Inputs::Paths(paths) => {
            // `check` shows no title, outlet or evidence: facts suffice.
            let reading = load::read_articles_noting_others(paths, lexicon, Detail::FactsOnly);
            let passed_over = read::passed_over_reasons(&reading.passed_over);
            let failures = reading.warnings;
            // The grouping kept beside the cache, as the browser reads it:
            // a warm `check` of an unchanged folder does not regroup.
            let timeline = load::assemble_keeping(paths, reading.items, failures.clone(), lexicon);
            (timeline, failures, passed_over)
        }
    };
    // The report is gathered in one buffer and written once: a line per
    // article through `write!` cost as much of the main thread's time (at
    // 10,000 files, after the parallel load) as grouping them.
    let mut report = String::with_capacity(64 * timeline.articles.len());
    for (i, article) in timeline.articles.iter().enumerate() {
        let placed = match timeline.call_of_article[i] {
            Some(c) => timeline.calls[c].id.as_str(),
            None => "not in a call",
        };
        let path = inert(&article.path, false);
        for piece in ["ok      ", &path, "  ", placed, "\n"] {
            report.push_str(piece);
        }
        for warning in &article.warnings {
            for piece in ["warning ", &path, ": ", &inert(warning, false), "\n"] {
                report.push_str(piece);
            }
        }
    }
    for failure in &failures {
        let (file, message) = (inert(&failure.file, false), inert(&failure.message, false));
        for piece in ["failed  ", &file, ": ", &message, "\n"] {
            report.push_str(piece);
        }
    }
    for (file, reason) in &passed_over {
        for piece in [
            "skipped ",
            &inert(file, false),
            ": ",
            &inert(reason, false),
            "\n",
        ] {
            report.push_str(piece);
        }
    }
    out.write_all(report.as_bytes())?;
    // Each file's format found once (its extension, as the load read it).
    let slot_of = |file: &str| {
        // `file` is the file's name: its bytes say the format (a `Path`
        // parse per article cost more than the rest of the count).
        let format =
            read::Format::of_file_name(std::ffi::OsStr::new(file)).unwrap_or(read::Format::Text);
        read::Format::ALL
            .iter()
            .position(|&f| f == format)
            .unwrap_or(0)
    };
    let mut read_by = [0usize; read::Format::ALL.len()];
    let mut failed_by = [0usize; read::Format::ALL.len()];
    for article in &timeline.articles {
        read_by[slot_of(article.file())] += 1;
    }
    for failure in &failures {
        failed_by[slot_of(&failure.file)] += 1;
    }
    let by_format: Vec<String> = read::Format::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| {
            format!(
                "{}: {} read, {} skipped",
                f.name(),
                read_by[i],
                failed_by[i]
            )
        })
        .collect();
    writeln!(
        out,
        "by format: {}; other files: {} skipped",
        by_format.join("; "),
        passed_over.len()
    )?;
    writeln!(
        out,
        "{} articles read, {} files failed, {} calls",
        timeline.articles.len(),
        failures.len(),
        timeline.calls.len()
    )?;
    out.flush()?;
    // The process ends as soon as this returns: freeing every article,
    // paragraph and fact one by one would only delay the exit (a quarter
    // of the main thread's work after the parallel load), and the OS takes
    // the memory back at once.
    std::mem::forget(timeline);
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
