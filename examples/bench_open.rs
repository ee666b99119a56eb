//! The issue 12 benchmark: whole-process times of the release binary
//! against grep and fzf on generated corpora, each pair run in turn, with
//! medians and ranges; then, in process, time to the first frame (app and
//! search index built: ready to filter) with the cache cold and warm, and
//! peak RSS over corpus size.
//!
//! cargo build --release && cargo run --release --example bench_open -- 1000 10000 100000 [--runs 7] [--tui-only]
//!
//! `--tui-only`: only the browser's phases (load, first frame, index,
//! ready; cold and warm) and keystrokes, not the whole-process pairs.
//!
//! Corpora: /tmp/corpus10k and /tmp/gc100000 are used for 10000 and
//! 100000 when present (shared);
//! other sizes are generated under /tmp/hotline-bench-N (seed 1). The
//! cache lives in a temp folder (XDG_CACHE_HOME), never the user's.
//! Needs `grep`, `fzf` (else `grep -i` over the same lines stands in) and
//! `/usr/bin/time` for peak RSS (else that column is left out).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use hotline::cache::{self, Notices, Setting, Store};
use hotline::pipeline::load::{self, Inputs, Lexicon};
use hotline::query::{SearchIndex, parse};
use hotline::ui::action::Reloaded;
use hotline::ui::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Bench {
    hotline: PathBuf,
    xdg: PathBuf,
    runs: usize,
    tui_only: bool,
}

fn main() -> Result<()> {
    let mut sizes = Vec::new();
    let mut runs = 7;
    // Only the browser's phases, in process: the whole-process pairs at
    // 100,000 take many minutes and do not change with the open.
    let mut tui_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().context("--runs N")?.parse()?;
        } else if a == "--tui-only" {
            tui_only = true;
        } else {
            sizes.push(a.parse::<usize>().context("sizes are numbers")?);
        }
    }
    if sizes.is_empty() {
        sizes = vec![1000, 10_000];
    }
    let exe = std::env::current_exe()?;
    let hotline = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("hotline"))
        .context("no target folder")?;
    if !hotline.exists() {
        bail!("{} missing: cargo build --release first", hotline.display());
    }
    let xdg = tempfile::tempdir()?;
    let bench = Bench {
        hotline,
        xdg: xdg.path().to_path_buf(),
        runs,
        tui_only,
    };
    let fzf = Command::new("fzf").arg("--version").output().is_ok();
    println!("| files | corpus MB | command | median ms | range ms | vs |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for n in sizes {
        bench.size(n, fzf)?;
    }
    Ok(())
}

impl Bench {
    fn size(&self, n: usize, fzf: bool) -> Result<()> {
        let dir = corpus(n)?;
        let bytes = dir_bytes(&dir)?;
        let d = dir.to_string_lossy().into_owned();
        let mb = bytes as f64 / 1e6;
        let row = |what: &str, t: &[Duration], vs: Option<(&str, &[Duration])>| {
            let ratio = vs.map_or(String::new(), |(name, v)| {
                format!("{:.2}× {name}", median(t) / median(v))
            });
            println!(
                "| {n} | {mb:.1} | {what} | {:.0} | {:.0}–{:.0} | {ratio} |",
                median(t),
                ms(t.iter().min()),
                ms(t.iter().max())
            );
        };
        if self.tui_only {
            return self.tui_rows(n, &dir, &row);
        }
        let lines = lines_file(&dir, n)?;
        let l = lines.to_string_lossy().into_owned();
        let hot = |args: &[&str]| self.cmd(&self.hotline, args, &d);
        let grep = || self.cmd(Path::new("grep"), &["-rli", "apec"], &d);
        let clear = || self.cmd(&self.hotline, &["cache", "clear"], "");

        let (check_cold, grep_t) = self.pair(
            || hot(&["check", "--no-cache"]),
            grep,
            || Ok(Duration::ZERO),
        )?;
        row("`grep -rli apec DIR`", &grep_t, None);
        row(
            "`hotline check --no-cache DIR`",
            &check_cold,
            Some(("grep", &grep_t)),
        );
        hot(&["check"])?;
        let (check_warm, _) = self.pair(|| hot(&["check"]), grep, || Ok(Duration::ZERO))?;
        row(
            "`hotline check DIR` (warm cache)",
            &check_warm,
            Some(("grep", &grep_t)),
        );

        let filter = || {
            if fzf {
                self.cmd_stdin(Path::new("fzf"), &["--filter", "apec"], &lines)
            } else {
                self.cmd(Path::new("grep"), &["-i", "apec", &l], "")
            }
        };
        let filter_name = if fzf {
            "`fzf --filter apec < LINES`"
        } else {
            "`grep -i apec LINES`"
        };
        let (cold, filt) = self.pair(|| hot(&["search", "apec"]), filter, clear)?;
        row(filter_name, &filt, None);
        row(
            "`hotline search apec DIR` (cold cache)",
            &cold,
            Some(("filter", &filt)),
        );
        hot(&["search", "apec"])?;
        let (warm, _) = self.pair(|| hot(&["search", "apec"]), filter, || Ok(Duration::ZERO))?;
        row(
            "`hotline search apec DIR` (warm cache)",
            &warm,
            Some(("filter", &filt)),
        );
        let (plain, _) = self.pair(
            || hot(&["search", "apec", "--no-cache"]),
            filter,
            || Ok(Duration::ZERO),
        )?;
        row(
            "`hotline search apec DIR --no-cache`",
            &plain,
            Some(("filter", &filt)),
        );

        self.tui_rows(n, &dir, &row)?;
        // The warm rows follow the searches above, so the cache is warm.
        for (what, args) in [
            ("check --no-cache", &["check", "--no-cache"][..]),
            ("check (warm)", &["check"][..]),
            ("search (warm)", &["search", "apec"][..]),
        ] {
            let mut peaks = Vec::new();
            for _ in 0..self.runs.max(3) {
                if let Some(kib) = self.peak_rss_kib(args, &d)? {
                    peaks.push(kib);
                }
            }
            peaks.sort_unstable();
            if let (Some(&low), Some(&high)) = (peaks.first(), peaks.last()) {
                // `time`'s %M is in KiB.
                let mb = |kib: u64| (kib * 1024) as f64 / 1e6;
                let median = mb(peaks[peaks.len() / 2]);
                println!(
                    "| {n} | {mb_corpus:.1} | peak RSS `{what}` | {median:.1} MB | {:.1}–{:.1} MB | {:.2}× corpus |",
                    mb(low),
                    mb(high),
                    median * 1e6 / bytes as f64,
                    mb_corpus = bytes as f64 / 1e6,
                );
            }
        }
        Ok(())
    }

    /// The browser's phases, cold and warm, and keystroke times.
    fn tui_rows(&self, n: usize, dir: &Path, row: &Row) -> Result<()> {
        let ready = self.ready(dir)?;
        let mb = dir_bytes(dir)? as f64 / 1e6;
        for (state, phases) in [("cold", &ready.cold), ("warm", &ready.warm)] {
            let pick = |f: Phase| phases.iter().map(f).collect::<Vec<_>>();
            let rows: [(&str, Phase); 5] = [
                ("load (read or cache, group)", |p| p.load),
                ("first frame", |p| p.first_frame),
                ("search index (after the first frame)", |p| p.index),
                ("search index built whole, for comparison", |p| p.rebuild),
                ("ready to filter", |p| p.ready),
            ];
            for (what, f) in rows {
                row(
                    &format!("TUI {what}, in process ({state} cache)"),
                    &pick(f),
                    None,
                );
            }
        }
        let (p50, p95) = stats(ready.keys.clone());
        println!(
            "| {n} | {mb:.1} | keystroke (ranked hits, {} queries × {} rounds) | p50 {p50:.1} | p95 {p95:.1} | |",
            KEYS.len(),
            KEY_ROUNDS
        );
        Ok(())
    }

    /// `a` and `b` in turn, `runs` times each; `before` runs untimed
    /// before every `a` (to empty the cache for a cold run).
    fn pair(
        &self,
        a: impl Fn() -> Result<Duration>,
        b: impl Fn() -> Result<Duration>,
        before: impl Fn() -> Result<Duration>,
    ) -> Result<(Vec<Duration>, Vec<Duration>)> {
        let (mut ta, mut tb) = (Vec::new(), Vec::new());
        for _ in 0..self.runs {
            before()?;
            ta.push(a()?);
            tb.push(b()?);
        }
        Ok((ta, tb))
    }

    fn command(&self, program: &Path, args: &[&str], path: &str) -> Command {
        let mut c = Command::new(program);
        c.args(args).env("XDG_CACHE_HOME", &self.xdg);
        if !path.is_empty() {
            c.arg(path);
        }
        c.stdout(Stdio::null()).stderr(Stdio::null());
        c
    }

    fn cmd(&self, program: &Path, args: &[&str], path: &str) -> Result<Duration> {
        let t = Instant::now();
        self.command(program, args, path).status()?;
        Ok(t.elapsed())
    }

    fn cmd_stdin(&self, program: &Path, args: &[&str], input: &Path) -> Result<Duration> {
        let t = Instant::now();
        self.command(program, args, "")
            .stdin(fs::File::open(input)?)
            .status()?;
        Ok(t.elapsed())
    }

    /// Load (through the cache in `self.xdg`) as the browser does: the
    /// first frame drawn as soon as the timeline is in, then the search
    /// index (`query::kept::index_for`: read from the cache when warm) and the
    /// frame drawn ready to filter. Cold then warm, `runs` times each;
    /// then keystroke times over the last warm load.
    fn ready(&self, dir: &Path) -> Result<Ready> {
        let store = Store::at(self.xdg.join("hotline"));
        cache::enable(Setting {
            store: store.clone(),
            notices: Notices::Stderr,
            background_save: true,
        });
        let roots = vec![dir.to_path_buf()];
        let once = || -> Result<(Phases, App)> {
            let t = Instant::now();
            // As the browser's loader does: the kept word index is read
            // while the articles load.
            hotline::query::kept::read_ahead(&roots);
            let timeline = load::load(&Inputs::Paths(roots.clone()), &Lexicon::embedded());
            let load = t.elapsed();
            let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
            let mut app = App::new_indexing(timeline);
            terminal.draw(|frame| hotline::ui::render(frame, &app))?;
            let first_frame = t.elapsed();
            let timeline = app.timeline.clone();
            let index = hotline::query::kept::index_for(&roots, &timeline);
            let index_done = t.elapsed();
            // What the index cost before the cache kept its word part.
            let rebuilt = Instant::now();
            std::hint::black_box(SearchIndex::build(&timeline));
            let rebuild = rebuilt.elapsed();
            let t = t + rebuild;
            // As the browser's run loop does when the index arrives: the
            // app drawn first stays, and only takes the index.
            let index = Arc::new(index);
            hotline::ui::update(&mut app, Action::IndexReady(Reloaded { timeline, index }));
            terminal.draw(|frame| hotline::ui::render(frame, &app))?;
            let phases = Phases {
                load,
                first_frame,
                index: index_done - first_frame,
                rebuild,
                ready: t.elapsed(),
            };
            cache::wait_for_saves();
            Ok((phases, app))
        };
        let mut out = Ready::default();
        let mut last = None;
        for _ in 0..self.runs {
            store.clear()?;
            out.cold.push(once()?.0);
            drop(last.take());
            let (warm, app) = once()?;
            out.warm.push(warm);
            last = Some(app);
        }
        cache::disable();
        if let Some(app) = last {
            out.keys = keystrokes(&app);
        }
        Ok(out)
    }

    fn peak_rss_kib(&self, args: &[&str], dir: &str) -> Result<Option<u64>> {
        let time = Path::new("/usr/bin/time");
        if !time.exists() {
            return Ok(None);
        }
        let out = tempfile::NamedTempFile::new()?;
        let mut c = self.command(time, &["-f", "%M", "-o"], "");
        c.arg(out.path()).arg(&self.hotline).args(args).arg(dir);
        c.status()?;
        let text = fs::read_to_string(out.path())?;
        Ok(text.trim().lines().last().and_then(|l| l.parse().ok()))
    }
}

fn corpus(n: usize) -> Result<PathBuf> {
    // The shared corpora (`gen_corpus DIR N 1`: the same files).
    for (size, shared) in [(10_000, "/tmp/corpus10k"), (100_000, "/tmp/gc100000")] {
        if n == size && Path::new(shared).is_dir() {
            return Ok(PathBuf::from(shared));
        }
    }
    let dir = PathBuf::from(format!("/tmp/hotline-bench-{n}"));
    if !dir.is_dir() {
        fs::create_dir_all(&dir)?;
        hotline::synth::write_corpus(&dir, 1, n)?;
    }
    Ok(dir)
}

/// The corpus's articles as 300-character lines, one file (what fzf is
/// given: the "articles as short lines").
fn lines_file(dir: &Path, n: usize) -> Result<PathBuf> {
    let path = std::env::temp_dir().join(format!("hotline-bench-{n}.lines"));
    let mut out = std::io::BufWriter::new(fs::File::create(&path)?);
    let mut names: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        let text = fs::read_to_string(&p)?.replace(['\n', '\r'], " ");
        let chars: Vec<char> = text.chars().collect();
        for chunk in chars.chunks(300) {
            let line: String = chunk.iter().collect();
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(path)
}

fn dir_bytes(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for e in fs::read_dir(dir)? {
        let e = e?;
        if e.file_type()?.is_file() && e.path().extension().is_some_and(|x| x == "txt") {
            total += e.metadata()?.len();
        }
    }
    Ok(total)
}

/// Prints one table row: what, its times, and what they compare with.
type Row<'a> = dyn Fn(&str, &[Duration], Option<(&str, &[Duration])>) + 'a;

/// Reads one phase's time.
type Phase = fn(&Phases) -> Duration;

/// Times of one open, from its start.
#[derive(Clone, Copy)]
struct Phases {
    load: Duration,
    first_frame: Duration,
    /// The search index alone.
    index: Duration,
    /// `SearchIndex::build` on the same timeline (not counted in `ready`).
    rebuild: Duration,
    ready: Duration,
}

#[derive(Default)]
struct Ready {
    cold: Vec<Phases>,
    warm: Vec<Phases>,
    keys: Vec<Duration>,
}

/// What a user types, one query per keystroke (as `examples/keystrokes.rs`).
const KEYS: [&str; 8] = ["a", "ap", "apec", "d", "de", "den", "denuc", "xi tariff"];
const KEY_ROUNDS: usize = 5;

/// One keystroke's matching (ranked hits, what the worker does) for each
/// query of `KEYS`, `KEY_ROUNDS` times.
fn keystrokes(app: &App) -> Vec<Duration> {
    let Some(index) = app.load.index() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for _ in 0..KEY_ROUNDS {
        for q in KEYS {
            let Ok(query) = parse(q) else { continue };
            let t = Instant::now();
            std::hint::black_box(index.ranked(&app.timeline, &query));
            out.push(t.elapsed());
        }
    }
    out
}

/// Median and 95th percentile, ms.
fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let p95 = ((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1;
    (ms(v[v.len() / 2]), ms(v[p95]))
}

fn median(t: &[Duration]) -> f64 {
    let mut v: Vec<f64> = t.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn ms(d: Option<&Duration>) -> f64 {
    d.map_or(0.0, |d| d.as_secs_f64() * 1e3)
}
