//! Everything a load produces (articles with their paragraphs and
//! sentences, facts, calls, eras, warnings) as Rust debug text: for checking
//! that a change to the pipeline (a faster scanner, say) changes nothing.
//!
//! cargo run --release --example dump_timeline -- /tmp/corpus10k > before.txt
//! (change, rebuild)
//! cargo run --release --example dump_timeline -- /tmp/corpus10k > after.txt
//! cmp before.txt after.txt
//!
//! With no paths, the embedded corpus.

use std::io::Write;
use std::path::PathBuf;

use hotline::pipeline::load::{self, Inputs, Lexicon};

fn main() -> anyhow::Result<()> {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let timeline = load::load(&Inputs::from_paths(paths), &Lexicon::embedded());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{timeline:#?}")?;
    out.flush()?;
    Ok(())
}
