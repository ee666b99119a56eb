//! Evidence for the facts, as the three views want it: the value each fact
//! has, where in the article it was read ("paragraph 3"), and, for a call,
//! which article's evidence backs each of the call's chosen values.
//!
//! Evidence ranges come from extraction and are trusted to be nothing: every
//! slice here goes through `str::get`, so a range that is out of bounds or
//! off a character boundary is skipped, never a panic.

use chrono::{Month, Weekday};

use crate::model::{Article, Call, Evidence, FactKind, Place, Timeline, range_of};

/// The facts a call has (the outlet belongs to an article, not a call),
/// in the order the views list them.
pub const CALL_FACTS: [FactKind; 4] = [
    FactKind::Date,
    FactKind::Start,
    FactKind::Duration,
    FactKind::Counterpart,
];

/// "headline", "caption 1", "paragraph 3": counted from 1, for people.
pub fn place_name(place: Place) -> String {
    match place {
        Place::Headline => "headline".into(),
        Place::Caption(i) => format!("caption {}", i + 1),
        Place::Paragraph(i) => format!("paragraph {}", i + 1),
    }
}

/// The short form for a narrow pane: "headline", "caption 1", "¶3".
pub fn place_short(place: Place) -> String {
    match place {
        Place::Paragraph(i) => format!("¶{}", i + 1),
        other => place_name(other),
    }
}

/// The JSON form: the kind of text and its index (0-based, as in the
/// arrays of the model; `None` for the headline).
pub fn place_json(place: Place) -> (&'static str, Option<usize>) {
    match place {
        Place::Headline => ("headline", None),
        Place::Caption(i) => ("caption", Some(i as usize)),
        Place::Paragraph(i) => ("paragraph", Some(i as usize)),
    }
}

/// The evidence entries of an article whose ranges point at real text
/// (span inside the sentence, both on character boundaries).
pub fn valid(article: &Article, e: &Evidence) -> bool {
    let (s, e_) = e.span;
    let (ss, se) = e.sentence;
    article.evidence_span(e).is_some()
        && article.evidence_sentence(e).is_some()
        && ss <= s
        && e_ <= se
        && s <= e_
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// What an article states for one fact, as text: "2025-06-10", "11:30",
/// "30 min", "Xi Jinping", "KBS". Without a resolved date the weekday or
/// day the text gives stands in ("Tuesday"). `None`: it states nothing.
pub fn article_value(timeline: &Timeline, article: &Article, kind: FactKind) -> Option<String> {
    let f = &article.facts;
    match kind {
        FactKind::Date => f
            .date
            .map(|d| d.to_string())
            .or_else(|| f.weekday.map(|w| weekday_name(w).to_string()))
            .or_else(|| {
                f.month_day.map(|(m, d)| {
                    let month = u8::try_from(m)
                        .ok()
                        .and_then(|m| Month::try_from(m).ok())
                        .map_or_else(|| format!("month {m}"), |m| m.name().to_string());
                    format!("{month} {d}")
                })
            })
            .or_else(|| f.day_of_month.map(|d| format!("day {d}"))),
        FactKind::Start => f.start_time.map(|t| t.format("%H:%M").to_string()),
        FactKind::Duration => f.duration_minutes.map(|m| format!("{m} min")),
        FactKind::Counterpart => f
            .counterpart
            .filter(|id| id.0 < timeline.leaders.all.len())
            .map(|id| timeline.leader_name(id).to_string()),
        FactKind::Outlet => article.source.clone(),
    }
}

/// The value a call keeps for one fact (the majority, for minutes and
/// start), as text. The outlet is no call fact: `None`.
pub fn call_value(timeline: &Timeline, call: &Call, kind: FactKind) -> Option<String> {
    match kind {
        FactKind::Date => Some(call.date.to_string()),
        FactKind::Start => call.start_time.value.map(|t| t.format("%H:%M").to_string()),
        FactKind::Duration => call.duration_minutes.value.map(|m| format!("{m} min")),
        FactKind::Counterpart => (call.counterpart.0 < timeline.leaders.all.len())
            .then(|| timeline.leader_name(call.counterpart).to_string()),
        FactKind::Outlet => None,
    }
}

/// Does `article` state the value `call` kept for `kind`? Only such an
/// article's words can be evidence for the call's value: a report of 32
/// minutes is no evidence for a call kept at 30.
pub fn states_call_value(article: &Article, call: &Call, kind: FactKind) -> bool {
    let f = &article.facts;
    match kind {
        FactKind::Date => f.date == Some(call.date),
        FactKind::Start => call.start_time.value.is_some() && f.start_time == call.start_time.value,
        FactKind::Duration => {
            call.duration_minutes.value.is_some()
                && f.duration_minutes == call.duration_minutes.value
        }
        FactKind::Counterpart => f.counterpart == Some(call.counterpart),
        FactKind::Outlet => false,
    }
}

/// For each of the call's facts (`CALL_FACTS` order), the evidence from the
/// first article, in call order, that states the call's value and has
/// valid evidence for it: (fact, article index, evidence). Facts nobody
/// backs are left out.
pub fn call_evidence(timeline: &Timeline, call: &Call) -> Vec<(FactKind, usize, Evidence)> {
    CALL_FACTS
        .iter()
        .filter_map(|&kind| {
            call.articles.iter().find_map(|&a| {
                let article = timeline.articles.get(a)?;
                if !states_call_value(article, call, kind) {
                    return None;
                }
                article
                    .evidence
                    .iter()
                    .find(|e| e.fact == kind && valid(article, e))
                    .map(|e| (kind, a, *e))
            })
        })
        .collect()
}

/// An article's valid evidence, grouped by fact in `FactKind::ALL` order
/// (within a fact, in the order extraction found it).
pub fn article_evidence(article: &Article) -> Vec<Evidence> {
    FactKind::ALL
        .iter()
        .flat_map(|&kind| {
            article
                .evidence
                .iter()
                .filter(move |e| e.fact == kind && valid(article, e))
                .copied()
        })
        .collect()
}

/// A sentence split around its span: (before, span, after), each a slice
/// of the place's text. `None` when the ranges do not fit the text.
pub fn sentence_parts<'a>(
    article: &'a Article,
    e: &Evidence,
) -> Option<(&'a str, &'a str, &'a str)> {
    if !valid(article, e) {
        return None;
    }
    let text = article.place_text(e.place)?;
    let (sentence, span) = (range_of(e.sentence), range_of(e.span));
    Some((
        text.get(sentence.0..span.0)?,
        text.get(span.0..span.1)?,
        text.get(span.1..sentence.1)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::fixture;

    #[test]
    fn places_read_for_people_and_for_json() {
        assert_eq!(place_name(Place::Paragraph(2)), "paragraph 3");
        assert_eq!(place_short(Place::Paragraph(0)), "¶1");
        assert_eq!(place_json(Place::Headline), ("headline", None));
        assert_eq!(place_json(Place::Caption(1)), ("caption", Some(1)));
    }

    #[test]
    fn call_evidence_comes_from_an_article_stating_the_kept_value() {
        let t = fixture::sample();
        let call = &t.calls[0];
        let found = call_evidence(&t, call);
        let duration = found
            .iter()
            .find(|(k, _, _)| *k == FactKind::Duration)
            .expect("duration evidence");
        // Kept at 30 minutes: Yonhap's 32 is no evidence for it.
        assert_eq!(t.articles[duration.1].facts.duration_minutes, Some(30));
        for (kind, a, e) in &found {
            assert!(states_call_value(&t.articles[*a], call, *kind));
            assert!(valid(&t.articles[*a], e));
        }
    }

    #[test]
    fn ranges_off_the_text_are_not_valid() {
        let mut t = fixture::sample();
        let a = &mut t.articles[0];
        let e = a.evidence[0];
        a.evidence[0].span = (e.span.0, 100_000);
        assert!(!valid(a, &a.evidence[0]));
        assert!(sentence_parts(a, &a.evidence[0]).is_none());
        assert!(article_evidence(a).len() < a.evidence.len());
    }
}
