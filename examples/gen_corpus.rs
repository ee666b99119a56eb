//! Write a deterministic synthetic corpus for benchmarks and scale tests.
//!
//! cargo run --release --example gen_corpus -- DIR [COUNT] [SEED]

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: gen_corpus DIR [COUNT=10000] [SEED=1]"))?,
    );
    let count: usize = args.next().map_or(Ok(10_000), |s| s.parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |s| s.parse())?;
    let bytes = hotline::synth::write_corpus(&dir, seed, count)?;
    println!("{count} articles, {bytes} bytes in {}", dir.display());
    Ok(())
}
