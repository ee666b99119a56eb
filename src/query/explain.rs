//! Where a hit matched when its own words do not show it: `/apec` lists
//! an article because its call's topics name APEC, and `n` can then say
//! "matched: call topic APEC" instead of "no hits in this text".

use super::eval::{Compiled, compile, lookup_words};
use super::index::{NONE, SearchIndex};
use super::parse::{Field, Query};
use crate::model::Timeline;

impl SearchIndex {
    /// For each positive word of `query` that `article` matches outside
    /// its own title and body words, where it matched: "call topic APEC",
    /// "outlet Bloomberg", "leader Xi Jinping", "date 2025-06-10",
    /// "call 2025-06-10-lee-xi", "year 2025". Empty when every word is in
    /// the text (or the article does not match). Untrusted names are
    /// returned as they are: the caller makes them safe to show.
    pub fn explain(&self, timeline: &Timeline, query: &Query, article: usize) -> Vec<String> {
        if article >= self.fields.len() {
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        for term in query.positive() {
            let c = compile(self, term);
            if term.field == Field::Any && lookup_words(self, &c, article as u32).0 > 0 {
                continue;
            }
            if let Some(why) = self.field_reason(timeline, &c, article)
                && !out.contains(&why)
            {
                out.push(why);
            }
        }
        out
    }

    fn field_reason(&self, timeline: &Timeline, c: &Compiled, article: usize) -> Option<String> {
        let f = &self.fields[article];
        let hit = |v: &Vec<u32>, id: u32| id != NONE && v.get(id as usize).is_some_and(|&s| s > 0);
        let a = timeline.articles.get(article)?;
        let call = timeline
            .call_of_article
            .get(article)
            .copied()
            .flatten()
            .and_then(|i| timeline.calls.get(i));
        let topic_names = call.map_or(&a.facts.topics, |c| &c.topics);
        for (k, &topic) in self.article_topics(article).iter().enumerate() {
            if hit(&c.topics, topic) {
                let name = topic_names.get(k).cloned().unwrap_or_default();
                let whose = if call.is_some() {
                    "call topic"
                } else {
                    "topic"
                };
                return Some(format!("{whose} {name}"));
            }
        }
        let leader = |id: u32| {
            timeline
                .leaders
                .all
                .get(id as usize)
                .map(|l| l.name.clone())
                .unwrap_or_default()
        };
        let leader_ids: &[u32] = match c.term.field {
            Field::Era => &[f.era],
            Field::With => &[f.counterpart],
            _ => &[f.home, f.counterpart],
        };
        for &id in leader_ids {
            if hit(&c.leaders, id) {
                let what = if c.term.field == Field::Era {
                    "era of"
                } else {
                    "leader"
                };
                return Some(format!("{what} {}", leader(id)));
            }
        }
        if hit(&c.sources, f.source) {
            let name = a
                .source
                .clone()
                .unwrap_or_else(|| crate::export::SOURCE_NOT_STATED.into());
            return Some(format!("outlet {name}"));
        }
        let date = |id: u32| {
            self.dates
                .entries
                .get(id as usize)
                .and_then(|names| names.first())
                .map(|d| d.iter().collect::<String>())
                .unwrap_or_default()
        };
        if hit(&c.dates, f.dates[0]) {
            return Some(format!("date {}", date(f.dates[0])));
        }
        if hit(&c.dates, f.dates[1]) {
            return Some(format!("published {}", date(f.dates[1])));
        }
        if hit(&c.labels, f.label) {
            let id = call.map(|c| c.id.clone()).unwrap_or_default();
            return Some(format!("call {id}"));
        }
        if c.year.is_some() && f.year >= 1000 {
            return Some(format!("year {}", f.year));
        }
        None
    }
}
