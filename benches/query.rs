//! Per-keystroke matching time (criterion) for the typing sequence at 1,000
//! and 10,000 generated articles (100,000 with HOTLINE_BENCH_LARGE=1), next
//! to the floor: a plain lower-cased substring scan of the same short
//! fields. Percentiles and fzf: `cargo run --release --example keystrokes`.
//!
//! cargo bench --bench query

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use hotline::model::Timeline;
use hotline::query::{SearchIndex, parse};

const SEQUENCE: [&str; 8] = ["a", "ap", "apec", "d", "de", "den", "denuc", "xi tariff"];

fn short_lines(tl: &Timeline) -> Vec<String> {
    (0..tl.articles.len())
        .map(|i| hotline::synth::short_fields_line(tl, i).to_lowercase())
        .collect()
}

fn keystrokes(c: &mut Criterion) {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("HOTLINE_BENCH_LARGE").is_some() {
        sizes.push(100_000);
    }
    for n in sizes {
        let tl = hotline::synth::timeline(1, n);
        let index = SearchIndex::build(&tl);
        let lines = short_lines(&tl);
        let mut group = c.benchmark_group(format!("keystroke/{n}"));
        group.sample_size(if n >= 100_000 { 10 } else { 30 });
        for text in SEQUENCE {
            group.bench_with_input(BenchmarkId::new("hotline", text), &text, |b, &text| {
                b.iter(|| {
                    let q = parse(text).expect("valid query");
                    index.ranked(&tl, &q)
                })
            });
            group.bench_with_input(BenchmarkId::new("substring", text), &text, |b, &text| {
                let words: Vec<&str> = text.split_whitespace().collect();
                b.iter(|| {
                    lines
                        .iter()
                        .filter(|l| words.iter().all(|w| l.contains(w)))
                        .count()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
