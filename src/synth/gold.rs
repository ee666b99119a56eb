//! The expected reading of a generated corpus, in the format
//! `shared/tools/eval.py` scores (that of `shared/devset/gold.json`):
//! `calls` with date, korean_leader, counterpart, duration_minutes,
//! start_time ("HH:MM", Seoul time) and files; `articles` by file name with
//! published, source and call_date. A call's length or start is its planned
//! value when at least one of its articles states it, null otherwise;
//! sources are what the text credits, null when it credits no one; meeting
//! stories have a null call_date and are in no call's files.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::ctx::Written;
use super::plan::Plan;
use crate::lexicon::leaders::Leaders;

pub(super) fn gold(
    leaders: &Leaders,
    plans: &[Plan],
    written: &[(String, Written)],
    about: &str,
) -> Value {
    let mut files: Vec<Vec<&str>> = vec![Vec::new(); plans.len()];
    let mut minutes = vec![false; plans.len()];
    let mut start = vec![false; plans.len()];
    let mut articles = BTreeMap::new();
    for (name, w) in written {
        if let Some(c) = w.call {
            files[c].push(name);
            minutes[c] |= w.states_minutes;
            start[c] |= w.states_start;
        }
        articles.insert(
            name.clone(),
            json!({
                "published": w.published.map(|d| d.format("%Y-%m-%d").to_string()),
                "source": w.source,
                "call_date": w.call.map(|c| plans[c].date.format("%Y-%m-%d").to_string()),
            }),
        );
    }
    let mut calls: Vec<(&Plan, usize)> = plans
        .iter()
        .enumerate()
        .filter(|(c, _)| !files[*c].is_empty())
        .map(|(c, p)| (p, c))
        .collect();
    calls.sort_by_key(|&(p, c)| (p.date, files[c].first().copied()));
    let calls: Vec<Value> = calls
        .into_iter()
        .map(|(p, c)| {
            json!({
                "date": p.date.format("%Y-%m-%d").to_string(),
                "korean_leader": leaders.all[p.home].name,
                "counterpart": leaders.all[p.counterpart].name,
                "duration_minutes": minutes[c].then_some(p.minutes),
                "start_time": start[c].then(|| format!("{:02}:{:02}", p.start.0, p.start.1)),
                "files": files[c],
            })
        })
        .collect();
    json!({ "about": about, "calls": calls, "articles": articles })
}
