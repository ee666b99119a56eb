//! The detail pane's text, laid out: the selected call's facts (with
//! disagreements between outlets kept visible), then the selected article
//! in full, wrapped to the pane, filter matches highlighted; or, in the
//! evidence view (`v`), the article with the sentence of each fact marked
//! (`evidence`). Styled with the theme; `ui::view::detail` only draws it.

use ratatui::style::Style;

use super::call_facts::{LABEL_WIDTH, call_facts, label, outlets, unassigned_facts};
use crate::ui::state::app::{App, Group, Row};
use crate::ui::state::overlays::warnings::warning_cells;
use crate::ui::text::Cells;

use super::DetailView;
use super::out::{Out, meta_line};

/// Everything the pane shows for the current selection, `width` columns wide.
pub fn build(app: &App, width: usize) -> DetailView {
    let mut out = Out::new(width);
    let t = &app.timeline;
    let theme = &app.theme;
    if t.articles.is_empty() {
        empty_corpus(app, &mut out);
        return out.finish();
    }
    if app.no_matches() {
        let mut c = Cells::new();
        c.push("Nothing matches ", theme.bold());
        c.push("“", theme.text());
        c.push_untrusted(app.filter.input.text(), theme.highlight());
        c.push("”.", theme.text());
        out.push(c);
        out.blank();
        let mut c = Cells::new();
        c.push(
            "Words are ANDed: try fewer. Esc clears the filter.",
            theme.dim(),
        );
        out.push(c);
        return out.finish();
    }
    match app.selected_row() {
        Some(Row::Group(Group::Era(e))) => era_summary(app, e, &mut out),
        Some(Row::Group(Group::Unassigned)) => unassigned_summary(app, &mut out),
        Some(Row::Group(Group::Orphans)) => {
            let mut c = Cells::new();
            c.push("Calls outside every era", theme.bold());
            out.push(c);
        }
        Some(Row::Call(call)) => {
            call_facts(app, call, &mut out);
            if let Some(a) = app.selected_article() {
                article_rule(app, Some(call), a, &mut out);
                body(app, a, &mut out);
            }
        }
        Some(Row::Article { article, call }) => {
            match call {
                Some(c) => call_facts(app, c, &mut out),
                None => unassigned_facts(app, article, &mut out),
            }
            article_rule(app, call, article, &mut out);
            body(app, article, &mut out);
        }
        None => {}
    }
    out.finish()
}

/// The selected article: as it reads, or in the evidence view.
fn body(app: &App, article: usize, out: &mut Out) {
    if app.evidence {
        super::evidence::section(app, article, out);
    } else {
        article_section(app, article, app.hit_cursor, out);
    }
}

/// One article alone (title, meta line, paragraphs): the side-by-side panes.
pub fn article_only(app: &App, article: usize, width: usize) -> DetailView {
    let mut out = Out::new(width);
    article_section(app, article, None, &mut out);
    out.finish()
}

fn empty_corpus(app: &App, out: &mut Out) {
    let theme = &app.theme;
    if let Some(what) = app.load.loading() {
        let mut c = Cells::new();
        c.push("Loading ", theme.bold());
        c.push_untrusted(what, theme.bold());
        c.push("…", theme.bold());
        out.push(c);
        out.blank();
        let mut c = Cells::new();
        c.push(
            "Reading, cleaning and indexing the articles. Keys work meanwhile: q quits, / starts a filter that runs once they are in.",
            theme.dim(),
        );
        out.push(c);
        return;
    }
    let mut c = Cells::new();
    c.push("No articles loaded.", theme.bold());
    out.push(c);
    out.blank();
    let mut c = Cells::new();
    c.push(
        "Give hotline a folder of .txt articles or some files: hotline ~/clips/ or hotline a.txt b.txt. With no paths it opens the corpus built into the program.",
        theme.text(),
    );
    out.push(c);
    if !app.timeline.warnings.is_empty() {
        out.blank();
        let mut c = Cells::new();
        c.push("Warnings", theme.bold());
        out.push(c);
        for w in &app.timeline.warnings {
            out.push(warning_cells(w, theme));
        }
    }
}

fn article_rule(app: &App, call: Option<usize>, article: usize, out: &mut Out) {
    let theme = &app.theme;
    let mut label = Cells::new();
    let name = app
        .timeline
        .articles
        .get(article)
        .and_then(|a| a.source.clone())
        .unwrap_or_else(|| crate::export::SOURCE_NOT_STATED.into());
    label.push_untrusted(&name, theme.outlet());
    if let Some(call) = call.and_then(|c| app.timeline.calls.get(c)) {
        let pos = call
            .articles
            .iter()
            .position(|&a| a == article)
            .map_or(0, |p| p + 1);
        label.push(&format!(" ({pos}/{})", call.articles.len()), theme.dim());
    }
    if app.pinned == Some(article) {
        label.push(" · pinned", theme.bold());
    }
    if app.evidence {
        label.push(" · evidence", theme.bold());
    }
    out.rule(label, theme.dim());
}

/// Valid, sorted, non-overlapping highlight ranges in `text`.
fn valid_ranges(text: &str, mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        if s >= e || text.get(s..e).is_none() {
            continue;
        }
        if out.last().is_some_and(|&(_, pe)| s < pe) {
            continue;
        }
        out.push((s, e));
    }
    out
}

fn article_section(app: &App, article: usize, current: Option<usize>, out: &mut Out) {
    let Some(a) = app.timeline.articles.get(article) else {
        return;
    };
    let theme = &app.theme;
    let hl = match &app.filter.query {
        Some(q) if app.filter.active() => match app.load.index() {
            Some(index) => index.highlights(&app.timeline, q, article),
            None => Default::default(),
        },
        _ => Default::default(),
    };
    let style_for = |k: usize| {
        if current == Some(k) {
            theme.current_hit()
        } else {
            theme.highlight()
        }
    };
    let mut hit = 0;
    let title_ranges = valid_ranges(&a.title, hl.title.clone());
    let styled: Vec<(usize, usize, Style)> = title_ranges
        .iter()
        .enumerate()
        .map(|(k, &(s, e))| (s, e, style_for(k)))
        .collect();
    let mut c = Cells::new();
    c.push_ranges(&a.title, theme.bold(), &styled, hit);
    hit += styled.len();
    out.push(c);
    out.push(meta_line(app, a));
    if let Some(url) = &a.url {
        let mut c = Cells::new();
        c.push_untrusted(url, theme.dim());
        out.push(c);
    }
    for w in &a.warnings {
        let mut c = Cells::new();
        c.push("⚠ ", theme.warning());
        c.push_untrusted(w, theme.warning());
        out.push(c);
    }
    // Sorted by paragraph once; each paragraph takes its slice by binary
    // search (not a scan of every hit per paragraph).
    let mut body = hl.body;
    body.sort_unstable();
    let mut left = SHOWN_BYTES;
    let mut hidden = 0;
    for (pi, p) in a.paragraphs.iter().enumerate() {
        if left == 0 {
            hidden += p.text.len();
            continue;
        }
        let cut = (0..=left.min(p.text.len()))
            .rev()
            .find(|&i| p.text.is_char_boundary(i))
            .unwrap_or(0);
        hidden += p.text.len() - cut;
        left = if cut < p.text.len() { 0 } else { left - cut };
        let text = &p.text[..cut];
        out.blank();
        let from = body.partition_point(|&(para, _, _)| para < pi);
        let to = body.partition_point(|&(para, _, _)| para <= pi);
        let ranges = valid_ranges(
            text,
            body[from..to].iter().map(|&(_, s, e)| (s, e)).collect(),
        );
        let styled: Vec<(usize, usize, Style)> = ranges
            .iter()
            .enumerate()
            .map(|(k, &(s, e))| (s, e, style_for(hit + k)))
            .collect();
        let mut c = Cells::new();
        c.push_ranges(text, theme.text(), &styled, hit);
        hit += styled.len();
        out.push(c);
    }
    if hidden > 0 {
        out.blank();
        let mut c = Cells::new();
        c.push(
            &format!("… {hidden} more bytes of this article are not shown here"),
            theme.dim(),
        );
        out.push(c);
    }
}

/// Bytes of an article's body the pane lays out, at most: every frame
/// wraps what it shows, and a cell costs tens of bytes, so a hostile
/// 10 MiB article shows its opening and says how much is left.
const SHOWN_BYTES: usize = 256 * 1024;

fn era_summary(app: &App, era: usize, out: &mut Out) {
    let t = &app.timeline;
    let theme = &app.theme;
    let Some(e) = t.eras.get(era) else { return };
    let mut c = Cells::new();
    c.push(t.leader_name(e.leader), theme.era());
    out.push(c);
    let mut c = Cells::new();
    label(&mut c, "term", app);
    c.push(&e.from.to_string(), theme.text());
    c.push(" – ", theme.dim());
    match e.to {
        Some(to) => c.push(&to.to_string(), theme.text()),
        None => c.push("in office", theme.text()),
    };
    out.push_hanging(c, LABEL_WIDTH);
    let mut c = Cells::new();
    label(&mut c, "calls", app);
    let shown = app.visible_calls_of_era(era);
    if e.calls.is_empty() {
        c.push("none in this corpus", theme.text());
    } else if shown.len() == e.calls.len() {
        c.push(&format!("{}", e.calls.len()), theme.text());
    } else {
        c.push(
            &format!("{} of {} shown", shown.len(), e.calls.len()),
            theme.text(),
        );
    }
    out.push_hanging(c, LABEL_WIDTH);
    if e.calls.is_empty() {
        out.blank();
        let mut c = Cells::new();
        c.push(
            "No article in this corpus reports a call during this term. A gap is information.",
            theme.dim(),
        );
        out.push(c);
    }
    for call in shown {
        let Some(cl) = t.calls.get(call) else {
            continue;
        };
        let mut c = Cells::new();
        c.push("  ", theme.text());
        c.push(&cl.date.to_string(), theme.date());
        c.push(" ", theme.text());
        c.push(&t.call_label(cl), theme.bold());
        if let Some(m) = cl.duration_minutes.value {
            c.push(&format!(" · {m} min"), theme.text());
        }
        c.push(" · ", theme.dim());
        outlets(app, cl, &mut c);
        out.push(c);
    }
    out.blank();
    let mut c = Cells::new();
    c.push(crate::ui::state::ribbon_axis::LEGEND, theme.dim());
    out.push(c);
}

fn unassigned_summary(app: &App, out: &mut Out) {
    let theme = &app.theme;
    let mut c = Cells::new();
    c.push(
        &format!(
            "{} articles not placed in any call",
            app.timeline.unassigned.len()
        ),
        theme.bold(),
    );
    out.push(c);
    out.blank();
    let mut c = Cells::new();
    c.push(
        "hotline could not tie these to one call: no usable date, no pair of leaders, or more than one call they could belong to. They are listed here, never hidden.",
        theme.dim(),
    );
    out.push(c);
}
