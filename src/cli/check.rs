//! `hotline check`: read and parse only, report each file and every
//! warning, and fail (exit 1) when any file could not be used.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::corpus::{self, Inputs, Lexicon};
use crate::read;
use crate::sanitize::inert;

pub fn run(inputs: &Inputs, lexicon: &Lexicon, out: &mut dyn Write) -> Result<ExitCode> {
    let (articles, failures) = match inputs {
        Inputs::Embedded => (
            corpus::build_articles(read::embedded(), lexicon),
            Vec::new(),
        ),
        Inputs::Paths(paths) => corpus::read_articles(paths, lexicon),
    };
    let timeline = corpus::assemble(articles, failures.clone(), lexicon);
    for (i, article) in timeline.articles.iter().enumerate() {
        let placed = match timeline.call_of_article[i] {
            Some(c) => timeline.calls[c].id.clone(),
            None => "not in a call".to_string(),
        };
        writeln!(out, "ok      {}  {}", inert(&article.path, false), placed)?;
        for warning in &article.warnings {
            writeln!(
                out,
                "warning {}: {}",
                inert(&article.path, false),
                inert(warning, false)
            )?;
        }
    }
    for failure in &failures {
        writeln!(
            out,
            "failed  {}: {}",
            inert(&failure.file, false),
            inert(&failure.message, false)
        )?;
    }
    writeln!(
        out,
        "{} articles read, {} files failed, {} calls",
        timeline.articles.len(),
        failures.len(),
        timeline.calls.len()
    )?;
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
