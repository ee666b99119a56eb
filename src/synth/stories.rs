//! The two article kinds that are not a Seoul report of a call: a US wire
//! story dating a call by the US day and Eastern time (the gold keeps the
//! Korean date and KST start), and a story about an in-person meeting that
//! mentions an earlier call in passing (the gold joins it to no call).

use std::fmt::Write as _;

use chrono::{Datelike, Duration};

use super::credit::{Credit, credit};
use super::ctx::{Ctx, Written, capital, close, noise, other_than};
use super::phrases;
use super::plan::{adjective, title};
use super::rng::Rng;
use super::words;

/// "WASHINGTON (AP) — President Trump spoke by phone with South Korean
/// President Moon at 9 a.m. EDT on Wednesday": None when the date has no
/// Eastern time (never for planned calls).
pub(super) fn us_side(rng: &mut Rng, ctx: &Ctx, c: usize) -> Option<Written> {
    let plan = &ctx.calls[c];
    let (home, other) = ctx.people(plan.home, plan.counterpart);
    let (us_date, us_time) = phrases::eastern(plan.date, plan.start)?;
    let published = us_date + Duration::days(rng.chance(30).into());
    let (wire, source) = *rng.pick(&[("(AP) —", "AP"), ("(Reuters) -", "Reuters")]);
    let topic_words = ctx.topic_words(plan);
    let mut out = format!(
        " date {} {} and {} discuss {}\n\n",
        published.format("%Y-%m-%d"),
        other.surname,
        home.surname,
        topic_words.first().copied().unwrap_or("alliance")
    );
    noise(rng, &mut out, Some(published), plan.minutes);
    let _ = write!(
        out,
        "WASHINGTON {wire} {} {} spoke by phone with South Korean {} {} at {us_time} on {}, the White House said.",
        title(other, plan.date),
        other.name,
        title(home, plan.date),
        home.name,
        phrases::weekday(us_date)
    );
    out.push_str("\n\n");
    let states_minutes = rng.chance(60);
    if states_minutes {
        let length = phrases::for_minutes(rng, plan.minutes);
        let _ = write!(
            out,
            "The leaders talked {length}, a White House official said.\n\n"
        );
    }
    let n = 3 + rng.below(5);
    words::paragraphs(rng, &mut out, n, (home, other), &topic_words, ctx.rare);
    Some(Written {
        text: out,
        call: Some(c),
        source: Some(source),
        published: Some(published),
        states_minutes,
        states_start: true,
    })
}

/// A story about meeting `m`, citing the two leaders' latest earlier call
/// in the corpus when there is one.
pub(super) fn meeting(rng: &mut Rng, ctx: &Ctx, m: usize) -> Written {
    let meeting = &ctx.meetings[m];
    let (home, other) = ctx.people(meeting.home, meeting.counterpart);
    let published = meeting.date + Duration::days(rng.chance(30).into());
    let credit: Credit = credit(rng, Some(published), meeting.date);
    let day = phrases::call_day(rng, meeting.date, Some(published), (15, 0));
    let topic_words = ["trade", "security", "North Korea"];
    let mut out = format!(
        " date {} {} and {} meet {}\n\n",
        published.format("%Y-%m-%d"),
        home.surname,
        other.surname,
        meeting.venue
    );
    noise(rng, &mut out, Some(published), 0);
    out.push_str(&credit.top);
    out.push_str(&credit.dateline);
    let _ = write!(
        out,
        "South Korean {} {} met {} {} {} {} {day}, in their first face-to-face talks in months.\n\n",
        title(home, meeting.date),
        home.name,
        adjective(ctx.leaders, other),
        title(other, meeting.date),
        other.name,
        meeting.venue
    );
    if rng.chance(40) {
        let k = other_than(rng, &[30, 40, 50, 70], 0);
        let _ = write!(out, "The talks lasted about {k} minutes.\n\n");
    }
    let earlier = ctx
        .by_pair
        .get(&(meeting.home, meeting.counterpart))
        .into_iter()
        .flatten()
        .map(|&i| &ctx.calls[i])
        .filter(|p| p.date < meeting.date)
        .max_by_key(|p| p.date);
    match earlier {
        Some(p) => {
            let _ = write!(
                out,
                "The two leaders last spoke by phone on {}, {}, {}.\n\n",
                phrases::full_date(p.date),
                p.date.year(),
                phrases::for_minutes(rng, p.minutes)
            );
        }
        None => {
            let back = meeting.date - Duration::days(30 + rng.below(200) as i64);
            let _ = write!(
                out,
                "{} had held phone talks with {} on {}.\n\n",
                capital(&home.surname),
                other.surname,
                phrases::ap_date(back)
            );
        }
    }
    let n = 3 + rng.below(5);
    words::paragraphs(rng, &mut out, n, (home, other), &topic_words, ctx.rare);
    close(&mut out, &credit);
    Written {
        text: out,
        call: None,
        source: credit.source,
        published: Some(published),
        states_minutes: false,
        states_start: false,
    }
}
