//! `hotline stats`: the numbers of the browser's statistics screen as
//! aligned plain tables (or JSON), for a pipe or a report.

use std::io::Write;

use anyhow::Result;

use crate::sanitize::inert;
use crate::stats::{Stats, YearDurations};

/// The tables, one after the other, each under a heading line.
pub fn write_text(stats: &Stats, out: &mut dyn Write) -> Result<()> {
    let scope = match &stats.only {
        Some(name) => format!("calls with {}", inert(name, false)),
        None => "all calls".to_string(),
    };
    writeln!(
        out,
        "{scope}: {} call{}, {} article{}",
        stats.calls,
        plural(stats.calls),
        stats.articles,
        plural(stats.articles)
    )?;

    writeln!(out, "\ncalls per year")?;
    let mut header = vec!["year".to_string()];
    header.extend(
        stats
            .counterparts
            .iter()
            .map(|n| inert(n, false).into_owned()),
    );
    header.push("total".into());
    let rows = stats.years.iter().map(|y| {
        let mut row = vec![y.year.to_string()];
        row.extend(y.per_counterpart.iter().map(usize::to_string));
        row.push(y.total.to_string());
        row
    });
    table(out, header, rows.collect())?;

    writeln!(out, "\ncalls per era")?;
    let rows = stats.eras.iter().map(|e| {
        let to = e.to.map_or(String::new(), |y| y.to_string());
        vec![
            inert(&e.leader, false).into_owned(),
            format!("{}–{to}", e.from),
            e.calls.to_string(),
        ]
    });
    table(out, words(&["era", "years", "calls"]), rows.collect())?;

    writeln!(
        out,
        "\ndurations in minutes (over the calls that state one)"
    )?;
    let rows = stats.durations.iter().map(YearDurations::cells).collect();
    table(out, words(&YearDurations::HEADINGS), rows)?;

    writeln!(out, "\noutlets")?;
    let rows = stats.outlets.iter().map(|o| {
        vec![
            inert(&o.outlet, false).into_owned(),
            o.calls.to_string(),
            o.articles.to_string(),
        ]
    });
    table(out, words(&["outlet", "calls", "articles"]), rows.collect())?;

    writeln!(out, "\narticles per call")?;
    let rows = stats
        .articles_per_call
        .iter()
        .map(|(n, calls)| vec![n.to_string(), calls.to_string()]);
    table(out, words(&["articles", "calls"]), rows.collect())?;

    writeln!(out, "\nhow the date was found")?;
    let rows = stats
        .date_basis
        .iter()
        .map(|(basis, n)| vec![basis.clone(), n.to_string()]);
    table(out, words(&["date", "calls"]), rows.collect())?;
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn words(w: &[&str]) -> Vec<String> {
    w.iter().map(|s| s.to_string()).collect()
}

/// Columns padded to their widest cell: the first left-aligned (a name),
/// the others right-aligned (numbers). An empty table says so.
fn table(out: &mut dyn Write, header: Vec<String>, rows: Vec<Vec<String>>) -> Result<()> {
    if rows.is_empty() {
        writeln!(out, "  (none)")?;
        return Ok(());
    }
    let mut widths: Vec<usize> = header.iter().map(|h| crate::ui::text::width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(crate::ui::text::width(cell));
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::from(" ");
        for (k, (cell, &w)) in row.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w.saturating_sub(crate::ui::text::width(cell)));
            line.push(' ');
            if k == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push(' ');
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
