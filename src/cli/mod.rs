//! The command line: argument parsing and the non-interactive subcommands.
//! Each subcommand is a thin view over `pipeline::load`; nothing here decides
//! what an article means.

mod args;
mod cache;
mod check;
mod evidence;
mod narrow;
pub mod output;
mod pager;
pub mod search;
mod show;
#[cfg(test)]
mod show_tests;
mod stats;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use crate::config;
use crate::export;
use crate::lexicon::{Lexicon, Part};
use crate::model::Timeline;
use crate::pipeline::load::{self, Inputs};
use crate::sanitize::inert;

#[derive(Debug, Parser)]
#[command(
    name = "hotline",
    version,
    about = "Browse the timeline of phone calls between leaders, built from news articles.",
    long_about = "Browse the timeline of phone calls between leaders, built from news articles.\n\n\
        With no subcommand, opens the terminal browser on PATHS (files or folders of .txt \
        articles), or on the built-in corpus when none are given (or on the `paths` of \
        $XDG_CONFIG_HOME/hotline/config.toml; see --print-config)."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article files or folders for the terminal browser (default: built-in corpus).
    paths: Vec<PathBuf>,
    /// Use this leaders file instead of the built-in one (see assets/leaders.toml).
    #[arg(long, global = true, value_name = "FILE")]
    leaders: Option<PathBuf>,
    /// Use this topic lexicon instead of the built-in one (see assets/topics.toml).
    #[arg(long, global = true, value_name = "FILE")]
    topics: Option<PathBuf>,
    /// Use this outlet table instead of the built-in one (see assets/outlets.toml).
    #[arg(long, global = true, value_name = "FILE")]
    outlets: Option<PathBuf>,
    /// Use these noise patterns instead of the built-in ones (see assets/boilerplate.toml).
    #[arg(long, global = true, value_name = "FILE")]
    boilerplate: Option<PathBuf>,
    /// Replace each of leaders.toml, topics.toml, outlets.toml, boilerplate.toml found in DIR
    /// (a --leaders, --topics, --outlets or --boilerplate file wins over DIR's).
    #[arg(long, global = true, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Follow links to directories outside the given paths (never into /proc, /sys, /dev).
    #[arg(long, short = 'L', global = true)]
    follow: bool,
    /// Neither read nor write the article cache (see `hotline cache`).
    #[arg(long, global = true)]
    no_cache: bool,
    /// Read this config file instead of $XDG_CONFIG_HOME/hotline/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore the config file: default keys, colours and paths.
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,
    /// Print the default config file (every key, colour and setting) and exit.
    #[arg(long)]
    print_config: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Calls, one line each: date, leaders, minutes, sources.
    List {
        /// Article files or folders (default: built-in corpus).
        paths: Vec<PathBuf>,
        /// Print the calls as JSON (the `calls` of `export --format json`).
        #[arg(long)]
        json: bool,
        /// Only the calls (and articles in no call) that `search Q` finds.
        #[arg(long, short = 'q', value_name = "Q")]
        query: Option<String>,
    },
    /// A call (by id, e.g. 2025-06-10-lee-xi) or an article (by file stem) as readable text.
    Show {
        /// Call id or article id; a unique prefix is enough.
        id: String,
        /// Article files or folders (default: built-in corpus).
        paths: Vec<PathBuf>,
        /// Then, for each fact, the sentence it was read from, its words marked.
        #[arg(long)]
        evidence: bool,
        /// Print to the terminal directly, not through $PAGER (default: less -R).
        #[arg(long)]
        no_pager: bool,
    },
    /// Calls per year and counterpart, per era, durations, outlets per call.
    Stats {
        /// Article files or folders (default: built-in corpus).
        paths: Vec<PathBuf>,
        /// Print the numbers as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search with the same matcher and ranking as the filter bar.
    Search {
        /// Words are ANDed; 'exact, !not, src:, era:, with:, year:, topic: prefixes.
        query: String,
        /// Article files or folders (default: built-in corpus).
        paths: Vec<PathBuf>,
        /// Print the hits as JSON: {"query", "hits": [{"article", "call", "score", "snippet"}]}.
        #[arg(long)]
        json: bool,
    },
    /// The whole timeline as JSON, CSV or Markdown.
    Export {
        /// Article files or folders (default: built-in corpus).
        paths: Vec<PathBuf>,
        /// The output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// With --format csv: a row per call, or a row per article.
        #[arg(long, value_enum, default_value_t = What::Calls)]
        what: What,
        /// Only the calls `search Q` finds (whole, with all their articles) and the
        /// articles in no call it finds.
        #[arg(long, short = 'q', value_name = "Q")]
        query: Option<String>,
    },
    /// Read and parse only; print warnings; exit 1 if any file failed.
    Check {
        /// Article files or folders (default: built-in corpus).
        paths: Vec<PathBuf>,
    },
    /// The article cache that makes reopening a folder fast: where it is, what it holds, clear it.
    #[command(
        long_about = "The article cache that makes reopening a folder fast.\n\n\
            Articles read from files are kept under $XDG_CACHE_HOME/hotline (else \
            ~/.cache/hotline), never in the corpus folder. A file whose size, time or bytes \
            changed is read again; a change to hotline or to the leaders, topics, outlets or \
            boilerplate files re-reads everything. --no-cache neither reads nor writes it."
    )]
    Cache {
        #[command(subcommand)]
        action: cache::Action,
    },
}

/// What `export --format csv` writes a row for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum What {
    Calls,
    Articles,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Csv,
    Markdown,
}

/// Parse the command line and run it.
pub fn run() -> Result<ExitCode> {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(error) = args::unknown_subcommand(&argv) {
        return clap_exit(&error);
    }
    let mut cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    if cli.print_config {
        let home = crate::lexicon::leaders::Leaders::embedded().home;
        let path = cli.config.clone().or_else(config::default_path);
        let text = config::print::default_config(path.as_deref(), &home);
        let mut out = output::Guard::stdout(io::stdout().lock());
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let config = config::for_run(cli.config.as_deref(), cli.no_config)?;
    if let Some(paths) = cli.paths_defaulted()
        && paths.is_empty()
    {
        *paths = config.default_paths()?;
    }
    args::check_paths(cli.paths())?;
    crate::pipeline::read::set_follow_links(cli.follow);
    let mut lexicon = lexicon(&cli)?;
    config.apply_home(&mut lexicon, &leaders_file(&cli))?;
    let browser = cli.command.is_none() && io::stdout().is_terminal();
    cache::setup(cli.no_cache, browser);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(output::Guard::stdout(stdout.lock()));
    let code = match cli.command {
        None => {
            let inputs = Inputs::from_paths(cli.paths);
            if !io::stdout().is_terminal() {
                // Not a terminal: a pipe wants the list, not a screen.
                let timeline = load(&inputs, &lexicon);
                write_list(&timeline, &mut out)?;
            } else {
                drop(out);
                // The browser loads on its own thread behind a loading
                // screen, so a big corpus never means a blank terminal.
                let settings = crate::ui::tui::Settings {
                    keymap: Some(config.keymap.clone()),
                    palette: config.palette,
                    config_file: config.file.clone(),
                };
                let result = crate::ui::tui::run_loading_with(inputs, lexicon, settings);
                crate::cache::wait_for_saves();
                return result;
            }
            ExitCode::SUCCESS
        }
        Some(Command::List { paths, json, query }) => {
            let timeline = load(&Inputs::from_paths(paths.clone()), &lexicon);
            let timeline = match &query {
                Some(q) => narrow::narrow(q, &paths, timeline)?,
                None => timeline,
            };
            if json {
                serde_json::to_writer_pretty(&mut out, &export::calls_json(&timeline))?;
                writeln!(out)?;
            } else if let Some(q) = query.filter(|_| timeline.articles.is_empty()) {
                writeln!(out, "nothing matches {}", inert(&q, false))?;
            } else {
                write_list(&timeline, &mut out)?;
            }
            ExitCode::SUCCESS
        }
        Some(Command::Show {
            id,
            paths,
            evidence,
            no_pager,
        }) => {
            let timeline = load(&Inputs::from_paths(paths), &lexicon);
            let tty = io::stdout().is_terminal();
            let mode = match (evidence, tty) {
                (false, _) => show::Evidence::Off,
                (true, true) => show::Evidence::Styled,
                (true, false) => show::Evidence::Plain,
            };
            let pager = match (tty, no_pager) {
                (true, false) => pager::pager_argv(std::env::var("PAGER").ok().as_deref()),
                _ => None,
            };
            match pager {
                Some(words) => show_paged(&id, &timeline, mode, &words, &mut out)?,
                None => {
                    // Styled evidence marks words with escapes of its own.
                    out.get_mut().allow_escapes(mode == show::Evidence::Styled);
                    show::run(&id, &timeline, mode, &mut out)?
                }
            }
        }
        Some(Command::Stats { paths, json }) => {
            let timeline = load(&Inputs::from_paths(paths), &lexicon);
            let numbers = crate::stats::compute(&timeline, None);
            if json {
                serde_json::to_writer_pretty(&mut out, &numbers)?;
                writeln!(out)?;
            } else {
                stats::write_text(&numbers, &mut out)?;
            }
            ExitCode::SUCCESS
        }
        Some(Command::Search { query, paths, json }) => {
            let timeline = load(&Inputs::from_paths(paths.clone()), &lexicon);
            search::run(&query, json, &paths, &timeline, &mut out)?;
            ExitCode::SUCCESS
        }
        Some(Command::Export {
            paths,
            format,
            what,
            query,
        }) => {
            if what == What::Articles && format != Format::Csv {
                anyhow::bail!(
                    "--what articles goes with --format csv (JSON has the articles already)"
                );
            }
            let timeline = load(&Inputs::from_paths(paths.clone()), &lexicon);
            let timeline = match &query {
                Some(q) => narrow::narrow(q, &paths, timeline)?,
                None => timeline,
            };
            match (format, what) {
                (Format::Json, _) => export::write_json(&timeline, &mut out)?,
                (Format::Csv, What::Calls) => export::write_csv(&timeline, &mut out)?,
                (Format::Csv, What::Articles) => export::write_csv_articles(&timeline, &mut out)?,
                (Format::Markdown, _) => export::write_markdown(&timeline, &mut out)?,
            }
            ExitCode::SUCCESS
        }
        Some(Command::Check { paths }) => {
            check::run(&Inputs::from_paths(paths), &lexicon, &mut out)?
        }
        Some(Command::Cache { action }) => {
            cache::run(&action, &mut out)?;
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

impl Cli {
    /// The PATHS given, to whichever command.
    fn paths(&self) -> &[PathBuf] {
        match &self.command {
            None => &self.paths,
            Some(
                Command::List { paths, .. }
                | Command::Show { paths, .. }
                | Command::Stats { paths, .. }
                | Command::Search { paths, .. }
                | Command::Export { paths, .. }
                | Command::Check { paths }
                | Command::Cache {
                    action: cache::Action::Path { paths },
                },
            ) => paths,
            Some(Command::Cache { .. }) => &[],
        }
    }
}

/// `show` on a terminal: the text, guarded as on stdout, through the
/// pager; a pager that can not start leaves it to be printed directly.
fn show_paged(
    id: &str,
    timeline: &Timeline,
    mode: show::Evidence,
    words: &[String],
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut text = output::Guard::other(Vec::new());
    text.allow_escapes(mode == show::Evidence::Styled);
    let code = show::run(id, timeline, mode, &mut text)?;
    let text = text.into_inner();
    if pager::page(&text, words).is_err() {
        out.write_all(&text)?;
    }
    Ok(code)
}

impl Cli {
    /// The PATHS of a command that opens a corpus, which the config's
    /// `paths` fill when none are given.
    fn paths_defaulted(&mut self) -> Option<&mut Vec<PathBuf>> {
        match &mut self.command {
            None => Some(&mut self.paths),
            Some(
                Command::List { paths, .. }
                | Command::Show { paths, .. }
                | Command::Stats { paths, .. }
                | Command::Search { paths, .. }
                | Command::Export { paths, .. }
                | Command::Check { paths },
            ) => Some(paths),
            Some(Command::Cache { .. }) => None,
        }
    }
}

/// The leaders file in use, for an error about the home country.
fn leaders_file(cli: &Cli) -> String {
    let from_dir = cli
        .lexicon
        .as_ref()
        .map(|dir| dir.join(Part::Leaders.file_name()))
        .filter(|p| p.exists());
    match cli.leaders.as_ref().or(from_dir.as_ref()) {
        Some(path) => format!("leaders file {}", inert(&path.display().to_string(), false)),
        None => "the built-in leaders.toml".into(),
    }
}

/// `--help` and `--version` go to stdout and fail like any other output
/// (`>/dev/full`); usage errors go to stderr, exit 2.
fn clap_exit(error: &clap::Error) -> Result<ExitCode> {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let text = if io::stdout().is_terminal() {
                error.render().ansi().to_string()
            } else {
                error.render().to_string()
            };
            let mut out = io::stdout().lock();
            if !io::stdout().is_terminal() {
                output::Guard::stdout(&mut out).write_all(text.as_bytes())?;
            } else {
                out.write_all(text.as_bytes())?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            output::eprint_line(error.render().to_string().trim_end());
            Ok(ExitCode::from(2))
        }
    }
}

/// The built-in lexicon with what `--lexicon DIR` and the single-file
/// flags replace, the single files last.
fn lexicon(cli: &Cli) -> Result<Lexicon> {
    let mut lexicon = Lexicon::embedded();
    if let Some(dir) = &cli.lexicon {
        lexicon.replace_from_dir(dir)?;
    }
    let files = [
        (Part::Leaders, &cli.leaders),
        (Part::Topics, &cli.topics),
        (Part::Outlets, &cli.outlets),
        (Part::Boilerplate, &cli.boilerplate),
    ];
    for (part, path) in files {
        if let Some(path) = path {
            lexicon.replace(part, path)?;
        }
    }
    Ok(lexicon)
}

/// Load, and tell stderr about every file that had a problem: the output
/// on stdout stays clean for pipes. A stderr that can't be written is
/// ignored.
fn load(inputs: &Inputs, lexicon: &Lexicon) -> Timeline {
    let timeline = load::load(inputs, lexicon);
    for warning in &timeline.warnings {
        output::eprint_line(&format!(
            "hotline: warning: {}: {}",
            inert(&warning.file, false),
            inert(&warning.message, false)
        ));
    }
    timeline
}

/// `list`: one line a call, newest first, then the articles no call holds.
pub fn write_list(timeline: &Timeline, out: &mut dyn Write) -> Result<()> {
    for call in &timeline.calls {
        let minutes = call
            .duration_minutes
            .value
            .map_or("  ? min".to_string(), |m| format!("{m:>3} min"));
        let start = call
            .start_time
            .value
            .map_or("     ".to_string(), |t| t.format("%H:%M").to_string());
        let leaders = format!(
            "{} ↔ {}",
            timeline.leader_name(call.home),
            timeline.leader_name(call.counterpart)
        );
        writeln!(
            out,
            "{}  {:<30}  {}  {}  {}",
            call.date,
            leaders,
            minutes,
            start,
            inert(&export::outlets(timeline, call).join(", "), false)
        )?;
    }
    if timeline.calls.is_empty() {
        writeln!(
            out,
            "no calls found in {} articles",
            timeline.articles.len()
        )?;
    }
    for &a in &timeline.unassigned {
        let article = &timeline.articles[a];
        writeln!(
            out,
            "not in a call  {}  {}",
            inert(&article.id, false),
            inert(&article.title, false)
        )?;
    }
    Ok(())
}
