//! `hotline show ID`: one call with its facts and articles, or one article
//! in full, as readable text; with `--evidence`, then where each fact was
//! read (`cli::evidence`).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::export::{era_leader, outlets};
use crate::model::{Article, DateBasis, Reported, Timeline};
use crate::sanitize::inert;

/// Whether to add the Evidence section (the mode lives with the section).
pub use super::evidence::Mode as Evidence;

pub fn run(
    id: &str,
    timeline: &Timeline,
    evidence: Evidence,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match resolve(id, timeline)? {
        Target::Call(c) => {
            write_call(timeline, c, out)?;
            if evidence != Evidence::Off {
                super::evidence::write_call(timeline, c, evidence, out)?;
            }
        }
        Target::Article(a) => {
            write_article(timeline, a, out)?;
            if evidence != Evidence::Off {
                super::evidence::write_article(timeline, a, evidence, out)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

enum Target {
    Call(usize),
    Article(usize),
}

/// An exact id wins; otherwise a prefix must name exactly one call or article.
fn resolve(id: &str, timeline: &Timeline) -> Result<Target> {
    if let Some(c) = timeline.call_by_id(id) {
        return Ok(Target::Call(c));
    }
    if let Some(a) = timeline.article_by_id(id) {
        return Ok(Target::Article(a));
    }
    // Ids are printed inert (`list`, `search`): the printed form is an id
    // too, so every id the program shows is accepted back.
    let shown = |s: &str| inert(s, false).into_owned();
    let exact: Vec<usize> = (0..timeline.articles.len())
        .filter(|&a| shown(&timeline.articles[a].id) == id)
        .collect();
    if let [a] = exact[..] {
        return Ok(Target::Article(a));
    }
    let calls = timeline
        .calls
        .iter()
        .enumerate()
        .filter(|(_, c)| c.id.starts_with(id));
    let articles = timeline
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.id.starts_with(id) || shown(&a.id).starts_with(id));
    let mut found: Vec<(String, Target)> = calls
        .map(|(i, c)| (c.id.clone(), Target::Call(i)))
        .chain(articles.map(|(i, a)| (a.id.clone(), Target::Article(i))))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0).1),
        0 => bail!(
            "no call or article with id {:?} (try `hotline list`)",
            inert(id, false)
        ),
        _ => {
            let names: Vec<String> = found
                .iter()
                .map(|(n, _)| inert(n, false).into_owned())
                .collect();
            bail!(
                "id {:?} is ambiguous: {}",
                inert(id, false),
                names.join(", ")
            )
        }
    }
}

fn write_call(timeline: &Timeline, index: usize, out: &mut dyn Write) -> Result<()> {
    let call = &timeline.calls[index];
    let name = |id| timeline.leader_name(id);
    writeln!(out, "{}", call.id)?;
    writeln!(
        out,
        "  date       {} ({})",
        call.date,
        call.date_basis.as_str()
    )?;
    writeln!(
        out,
        "  leaders    {} ↔ {}",
        name(call.home),
        name(call.counterpart)
    )?;
    if let Some(era) = era_leader(timeline, index) {
        writeln!(out, "  era        {era}")?;
    }
    let minutes = reported(timeline, &call.duration_minutes, |m| format!("{m} min"));
    writeln!(out, "  duration   {minutes}")?;
    let start = reported(timeline, &call.start_time, |t| {
        t.format("%H:%M").to_string()
    });
    writeln!(out, "  start      {start}")?;
    let topics = if call.topics.is_empty() {
        "—".to_string()
    } else {
        call.topics.join(", ")
    };
    writeln!(out, "  topics     {}", inert(&topics, false))?;
    writeln!(
        out,
        "  sources    {}",
        inert(&outlets(timeline, call).join(", "), false)
    )?;
    writeln!(out, "  articles")?;
    for &a in &call.articles {
        let article = &timeline.articles[a];
        let inferred = if article.facts.date_basis == DateBasis::Inferred {
            "  (date inferred)"
        } else {
            ""
        };
        writeln!(
            out,
            "    {}  {}  {}{}",
            inert(&article.id, false),
            inert(
                article
                    .source
                    .as_deref()
                    .unwrap_or(crate::export::SOURCE_NOT_STATED),
                false
            ),
            inert(&article.title, false),
            inferred
        )?;
    }
    Ok(())
}

/// "30 min" when the articles agree; "30 min (majority; KBS: 30 min,
/// Yonhap: 32 min)" when they don't, so the disagreement stays visible.
fn reported<T: PartialEq>(
    timeline: &Timeline,
    fact: &Reported<T>,
    show: impl Fn(&T) -> String,
) -> String {
    let Some(value) = &fact.value else {
        return "unknown".into();
    };
    if !fact.disagrees() {
        return show(value);
    }
    let each: Vec<String> = fact
        .reports
        .iter()
        .map(|(a, v)| {
            let article = &timeline.articles[*a];
            let who = article
                .source
                .as_deref()
                .unwrap_or(crate::export::SOURCE_NOT_STATED);
            format!("{}: {}", inert(who, false), show(v))
        })
        .collect();
    format!("{} (majority; {})", show(value), each.join(", "))
}

fn write_article(timeline: &Timeline, index: usize, out: &mut dyn Write) -> Result<()> {
    let article: &Article = &timeline.articles[index];
    let width = if std::io::stdout().is_terminal() {
        100
    } else {
        78
    };
    writeln!(out, "{}", inert(&article.title, false))?;
    let published = article
        .published
        .map_or("date unknown".to_string(), |d| d.to_string());
    let source = article
        .source
        .as_deref()
        .unwrap_or(crate::export::SOURCE_NOT_STATED);
    writeln!(
        out,
        "{} · {} · {}",
        inert(source, false),
        published,
        inert(&article.path, false)
    )?;
    match timeline.call_of_article[index] {
        Some(c) => {
            let call = &timeline.calls[c];
            let how = if article.facts.date_basis == DateBasis::Inferred {
                ", date inferred"
            } else {
                ""
            };
            writeln!(
                out,
                "call: {} ({}{})",
                call.id,
                timeline.call_label(call),
                how
            )?;
        }
        None => writeln!(out, "call: not placed in any call")?,
    }
    let facts = &article.facts;
    let mut stated = Vec::new();
    if let Some(m) = facts.duration_minutes {
        stated.push(format!("{m} min"));
    }
    if let Some(t) = facts.start_time {
        stated.push(format!("from {}", t.format("%H:%M")));
    }
    if !facts.topics.is_empty() {
        stated.push(facts.topics.join(", "));
    }
    if !stated.is_empty() {
        writeln!(out, "states: {}", inert(&stated.join(" · "), false))?;
    }
    for warning in &article.warnings {
        writeln!(out, "warning: {}", inert(warning, false))?;
    }
    for paragraph in &article.paragraphs {
        writeln!(out)?;
        let text = inert(paragraph.text, false);
        for chunk in chunks(&text, WRAP_CHUNK) {
            for line in textwrap::wrap(chunk, width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// Text wrapped at a time, at most: wrapping keeps tens of bytes per word,
/// so a hostile 10 MiB paragraph is wrapped a piece at a time (a line may
/// end early where two pieces meet; no real paragraph is this long).
const WRAP_CHUNK: usize = 64 * 1024;

/// `text` in pieces of at most about `max` bytes, cut after a space when
/// there is one (else on a character boundary).
fn chunks(text: &str, max: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= max {
            return Some(std::mem::take(&mut rest));
        }
        let mut cut = (1..=max)
            .rev()
            .find(|&i| rest.is_char_boundary(i))
            .unwrap_or(rest.len());
        if let Some(space) = rest[..cut].rfind(' ') {
            cut = space + 1;
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}
