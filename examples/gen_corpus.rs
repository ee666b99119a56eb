//! Write a deterministic synthetic corpus for benchmarks and scale tests,
//! and its expected reading as `gold.json` next to the articles (the format
//! `shared/tools/eval.py` scores). FORMAT is `txt` (the seed format, the
//! default), `md` (web-clipper Markdown) or `html` (saved news pages).
//!
//! cargo run --release --example gen_corpus -- DIR [COUNT] [SEED] [FORMAT]
//! hotline export --format json DIR > out.json
//! python3 ../shared/tools/eval.py out.json DIR/gold.json

use std::path::PathBuf;

use hotline::synth::Format;

fn main() -> anyhow::Result<()> {
    let usage = "usage: gen_corpus DIR [COUNT=10000] [SEED=1] [FORMAT=txt|md|html]";
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let count: usize = args.next().map_or(Ok(10_000), |s| s.parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |s| s.parse())?;
    let format: Format = args
        .next()
        .map_or(Ok(Format::Txt), |s| s.parse())
        .map_err(|e| anyhow::anyhow!("{e}\n{usage}"))?;
    let gold = dir.join("gold.json");
    let bytes = hotline::synth::write_corpus_with_gold_as(&dir, seed, count, format, &gold)?;
    println!(
        "{count} articles ({}), {bytes} bytes in {}; gold in {}",
        format.extension(),
        dir.display(),
        gold.display()
    );
    Ok(())
}
