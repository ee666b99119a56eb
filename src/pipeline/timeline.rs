//! The timeline: calls ordered newest first and the eras of the home
//! country's leaders they fall in. Every elected leader's term between the
//! first and the last call is an era, with or without calls (a gap is
//! information); an acting leader gets an era only for calls they made.

use chrono::NaiveDate;

use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::model::{Article, Call, Era, Timeline, Warning};
use crate::pipeline::group::Grouping;

pub fn build(
    mut articles: Vec<Article>,
    grouping: Grouping,
    warnings: Vec<Warning>,
    leaders: Leaders,
) -> Timeline {
    for (article, basis) in articles.iter_mut().zip(&grouping.date_basis) {
        article.facts.date_basis = *basis;
    }

    // Newest first; the permutation keeps article → call links valid.
    let mut order: Vec<usize> = (0..grouping.calls.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&grouping.calls[a], &grouping.calls[b]);
        b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id))
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Call>> = grouping.calls.into_iter().map(Some).collect();
    let calls: Vec<Call> = order.iter().filter_map(|&old| slots[old].take()).collect();
    let call_of_article: Vec<Option<usize>> = grouping
        .call_of_article
        .iter()
        .map(|c| c.map(|old| new_index[old]))
        .collect();

    let unassigned = (0..articles.len())
        .filter(|&i| call_of_article[i].is_none())
        .collect();
    let eras = eras(&calls, &leaders);
    Timeline {
        leaders,
        articles,
        calls,
        eras,
        unassigned,
        warnings,
        call_of_article,
    }
}

/// Eras newest first, each listing its calls newest first. `calls` must be
/// ordered newest first.
pub fn eras(calls: &[Call], leaders: &Leaders) -> Vec<Era> {
    let (Some(newest), Some(oldest)) = (calls.first(), calls.last()) else {
        return Vec::new();
    };
    let mut eras: Vec<Era> = leaders
        .ids()
        .filter(|&id| leaders.is_home(id))
        .flat_map(|id| {
            let leader = leaders.get(id);
            leader
                .terms
                .iter()
                .filter(|t| !t.is_acting())
                .map(move |t| era(id, t.from, t.to))
        })
        .filter(|e| e.to.is_none_or(|to| to >= oldest.date) && e.from <= newest.date)
        .collect();

    for (index, call) in calls.iter().enumerate() {
        let slot = match era_of(&eras, call, leaders) {
            Some(slot) => slot,
            None => {
                let leader = leaders.get(call.home);
                let term = leader.terms.iter().find(|t| t.covers(call.date));
                let (from, to) = term.map_or((call.date, Some(call.date)), |t| (t.from, t.to));
                eras.push(era(call.home, from, to));
                eras.len() - 1
            }
        };
        eras[slot].calls.push(index);
    }
    eras.sort_by(|a, b| b.from.cmp(&a.from).then(a.leader.cmp(&b.leader)));
    eras
}

fn era(leader: LeaderId, from: NaiveDate, to: Option<NaiveDate>) -> Era {
    Era {
        leader,
        from,
        to,
        calls: Vec::new(),
    }
}

/// The era a call belongs to: its home leader's term covering the date
/// (a leader-elect's call counts as theirs), else that leader's nearest term.
fn era_of(eras: &[Era], call: &Call, leaders: &Leaders) -> Option<usize> {
    let leader = leaders.get(call.home);
    let mine: Vec<usize> = (0..eras.len())
        .filter(|&e| eras[e].leader == call.home)
        .collect();
    let covering = mine.iter().copied().find(|&e| {
        leader
            .terms
            .iter()
            .any(|t| t.from == eras[e].from && t.covers(call.date))
    });
    covering.or_else(|| {
        mine.into_iter().min_by_key(|&e| {
            let from = eras[e].from;
            let to = eras[e].to.unwrap_or(NaiveDate::MAX);
            if call.date < from {
                (from - call.date).num_days()
            } else if call.date > to {
                (call.date - to).num_days()
            } else {
                0
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateBasis, Reported};

    fn call(leaders: &Leaders, home: &str, date: &str) -> Call {
        let home = leaders.by_key(home).unwrap();
        Call {
            id: format!("{date}-{}-xi", leaders.get(home).short),
            date: date.parse().unwrap(),
            date_basis: DateBasis::Stated,
            home,
            counterpart: leaders.by_key("xi-jinping").unwrap(),
            duration_minutes: Reported::default(),
            start_time: Reported::default(),
            topics: vec![],
            articles: vec![],
        }
    }

    fn names(leaders: &Leaders, eras: &[Era]) -> Vec<String> {
        eras.iter()
            .map(|e| leaders.get(e.leader).name.clone())
            .collect()
    }

    #[test]
    fn eras_span_first_to_last_call_including_empty_ones() {
        let l = Leaders::embedded();
        let calls = [
            call(&l, "lee-jae-myung", "2025-06-10"),
            call(&l, "moon-jae-in", "2020-02-20"),
        ];
        let eras = eras(&calls, &l);
        assert_eq!(
            names(&l, &eras),
            ["Lee Jae-myung", "Yoon Suk Yeol", "Moon Jae-in"]
        );
        assert_eq!(eras[0].to, None);
        assert_eq!(eras[1].calls, Vec::<usize>::new());
        assert_eq!(eras[2].from.to_string(), "2017-05-10");
        assert_eq!(
            eras[2].to.map(|d| d.to_string()).as_deref(),
            Some("2022-05-09")
        );
        assert_eq!(eras[2].calls, vec![1]);
    }

    #[test]
    fn acting_president_gets_an_era_only_with_calls() {
        let l = Leaders::embedded();
        let calls = [
            call(&l, "lee-jae-myung", "2025-06-10"),
            call(&l, "choi-sang-mok", "2025-01-15"),
            call(&l, "yoon-suk-yeol", "2022-08-24"),
        ];
        let eras = eras(&calls, &l);
        assert_eq!(
            names(&l, &eras),
            ["Lee Jae-myung", "Choi Sang-mok", "Yoon Suk Yeol"]
        );
        assert_eq!(eras[1].calls, vec![1]);
    }

    #[test]
    fn president_elect_call_belongs_to_their_era() {
        let l = Leaders::embedded();
        let calls = [
            call(&l, "yoon-suk-yeol", "2022-03-25"),
            call(&l, "moon-jae-in", "2022-01-02"),
        ];
        let eras = eras(&calls, &l);
        assert_eq!(names(&l, &eras), ["Yoon Suk Yeol", "Moon Jae-in"]);
        assert_eq!(eras[0].calls, vec![0]);
    }

    #[test]
    fn no_calls_no_eras() {
        assert!(eras(&[], &Leaders::embedded()).is_empty());
    }

    #[test]
    fn build_orders_calls_newest_first_and_remaps_articles() {
        let l = Leaders::embedded();
        let old = call(&l, "moon-jae-in", "2020-02-20");
        let new = call(&l, "lee-jae-myung", "2025-06-10");
        let grouping = Grouping {
            calls: vec![old, new],
            call_of_article: vec![Some(0), None, Some(1)],
            date_basis: vec![DateBasis::Stated; 3],
        };
        let articles = vec![Article::default(); 3];
        let t = build(articles, grouping, vec![], l);
        assert_eq!(t.calls[0].date.to_string(), "2025-06-10");
        assert_eq!(t.call_of_article, vec![Some(1), None, Some(0)]);
        assert_eq!(t.unassigned, vec![1]);
    }
}
