//! Write a deterministic synthetic corpus for benchmarks and scale tests,
//! and its expected reading as `gold.json` next to the articles (the format
//! `shared/tools/eval.py` scores).
//!
//! cargo run --release --example gen_corpus -- DIR [COUNT] [SEED]
//! hotline export --format json DIR > out.json
//! python3 ../shared/tools/eval.py out.json DIR/gold.json

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: gen_corpus DIR [COUNT=10000] [SEED=1]"))?,
    );
    let count: usize = args.next().map_or(Ok(10_000), |s| s.parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |s| s.parse())?;
    let gold = dir.join("gold.json");
    let bytes = hotline::synth::write_corpus_with_gold(&dir, seed, count, &gold)?;
    println!(
        "{count} articles, {bytes} bytes in {}; gold in {}",
        dir.display(),
        gold.display()
    );
    Ok(())
}
