//! Load throughput (criterion, bytes/s): read + clean + extract + group of
//! generated article files on disk, through `load::load` as the binary
//! does it. The index build is timed separately.
//!
//! cargo bench --bench load

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use hotline::pipeline::load::{self, Inputs, Lexicon};
use hotline::query::SearchIndex;

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    // HOTLINE_BENCH_FILES sets the corpus size (default 1,000 files).
    let files = std::env::var("HOTLINE_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let bytes = hotline::synth::write_corpus(dir.path(), 1, files).expect("corpus written");
    let inputs = Inputs::Paths(vec![dir.path().to_path_buf()]);
    let lexicon = Lexicon::embedded();
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("read+clean+extract+group/{files}"), |b| {
        b.iter(|| load::load(&inputs, &lexicon))
    });
    let timeline = load::load(&inputs, &lexicon);
    group.bench_function(format!("search index/{files}"), |b| {
        b.iter(|| SearchIndex::build(&timeline))
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
