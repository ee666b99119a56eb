//! Writing a timeline out: the JSON contract (`hotline.timeline/1`, SPEC §4),
//! CSV (one row a call) and Markdown (a readable report). Unknown values are
//! `null` / empty, never guessed. The JSON carries the evidence of every
//! fact (see `EvidenceJson`); CSV and Markdown stay one line a call.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::evidence;
use crate::model::{Article, Call, Evidence, Timeline, Warning};
use crate::sanitize::inert;

pub const SCHEMA: &str = "hotline.timeline/1";

#[derive(Debug, Serialize)]
pub struct Document<'a> {
    pub schema: &'static str,
    pub eras: Vec<EraJson>,
    pub calls: Vec<CallJson>,
    pub articles: Vec<ArticleJson<'a>>,
    pub warnings: &'a [Warning],
}

#[derive(Debug, Serialize)]
pub struct EraJson {
    pub leader: String,
    pub from: String,
    pub to: Option<String>,
    pub calls: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CallJson {
    pub id: String,
    pub date: String,
    pub date_basis: &'static str,
    pub era: Option<String>,
    pub participants: [String; 2],
    pub duration_minutes: Option<u32>,
    pub start_time: Option<String>,
    pub topics: Vec<String>,
    pub articles: Vec<String>,
    /// For each of the call's facts, the evidence of the first article
    /// (in call order) that states the value kept.
    pub evidence: Vec<EvidenceJson>,
}

#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub file: &'a str,
    /// The clipping's web address, when it states one (additive field).
    pub url: Option<&'a str>,
    pub published: Option<String>,
    pub source: Option<&'a str>,
    pub title: &'a str,
    pub call: Option<&'a str>,
    pub words: usize,
    pub warnings: &'a [String],
    pub evidence: Vec<EvidenceJson>,
}

/// Where one fact was read. `start`/`end` and `sentence_start`/
/// `sentence_end` are byte offsets into the text `place` names (the
/// headline; caption `index`; paragraph `index`, both counted from 0 as in
/// the model); `text` is the span's own words. `article` is set in a
/// call's list only, naming the article the words are from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceJson {
    pub fact: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    pub place: &'static str,
    pub index: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// One piece of evidence as JSON; `None` when its ranges do not fit the
/// text (never exported half-broken).
pub fn evidence_json(article: &Article, e: &Evidence, cite: bool) -> Option<EvidenceJson> {
    if !evidence::valid(article, e) {
        return None;
    }
    let (place, index) = evidence::place_json(e.place);
    Some(EvidenceJson {
        fact: e.fact.as_str(),
        article: cite.then(|| article.id.clone()),
        place,
        index,
        start: e.span.0 as usize,
        end: e.span.1 as usize,
        text: article.evidence_span(e)?.to_string(),
        sentence_start: e.sentence.0 as usize,
        sentence_end: e.sentence.1 as usize,
    })
}

/// The evidence of a call's kept values (see `evidence::call_evidence`).
pub fn call_evidence_json(timeline: &Timeline, call: &Call) -> Vec<EvidenceJson> {
    evidence::call_evidence(timeline, call)
        .iter()
        .filter_map(|(_, a, e)| evidence_json(timeline.articles.get(*a)?, e, true))
        .collect()
}

/// The leader whose era holds call `index`.
pub fn era_leader(timeline: &Timeline, index: usize) -> Option<&str> {
    timeline
        .eras
        .iter()
        .find(|e| e.calls.contains(&index))
        .map(|e| timeline.leader_name(e.leader))
}

pub fn call_json(timeline: &Timeline, index: usize) -> CallJson {
    let call = &timeline.calls[index];
    CallJson {
        id: call.id.clone(),
        date: call.date.to_string(),
        date_basis: call.date_basis.as_str(),
        era: era_leader(timeline, index).map(str::to_string),
        participants: [
            timeline.leader_name(call.home).to_string(),
            timeline.leader_name(call.counterpart).to_string(),
        ],
        duration_minutes: call.duration_minutes.value,
        start_time: call.start_time.value.map(|t| t.format("%H:%M").to_string()),
        topics: call.topics.clone(),
        articles: call
            .articles
            .iter()
            .map(|&a| timeline.articles[a].id.clone())
            .collect(),
        evidence: call_evidence_json(timeline, call),
    }
}

pub fn calls_json(timeline: &Timeline) -> Vec<CallJson> {
    (0..timeline.calls.len())
        .map(|i| call_json(timeline, i))
        .collect()
}

pub fn document(timeline: &Timeline) -> Document<'_> {
    // Eras read left to right like the ribbon: oldest first.
    let eras = timeline
        .eras
        .iter()
        .rev()
        .map(|e| EraJson {
            leader: timeline.leader_name(e.leader).to_string(),
            from: e.from.to_string(),
            to: e.to.map(|d| d.to_string()),
            calls: e
                .calls
                .iter()
                .map(|&c| timeline.calls[c].id.clone())
                .collect(),
        })
        .collect();
    let articles = timeline
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleJson {
            id: &a.id,
            path: &a.path,
            file: a.file(),
            url: a.url.as_deref(),
            published: a.published.map(|d| d.to_string()),
            source: a.source.as_deref(),
            title: &a.title,
            call: timeline.call_of_article[i].map(|c| timeline.calls[c].id.as_str()),
            words: a.word_count(),
            warnings: &a.warnings,
            evidence: a
                .evidence
                .iter()
                .filter_map(|e| evidence_json(a, e, false))
                .collect(),
        })
        .collect();
    Document {
        schema: SCHEMA,
        eras,
        calls: calls_json(timeline),
        articles,
        warnings: &timeline.warnings,
    }
}

pub fn write_json(timeline: &Timeline, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(timeline))?;
    writeln!(out)?;
    Ok(())
}

/// The outlets of a call's articles: each stated outlet once, in article
/// order, then one "source not stated" if any article states none (a
/// list of "unknown"s says nothing more than one).
pub fn outlets(timeline: &Timeline, call: &Call) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut unstated = false;
    for &a in &call.articles {
        match timeline.articles.get(a).and_then(|x| x.source.as_ref()) {
            Some(s) if !names.contains(s) => names.push(s.clone()),
            Some(_) => {}
            None => unstated = true,
        }
    }
    if unstated {
        names.push(SOURCE_NOT_STATED.into());
    }
    names
}

/// How every view shows an article that states no source outlet.
pub const SOURCE_NOT_STATED: &str = "source not stated";

pub fn write_csv(timeline: &Timeline, out: &mut dyn Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "id",
        "date",
        "date_basis",
        "era",
        "home",
        "counterpart",
        "duration_minutes",
        "start_time",
        "topics",
        "sources",
        "articles",
    ])?;
    for (i, call) in timeline.calls.iter().enumerate() {
        let json = call_json(timeline, i);
        let record = [
            json.id,
            json.date,
            json.date_basis.to_string(),
            json.era.unwrap_or_default(),
            json.participants[0].clone(),
            json.participants[1].clone(),
            json.duration_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
            json.start_time.unwrap_or_default(),
            json.topics.join("; "),
            outlets(timeline, call).join("; "),
            json.articles.join("; "),
        ];
        // The same sanitizer as every other text output: names from files
        // and articles can carry escapes.
        writer.write_record(record.iter().map(|field| inert(field, false).into_owned()))?;
    }
    writer.flush()?;
    Ok(())
}

/// `export --format csv --what articles`: a row per article, with the
/// call it is in (empty when none). Text cells are made inert.
pub fn write_csv_articles(timeline: &Timeline, out: &mut dyn Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "id",
        "file",
        "path",
        "published",
        "source",
        "title",
        "call",
        "words",
        "warnings",
    ])?;
    for (i, a) in timeline.articles.iter().enumerate() {
        let call = timeline
            .call_of_article
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| timeline.calls.get(c))
            .map(|c| c.id.clone())
            .unwrap_or_default();
        let text = |s: &str| inert(s, false).into_owned();
        writer.write_record([
            text(&a.id),
            text(a.file()),
            text(&a.path),
            a.published.map(|d| d.to_string()).unwrap_or_default(),
            a.source.as_deref().map(text).unwrap_or_default(),
            text(&a.title),
            call,
            a.word_count().to_string(),
            text(&a.warnings.join("; ")),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// Markdown-safe table cell: no pipes or line breaks from article text.
fn cell(text: &str) -> String {
    inert(text, false).replace('|', "\\|")
}

pub fn write_markdown(timeline: &Timeline, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "# Calls timeline\n")?;
    writeln!(
        out,
        "{} calls from {} articles.\n",
        timeline.calls.len(),
        timeline.articles.len()
    )?;
    for era in &timeline.eras {
        let to = era.to.map_or("present".to_string(), |d| d.to_string());
        writeln!(
            out,
            "## {} ({} – {})\n",
            timeline.leader_name(era.leader),
            era.from,
            to
        )?;
        if era.calls.is_empty() {
            writeln!(out, "No calls in this corpus.\n")?;
            continue;
        }
        writeln!(out, "| date | with | minutes | start | topics | sources |")?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for &c in &era.calls {
            let call = &timeline.calls[c];
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                call.date,
                cell(timeline.leader_name(call.counterpart)),
                call.duration_minutes
                    .value
                    .map_or("?".into(), |m| m.to_string()),
                call.start_time
                    .value
                    .map_or("?".into(), |t| t.format("%H:%M").to_string()),
                cell(&call.topics.join(", ")),
                cell(&outlets(timeline, call).join(", ")),
            )?;
        }
        writeln!(out)?;
    }
    if !timeline.unassigned.is_empty() {
        writeln!(out, "## Not placed in any call\n")?;
        for &a in &timeline.unassigned {
            let article = &timeline.articles[a];
            writeln!(out, "- `{}` {}", cell(&article.id), cell(&article.title))?;
        }
        writeln!(out)?;
    }
    if !timeline.warnings.is_empty() {
        writeln!(out, "## Warnings\n")?;
        for w in &timeline.warnings {
            writeln!(out, "- `{}`: {}", cell(&w.file), cell(&w.message))?;
        }
    }
    Ok(())
}
