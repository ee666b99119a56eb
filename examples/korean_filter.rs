//! Filter keystroke latency on a mixed corpus, a third of it Korean: the
//! generated English articles plus copies of the Korean fixture articles
//! (tests/data/korean/articles), each copy varied by a few made-up Hangul
//! words so the Korean vocabulary grows with the corpus. Loaded through
//! the real pipeline from a temporary folder, then each query of a typing
//! sequence (초성, syllables, particles, English) is timed as a full search
//! and as typed (re-checking the previous hits when the query narrows).
//! Prints Markdown; the last line is p50/p95 over every keystroke.
//!
//! cargo run --release --example korean_filter -- [TOTAL=10000]

use std::path::Path;
use std::time::{Duration, Instant};

use hotline::pipeline::load::{self, Inputs, Lexicon};
use hotline::query::{Query, SearchIndex, parse};

const SEQUENCE: [&str; 16] = [
    "ㅅ",
    "ㅅㅈ",
    "ㅅㅈㅍ",
    "시",
    "시진",
    "시진핑",
    "통",
    "통화",
    "통화를",
    "ㅌㅎ",
    "x",
    "xi",
    "xi 통",
    "xi 통화",
    "a",
    "apec",
];

fn main() -> anyhow::Result<()> {
    let total: usize = match std::env::args().nth(1) {
        Some(s) => s.parse()?,
        None => 10_000,
    };
    let korean = total / 3;
    let dir = tempfile::tempdir()?;
    hotline::synth::write_corpus(dir.path(), 1, total - korean)?;
    write_korean(dir.path(), korean)?;
    let t = Instant::now();
    let tl = load::load(
        &Inputs::from_paths(vec![dir.path().to_path_buf()]),
        &Lexicon::embedded(),
    );
    let load = t.elapsed();
    let t = Instant::now();
    let index = SearchIndex::build(&tl);
    println!(
        "\n## {} articles ({korean} Korean): loaded in {:.0} ms, index built in {:.0} ms, vocabulary {} words\n",
        tl.articles.len(),
        load.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3,
        index.vocab.len()
    );
    println!("| query | hits | full search p50 / p95 ms | as typed p50 / p95 ms |");
    println!("|---|---:|---:|---:|");
    let mut typed_all = Vec::new();
    let mut previous: Option<(Query, Vec<usize>)> = None;
    for text in SEQUENCE {
        let q = parse(text)?;
        let hits = index.ranked(&tl, &q);
        let full = time(50, || {
            let q = parse(text).expect("valid");
            std::hint::black_box(index.ranked(&tl, &q));
        });
        let typed = match previous.as_ref().filter(|(pq, _)| q.narrows(pq)) {
            Some((_, prev)) => time(50, || {
                let q = parse(text).expect("valid");
                std::hint::black_box(index.search_within(&tl, &q, prev));
            }),
            None => full.clone(),
        };
        let (f50, f95) = stats(full);
        println!(
            "| `{text}` | {} | {f50:.2} / {f95:.2} | {:.2} / {:.2} |",
            hits.len(),
            stats(typed.clone()).0,
            stats(typed.clone()).1
        );
        typed_all.extend(typed);
        let mut arts: Vec<usize> = hits.iter().map(|h| h.article).collect();
        arts.sort_unstable();
        previous = Some((q, arts));
    }
    let (p50, p95) = stats(typed_all);
    println!("\nevery keystroke as typed: p50 {p50:.2} ms, p95 {p95:.2} ms");
    Ok(())
}

/// `count` Korean articles: the fixture articles in turn, each with a
/// closing line of two made-up words (a different pair per copy).
fn write_korean(dir: &Path, count: usize) -> anyhow::Result<()> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/korean/articles");
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(fixtures)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            sources.push(std::fs::read_to_string(&path)?);
        }
    }
    sources.sort();
    anyhow::ensure!(!sources.is_empty(), "no Korean fixture articles");
    for i in 0..count {
        let text = &sources[i % sources.len()];
        let extra = format!(
            "\n\n관련 기사: {}와 {}를 참고했다.\n",
            word(i * 2),
            word(i * 2 + 1)
        );
        std::fs::write(dir.join(format!("ko{i:05}.txt")), format!("{text}{extra}"))?;
    }
    Ok(())
}

/// A made-up word of three syllables, different for each `n`.
fn word(n: usize) -> String {
    let mut n = n.wrapping_mul(2_654_435_761) % (11_172 * 64);
    (0..3)
        .map(|_| {
            let c = char::from_u32(0xAC00 + (n % 11_172) as u32).unwrap_or('가');
            n = n / 7 + 1_237;
            c
        })
        .collect()
}

fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let p95 = ((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1;
    (ms(v[v.len() / 2]), ms(v[p95]))
}

fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    for _ in 0..2 {
        f();
    }
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}
