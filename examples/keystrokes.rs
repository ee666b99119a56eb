//! Per-keystroke matching times (median and p95 over many runs, measured
//! with `Instant`) at several corpus sizes, against two references on the
//! same articles and queries: a plain lower-cased substring scan and
//! `fzf --filter` (skipped when fzf is not installed). Also times typing
//! through the background worker at the largest size. Prints Markdown.
//!
//! cargo run --release --example keystrokes -- [SIZES=1000,10000,100000] [--hotline-only]
//!
//! `--hotline-only` skips the references and the worker (fzf over 100,000
//! full articles takes minutes): for profiling and repeated runs.

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use hotline::model::Timeline;
use hotline::query::{MatchWorker, SearchIndex, parse};

const SEQUENCE: [&str; 8] = ["a", "ap", "apec", "d", "de", "den", "denuc", "xi tariff"];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hotline_only = args.iter().any(|a| a == "--hotline-only");
    let sizes: Vec<usize> = match args.iter().find(|a| !a.starts_with("--")) {
        Some(s) => s.split(',').map(str::parse).collect::<Result<_, _>>()?,
        None => vec![1_000, 10_000, 100_000],
    };
    let fzf = !hotline_only && Command::new("fzf").arg("--version").output().is_ok();
    println!(
        "cores: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for &n in &sizes {
        report(n, fzf, hotline_only)?;
    }
    Ok(())
}

fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let p95 = ((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1;
    (ms(v[v.len() / 2]), ms(v[p95]))
}

fn time(runs: usize, f: impl FnMut()) -> (f64, f64) {
    stats(samples(runs, f))
}

/// Each run's time, after two warm-up runs.
fn samples(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
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

/// The generated corpus as a model, built directly (the loading stages
/// are measured by `load_memory` and `cargo bench --bench load`).
fn build(n: usize) -> (Timeline, usize, Duration) {
    let t = Instant::now();
    let timeline = hotline::synth::timeline(1, n);
    let bytes = timeline
        .articles
        .iter()
        .flat_map(|a| &a.paragraphs)
        .map(|p| p.text.len())
        .sum();
    (timeline, bytes, t.elapsed())
}

/// The short fields, one lower-cased line per article (title, outlet,
/// leaders, topics, date) and the same plus the body.
fn flatten(tl: &Timeline) -> (Vec<String>, Vec<String>) {
    let mut short = Vec::new();
    let mut full = Vec::new();
    for (i, a) in tl.articles.iter().enumerate() {
        let line = hotline::synth::short_fields_line(tl, i);
        let mut body = line.clone();
        for p in &a.paragraphs {
            body.push(' ');
            body.push_str(&p.text.replace('\n', " "));
        }
        short.push(line);
        full.push(body);
    }
    (short, full)
}

fn substring_scan(lines: &[String], query: &str) -> usize {
    let words: Vec<&str> = query.split_whitespace().collect();
    lines
        .iter()
        .filter(|l| words.iter().all(|w| l.contains(w)))
        .count()
}

fn report(n: usize, fzf: bool, hotline_only: bool) -> anyhow::Result<()> {
    let (tl, bytes, load) = build(n);
    let t = Instant::now();
    let index = SearchIndex::build(&tl);
    let index_time = t.elapsed();
    println!(
        "\n## {n} articles ({:.1} MB of body text): generated in {:.0} ms, index built in {:.0} ms, vocabulary {} words\n",
        bytes as f64 / 1e6,
        load.as_secs_f64() * 1e3,
        index_time.as_secs_f64() * 1e3,
        index.vocab.len()
    );
    let (short, full) = if hotline_only {
        (Vec::new(), Vec::new())
    } else {
        flatten(&tl)
    };
    let short_l: Vec<String> = short.iter().map(|s| s.to_lowercase()).collect();
    let full_l: Vec<String> = full.iter().map(|s| s.to_lowercase()).collect();
    let dir = tempfile::tempdir()?;
    let short_file = dir.path().join("short.txt");
    let full_file = dir.path().join("full.txt");
    std::fs::write(&short_file, short.join("\n"))?;
    std::fs::write(&full_file, full.join("\n"))?;

    let runs = match n {
        0..2_000 => 300,
        2_000..20_000 => 100,
        _ => 20,
    };
    println!(
        "| query | hits | full search med / p95 ms | as typed (narrowing) med / p95 ms | substring short / full ms | fzf short / full ms |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let mut previous: Option<(hotline::query::Query, Vec<usize>)> = None;
    let mut every = Vec::new();
    for text in SEQUENCE {
        let q = parse(text)?;
        let hits = index.ranked(&tl, &q);
        let full_runs = samples(runs, || {
            let q = parse(text).expect("valid");
            std::hint::black_box(index.ranked(&tl, &q));
        });
        every.extend(&full_runs);
        let (med, p95) = stats(full_runs);
        let within = previous
            .as_ref()
            .filter(|(pq, _)| q.narrows(pq))
            .map(|(_, p)| p.clone());
        let (tmed, tp95) = match &within {
            Some(prev) => time(runs, || {
                let q = parse(text).expect("valid");
                std::hint::black_box(index.search_within(&tl, &q, prev));
            }),
            None => (med, p95),
        };
        let (sub_s, sub_f) = if hotline_only {
            (f64::NAN, f64::NAN)
        } else {
            let (s, _) = time(runs, || {
                std::hint::black_box(substring_scan(&short_l, text));
            });
            let (f, _) = time(runs.min(50), || {
                std::hint::black_box(substring_scan(&full_l, text));
            });
            (s, f)
        };
        let fz = if fzf {
            let s = fzf_time(&short_file, text, runs.min(10))?;
            let f = fzf_time(&full_file, text, if n >= 50_000 { 1 } else { 5 })?;
            format!("{s:.1} / {f:.1}")
        } else if hotline_only {
            "skipped".to_string()
        } else {
            "fzf not installed".to_string()
        };
        println!(
            "| `{text}` | {} | {med:.2} / {p95:.2} | {tmed:.2} / {tp95:.2} | {sub_s:.2} / {sub_f:.2} | {fz} |",
            hits.len()
        );
        let mut arts: Vec<usize> = hits.iter().map(|h| h.article).collect();
        arts.sort_unstable();
        previous = Some((q, arts));
    }
    let (med, p95) = stats(every);
    println!("\nall queries, full search: p50 {med:.2} ms, p95 {p95:.2} ms");
    if !hotline_only {
        typing(&tl, &index);
    }
    Ok(())
}

/// Whole-process time of `fzf --filter`, median over runs.
fn fzf_time(file: &std::path::Path, query: &str, runs: usize) -> anyhow::Result<f64> {
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let input = std::fs::File::open(file)?;
        let t = Instant::now();
        Command::new("fzf")
            .args(["--filter", query])
            .stdin(input)
            .stdout(Stdio::null())
            .status()?;
        times.push(t.elapsed());
    }
    Ok(stats(times).0)
}

/// Type the sequence through the worker, one key every 30 ms: how long a
/// `submit` takes (the UI thread's only cost) and how long after the last
/// key of each word its answer arrives.
fn typing(tl: &Timeline, index: &SearchIndex) {
    let (tx, rx) = mpsc::channel();
    let worker = MatchWorker::spawn(Arc::new(tl.clone()), Arc::new(index.clone()), move |o| {
        let _ = tx.send((Instant::now(), o.generation));
    });
    let mut generation = 0;
    let mut submit_max = Duration::ZERO;
    let mut waits = Vec::new();
    for word in ["apec", "denuc", "xi tariff"] {
        let mut last_sent = Instant::now();
        for end in 1..=word.len() {
            generation += 1;
            let t = Instant::now();
            worker.submit(generation, word[..end].to_string());
            submit_max = submit_max.max(t.elapsed());
            last_sent = Instant::now();
            std::thread::sleep(Duration::from_millis(30));
        }
        while let Ok((at, g)) = rx.recv_timeout(Duration::from_secs(10)) {
            if g == generation {
                waits.push(at.saturating_duration_since(last_sent));
                break;
            }
        }
        // Clear the field between words, as a user would.
        generation += 1;
        worker.submit(generation, String::new());
        while let Ok((_, g)) = rx.recv_timeout(Duration::from_secs(10)) {
            if g == generation {
                break;
            }
        }
    }
    let _ = std::io::stdout().flush();
    println!(
        "\nworker, typing at 30 ms/key: longest submit {:.3} ms; final answer after last key: {:?} ms",
        submit_max.as_secs_f64() * 1e3,
        waits
            .iter()
            .map(|d| (d.as_secs_f64() * 1e4).round() / 10.0)
            .collect::<Vec<_>>()
    );
}
