//! `hotline check`: read and parse only, report each file and every
//! warning, list the files passed over (not a format hotline reads) with
//! the reason, count per format how many were read and failed, and fail
//! (exit 1) when any file could not be used.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::lexicon::Lexicon;
use crate::pipeline::load::{self, Inputs};
use crate::pipeline::read;
use crate::sanitize::inert;

pub fn run(inputs: &Inputs, lexicon: &Lexicon, out: &mut dyn Write) -> Result<ExitCode> {
    let (articles, failures) = match inputs {
        Inputs::Embedded => (load::build_articles(read::embedded(), lexicon), Vec::new()),
        Inputs::Paths(paths) => load::read_articles(paths, lexicon),
    };
    let timeline = load::assemble(articles, failures.clone(), lexicon);
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
    let passed_over = match inputs {
        Inputs::Embedded => Vec::new(),
        Inputs::Paths(paths) => read::survey(paths),
    };
    for (file, reason) in &passed_over {
        writeln!(
            out,
            "skipped {}: {}",
            inert(file, false),
            inert(reason, false)
        )?;
    }
    let format_of = |file: &str| read::Format::of_path(std::path::Path::new(file));
    let by_format: Vec<String> = read::Format::ALL
        .iter()
        .map(|&f| {
            let read = timeline
                .articles
                .iter()
                .filter(|a| format_of(&a.file).unwrap_or(read::Format::Text) == f)
                .count();
            let failed = failures
                .iter()
                .filter(|w| format_of(&w.file).unwrap_or(read::Format::Text) == f)
                .count();
            format!("{}: {read} read, {failed} skipped", f.name())
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
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
