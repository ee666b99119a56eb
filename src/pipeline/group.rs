//! Grouping: articles → calls. Same two leaders and same call date make one
//! call. An article that gives no usable date joins the one call of the same
//! two leaders its facts clearly fit (its date then counts as inferred), or
//! stays unassigned: a wrong join would be worse than none.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::lexicon::topics::Topics;
use crate::model::{Article, Call, CallFacts, DateBasis, Reported};
use crate::pipeline::par;

#[path = "call_ids.rs"]
mod call_ids;

/// Calls (unordered) and, per article, the call it went to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grouping {
    pub calls: Vec<Call>,
    pub call_of_article: Vec<Option<usize>>,
    /// Per article: how its call date was found (`Inferred` for joins).
    pub date_basis: Vec<DateBasis>,
}

type Pair = (LeaderId, LeaderId);

/// The maps below are keyed by leader ids and dates, a few small integers
/// each: a multiply-and-rotate hash serves them at a fraction of SipHash's
/// cost (most of grouping's time on the main thread, after the parallel
/// load). The keys are bounded (dates within the leaders' terms), so there
/// is no flood of colliding keys to fear.
#[derive(Default, Clone, Copy)]
struct SmallKeyHasher(u64);

impl std::hash::Hasher for SmallKeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_i32(&mut self, n: i32) {
        self.write_u64(u64::from(n.cast_unsigned()));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type SmallKeyMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<SmallKeyHasher>>;

pub fn group(articles: &[Article], leaders: &Leaders, topics: &Topics) -> Grouping {
    let mut members: Vec<(Pair, NaiveDate, Vec<usize>)> = Vec::new();
    let mut slot: SmallKeyMap<(Pair, NaiveDate), usize> = SmallKeyMap::default();
    let mut call_of_article = vec![None; articles.len()];
    let mut date_basis: Vec<DateBasis> = articles.iter().map(|a| a.facts.date_basis).collect();
    let mut undated = Vec::new();
    // Each pair's calls, in `members` order.
    let mut calls_of: SmallKeyMap<Pair, Vec<usize>> = SmallKeyMap::default();

    for (i, article) in articles.iter().enumerate() {
        // A meeting report joins no call, whatever call it mentions.
        if article.facts.meeting {
            continue;
        }
        let Some(pair) = pair_of(&article.facts, leaders) else {
            continue;
        };
        // A date when either leader was out of office (a header of
        // 0001-01-01, a misread year) places no call there: the article is
        // treated as undated and joins a call only as one would.
        let in_terms =
            |d: &NaiveDate| leaders.get(pair.0).in_office(*d) && leaders.get(pair.1).in_office(*d);
        match article.facts.date.filter(in_terms) {
            Some(date) => {
                let next = members.len();
                let at = *slot.entry((pair, date)).or_insert(next);
                if at == next {
                    members.push((pair, date, Vec::new()));
                    calls_of.entry(pair).or_default().push(at);
                }
                members[at].2.push(i);
                call_of_article[i] = Some(at);
            }
            None => undated.push((i, pair)),
        }
    }

    // Undated articles: first try the calls the dated ones made; failing
    // that, a date the leaders' terms allow only one way. Whether a call's
    // date fits an article depends on nothing a join changes, so that test
    // runs first for every undated article, on every core, against the
    // calls the dated articles made; calls made below are tested as they come.
    let dated_calls = members.len();
    let date_fits: Vec<Vec<usize>> = par::map(&undated, |&(i, pair)| {
        calls_of.get(&pair).map_or_else(Vec::new, |calls| {
            calls
                .iter()
                .copied()
                .filter(|&c| fits_date(&articles[i].facts, members[c].1))
                .collect()
        })
    });
    for (&(i, pair), fit_dates) in undated.iter().zip(&date_fits) {
        let facts = &articles[i].facts;
        let made_since = calls_of
            .get(&pair)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|&c| c >= dated_calls && fits_date(facts, members[c].1));
        let fits: Vec<usize> = fit_dates
            .iter()
            .copied()
            .chain(made_since)
            .filter(|&c| agrees_with_members(facts, articles, &members[c].2))
            // Only "exactly one" counts: a second fit settles it.
            .take(2)
            .collect();
        // Exactly one: shared topics are no evidence of the day, and a
        // wrong join would be worse than none.
        let chosen = match fits.as_slice() {
            [only] => Some(*only),
            _ => None,
        };
        let chosen = chosen.or_else(|| {
            let date = unique_date_in_terms(facts, pair, leaders)?;
            let next = members.len();
            let at = *slot.entry((pair, date)).or_insert(next);
            if at == next {
                members.push((pair, date, Vec::new()));
                calls_of.entry(pair).or_default().push(at);
            }
            Some(at)
        });
        if let Some(c) = chosen {
            // Sorted once below: nothing before reads the members' order.
            members[c].2.push(i);
            call_of_article[i] = Some(c);
            date_basis[i] = DateBasis::Inferred;
        }
    }
    for (_, _, arts) in &mut members {
        arts.sort_unstable();
    }

    // Each call is made from its own members alone: on every core.
    let mut calls: Vec<Call> = par::map(&members, |(pair, date, arts)| {
        make_call(*pair, *date, arts, articles, &date_basis, leaders, topics)
    });
    call_ids::make_unique(&mut calls, leaders);
    Grouping {
        calls,
        call_of_article,
        date_basis,
    }
}

/// The (home, counterpart) of an article's call. The home leader may be
/// left implicit ("the South Korean president"): then whoever held office
/// on the call date is meant.
fn pair_of(facts: &CallFacts, leaders: &Leaders) -> Option<Pair> {
    let counterpart = facts.counterpart?;
    let home = match facts.home {
        Some(home) => home,
        None => *leaders.in_office(&leaders.home, facts.date?).first()?,
    };
    (leaders.is_home(home) && !leaders.is_home(counterpart)).then_some((home, counterpart))
}

/// Whether an undated article's own day facts (weekday, day of month,
/// month and day) are consistent with a call on `date`. Each stated fact
/// must agree; unstated facts don't count against it.
fn fits_date(facts: &CallFacts, date: NaiveDate) -> bool {
    // Cheapest checks first; all are pure, so the order changes nothing.
    facts.weekday.is_none_or(|w| w == date.weekday())
        && facts.day_of_month.is_none_or(|d| d == date.day())
        && facts
            .month_day
            .is_none_or(|md| month_day_fits(md, facts.weekday, date))
}

/// Whether an undated article's duration and start time agree with the
/// call told by `members`: a fact agrees when no member states it or one
/// states the same value.
fn agrees_with_members(facts: &CallFacts, articles: &[Article], members: &[usize]) -> bool {
    let agrees = |ours: Option<u32>, theirs: &dyn Fn(&CallFacts) -> Option<u32>| {
        ours.is_none_or(|v| {
            let mut stated = members
                .iter()
                .filter_map(|&m| theirs(&articles[m].facts))
                .peekable();
            stated.peek().is_none() || stated.any(|x| x == v)
        })
    };
    agrees(facts.duration_minutes, &|f| f.duration_minutes)
        && agrees(facts.start_time.map(minutes_of_day), &|f| {
            f.start_time.map(minutes_of_day)
        })
}

/// A month and day without a year may be the call date itself ("on Jan.
/// 26") or a wire dateline a few days after it ("SEOUL, Jan. 28 (Yonhap) --
/// ... on Tuesday"); the later reading needs the weekday to agree.
fn month_day_fits(
    (month, day): (u32, u32),
    weekday: Option<chrono::Weekday>,
    date: NaiveDate,
) -> bool {
    [date.year(), date.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .any(|stated| {
            let after = (stated - date).num_days();
            after == 0 || (weekday.is_some() && (1..=6).contains(&after))
        })
}

fn minutes_of_day(t: chrono::NaiveTime) -> u32 {
    use chrono::Timelike;
    t.hour() * 60 + t.minute()
}

/// A call date for an undated article when the text pins month and day
/// (and maybe weekday) and only one year in both leaders' terms fits.
fn unique_date_in_terms(facts: &CallFacts, pair: Pair, leaders: &Leaders) -> Option<NaiveDate> {
    let (month, day) = facts.month_day?;
    let home = leaders.get(pair.0);
    let counterpart = leaders.get(pair.1);
    let years = home.terms.iter().flat_map(|t| {
        let from = t.elect_from.unwrap_or(t.from).year();
        let to =
            t.to.map_or_else(|| chrono::Local::now().year(), |d| d.year());
        from..=to
    });
    let mut found = years
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|&d| {
            home.in_office(d)
                && counterpart.in_office(d)
                && facts.weekday.is_none_or(|w| w == d.weekday())
        });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

pub(crate) fn make_call(
    (home, counterpart): Pair,
    date: NaiveDate,
    members: &[usize],
    articles: &[Article],
    date_basis: &[DateBasis],
    leaders: &Leaders,
    topics: &Topics,
) -> Call {
    let basis = members
        .iter()
        .map(|&m| date_basis[m])
        .max()
        .unwrap_or(DateBasis::Unknown);
    let mut call_topics: Vec<String> = Vec::new();
    for &m in members {
        for topic in &articles[m].facts.topics {
            if !call_topics.contains(topic) {
                call_topics.push(topic.clone());
            }
        }
    }
    call_topics.sort_by_key(|t| topics.rank(t));
    Call {
        id: format!(
            "{date}-{}-{}",
            leaders.get(home).short,
            leaders.get(counterpart).short
        ),
        date,
        date_basis: basis,
        home,
        counterpart,
        duration_minutes: majority(members, |m| articles[m].facts.duration_minutes),
        start_time: majority(members, |m| articles[m].facts.start_time),
        topics: call_topics,
        articles: members.to_vec(),
    }
}

/// The value most articles state; a tie goes to the first article's value,
/// so the result never depends on anything but input order.
fn majority<T: Clone + PartialEq>(
    members: &[usize],
    value: impl Fn(usize) -> Option<T>,
) -> Reported<T> {
    let reports: Vec<(usize, T)> = members
        .iter()
        .filter_map(|&m| value(m).map(|v| (m, v)))
        .collect();
    let mut best: Option<(&T, usize)> = None;
    for (_, candidate) in &reports {
        let count = reports.iter().filter(|(_, v)| v == candidate).count();
        if best.is_none_or(|(_, n)| count > n) {
            best = Some((candidate, count));
        }
    }
    Reported {
        value: best.map(|(v, _)| v.clone()),
        reports,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, Weekday};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn leader(leaders: &Leaders, key: &str) -> LeaderId {
        leaders.by_key(key).unwrap()
    }

    fn article(id: &str, facts: CallFacts) -> Article {
        Article {
            id: id.into(),
            facts,
            ..Article::default()
        }
    }

    fn facts(leaders: &Leaders, home: &str, other: &str, on: Option<&str>) -> CallFacts {
        CallFacts {
            home: Some(leader(leaders, home)),
            counterpart: Some(leader(leaders, other)),
            date: on.map(date),
            date_basis: if on.is_some() {
                DateBasis::Weekday
            } else {
                DateBasis::Unknown
            },
            ..CallFacts::default()
        }
    }

    fn run(articles: &[Article]) -> Grouping {
        group(articles, &Leaders::embedded(), &Topics::embedded())
    }

    #[test]
    fn same_day_same_leaders_is_one_call_with_majority_minutes() {
        let l = Leaders::embedded();
        let mut a = facts(&l, "moon-jae-in", "xi-jinping", Some("2020-02-20"));
        a.duration_minutes = Some(30);
        let mut b = a.clone();
        b.duration_minutes = Some(32);
        let c = a.clone();
        let g = run(&[article("a", a), article("b", b), article("c", c)]);
        assert_eq!(g.calls.len(), 1);
        let call = &g.calls[0];
        assert_eq!(call.id, "2020-02-20-moon-xi");
        assert_eq!(call.duration_minutes.value, Some(30));
        assert!(call.duration_minutes.disagrees());
        assert_eq!(call.articles, vec![0, 1, 2]);
    }

    #[test]
    fn tie_goes_to_the_first_article() {
        let l = Leaders::embedded();
        let mut a = facts(&l, "moon-jae-in", "xi-jinping", Some("2020-02-20"));
        a.duration_minutes = Some(32);
        let mut b = a.clone();
        b.duration_minutes = Some(30);
        let g = run(&[article("a", a), article("b", b)]);
        assert_eq!(g.calls[0].duration_minutes.value, Some(32));
    }

    #[test]
    fn same_day_different_counterparts_are_two_calls() {
        let l = Leaders::embedded();
        let xi = facts(&l, "lee-jae-myung", "xi-jinping", Some("2025-06-10"));
        let ishiba = facts(&l, "lee-jae-myung", "shigeru-ishiba", Some("2025-06-10"));
        let g = run(&[article("a", xi), article("b", ishiba)]);
        let mut ids: Vec<&str> = g.calls.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["2025-06-10-lee-ishiba", "2025-06-10-lee-xi"]);
    }

    #[test]
    fn undated_article_joins_the_only_fitting_call_as_inferred() {
        let l = Leaders::embedded();
        let dated = facts(&l, "lee-jae-myung", "xi-jinping", Some("2025-06-10"));
        let mut undated = facts(&l, "lee-jae-myung", "xi-jinping", None);
        undated.weekday = Some(Weekday::Tue);
        let g = run(&[article("a", dated), article("b", undated)]);
        assert_eq!(g.calls.len(), 1);
        assert_eq!(g.call_of_article, vec![Some(0), Some(0)]);
        assert_eq!(g.date_basis[1], DateBasis::Inferred);
        assert_eq!(g.calls[0].date_basis, DateBasis::Weekday);
    }

    #[test]
    fn undated_article_whose_weekday_contradicts_stays_unassigned() {
        let l = Leaders::embedded();
        let dated = facts(&l, "lee-jae-myung", "xi-jinping", Some("2025-06-10"));
        let mut undated = facts(&l, "lee-jae-myung", "xi-jinping", None);
        undated.weekday = Some(Weekday::Fri);
        let g = run(&[article("a", dated), article("b", undated)]);
        assert_eq!(g.call_of_article[1], None);
    }

    #[test]
    fn undated_article_with_two_equal_candidates_stays_unassigned() {
        let l = Leaders::embedded();
        let one = facts(&l, "moon-jae-in", "xi-jinping", Some("2020-02-20"));
        let two = facts(&l, "moon-jae-in", "xi-jinping", Some("2021-01-26"));
        let undated = facts(&l, "moon-jae-in", "xi-jinping", None);
        let g = run(&[article("a", one), article("b", two), article("c", undated)]);
        assert_eq!(g.call_of_article[2], None);
    }

    #[test]
    fn undated_article_picks_the_call_its_minutes_and_time_match() {
        let l = Leaders::embedded();
        let mut one = facts(&l, "moon-jae-in", "xi-jinping", Some("2020-02-20"));
        one.duration_minutes = Some(32);
        let mut two = facts(&l, "moon-jae-in", "xi-jinping", Some("2021-01-26"));
        two.duration_minutes = Some(40);
        two.start_time = NaiveTime::from_hms_opt(21, 0, 0);
        let mut undated = facts(&l, "moon-jae-in", "xi-jinping", None);
        undated.duration_minutes = Some(40);
        let g = run(&[article("a", one), article("b", two), article("c", undated)]);
        assert_eq!(g.call_of_article[2], g.call_of_article[1]);
    }

    #[test]
    fn undated_article_with_two_fitting_calls_joins_neither() {
        let l = Leaders::embedded();
        let mut one = facts(&l, "moon-jae-in", "xi-jinping", Some("2020-02-20"));
        one.topics = vec!["COVID-19".into(), "state visit".into()];
        let mut two = facts(&l, "moon-jae-in", "xi-jinping", Some("2021-01-26"));
        two.topics = vec!["trade".into()];
        let mut undated = facts(&l, "moon-jae-in", "xi-jinping", None);
        undated.topics = vec!["COVID-19".into(), "state visit".into()];
        let g = run(&[article("a", one), article("b", two), article("c", undated)]);
        assert_eq!(g.call_of_article[2], None, "topics do not pick a day");
    }

    #[test]
    fn month_and_weekday_pin_a_year_within_the_terms() {
        // Jan. 26 was a Tuesday only in 2021 among Moon's years with Xi.
        let l = Leaders::embedded();
        let mut undated = facts(&l, "moon-jae-in", "xi-jinping", None);
        undated.month_day = Some((1, 26));
        undated.weekday = Some(Weekday::Tue);
        let g = run(&[article("a", undated)]);
        assert_eq!(g.calls.len(), 1);
        assert_eq!(g.calls[0].date, date("2021-01-26"));
        assert_eq!(g.calls[0].date_basis, DateBasis::Inferred);
    }

    #[test]
    fn dateline_days_after_the_call_still_joins_it() {
        let l = Leaders::embedded();
        let dated = facts(&l, "moon-jae-in", "xi-jinping", Some("2021-01-26"));
        let mut wire = facts(&l, "moon-jae-in", "xi-jinping", None);
        wire.month_day = Some((1, 27));
        wire.weekday = Some(Weekday::Tue);
        let mut wrong = wire.clone();
        wrong.month_day = Some((1, 20));
        let g = run(&[article("a", dated), article("b", wire), article("c", wrong)]);
        assert_eq!(g.call_of_article, vec![Some(0), Some(0), None]);
    }

    #[test]
    fn implicit_home_leader_is_whoever_was_in_office() {
        let l = Leaders::embedded();
        let mut f = facts(&l, "moon-jae-in", "xi-jinping", Some("2022-08-24"));
        f.home = None;
        let g = run(&[article("a", f)]);
        assert_eq!(g.calls[0].id, "2022-08-24-yoon-xi");
    }

    #[test]
    fn a_date_outside_the_leaders_terms_places_no_call() {
        let leaders = Leaders::embedded();
        // Lee Jae-myung and Xi in year 1: nobody was in office.
        let out = article(
            "out",
            facts(&leaders, "lee-jae-myung", "xi-jinping", Some("0000-12-26")),
        );
        let g = run(&[out]);
        assert!(g.calls.is_empty(), "{:?}", g.calls);
        assert_eq!(g.call_of_article, [None]);
        // Moon with Xi in 2025: Moon's term had ended.
        let late = article(
            "late",
            facts(&leaders, "moon-jae-in", "xi-jinping", Some("2025-06-10")),
        );
        assert!(run(&[late]).calls.is_empty());
    }

    #[test]
    fn article_without_counterpart_is_unassigned() {
        let l = Leaders::embedded();
        let mut f = facts(&l, "moon-jae-in", "xi-jinping", Some("2020-02-20"));
        f.counterpart = None;
        let g = run(&[article("a", f)]);
        assert!(g.calls.is_empty());
        assert_eq!(g.call_of_article, vec![None]);
    }

    #[test]
    fn topics_union_in_lexicon_order() {
        let l = Leaders::embedded();
        let mut a = facts(&l, "moon-jae-in", "xi-jinping", Some("2020-02-20"));
        a.topics = vec!["state visit".into()];
        let mut b = a.clone();
        b.topics = vec!["COVID-19".into(), "state visit".into()];
        let g = run(&[article("a", a), article("b", b)]);
        assert_eq!(g.calls[0].topics, ["COVID-19", "state visit"]);
    }
}
