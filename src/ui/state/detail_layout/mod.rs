//! The wrapped text of the detail pane and of the side-by-side panes, with
//! the line each filter hit landed on, cached in `App::layouts` so one
//! selection, width and query is laid out once: `update` fills the cache
//! (it needs the line counts for scrolling and `n`/`N`), `render` reads
//! it. The cache is keyed by everything the text depends on (`DetailKey`,
//! `PaneKey`), so a stale entry is never shown: it just misses.

use std::sync::Arc;

mod build;
mod call_facts;
mod evidence;
pub mod facts;
mod key_of;
mod out;
pub mod side_header;

pub use build::{article_only, build};

use ratatui::text::Line;

use super::row::Row;
use crate::lexicon::leaders::LeaderId;
use crate::model::Timeline;
use crate::query::{Query, SearchIndex};
use crate::ui::theme::Theme;

/// A pane's whole text, wrapped, and the line each filter hit is on.
#[derive(Debug, Clone, Default)]
pub struct DetailView {
    pub lines: Vec<Line<'static>>,
    /// Line of hit k, in reading order (title hits first).
    pub hit_lines: Vec<usize>,
}

/// What a pane's text depends on besides the article: the corpus and its
/// index (by identity: held, so a new one never reuses a freed address),
/// the applied filter and the theme.
#[derive(Debug, Clone)]
struct Common {
    timeline: Arc<Timeline>,
    index: Option<Arc<SearchIndex>>,
    width: usize,
    query: Option<Query>,
    filtered: bool,
    applied: u64,
    theme: Theme,
}

impl PartialEq for Common {
    fn eq(&self, o: &Common) -> bool {
        let same_index = match (&self.index, &o.index) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        Arc::ptr_eq(&self.timeline, &o.timeline)
            && same_index
            && self.width == o.width
            && self.query == o.query
            && self.filtered == o.filtered
            && self.applied == o.applied
            && self.theme == o.theme
    }
}

/// Everything `build` reads, at `width` columns.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailKey {
    common: Common,
    row: Option<Row>,
    article: Option<usize>,
    /// The pane's height: a small one sums the facts up (`facts::compact`).
    height: usize,
    loading: bool,
    /// The text typed, when nothing matches: "Nothing matches …" quotes
    /// it before it is applied. Otherwise typing alone changes nothing.
    typed: Option<String>,
    counterpart: Option<LeaderId>,
    evidence: bool,
    facts_full: bool,
    hit_cursor: Option<usize>,
    pinned: Option<usize>,
    /// The user's note on the call shown (`a`).
    note: Option<String>,
}

/// Everything one side-by-side pane's text reads.
#[derive(Debug, Clone, PartialEq)]
pub struct PaneKey {
    common: Common,
    article: usize,
}

/// The cache: the detail pane's text, and the last few side-by-side panes
/// (both panes, and the one before a swap).
#[derive(Debug, Default)]
pub struct Layouts {
    detail: Option<(DetailKey, Arc<DetailView>)>,
    panes: Vec<(PaneKey, Arc<DetailView>)>,
    /// How many texts were laid out: the tests check the cache is used.
    pub builds: usize,
}

/// Side-by-side panes kept: the two shown and one spare.
const PANES_KEPT: usize = 3;

impl Layouts {
    pub fn detail(&self, key: &DetailKey) -> Option<Arc<DetailView>> {
        self.detail
            .as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    pub fn pane(&self, key: &PaneKey) -> Option<Arc<DetailView>> {
        self.panes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    pub(in crate::ui) fn store_detail(&mut self, key: DetailKey, view: Arc<DetailView>) {
        self.builds += 1;
        self.detail = Some((key, view));
    }

    pub(in crate::ui) fn store_pane(&mut self, key: PaneKey, view: Arc<DetailView>) {
        self.builds += 1;
        self.panes.retain(|(k, _)| *k != key);
        self.panes.insert(0, (key, view));
        self.panes.truncate(PANES_KEPT);
    }
}
