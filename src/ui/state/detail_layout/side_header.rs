//! The line over the side-by-side panes that says where the two
//! articles' facts differ, and how many rows it takes at a width: the
//! screen's geometry (`App::areas`) depends on it, so it is state-side
//! text like the panes' own; `ui::view::side` draws it.

use crate::model::CallFacts;
use crate::ui::state::app::App;
use crate::ui::text::Cells;

fn show<T: PartialEq + ToString>(a: &Option<T>) -> String {
    a.as_ref().map_or("?".to_string(), ToString::to_string)
}

/// Where the two articles' facts differ: date, minutes, start time, and
/// topics one names and the other does not.
pub fn differences(app: &App, left: usize, right: usize) -> Cells {
    let theme = &app.theme;
    let t = &app.timeline;
    let mut c = Cells::new();
    let (Some(l), Some(r)) = (t.articles.get(left), t.articles.get(right)) else {
        return c;
    };
    let (lf, rf): (&CallFacts, &CallFacts) = (&l.facts, &r.facts);
    let mut diffs: Vec<Cells> = Vec::new();
    let mut same: Vec<&str> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    let mut fact = |name: &'static str, a: String, b: String, equal: bool| {
        if equal && a == "?" {
            // Neither says: that is not agreement.
            unknown.push(name);
        } else if equal {
            same.push(name);
        } else {
            let mut d = Cells::new();
            d.push(&format!("{name} "), theme.bold());
            d.push(&a, theme.warning());
            d.push(" ≠ ", theme.dim());
            d.push(&b, theme.warning());
            diffs.push(d);
        }
    };
    fact("date", show(&lf.date), show(&rf.date), lf.date == rf.date);
    fact(
        "minutes",
        show(&lf.duration_minutes),
        show(&rf.duration_minutes),
        lf.duration_minutes == rf.duration_minutes,
    );
    let time = |x: &Option<chrono::NaiveTime>| {
        x.map_or("?".to_string(), |t| t.format("%H:%M").to_string())
    };
    fact(
        "start",
        time(&lf.start_time),
        time(&rf.start_time),
        lf.start_time == rf.start_time,
    );
    let only_left: Vec<&str> = lf
        .topics
        .iter()
        .filter(|x| !rf.topics.contains(x))
        .map(String::as_str)
        .collect();
    let only_right: Vec<&str> = rf
        .topics
        .iter()
        .filter(|x| !lf.topics.contains(x))
        .map(String::as_str)
        .collect();
    if only_left.is_empty() && only_right.is_empty() {
        same.push("topics");
    }
    if !only_left.is_empty() {
        let mut d = Cells::new();
        d.push("only left: ", theme.bold());
        d.push_untrusted(&only_left.join(", "), theme.warning());
        diffs.push(d);
    }
    if !only_right.is_empty() {
        let mut d = Cells::new();
        d.push("only right: ", theme.bold());
        d.push_untrusted(&only_right.join(", "), theme.warning());
        diffs.push(d);
    }
    let unknown_note =
        (!unknown.is_empty()).then(|| format!("{} unknown in both", unknown.join(", ")));
    if diffs.is_empty() {
        c.push("Same facts: ", theme.bold());
        c.push(&same.join(", "), theme.text());
        if let Some(note) = unknown_note {
            c.push(&format!(" · {note}"), theme.dim());
        }
    } else {
        c.push("Differ: ", theme.bold());
        for (i, d) in diffs.into_iter().enumerate() {
            if i > 0 {
                c.push(" · ", theme.dim());
            }
            c.append(d);
        }
        if !same.is_empty() {
            c.push(&format!(" · same {}", same.join(", ")), theme.dim());
        }
        if let Some(note) = unknown_note {
            c.push(&format!(" · {note}"), theme.dim());
        }
    }
    c
}

/// Lines the facts-difference header takes at `width`: all of it, from
/// two lines up to a third of `main_height` (then cut with `…`).
pub fn header_rows(app: &App, width: u16, main_height: u16) -> u16 {
    let Some(side) = &app.side else {
        return 2;
    };
    let n = differences(app, side.left, side.right)
        .wrap_hanging(width as usize, 8)
        .len();
    let most = (main_height / 3).max(2);
    (n.min(u16::MAX as usize) as u16).clamp(2, most)
}
