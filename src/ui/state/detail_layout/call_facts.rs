//! The facts block at the top of the detail pane: a call's date, time,
//! length, topics and outlets (where outlets disagree, each one's
//! figure), or what an article placed in no call states.

use super::out::Out;
use crate::model::{Call, Reported};
use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// Width of the labels before call facts ("topics   ").
pub(super) const LABEL_WIDTH: usize = 9;

pub(super) fn label(c: &mut Cells, name: &str, app: &App) {
    c.push(&format!("{name:<LABEL_WIDTH$}"), app.theme.dim());
}

pub(super) fn unknown(c: &mut Cells, app: &App) {
    c.push("unknown", app.theme.dim());
}

/// Name of the outlet that published an article, for fact disagreements.
pub(super) fn outlet_of(app: &App, article: usize) -> String {
    app.timeline
        .articles
        .get(article)
        .map(|a| {
            a.source
                .clone()
                .unwrap_or_else(|| crate::export::SOURCE_NOT_STATED.into())
        })
        .unwrap_or_default()
}

/// "30 min (Yonhap: 32)": the majority value and every outlet that said otherwise.
pub(super) fn reported<T: PartialEq + Copy>(
    app: &App,
    r: &Reported<T>,
    show: impl Fn(T) -> String,
    c: &mut Cells,
    suffix: &str,
) {
    match r.value {
        Some(v) => {
            c.push(&format!("{}{suffix}", show(v)), app.theme.text());
        }
        None => unknown(c, app),
    }
    if r.disagrees() {
        let others: Vec<String> = r
            .reports
            .iter()
            .filter(|(_, v)| Some(*v) != r.value)
            .map(|&(a, v)| format!("{}: {}", outlet_of(app, a), show(v)))
            .collect();
        c.push(" (", app.theme.warning());
        c.push_untrusted(&others.join(", "), app.theme.warning());
        c.push(")", app.theme.warning());
    }
}

/// The call's facts: all of them, or on a small screen the two-line
/// summary of `facts` so the article shows (`F` for all).
pub(super) fn call_facts(app: &App, call: usize, out: &mut Out) {
    let Some(c) = app.timeline.calls.get(call) else {
        return;
    };
    let mut all = Out::new(out.width);
    all_facts(app, call, &mut all);
    if super::facts::compact(app, all.lines.len()) {
        for line in super::facts::summary(app, c, out.width) {
            out.lines.push(line.into_line());
        }
    } else {
        out.lines.extend(all.lines);
    }
    // The user's own note (`a`) under the facts, in either form.
    if let Some(note) = app.marks.note(&c.id) {
        let mut line = Cells::new();
        label(&mut line, "note", app);
        line.push("✎ ", app.theme.dim());
        line.push_untrusted(note, app.theme.text());
        out.push_hanging(line, LABEL_WIDTH);
    }
}

pub(super) fn all_facts(app: &App, call: usize, out: &mut Out) {
    let Some(call) = app.timeline.calls.get(call) else {
        return;
    };
    let t = &app.timeline;
    let theme = &app.theme;
    let mut c = Cells::new();
    c.push(&call.date.to_string(), theme.date().patch(theme.bold()));
    if let Some(time) = call.start_time.value {
        c.push(
            &format!(" {}", time.format("%H:%M")),
            theme.date().patch(theme.bold()),
        );
    }
    c.push(" · ", theme.dim());
    c.push(t.leader_name(call.home), theme.bold());
    c.push(" ↔ ", theme.dim());
    c.push(t.leader_name(call.counterpart), theme.bold());
    out.push(c);

    let mut c = Cells::new();
    label(&mut c, "date", app);
    c.push(&call.date.to_string(), theme.text());
    c.push(
        &format!(
            " · {}",
            super::facts::date_basis_words(call.date_basis, Some(call.date))
        ),
        theme.dim(),
    );
    out.push_hanging(c, LABEL_WIDTH);

    let mut c = Cells::new();
    label(&mut c, "start", app);
    reported(
        app,
        &call.start_time,
        |t| t.format("%H:%M").to_string(),
        &mut c,
        "",
    );
    out.push_hanging(c, LABEL_WIDTH);

    let mut c = Cells::new();
    label(&mut c, "length", app);
    reported(
        app,
        &call.duration_minutes,
        |m| m.to_string(),
        &mut c,
        " min",
    );
    out.push_hanging(c, LABEL_WIDTH);

    let mut c = Cells::new();
    label(&mut c, "topics", app);
    if call.topics.is_empty() {
        c.push("none found", theme.dim());
    } else {
        c.push_untrusted(&call.topics.join(", "), theme.text());
    }
    out.push_hanging(c, LABEL_WIDTH);

    let mut c = Cells::new();
    label(&mut c, "outlets", app);
    outlets(app, call, &mut c);
    out.push_hanging(c, LABEL_WIDTH);
}

pub(super) fn outlets(app: &App, call: &Call, c: &mut Cells) {
    // Each stated outlet once, then one "source not stated" for the rest.
    for (i, s) in crate::export::outlets(&app.timeline, call)
        .iter()
        .enumerate()
    {
        if i > 0 {
            c.push(" · ", app.theme.dim());
        }
        if s == crate::export::SOURCE_NOT_STATED {
            c.push(s, app.theme.dim());
        } else {
            c.push_untrusted(s, app.theme.outlet());
        }
    }
}

pub(super) fn unassigned_facts(app: &App, article: usize, out: &mut Out) {
    let theme = &app.theme;
    let mut c = Cells::new();
    c.push("Not placed in any call", theme.bold());
    out.push(c);
    let Some(a) = app.timeline.articles.get(article) else {
        return;
    };
    let f = &a.facts;
    let t = &app.timeline;
    let mut c = Cells::new();
    label(&mut c, "it says", app);
    let mut parts = Vec::new();
    match (f.home, f.counterpart) {
        (Some(h), Some(cp)) => parts.push(format!("{} ↔ {}", t.leader_name(h), t.leader_name(cp))),
        (Some(h), None) => parts.push(t.leader_name(h).to_string()),
        (None, Some(cp)) => parts.push(format!("with {}", t.leader_name(cp))),
        (None, None) => parts.push("no leaders found".into()),
    }
    parts.push(match f.date {
        Some(d) => format!(
            "{d} ({})",
            super::facts::date_basis_words(f.date_basis, Some(d))
        ),
        None => "no call date".into(),
    });
    if let Some(m) = f.duration_minutes {
        parts.push(format!("{m} min"));
    }
    c.push(&parts.join(" · "), theme.text());
    out.push_hanging(c, LABEL_WIDTH);
}
