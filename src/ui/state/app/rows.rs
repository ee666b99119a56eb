//! The timeline list: building its rows (era headers, calls, articles,
//! the unassigned ones), collapsing and expanding, and keeping the
//! selection on the same thing, by identity, when the rows change.

use super::{App, Group, GroupId, Row, SelKey, SelectionKey};

impl App {
    fn group_id(&self, g: Group) -> GroupId {
        match g {
            Group::Era(e) => match self.timeline.eras.get(e) {
                Some(era) => GroupId::Era(era.leader, era.from),
                None => GroupId::Orphans,
            },
            Group::Orphans => GroupId::Orphans,
            Group::Unassigned => GroupId::Unassigned,
        }
    }

    pub fn is_collapsed(&self, g: Group) -> bool {
        self.collapsed.contains(&self.group_id(g))
    }

    pub(in crate::ui) fn set_collapsed(&mut self, g: Group, collapsed: bool) {
        let id = self.group_id(g);
        if collapsed {
            self.collapsed.insert(id);
        } else {
            self.collapsed.remove(&id);
        }
    }

    pub fn is_expanded(&self, call: usize) -> bool {
        self.timeline
            .calls
            .get(call)
            .is_some_and(|c| self.expanded.contains(&c.id))
    }

    pub(in crate::ui) fn set_expanded(&mut self, call: usize, expanded: bool) {
        if let Some(c) = self.timeline.calls.get(call) {
            if expanded {
                self.expanded.insert(c.id.clone());
            } else {
                self.expanded.remove(&c.id);
            }
        }
    }

    fn key_of(&self, row: Row) -> SelKey {
        let t = &self.timeline;
        match row {
            Row::Group(g) => SelKey::Group(self.group_id(g)),
            Row::Call(c) => SelKey::Call(t.calls.get(c).map(|c| c.id.clone()).unwrap_or_default()),
            Row::Article { article, .. } => SelKey::Article(
                t.articles
                    .get(article)
                    .map(|a| a.id.clone())
                    .unwrap_or_default(),
            ),
        }
    }

    fn find_key(&self, key: &SelKey) -> Option<usize> {
        self.rows.iter().position(|&r| &self.key_of(r) == key)
    }

    /// The selection by identity (and its call, for when an article row
    /// goes away), to find it again after the rows change.
    pub(in crate::ui) fn selection_key(&self) -> SelectionKey {
        let key = self.rows.get(self.selected).map(|&r| self.key_of(r));
        let parent = match self.rows.get(self.selected) {
            Some(&Row::Article { call: Some(c), .. }) => Some(self.key_of(Row::Call(c))),
            _ => None,
        };
        SelectionKey {
            key,
            parent,
            index: self.selected,
        }
    }

    /// Recompute the rows and put the selection back on the same thing; if
    /// it is gone (filtered out), on the first call.
    pub(in crate::ui) fn restore_selection(&mut self, sel: SelectionKey) {
        self.rows = self.compute_rows();
        let found = sel
            .key
            .as_ref()
            .and_then(|k| self.find_key(k))
            .or_else(|| sel.parent.as_ref().and_then(|k| self.find_key(k)));
        match found {
            Some(i) => {
                if i != sel.index {
                    self.detail_scroll = 0;
                    self.hit_cursor = None;
                }
                self.selected = i;
            }
            None => {
                self.detail_scroll = 0;
                self.hit_cursor = None;
                // Gone, or nothing was selected (an empty list): the
                // first call.
                self.select_first_call();
            }
        }
        self.clamp_list_offset();
    }

    /// Recompute the list after anything that changes what is visible,
    /// keeping the selection on the same thing when it is still there.
    pub(in crate::ui) fn rebuild_rows(&mut self) {
        let sel = self.selection_key();
        self.restore_selection(sel);
    }

    fn compute_rows(&self) -> Vec<Row> {
        let t = &self.timeline;
        let mut rows = Vec::new();
        if self.no_matches() {
            return rows;
        }
        let push_call = |rows: &mut Vec<Row>, c: usize| {
            rows.push(Row::Call(c));
            if self.is_expanded(c) {
                for a in self.visible_articles_of_call(c) {
                    rows.push(Row::Article {
                        article: a,
                        call: Some(c),
                    });
                }
            }
        };
        for ei in 0..t.eras.len() {
            let g = Group::Era(ei);
            rows.push(Row::Group(g));
            if self.is_collapsed(g) {
                continue;
            }
            for c in self.visible_calls_of_era(ei) {
                push_call(&mut rows, c);
            }
        }
        let orphans = self.orphan_calls();
        if !orphans.is_empty() {
            rows.push(Row::Group(Group::Orphans));
            if !self.is_collapsed(Group::Orphans) {
                for c in orphans {
                    push_call(&mut rows, c);
                }
            }
        }
        if !t.unassigned.is_empty() {
            let shown = self.visible_unassigned();
            if !shown.is_empty() || (!self.filter.active() && self.counterpart.is_none()) {
                rows.push(Row::Group(Group::Unassigned));
                if !self.is_collapsed(Group::Unassigned) {
                    for a in shown {
                        rows.push(Row::Article {
                            article: a,
                            call: None,
                        });
                    }
                }
            }
        }
        rows
    }

    pub(in crate::ui) fn select_first_call(&mut self) {
        self.selected = self
            .rows
            .iter()
            .position(|r| matches!(r, Row::Call(_)))
            .or_else(|| {
                self.rows
                    .iter()
                    .position(|r| matches!(r, Row::Article { .. }))
            })
            .unwrap_or(0);
        self.clamp_list_offset();
    }

    /// Keep the selected row on screen, with a little context around it.
    pub(in crate::ui) fn clamp_list_offset(&mut self) {
        let h = self.list_height().max(1);
        let n = self.rows.len();
        if self.selected >= n {
            self.selected = n.saturating_sub(1);
        }
        let margin = if h > 6 { 2 } else { 0 };
        if self.selected < self.list_offset + margin {
            self.list_offset = self.selected.saturating_sub(margin);
        }
        if self.selected + margin >= self.list_offset + h {
            self.list_offset = (self.selected + margin + 1).saturating_sub(h);
        }
        self.list_offset = self.list_offset.min(n.saturating_sub(h));
    }
}
