//! Load throughput and peak memory on a folder of articles: read + clean +
//! extract + group through `load::load` (MB/s of file bytes), then the
//! search index; peak resident memory (VmHWM from /proc/self/status)
//! against the corpus size on disk. Run it in its own process so the peak
//! is this corpus's.
//!
//! cargo run --release --example gen_corpus -- /tmp/corpus10k 10000
//! cargo run --release --example load_memory -- /tmp/corpus10k

use std::path::{Path, PathBuf};
use std::time::Instant;

use hotline::pipeline::load::{self, Inputs, Lexicon};
use hotline::query::SearchIndex;

fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn disk_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                disk_bytes(&p)
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

fn main() -> anyhow::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("usage: load_memory DIR"))?,
    );
    let bytes = disk_bytes(&dir);
    let base = status_kb("VmHWM:");
    let lexicon = Lexicon::embedded();
    let t = Instant::now();
    let timeline = load::load(&Inputs::Paths(vec![dir.clone()]), &lexicon);
    let load = t.elapsed().as_secs_f64();
    let after_load = status_kb("VmRSS:");
    let t = Instant::now();
    let index = SearchIndex::build(&timeline);
    let build = t.elapsed().as_secs_f64();
    let peak = status_kb("VmHWM:");
    let rss = status_kb("VmRSS:");
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} articles, {} calls, {mb:.1} MB on disk",
        timeline.articles.len(),
        timeline.calls.len()
    );
    println!(
        "load (read+clean+extract+group): {:.2} s, {:.1} MB/s",
        load,
        mb / load
    );
    println!("index: {:.2} s, {} words", build, index.vocab.len());
    println!(
        "memory: baseline {:.1} MB, RSS after load {:.1} MB, RSS with index {:.1} MB, peak {:.1} MB",
        base as f64 / 1e3,
        after_load as f64 / 1e3,
        rss as f64 / 1e3,
        peak as f64 / 1e3
    );
    println!(
        "peak / corpus: {:.2}x (resident with timeline + index: {:.2}x)",
        peak as f64 * 1e3 / bytes as f64,
        rss as f64 * 1e3 / bytes as f64
    );
    std::hint::black_box((&timeline, &index));
    Ok(())
}
