//! Which sentences report *this* call, and the call's date, start time and
//! length read from them.
//!
//! An article mentions many days, times and lengths: the inauguration, an
//! earlier call, a missile launch, a bus fire, a future summit. So each
//! sentence gets a tier by how surely it reports the call the article is
//! about (a call word and the two leaders, lead first), and each fact is
//! read from the best tier that states it. Facts in sentences about other
//! events (another leader's call, "since their call on February 20") are
//! background and never become this call's facts. A day outside the home
//! leader's time in office (president-elect and acting terms included)
//! can not be a call date. An article whose lead tells of a meeting in
//! person, with no phone word, reports no call at all.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeDelta};

use super::clock::{Zone, iter_start_times, looks_timed, stated_zone};
use super::dates::{Resolved, call_date_exprs, date_exprs, resolve};
use super::duration::{iter_durations, may_hold_duration};
use super::facts::Sent;
use super::korean::facts as ko;
use super::meeting;
use super::tier::{Parties, Tier, ranked_sentences};
use super::words::Words;
use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::model::{CallFacts, DateBasis, FactKind};

/// Facts weighed per kind: reports state their call's facts early, and a
/// cap keeps a pathological text (one endless sentence) linear.
const MAX_CANDIDATES: usize = 64;

/// How far a foreign leader's terms in the registry may miss a call date:
/// the registry lists presidents and prime ministers, not every office a
/// named leader held the week after (a named leader stays named).
const COUNTERPART_TERM_SLACK_DAYS: u64 = 62;

/// A sentence of the article: the body (`Sent` index) or a photo caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentRef {
    Body(usize),
    Caption(usize),
}

/// The words one fact was read from: sentence and byte span in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub fact: FactKind,
    pub sentence: SentRef,
    pub span: (usize, usize),
}

/// What `call_facts` needs to know beyond the sentences.
#[derive(Debug, Clone, Copy)]
pub struct Context<'l> {
    pub leaders: &'l Leaders,
    pub published: Option<NaiveDate>,
    pub dateline_month_day: Option<(u32, u32)>,
    pub home: Option<LeaderId>,
    pub counterpart: Option<LeaderId>,
    /// The home country's time zone: where call days and times are told.
    pub home_zone: Option<Zone>,
    /// The zone of a foreign dateline city ("WASHINGTON (AP) —"): the
    /// story's days and unmarked times are that city's.
    pub dateline_zone: Option<Zone>,
}

/// Date, start time and length of the call, and where each was read.
pub fn call_facts(cx: &Context, sents: &[Sent], captions: &[Sent]) -> (CallFacts, Vec<Source>) {
    let mut facts = CallFacts {
        home: cx.home,
        counterpart: cx.counterpart,
        ..CallFacts::default()
    };
    let mut sources = Vec::new();
    if let Some(i) = counterpart_named(cx, sents) {
        sources.push(i);
    }
    if meeting::is_meeting_report(sents, cx.home, cx.counterpart) {
        facts.meeting = true;
        return (facts, sources);
    }
    let parties = Parties {
        leaders: cx.leaders,
        home: cx.home,
        counterpart: cx.counterpart,
    };
    let ranked = ranked_sentences(&parties, sents);

    let mut days: Vec<Day> = Vec::new();
    // Days each sentence looks back on ("since Jan. 11"): (sentence, start, end).
    let mut looking_back: Vec<(usize, usize, usize)> = Vec::new();
    // Sentences below a tier that already gave a valid day can not date
    // the call: they are read for days only when a length or a time is
    // taken from them.
    let mut scanned = ranked.len();
    for (at, &(i, tier)) in ranked.iter().enumerate() {
        if days.len() >= MAX_CANDIDATES || days.iter().any(|d| d.tier < tier && valid_day(cx, d)) {
            scanned = at;
            break;
        }
        read_days(cx, sents, i, tier, &mut days, &mut looking_back);
    }
    let any_report = ranked.iter().any(|&(i, _)| sents[i].call);
    if !days.iter().any(|d| valid_day(cx, d)) {
        // A photo caption ("… over the phone on Thursday.") still dates the call.
        for (i, s) in captions.iter().enumerate().filter(|(_, s)| s.call) {
            let korean = ko::date_exprs(s.text).into_iter().filter(|e| !e.background);
            for e in call_date_exprs(s.text)
                .into_iter()
                .chain(korean)
                .take(MAX_CANDIDATES)
            {
                if belongs(cx.leaders, s, e.start, e.end, cx.counterpart) {
                    days.push(Day {
                        tier: Tier::MAX,
                        resolved: resolve(e.day, cx.published),
                        source: Source {
                            fact: FactKind::Date,
                            sentence: SentRef::Caption(i),
                            span: (e.start, e.end),
                        },
                    });
                }
            }
        }
    }
    days.retain(|d| valid_day(cx, d) || d.resolved.date.is_none());
    if let Some(source) = choose_day(&mut facts, &days) {
        sources.push(source);
    }
    // A sentence dated to another day ("They also spoke by phone on July
    // 24, 2003, for 60 minutes") tells of another call.
    let chosen = facts.date.map(|d| (d.month(), d.day())).or(facts.month_day);
    let mut minutes: Option<Fact<u32>> = None;
    let mut start: Option<Fact<(NaiveTime, Option<Zone>)>> = None;
    for (at, &(i, tier)) in ranked.iter().enumerate() {
        if minutes.is_some() && start.is_some() {
            break;
        }
        let s = &sents[i];
        // Its words, lowercased: made once, and only for a sentence read.
        let mut words = None;
        if at >= scanned {
            let words = words.insert(Words::new(s.text));
            // Its days only tell whether its facts are this call's, and
            // whether the article names any day at all: with neither
            // question open (it can state no fact still wanted, by the
            // tests the scans below open with), its days are not read.
            let may_tell = || {
                let korean = ko::is_korean(s.text);
                (minutes.is_none() && (may_hold_duration(words) || korean))
                    || (start.is_none() && (korean || looks_timed(words)))
            };
            if !days.is_empty() && !may_tell() {
                continue;
            }
            read_days(cx, sents, i, tier, &mut days, &mut looking_back);
            days.retain(|d| valid_day(cx, d) || d.resolved.date.is_none());
        }
        if !on_the_day(&days, chosen, i) {
            continue;
        }
        let words = words.unwrap_or_else(|| Words::new(s.text));
        // "following one on Feb. 20 that lasted 32 minutes": a length or a
        // time in the clause after a day looked back on is that day's.
        let ours = |a: usize, b: usize| {
            belongs(cx.leaders, s, a, b, cx.counterpart)
                && !after_a_look_back(s.text, &looking_back, i, a)
        };
        if minutes.is_none() {
            minutes = iter_durations(&words)
                .chain(ko::durations(s.text))
                .take(MAX_CANDIDATES)
                .find(|&(a, b, _)| ours(a, b))
                .map(|(a, b, m)| Fact::new(FactKind::Duration, i, (a, b), m));
        }
        if start.is_none() {
            start = iter_start_times(&words)
                .chain(ko::start_times(s.text))
                .take(MAX_CANDIDATES)
                .find(|&(a, b, _)| ours(a, b))
                .map(|(a, b, t)| {
                    let zone = stated_zone(s.text, b).or_else(|| ko::stated_zone(s.text, a));
                    Fact::new(FactKind::Start, i, (a, b), (t, zone))
                });
        }
    }
    if let Some(f) = minutes {
        facts.duration_minutes = Some(f.value);
        sources.push(f.source());
    }
    let mut start_zone = None;
    if let Some(f) = start {
        facts.start_time = Some(f.value.0);
        start_zone = f.value.1;
        sources.push(f.source());
    }
    if facts.date.is_none() && cx.published.is_none() && facts.month_day.is_none() {
        // Undated wire copy: the dateline's day lets grouping pin the call
        // ("SEOUL, Jan. 11 (Yonhap) -- ... on Wednesday").
        facts.month_day = cx.dateline_month_day;
    }
    if facts.date.is_none()
        && days.is_empty()
        && any_report
        && cx.home.is_some()
        && cx.counterpart.is_some()
    {
        // No day word at all in a report of the call: a same-day report.
        facts.date = cx.published.filter(|&p| in_terms(cx, p));
        if facts.date.is_some() {
            facts.date_basis = DateBasis::Published;
        }
        if cx.published.is_none() {
            facts.month_day = cx.dateline_month_day;
        }
    }
    to_home_clock(cx, &mut facts, start_zone);
    (facts, sources)
}

/// A call timed in another zone ("at 9 a.m. EDT", "0815 GMT", or any
/// time in a story filed from Washington) is placed on the home country's
/// clock and calendar: a Seoul-night call is "Wednesday" in Washington and
/// Thursday at home. Without a time the day can not be moved.
fn to_home_clock(cx: &Context, facts: &mut CallFacts, stated: Option<Zone>) {
    let (Some(time), Some(home)) = (facts.start_time, cx.home_zone) else {
        return;
    };
    // An unmarked time in a story filed from a neighbour (Beijing, Tokyo:
    // an hour or none apart) is as often the Korean presidential office's
    // clock as the city's; from a far zone (Washington) it is the city's.
    let far = |z: &Zone| {
        let on = facts.date.unwrap_or_default();
        match (z.offset_on(on), home.offset_on(on)) {
            (Some(a), Some(b)) => (a - b).abs() >= FAR_ZONE_MINUTES,
            _ => false,
        }
    };
    let far_dateline = cx.dateline_zone.filter(far);
    // "Wednesday evening … began at 7:59 a.m. Seoul time" from Washington:
    // the day is the city's, the clock home's. The call is at home's 7:59
    // on the home day that the city's day runs into at that hour.
    if let (Some(date), Some(city), Some(stated)) = (facts.date, far_dateline, stated)
        && stated.offset_on(date).is_some()
        && stated.offset_on(date) == home.offset_on(date)
    {
        let (Some(from), Some(to)) = (city.offset_on(date), home.offset_on(date)) else {
            return;
        };
        let shift = TimeDelta::minutes(i64::from(to - from));
        let on_city_clock = (date.and_time(time) - shift).time();
        let at_home = date.and_time(on_city_clock) + shift;
        if in_terms(cx, at_home.date()) {
            facts.date = Some(at_home.date());
            facts.weekday = Some(at_home.date().weekday());
        }
        return;
    }
    let zone = match stated {
        Some(Zone::Local) | None => far_dateline,
        stated => stated,
    };
    // Undated copy: a fixed zone still converts the clock, and a day
    // stated without a year moves with it (a leap year's calendar stands in,
    // so Feb. 29 exists).
    let anchor = facts.date.or_else(|| {
        let (m, d) = facts.month_day.unwrap_or((1, 1));
        NaiveDate::from_ymd_opt(2000, m, d)
    });
    let Some(anchor) = anchor else {
        return;
    };
    let offsets = |date| Some((zone?.offset_on(date)?, home.offset_on(date)?));
    let Some((from, to)) = offsets(anchor) else {
        return;
    };
    if from == to || (facts.date.is_none() && !matches!(zone, Some(Zone::Offset(_)))) {
        return;
    }
    let moved = anchor.and_time(time) + TimeDelta::minutes(i64::from(to - from));
    let shifted = moved.date() != anchor;
    match facts.date {
        Some(_) if !in_terms(cx, moved.date()) => return,
        Some(_) => {
            facts.date = Some(moved.date());
            facts.weekday = Some(moved.date().weekday());
        }
        None if shifted => {
            let days = moved.date().signed_duration_since(anchor).num_days();
            facts.weekday = facts
                .weekday
                .map(|w| if days > 0 { w.succ() } else { w.pred() });
            facts.day_of_month = None;
            facts.month_day = facts
                .month_day
                .map(|_| (moved.date().month(), moved.date().day()));
        }
        None => {}
    }
    facts.start_time = Some(moved.time());
}

/// How far (minutes) a dateline city's zone must be from home for its
/// unmarked times to be read on its clock.
const FAR_ZONE_MINUTES: i32 = 180;

/// A length or a start time read from sentence `sentence` at `span`.
#[derive(Debug, Clone, Copy)]
struct Fact<T> {
    fact: FactKind,
    sentence: usize,
    span: (usize, usize),
    value: T,
}

impl<T> Fact<T> {
    fn new(fact: FactKind, sentence: usize, span: (usize, usize), value: T) -> Fact<T> {
        Fact {
            fact,
            sentence,
            span,
            value,
        }
    }

    fn source(&self) -> Source {
        Source {
            fact: self.fact,
            sentence: SentRef::Body(self.sentence),
            span: self.span,
        }
    }
}

/// Whether a fact at `at` in sentence `sentence` follows a looked-back-on
/// day in the same clause (no comma or semicolon between them).
fn after_a_look_back(
    text: &str,
    looking_back: &[(usize, usize, usize)],
    sentence: usize,
    at: usize,
) -> bool {
    looking_back.iter().any(|&(i, _, end)| {
        i == sentence
            && end <= at
            && text
                .get(end..at)
                .is_some_and(|gap| !gap.contains([',', ';']))
    })
}

/// The day expressions of sentence `i` (of tier `tier`) into `days`, and
/// the days it looks back on into `looking_back`.
fn read_days(
    cx: &Context,
    sents: &[Sent],
    i: usize,
    tier: Tier,
    days: &mut Vec<Day>,
    looking_back: &mut Vec<(usize, usize, usize)>,
) {
    let s = &sents[i];
    let day_before = day_before_phrase(s.text);
    let mut announced: Option<Resolved> = None;
    for e in date_exprs(s.text)
        .into_iter()
        .chain(ko::date_exprs(s.text))
        .take(MAX_CANDIDATES)
    {
        let said = s.text.get(..e.start).is_some_and(announces);
        if e.background {
            looking_back.push((i, e.start, e.end));
        } else if day_before.is_some() && said {
            // "… talked the previous day, Cheong Wa Dae said Saturday": the
            // day named is the announcement's, the call the day before.
            announced = Some(resolve(e.day, cx.published));
        } else if belongs(cx.leaders, s, e.start, e.end, cx.counterpart) {
            days.push(Day {
                tier,
                resolved: resolve(e.day, cx.published),
                source: Source {
                    fact: FactKind::Date,
                    sentence: SentRef::Body(i),
                    span: (e.start, e.end),
                },
            });
        }
    }
    if let Some((a, b)) = day_before {
        let anchor = announced.and_then(|r| r.date.map(|d| (d, r.basis)));
        let anchor = anchor.or_else(|| cx.published.map(|p| (p, DateBasis::Published)));
        if let Some((date, basis)) = anchor
            && let Some(call_day) = date.checked_sub_days(Days::new(1))
        {
            days.push(Day {
                tier,
                resolved: Resolved {
                    date: Some(call_day),
                    basis,
                    weekday: Some(call_day.weekday()),
                    ..Resolved::default()
                },
                source: Source {
                    fact: FactKind::Date,
                    sentence: SentRef::Body(i),
                    span: (a, b),
                },
            });
        }
    }
}

/// "the previous day", "the day before", "a day earlier": where the
/// sentence says so.
fn day_before_phrase(text: &str) -> Option<(usize, usize)> {
    if !text.contains("day") {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    ["the previous day", "the day before", "a day earlier"]
        .iter()
        .find_map(|p| {
            let at = lower.find(p)?;
            Some((at, at + p.len()))
        })
}

/// Whether the words before a day announce something on it ("Cheong Wa
/// Dae said Saturday", "the office announced on Friday").
fn announces(before: &str) -> bool {
    let last = before
        .split_whitespace()
        .rev()
        .find(|w| *w != "on")
        .unwrap_or("");
    matches!(last, "said" | "announced" | "stated" | "reported" | "added")
}

/// Whether sentence `i` tells of no other month and day than `chosen`.
fn on_the_day(days: &[Day], chosen: Option<(u32, u32)>, i: usize) -> bool {
    chosen.is_none_or(|chosen| {
        !days.iter().any(|d| {
            let told = d
                .resolved
                .date
                .map(|x| (x.month(), x.day()))
                .or(d.resolved.month_day);
            d.source.sentence == SentRef::Body(i) && told.is_some_and(|t| t != chosen)
        })
    })
}

/// A date expression found in a ranked sentence.
#[derive(Debug, Clone, Copy)]
struct Day {
    tier: Tier,
    resolved: Resolved,
    source: Source,
}

/// A resolved day can be this call's: not after publication, and within
/// the leaders' time in office.
fn valid_day(cx: &Context, d: &Day) -> bool {
    d.resolved
        .date
        .is_some_and(|date| cx.published.is_none_or(|p| date <= p) && in_terms(cx, date))
}

/// Whether both leaders could hold a call on `date`: the home leader by
/// the registry's terms (elect and acting included), the counterpart within
/// `COUNTERPART_TERM_SLACK_DAYS` of one of theirs. Unknown leaders allow
/// any day.
fn in_terms(cx: &Context, date: NaiveDate) -> bool {
    let home_ok = cx.home.is_none_or(|h| cx.leaders.get(h).in_office(date));
    let slack = Days::new(COUNTERPART_TERM_SLACK_DAYS);
    let counterpart_ok = cx.counterpart.is_none_or(|c| {
        let near = |d: Option<NaiveDate>| d.is_some_and(|d| cx.leaders.get(c).in_office(d));
        near(Some(date)) || near(date.checked_sub_days(slack)) || near(date.checked_add_days(slack))
    });
    home_ok && counterpart_ok
}

/// The best-founded day: the surest tier that says anything of the day
/// wins, then the earliest sentence, then the strongest basis (stated >
/// weekday > published), then the earliest mention. A day the surest tier gives without a year (no
/// publication date to anchor it) is kept as month and day for grouping,
/// completed by a dated mention elsewhere only when that one agrees; a
/// dated roundup line never outranks it.
fn choose_day(facts: &mut CallFacts, days: &[Day]) -> Option<Source> {
    let says = |d: &&Day| {
        let r = &d.resolved;
        r.date.is_some() || r.weekday.is_some() || r.month_day.is_some() || r.day_of_month.is_some()
    };
    let best = days.iter().filter(says).map(|d| d.tier).min()?;
    let top: Vec<&Day> = days
        .iter()
        .filter(says)
        .filter(|d| d.tier == best)
        .collect();
    let dated = top
        .iter()
        .enumerate()
        .filter(|(_, d)| d.resolved.date.is_some())
        .min_by(|(i, a), (j, b)| {
            // The earlier sentence tells the subject ("… spoke on Thursday."
            // before "They also spoke on May 28, 2022, …"); within one, the
            // stronger basis.
            let sentence = |d: &Day| match d.source.sentence {
                SentRef::Body(k) | SentRef::Caption(k) => k,
            };
            sentence(a)
                .cmp(&sentence(b))
                .then(b.resolved.basis.cmp(&a.resolved.basis))
                .then(i.cmp(j))
        })
        .map(|(_, d)| *d);
    let hint = top.first()?;
    let agrees = |d: &&Day| {
        let (r, h) = (&d.resolved, &hint.resolved);
        let date = r.date;
        let month_day = date.map(|x| (x.month(), x.day()));
        (h.month_day.is_some() && h.month_day == month_day)
            || (h.day_of_month.is_some() && h.day_of_month == month_day.map(|m| m.1))
    };
    let chosen = dated.or_else(|| {
        days.iter()
            .filter(|d| d.resolved.date.is_some())
            .find(agrees)
    });
    if let Some(d) = chosen {
        facts.date = d.resolved.date;
        facts.date_basis = d.resolved.basis;
        facts.weekday = d.resolved.weekday;
        facts.day_of_month = hint.resolved.day_of_month.or(d.resolved.day_of_month);
        return Some(d.source);
    }
    facts.weekday = top.iter().find_map(|d| d.resolved.weekday);
    facts.day_of_month = top.iter().find_map(|d| d.resolved.day_of_month);
    facts.month_day = top.iter().find_map(|d| d.resolved.month_day);
    Some(hint.source)
}

/// The counterpart as the text names them: the first mention in a call or
/// lead sentence (else anywhere), by name rather than by title ("Xi
/// Jinping" over "the Chinese leader") where the text has one.
fn counterpart_named(cx: &Context, sents: &[Sent]) -> Option<Source> {
    let counterpart = cx.counterpart?;
    let surname = cx.leaders.get(counterpart).surname.to_lowercase();
    let mentions = || {
        sents
            .iter()
            .enumerate()
            .filter(|(_, s)| s.call || s.lead)
            .chain(sents.iter().enumerate())
            .flat_map(|(i, s)| {
                s.mentions
                    .iter()
                    .filter(move |m| m.2 == counterpart)
                    .map(move |&(a, b, _)| (i, a, b, s.text))
            })
    };
    let by_name = mentions().find(|&(_, a, b, text)| {
        text.get(a..b)
            .is_some_and(|t| t.to_lowercase().contains(&surname))
    });
    let (i, a, b, _) = by_name.or_else(|| mentions().next())?;
    Some(Source {
        fact: FactKind::Counterpart,
        sentence: SentRef::Body(i),
        span: (a, b),
    })
}

/// Whether a fact at `start..end` belongs to the counterpart's call: the
/// nearest foreign leader named in the sentence, if any, is the counterpart.
fn belongs(
    leaders: &Leaders,
    s: &Sent,
    start: usize,
    end: usize,
    counterpart: Option<LeaderId>,
) -> bool {
    let Some(counterpart) = counterpart else {
        return true;
    };
    let distance = |a: usize, b: usize| {
        if b <= start {
            start - b
        } else {
            a.saturating_sub(end)
        }
    };
    s.mentions
        .iter()
        .filter(|(_, _, id)| !leaders.is_home(*id))
        .min_by_key(|&&(a, b, _)| distance(a, b))
        .is_none_or(|&(_, _, id)| id == counterpart)
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
