//! What shows under the filter and the counterpart chosen: which
//! articles, calls and eras are visible, and the counts the status line
//! gives.

use super::App;

impl App {
    fn counterpart_ok(&self, article: usize) -> bool {
        let Some(cp) = self.counterpart else {
            return true;
        };
        let t = &self.timeline;
        match t.call_of_article.get(article).copied().flatten() {
            Some(c) => t.calls.get(c).is_some_and(|call| call.counterpart == cp),
            None => t
                .articles
                .get(article)
                .is_none_or(|a| a.facts.counterpart.is_none_or(|id| id == cp)),
        }
    }

    /// Shown under the current filter and counterpart.
    pub fn article_visible(&self, article: usize) -> bool {
        let matched = match &self.filter.hits {
            Some(h) => h.matched.get(article).copied().unwrap_or(false),
            None => true,
        };
        matched && self.counterpart_ok(article)
    }

    pub fn call_visible(&self, call: usize) -> bool {
        let Some(c) = self.timeline.calls.get(call) else {
            return false;
        };
        if self.counterpart.is_some_and(|cp| cp != c.counterpart) {
            return false;
        }
        match &self.filter.hits {
            None => true,
            Some(_) => c.articles.iter().any(|&a| self.article_visible(a)),
        }
    }

    pub fn visible_articles_of_call(&self, call: usize) -> Vec<usize> {
        self.timeline
            .calls
            .get(call)
            .map(|c| {
                c.articles
                    .iter()
                    .copied()
                    .filter(|&a| self.article_visible(a))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn visible_calls_of_era(&self, era: usize) -> Vec<usize> {
        self.timeline
            .eras
            .get(era)
            .map(|e| {
                e.calls
                    .iter()
                    .copied()
                    .filter(|&c| self.call_visible(c))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(super) fn orphan_calls(&self) -> Vec<usize> {
        (0..self.timeline.calls.len())
            .filter(|&c| self.call_era[c].is_none() && self.call_visible(c))
            .collect()
    }

    pub(super) fn visible_unassigned(&self) -> Vec<usize> {
        self.timeline
            .unassigned
            .iter()
            .copied()
            .filter(|&a| self.article_visible(a))
            .collect()
    }

    /// (articles shown, calls shown) under filter and counterpart.
    pub fn counts(&self) -> (usize, usize) {
        let t = &self.timeline;
        let articles = (0..t.articles.len())
            .filter(|&a| self.article_visible(a))
            .count();
        let calls = (0..t.calls.len()).filter(|&c| self.call_visible(c)).count();
        (articles, calls)
    }

    /// The filter is on and nothing matches.
    pub fn no_matches(&self) -> bool {
        self.filter.active() && self.counts().0 == 0
    }
}
