//! The detail pane's layout cost on texts with very many hits.

use std::time::{Duration, Instant};

use ratatui::style::Style;

use super::{Cells, Out};

/// A text with a hundred thousand hits (`"Xi. "` repeated, each `Xi`
/// highlighted) is laid out in time linear in the text: each hit's
/// line is found once, not by scanning the hits found so far.
#[test]
fn many_hits_cost_the_text_not_hits_squared() {
    let n = 100_000;
    let text = "Xi. ".repeat(n);
    let ranges: Vec<(usize, usize, Style)> = (0..n)
        .map(|k| (4 * k, 4 * k + 2, Style::default()))
        .collect();
    let started = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut c = Cells::new();
        c.push_ranges(&text, Style::default(), &ranges, 0);
        let mut out = Out::new(80);
        out.push(c);
        let _ = tx.send(out.finish());
    });
    // Quadratic, this takes minutes; linear, well under a second
    // in release and a few seconds in a debug build.
    let view = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("laying out 100,000 hits took more than 30 s");
    assert_eq!(view.hit_lines.len(), n);
    // About 20 hits a line at 80 columns, in order.
    assert_eq!(view.hit_lines[0], 0);
    assert!(view.hit_lines.windows(2).all(|w| w[0] <= w[1]));
    assert!(view.hit_lines[n - 1] >= n / 21, "{}", view.hit_lines[n - 1]);
    assert_eq!(view.hit_lines[n - 1] + 1, view.lines.len());
    assert!(started.elapsed() < Duration::from_secs(30));
}
