//! The call's facts at the head of the detail pane, in words a reader
//! uses: how the date was found ("from “on Tuesday”", not "weekday"), and
//! on a small screen a two-line summary, so the article itself shows (at
//! least eight lines of its text at 80×24); `F` shows every fact.

use chrono::Datelike;

use crate::model::{Call, DateBasis};
use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// Lines of the pane kept for the article: its title and meta line (about
/// five lines at 80 columns) and at least eight lines of its text.
pub const MIN_ARTICLE_LINES: usize = 13;

/// How a call's (or an article's) date was found, in plain words.
pub fn date_basis_words(basis: DateBasis, date: Option<chrono::NaiveDate>) -> String {
    match basis {
        DateBasis::Stated => "stated in the text".into(),
        DateBasis::Weekday => match date {
            Some(d) => format!("from “on {}”", weekday_name(d.weekday())),
            None => "from a weekday".into(),
        },
        DateBasis::Published => "the publication date".into(),
        DateBasis::Inferred => "inferred from the other reports".into(),
        DateBasis::Unknown => "not found".into(),
    }
}

fn weekday_name(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match w {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// Would `fact_lines` lines of facts (plus the article's rule) leave the
/// article fewer than `MIN_ARTICLE_LINES` lines of the pane? Then the
/// facts are summed up in two lines, unless `f` asked for all of them.
pub fn compact(app: &App, fact_lines: usize) -> bool {
    let (_, h) = app.detail_size();
    !app.facts_full && fact_lines + 1 + MIN_ARTICLE_LINES > h
}

/// The two-line summary: "2025-06-10 11:30 · Lee Jae-myung ↔ Xi Jinping
/// · 30 min", then how the date was found, the outlets and topics counted,
/// and the key for the rest. Each line cut to `width`, never wrapped.
pub fn summary(app: &App, call: &Call, width: usize) -> [Cells; 2] {
    let t = &app.timeline;
    let theme = &app.theme;
    let mut head = Cells::new();
    head.push(&call.date.to_string(), theme.date().patch(theme.bold()));
    if let Some(time) = call.start_time.value {
        head.push(
            &format!(" {}", time.format("%H:%M")),
            theme.date().patch(theme.bold()),
        );
    }
    head.push(" · ", theme.dim());
    let full = format!(
        "{} ↔ {}",
        t.leader_name(call.home),
        t.leader_name(call.counterpart)
    );
    let mut minutes = match call.duration_minutes.value {
        Some(m) => format!(" · {m} min"),
        None => " · ? min".into(),
    };
    // Outlets that said otherwise stay visible, as in the full facts.
    let others: Vec<String> = call
        .duration_minutes
        .reports
        .iter()
        .filter(|(_, v)| Some(*v) != call.duration_minutes.value)
        .filter_map(|&(a, v)| {
            let name = t.articles.get(a)?.source.clone()?;
            Some(format!("{}: {v}", crate::ui::text::safe(&name)))
        })
        .collect();
    if !others.is_empty() {
        minutes.push_str(&format!(" ({})", others.join(", ")));
    }
    let room = width.saturating_sub(head.width() + crate::ui::text::width(&minutes));
    let leaders = if crate::ui::text::width(&full) <= room {
        full
    } else {
        t.call_label(call)
    };
    head.push(&leaders, theme.bold());
    head.push(&minutes, theme.text());
    head.truncate(width);

    // How the date was found, then counts, as many as fit before the key.
    let outlets = crate::export::outlets(t, call).len();
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let parts = [
        format!(
            "date {}",
            date_basis_words(call.date_basis, Some(call.date))
        ),
        plural(outlets, "outlet"),
        plural(call.topics.len(), "topic"),
    ];
    let key_w = crate::ui::text::width(" · F all facts");
    let mut more = Cells::new();
    for (i, part) in parts.iter().enumerate() {
        let sep = if i == 0 { "" } else { " · " };
        let w = crate::ui::text::width(sep) + crate::ui::text::width(part);
        if i > 0 && more.width() + w + key_w > width {
            break;
        }
        more.push(&format!("{sep}{part}"), theme.dim());
    }
    // The key for the rest always shows: the summary gives way to it.
    let key = " · F all facts";
    more.truncate(width.saturating_sub(crate::ui::text::width(key)));
    more.push(key, theme.bold());
    more.truncate(width);
    [head, more]
}
