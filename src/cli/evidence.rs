//! `hotline show ID --evidence`: after the usual text, each fact with its
//! value, where it was read ("paragraph 3") and the sentence, the words
//! stating it marked: bold reverse video on a terminal, `[brackets]` in a
//! pipe (which gets no escape codes at all). Article text goes through
//! `inert` before anything is added to it, so the only escape codes written
//! are the two this module writes itself.

use std::io::Write;

use anyhow::Result;
use unicode_width::UnicodeWidthChar;

use crate::evidence::{self, CALL_FACTS};
use crate::model::{Article, Evidence, FactKind, Timeline};
use crate::sanitize::inert;

/// Whether to add the Evidence section, and how to mark the words in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Off,
    /// To a terminal: the words in bold reverse video.
    Styled,
    /// To a pipe or file: `[brackets]`, no escape codes.
    Plain,
}

/// Where values and sentences start: after "  counterpart  ".
const INDENT: usize = 15;
const MARK_ON: &str = "\u{1b}[1;7m";
const MARK_OFF: &str = "\u{1b}[0m";

fn width(mode: Mode) -> usize {
    if mode == Mode::Styled { 100 } else { 78 }
}

/// The Evidence section of a call: each call fact, its kept value, and the
/// evidence of the first article stating that value.
pub fn write_call(
    timeline: &Timeline,
    index: usize,
    mode: Mode,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(call) = timeline.calls.get(index) else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "Evidence")?;
    let found = evidence::call_evidence(timeline, call);
    for kind in CALL_FACTS {
        let Some(value) = evidence::call_value(timeline, call, kind) else {
            fact_line(out, kind, "unknown")?;
            continue;
        };
        fact_line(out, kind, &value)?;
        let backing = found
            .iter()
            .find(|(k, _, _)| *k == kind)
            .and_then(|(_, a, e)| Some((timeline.articles.get(*a)?, e)));
        match backing {
            Some((article, e)) => {
                let from = match &article.source {
                    Some(s) => format!("{} ({})", article.id, s),
                    None => article.id.clone(),
                };
                note(
                    out,
                    &format!("from {from}, {}", evidence::place_name(e.place)),
                )?;
                sentence(out, article, e, mode)?;
            }
            None => note(
                out,
                "no article that states this value gives evidence for it",
            )?,
        }
    }
    Ok(())
}

/// The Evidence section of an article: every fact it states, with each
/// piece of evidence for it, or a note when it has none.
pub fn write_article(
    timeline: &Timeline,
    index: usize,
    mode: Mode,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(article) = timeline.articles.get(index) else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "Evidence")?;
    let all = evidence::article_evidence(article);
    if all.is_empty() {
        writeln!(out, "  no fact of this article has evidence")?;
    }
    for kind in FactKind::ALL {
        let value = evidence::article_value(timeline, article, kind);
        let of_kind: Vec<&Evidence> = all.iter().filter(|e| e.fact == kind).collect();
        if value.is_none() && of_kind.is_empty() {
            continue;
        }
        fact_line(out, kind, value.as_deref().unwrap_or("not stated"))?;
        if of_kind.is_empty() && !all.is_empty() {
            note(out, "no evidence recorded")?;
        }
        for e in of_kind {
            note(out, &evidence::place_name(e.place))?;
            sentence(out, article, e, mode)?;
        }
    }
    Ok(())
}

fn fact_line(out: &mut dyn Write, kind: FactKind, value: &str) -> Result<()> {
    let label = kind.as_str();
    writeln!(out, "  {label:<w$}{}", inert(value, false), w = INDENT - 2)?;
    Ok(())
}

fn note(out: &mut dyn Write, text: &str) -> Result<()> {
    writeln!(out, "{:INDENT$}{}", "", inert(text, false))?;
    Ok(())
}

fn sentence(out: &mut dyn Write, article: &Article, e: &Evidence, mode: Mode) -> Result<()> {
    let Some((before, span, after)) = evidence::sentence_parts(article, e) else {
        return Ok(());
    };
    let styled = mode == Mode::Styled;
    for line in marked_lines(before, span, after, width(mode) - INDENT, styled) {
        writeln!(out, "{:INDENT$}{line}", "")?;
    }
    Ok(())
}

/// The sentence wrapped to `columns`, the span marked. Each part is made
/// inert first; marking is applied per line, so a span wrapped over two
/// lines is closed at the end of the first and reopened on the next.
pub fn marked_lines(
    before: &str,
    span: &str,
    after: &str,
    columns: usize,
    styled: bool,
) -> Vec<String> {
    let mut cells: Vec<(char, bool)> = Vec::new();
    let mut add = |text: &str, marked: bool| {
        cells.extend(inert(text, false).chars().map(|c| (c, marked)));
    };
    add(before.trim_start(), false);
    if styled {
        add(span, true);
    } else {
        add("[", false);
        add(span, false);
        add("]", false);
    }
    add(after.trim_end(), false);
    wrap(&cells, columns.max(10))
        .into_iter()
        .map(|line| render(line, styled))
        .collect()
}

/// Greedy word wrap of marked characters; a word wider than a line is cut.
fn wrap(cells: &[(char, bool)], columns: usize) -> Vec<&[(char, bool)]> {
    let w = |c: char| c.width().unwrap_or(0);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < cells.len() {
        while start < cells.len() && cells[start].0 == ' ' {
            start += 1;
        }
        if start >= cells.len() {
            break;
        }
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while end < cells.len() {
            let cw = w(cells[end].0);
            if used + cw > columns {
                break;
            }
            if cells[end].0 == ' ' {
                last_space = Some(end);
            }
            used += cw;
            end += 1;
        }
        if end < cells.len()
            && let Some(sp) = last_space
        {
            end = sp;
        }
        let end = end.max(start + 1);
        let mut line = &cells[start..end];
        while line.last().is_some_and(|&(c, _)| c == ' ') {
            line = &line[..line.len() - 1];
        }
        lines.push(line);
        start = end;
    }
    lines
}

fn render(line: &[(char, bool)], styled: bool) -> String {
    let mut s = String::new();
    let mut on = false;
    for &(c, marked) in line {
        if styled && marked != on {
            s.push_str(if marked { MARK_ON } else { MARK_OFF });
            on = marked;
        }
        s.push(c);
    }
    if on {
        s.push_str(MARK_OFF);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_gets_brackets_and_no_escape_codes() {
        let lines = marked_lines(
            "He called on ",
            "Tuesday\u{1b}[31m",
            ", aides said.",
            70,
            false,
        );
        assert_eq!(lines, ["He called on [Tuesday], aides said."]);
    }

    #[test]
    fn a_terminal_gets_the_span_in_reverse_video_on_every_line() {
        let lines = marked_lines("a ", "b c", " d", 12, true);
        assert_eq!(lines, [format!("a {MARK_ON}b c{MARK_OFF} d")]);
        let long = marked_lines("aaaa ", "bbbb cccc", " dddd", 10, true);
        assert_eq!(
            long,
            [
                format!("aaaa {MARK_ON}bbbb{MARK_OFF}"),
                format!("{MARK_ON}cccc{MARK_OFF} dddd"),
            ]
        );
    }

    #[test]
    fn wide_text_wraps_by_columns() {
        let lines = marked_lines(
            "이재명 대통령과 ",
            "习近平",
            " 주석의 통화를 두고",
            12,
            false,
        );
        for l in &lines {
            let w: usize = l.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert!(w <= 12, "{l}");
        }
        assert!(lines.concat().contains("[习近平]"));
    }
}
