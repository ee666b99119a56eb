//! One generated article about a call, and what it states: the gold needs
//! to know whether the text gives the call's length and start (a call's
//! gold value is null when none of its articles does), which outlet it
//! credits, and when it was published. Decoys sit among the facts: other
//! lengths ("a 15-minute briefing", "30 minutes after"), an earlier call
//! of the same leaders, a call with a third leader, an event days before.

use std::fmt::Write as _;

use chrono::{Datelike, Duration};

use super::credit::credit;
use super::ctx::{Ctx, Written, capital, close, noise, other_than};
use super::phrases::{self, StartForm};
use super::plan::{Plan, adjective, title};
use super::rng::Rng;
use super::words::{self, SPOKESPEOPLE};

/// An article about call `c`. `dated`: it must carry its publication date
/// (the first article of each call does, so an undated one can be joined).
pub(super) fn call_article(rng: &mut Rng, ctx: &Ctx, c: usize, dated: bool) -> Written {
    let plan = &ctx.calls[c];
    let (home, other) = ctx.people(plan.home, plan.counterpart);
    if other.country == "US"
        && rng.chance(30)
        && let Some(w) = super::stories::us_side(rng, ctx, c)
    {
        return w;
    }
    let published =
        (dated || !rng.chance(10)).then(|| plan.date + Duration::days(rng.chance(40).into()));
    let credit = credit(rng, published, plan.date);
    let topic_words = ctx.topic_words(plan);
    let day = phrases::call_day(rng, plan.date, published, plan.start);
    let mut out = String::with_capacity(3200);
    // A readout states its date in its own first line; the header may go.
    let header = published.is_some() && !(credit.source == Some("Cheong Wa Dae") && rng.chance(50));
    if let (true, Some(p)) = (header, published) {
        let _ = write!(out, " date {}", p.format("%Y-%m-%d"));
        match rng.below(10) {
            0..=4 => {
                let topic = topic_words.first().copied().unwrap_or("ties");
                let _ = write!(
                    out,
                    " {} and {} discuss {topic}",
                    home.surname, other.surname
                );
            }
            5 => out.push_str(" Photo : YONHAP News"),
            _ => {}
        }
        out.push('\n');
    }
    out.push('\n');
    noise(rng, &mut out, published, plan.minutes);
    out.push_str(&credit.top);
    let adj = adjective(ctx.leaders, other);
    let (ht, ot) = (title(home, plan.date), title(other, plan.date));
    match rng.below(8) {
        0 => out.push_str("Photo : YONHAP News\n\n"),
        1 => {
            let _ = writeln!(
                out,
                "{ht} {} talks with {adj} {ot} {} over the phone {day}. (Cheong Wa Dae)\n",
                home.name, other.name
            );
        }
        2 => {
            let _ = writeln!(
                out,
                "South Korean {ht} {} speaks on the phone with {adj} {ot} {}. (Yonhap)\n",
                home.name, other.name
            );
        }
        _ => {}
    }
    let spokes = *rng.pick(SPOKESPEOPLE);
    out.push_str(&credit.dateline);
    let lead = match rng.below(3) {
        0 => format!(
            "South Korean {ht} {} held a phone call with {adj} {ot} {} {day}, {spokes} said.",
            home.name, other.name
        ),
        1 => format!(
            "{} {} and {adj} {ot} {} agreed {day} to work together on {}, the presidential office said.",
            capital(&ht),
            home.name,
            other.name,
            rng.pick(&topic_words)
        ),
        _ => format!(
            "{adj} {ot} {} spoke with South Korean {ht} {} over the phone {day}.",
            other.name, home.name
        ),
    };
    out.push_str(&lead);
    out.push_str("\n\n");
    let (states_minutes, states_start) = facts(rng, &mut out, plan, spokes, &topic_words);
    let decoys = decoys(rng, ctx, c);
    let filler = 4 + rng.below(6);
    for p in 0..filler {
        if let Some(d) = decoys.get(p) {
            out.push_str(d);
            out.push_str("\n\n");
        }
        words::paragraphs(rng, &mut out, 1, (home, other), &topic_words, ctx.rare);
        if p == 1 && rng.chance(5) {
            out.push_str(
                "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY\nSubscribe now to read the latest news in your city.\nREGISTER / SIGN IN TO UNLOCK MORE ARTICLES\n\n",
            );
        }
    }
    close(&mut out, &credit);
    Written {
        text: out,
        call: Some(c),
        source: credit.source,
        published,
        states_minutes,
        states_start,
    }
}

/// The sentence stating the call's length and start, in one of the forms
/// news uses; returns which of the two it states.
fn facts(
    rng: &mut Rng,
    out: &mut String,
    plan: &Plan,
    spokes: &str,
    topics: &[&str],
) -> (bool, bool) {
    let form = match rng.below(20) {
        0..=13 => StartForm::Clock,
        14..=16 => StartForm::Gmt,
        _ => StartForm::Translated,
    };
    let start = phrases::start_phrase(rng, plan.start, form);
    let length = phrases::for_minutes(rng, plan.minutes);
    let said = format!("{spokes} said");
    let stated = match rng.below(100) {
        0..=7 => {
            let _ = write!(
                out,
                "The two leaders discussed {}, {said}.",
                topics.join(", ")
            );
            (false, false)
        }
        8..=17 => {
            if rng.chance(50) {
                let _ = write!(out, "The two leaders talked by phone {length}, {said}.");
            } else {
                out.push_str(&phrases::lasted(rng, plan.minutes));
            }
            (true, false)
        }
        18..=25 => {
            let _ = write!(
                out,
                "The call began {}, {said}.",
                began(rng, plan.start, form)
            );
            (false, true)
        }
        26..=33 => {
            let range = phrases::range(plan.start, plan.minutes);
            let _ = write!(out, "The leaders spoke by phone {range}, {said}.");
            (true, true)
        }
        34..=44 => {
            let _ = write!(
                out,
                "The {}-minute call began {}, {said}.",
                plan.minutes,
                began(rng, plan.start, form)
            );
            (true, true)
        }
        45..=54 => {
            let start = began(rng, plan.start, form);
            let _ = write!(
                out,
                "The call began {start}{} {}",
                stop(&start),
                phrases::lasted(rng, plan.minutes)
            );
            (true, true)
        }
        _ => {
            let _ = write!(
                out,
                "The two leaders talked by phone {length} {start}, {said}."
            );
            (true, true)
        }
    };
    out.push_str("\n\n");
    stated
}

/// A start to follow "began": "at 5:30 p.m.", "at noon", "at 0815 GMT".
fn began(rng: &mut Rng, start: (u32, u32), form: StartForm) -> String {
    match form {
        StartForm::Clock if start == (12, 0) => "at noon".into(),
        StartForm::Clock => format!("at {}", phrases::clock(start)),
        _ => phrases::start_phrase(rng, start, form),
    }
}

/// Paragraphs that state other days and lengths than this call's.
fn decoys(rng: &mut Rng, ctx: &Ctx, c: usize) -> Vec<String> {
    let plan = &ctx.calls[c];
    let (home, other) = ctx.people(plan.home, plan.counterpart);
    let spokes = rng.pick::<&str>(SPOKESPEOPLE);
    let spokes = capital(spokes);
    let mut out = Vec::new();
    if rng.chance(15) {
        let k = other_than(rng, &[10, 15, 20, 30, 40], plan.minutes);
        out.push(format!(
            "{spokes} gave a {k}-minute briefing on the call to reporters."
        ));
    }
    if rng.chance(15) {
        let k = other_than(rng, &[10, 20, 30, 40], plan.minutes);
        out.push(format!(
            "The {} side released its own readout about {k} minutes after the call ended.",
            adjective(ctx.leaders, other)
        ));
    }
    // Roundup: an earlier call of the same two leaders that is in the corpus.
    let same: Vec<&Plan> = ctx
        .by_pair
        .get(&(plan.home, plan.counterpart))
        .into_iter()
        .flatten()
        .map(|&i| &ctx.calls[i])
        .filter(|p| p.date < plan.date)
        .collect();
    if !same.is_empty() && rng.chance(40) {
        let p = *rng.pick(&same);
        let at = phrases::clock(p.start);
        out.push(format!(
            "The two leaders also spoke by phone on {}, {}, for {} minutes from {at}{}",
            phrases::full_date(p.date),
            p.date.year(),
            p.minutes,
            stop(&at)
        ));
    } else if rng.chance(20) {
        let earlier = plan.date - Duration::days(20 + rng.below(300) as i64);
        let k = other_than(rng, &[20, 25, 32, 45], plan.minutes);
        out.push(format!(
            "It was their second call, following one on {} that lasted {k} minutes.",
            phrases::ap_date(earlier)
        ));
    }
    if rng.chance(20) {
        let day = plan.date - Duration::days(1 + rng.below(3) as i64);
        let third = ["CN", "US", "JP", "RU"]
            .into_iter()
            .filter(|&cc| cc != other.country)
            .filter_map(|cc| ctx.leaders.in_office(cc, day).first().copied())
            .collect::<Vec<_>>();
        if !third.is_empty() {
            let x = ctx.leaders.get(*rng.pick(&third));
            let k = other_than(rng, &[15, 20, 25, 40], plan.minutes);
            out.push(format!(
                "{} spoke with {} {} {} for {k} minutes on {}.",
                home.surname,
                adjective(ctx.leaders, x),
                title(x, day),
                x.name,
                phrases::weekday(day)
            ));
        }
    }
    if rng.chance(15) {
        let day = plan.date - Duration::days(1 + rng.below(3) as i64);
        let event = *rng.pick(&["bus fire", "ferry accident", "flooding", "earthquake"]);
        out.push(format!(
            "{} offered condolences over the {event} on {}.",
            other.surname,
            phrases::weekday(day)
        ));
    }
    // Decoys land at random paragraphs, not always in the same order.
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    out
}

/// The full stop a sentence ending in `last` still needs: none after "p.m.".
fn stop(last: &str) -> &'static str {
    if last.ends_with('.') { "" } else { "." }
}
