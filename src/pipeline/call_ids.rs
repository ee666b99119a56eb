//! Unique call ids: `date-home-counterpart` by short names, made unique
//! by construction where two calls would share one.

use std::collections::{HashMap, HashSet};

use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::model::Call;

/// Call ids are `date-home-counterpart` by the leaders' short names; two
/// leaders may share one (Lee Myung-bak and Lee Jae-myung are both `lee`).
/// Calls whose ids clash name the leaders that differ by their full-name
/// slug (`2013-02-23-lee-myung-bak-xi`), and any clash left (a leaders
/// file with two equal slugs) takes a counter (`-2`, `-3`, … in call
/// order). Ids of calls that clash with nothing are unchanged.
pub(super) fn make_unique(calls: &mut [Call], leaders: &Leaders) {
    // Nearly always unique already: checked on borrowed ids, as copying
    // every id into a map cost more than grouping itself.
    if crate::pipeline::all_distinct(calls.iter().map(|c| c.id.as_str()).collect()) {
        return;
    }
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, call) in calls.iter().enumerate() {
        by_id.entry(call.id.clone()).or_default().push(i);
    }
    if by_id.len() == calls.len() {
        return;
    }
    let mut clashes: Vec<Vec<usize>> = by_id.into_values().filter(|v| v.len() > 1).collect();
    clashes.sort_unstable();
    for group in &clashes {
        let homes_differ = group.iter().any(|&c| calls[c].home != calls[group[0]].home);
        let others_differ = group
            .iter()
            .any(|&c| calls[c].counterpart != calls[group[0]].counterpart);
        for &c in group {
            let name = |id: LeaderId, full: bool| {
                let leader = leaders.get(id);
                if full {
                    leader.id.clone()
                } else {
                    leader.short.clone()
                }
            };
            let call = &calls[c];
            calls[c].id = format!(
                "{}-{}-{}",
                call.date,
                name(call.home, homes_differ),
                name(call.counterpart, others_differ)
            );
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut seen_once: HashSet<String> = calls.iter().map(|c| c.id.clone()).collect();
    for call in calls.iter_mut() {
        if taken.insert(call.id.clone()) {
            continue;
        }
        let mut n = 2;
        let id = loop {
            let candidate = format!("{}-{n}", call.id);
            if !seen_once.contains(&candidate) && !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        taken.insert(id.clone());
        seen_once.insert(id.clone());
        call.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::topics::Topics;
    use crate::pipeline::group::make_call;
    use chrono::NaiveDate;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn leader(leaders: &Leaders, key: &str) -> LeaderId {
        leaders.by_key(key).unwrap()
    }

    #[test]
    fn leaders_sharing_a_short_name_get_distinct_call_ids() {
        let leaders = Leaders::embedded();
        // Lee Myung-bak's last day and Lee Jae-myung (an impossible pair
        // on that day, given here as facts) both "lee" with Xi.
        let (mb, xi) = (
            leader(&leaders, "lee-myung-bak"),
            leader(&leaders, "xi-jinping"),
        );
        let b_leader = leader(&leaders, "lee-jae-myung");
        let mut calls = vec![
            make_call(
                (mb, xi),
                date("2013-02-23"),
                &[],
                &[],
                &[],
                &leaders,
                &Topics::embedded(),
            ),
            make_call(
                (b_leader, xi),
                date("2013-02-23"),
                &[],
                &[],
                &[],
                &leaders,
                &Topics::embedded(),
            ),
        ];
        assert_eq!(calls[0].id, calls[1].id);
        let other = calls[0].clone();
        make_unique(&mut calls, &leaders);
        assert_eq!(calls[0].id, "2013-02-23-lee-myung-bak-xi");
        assert_eq!(calls[1].id, "2013-02-23-lee-jae-myung-xi");
        // The same pair twice (only a broken leaders file could): a counter.
        let mut twice = vec![other.clone(), other];
        make_unique(&mut twice, &leaders);
        assert_eq!(twice[0].id, "2013-02-23-lee-xi");
        assert_eq!(twice[1].id, "2013-02-23-lee-xi-2");
    }
}
