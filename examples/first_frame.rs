//! Time from start to the first frame on the embedded corpus: load, build
//! the app (and its search index), draw once into an off-screen 120×40
//! terminal. Reports the median of fresh runs in this process and the
//! first (cold) one.
//!
//! cargo run --release --example first_frame

use std::time::{Duration, Instant};

use hotline::pipeline::load::{self, Inputs, Lexicon};
use hotline::ui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn once() -> anyhow::Result<(Duration, Duration)> {
    let t = Instant::now();
    let lexicon = Lexicon::embedded();
    let timeline = load::load(&Inputs::Embedded, &lexicon);
    let loaded = t.elapsed();
    let app = App::new(timeline);
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    terminal.draw(|frame| hotline::ui::render(frame, &app))?;
    Ok((loaded, t.elapsed()))
}

fn main() -> anyhow::Result<()> {
    let (cold_load, cold) = once()?;
    let mut runs: Vec<(Duration, Duration)> = (0..20).map(|_| once()).collect::<Result<_, _>>()?;
    runs.sort_by_key(|r| r.1);
    let (load, frame) = runs[runs.len() / 2];
    println!(
        "first frame, cold: {:.1} ms (load {:.1} ms); warm median: {:.1} ms (load {:.1} ms)",
        cold.as_secs_f64() * 1e3,
        cold_load.as_secs_f64() * 1e3,
        frame.as_secs_f64() * 1e3,
        load.as_secs_f64() * 1e3
    );
    Ok(())
}
