//! The generated corpus as a model `Timeline`, built straight from the
//! plans with no reading or extraction, so the query engine can be measured
//! at 100,000 articles in seconds. It says what the gold says: meeting
//! stories join no call, an article's source is what its text credits.

use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::lexicon::topics::Topics;

/// The generated corpus as a `Timeline` built straight from what the
/// generator meant (calls, outlets, topics), skipping read, clean, extract
/// and group: lets the query engine be measured at 100,000 articles in
/// seconds, independently of the loading stages. Paragraphs split on blank
/// lines, sentences on ". ".
pub fn timeline(seed: u64, count: usize) -> crate::model::Timeline {
    use crate::model::{Call, DateBasis, Reported};
    let leaders = Leaders::embedded();
    let topic_names = Topics::embedded();
    let (plans, texts) = super::plan_corpus(seed, count);
    let mut slot = vec![usize::MAX; plans.len()];
    let mut calls: Vec<Call> = Vec::new();
    let mut call_of_article = Vec::with_capacity(texts.len());
    let mut articles = Vec::with_capacity(texts.len());
    for (i, (file, w)) in texts.into_iter().enumerate() {
        let Some(c) = w.call else {
            call_of_article.push(None);
            articles.push(model_article(file, w.text, w.published, w.source));
            continue;
        };
        let plan = &plans[c];
        if slot[c] == usize::MAX {
            slot[c] = calls.len();
            let (home, other) = (LeaderId(plan.home), LeaderId(plan.counterpart));
            calls.push(Call {
                id: format!(
                    "{}-{}-{}",
                    plan.date.format("%Y-%m-%d"),
                    leaders.get(home).short,
                    leaders.get(other).short
                ),
                date: plan.date,
                date_basis: DateBasis::Stated,
                home,
                counterpart: other,
                duration_minutes: Reported::default(),
                start_time: Reported::default(),
                topics: plan
                    .topics
                    .iter()
                    .map(|&t| topic_names.all[t].name.clone())
                    .collect(),
                articles: Vec::new(),
            });
        }
        calls[slot[c]].articles.push(i);
        call_of_article.push(Some(slot[c]));
        articles.push(model_article(file, w.text, w.published, w.source));
    }
    // The real last stage orders calls newest first and finds the eras.
    let date_basis = vec![DateBasis::Stated; articles.len()];
    let grouping = crate::pipeline::group::Grouping {
        calls,
        call_of_article,
        date_basis,
    };
    crate::pipeline::timeline::build(articles, grouping, Vec::new(), leaders)
}

/// An article as the model holds it, from its text: paragraphs split on
/// blank lines, the title from the header or the first sentence.
fn model_article(
    file: String,
    text: String,
    published: Option<chrono::NaiveDate>,
    source: Option<&str>,
) -> crate::model::Article {
    use crate::model::{Article, Body, CallFacts};
    let (header, body) = match text.strip_prefix(" date ") {
        Some(rest) => rest.split_once('\n').unwrap_or((rest, "")),
        None => ("", text.as_str()),
    };
    let mut paragraphs = Body::default();
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .for_each(|p| paragraphs.push_plain(p));
    let title = match header.get(11..) {
        Some(h) if !h.trim().is_empty() => h.trim().to_string(),
        _ => paragraphs
            .first()
            .and_then(|p| p.sentence_texts().next())
            .unwrap_or_default()
            .to_string(),
    };
    Article {
        id: file.trim_end_matches(".txt").to_string(),
        path: format!("synth:{file}"),
        published,
        title,
        source: source.map(str::to_string),
        paragraphs,
        facts: CallFacts::default(),
        warnings: Vec::new(),
        ..Article::default()
    }
}
