//! How long a call lasted, in the forms news uses: "for some 30 minutes",
//! "a 32-minute conversation", "approximately forty minutes", "about half
//! an hour", "for an hour", "an hour and 10 minutes", "one hour and a half".

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::clock;
use super::number::{NUMBER, is_digit_word, is_teen, is_ten, number};
use super::text::tail;
use super::words::{Words, has_exotic_fold};

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?ix)(?-u:\b)(?:
          (?P<hh>an|one|a\s+single|[0-9]|two|three)[\s-]+hours?\s+and\s+(?:(?P<hhalf>a\s+half)|(?P<hm>{NUMBER})[\s-]+min(?:ute)?s?)
        | (?P<andhalf>an|one|[0-9]|two)\s+and\s+a\s+half[\s-]+hours?
        | (?P<halfhour>half\s+an\s+hour|half[\s-]hour)
        | (?P<h>an|one|a\s+full|[0-9](?:\.[0-9])?|two|three)[\s-]+hours?(?:[\s-]long)?
        | (?P<hourlong>hour[\s-]?long)
        | (?P<m>{NUMBER})[\s-]+min(?:ute)?s?(?:[\s-]long)?
        )(?-u:\b)"
    );
    Regex::new(&pattern).expect("duration regex is valid")
});

/// Words after a span that make it a delay, not a length ("an hour later").
static NOT_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^A-Za-z0-9]*(?:later|after|before|ago|earlier|ahead|behind|away|early|late|into)(?-u:\b)")
        .expect("delay regex is valid")
});

/// "for", maybe hedged, just before a span: it measures how long.
static FOR_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)for(?:\s+(?:about|some|around|approximately|roughly|nearly|almost|over|just))?$")
        .expect("for-length regex is valid")
});

static LATE_OR_EARLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[^A-Za-z0-9]*(?:late|early)\s+(?:on|in|that|this|last|Mon|Tue|Wed|Thu|Fri|Sat|Sun)",
    )
    .expect("late-or-early regex is valid")
});

/// A call length in a sentence, with its byte span: (start, end, minutes).
#[cfg(test)]
pub fn durations(sentence: &str) -> Vec<(usize, usize, u32)> {
    iter_durations(&Words::new(sentence)).collect()
}

/// `durations`, one at a time: a caller that wants only the first that
/// fits leaves the rest of the sentence unscanned.
pub(super) fn iter_durations<'w>(
    words: &'w Words,
) -> impl Iterator<Item = (usize, usize, u32)> + 'w {
    let sentence = words.source();
    let spans = may_hold_duration(words).then(|| spans(words));
    spans
        .into_iter()
        .flatten()
        .filter_map(move |(start, end, span)| {
            // "for -30 minutes", "minus 30 minutes": no length.
            if negated(&sentence[..start]) {
                return None;
            }
            let before = tail(&sentence[..start], 16).trim_end();
            if ["within", "after", "every"]
                .iter()
                .any(|w| ends_with_ignore_ascii_case(before, w))
            {
                return None;
            }
            // "spoke for about 40 minutes late on Wednesday": after "for" a
            // span is a length even when a time-of-day word follows it.
            let after = &sentence[end..];
            if NOT_LENGTH.is_match(after)
                && !(FOR_LENGTH.is_match(before) && LATE_OR_EARLY.is_match(after))
            {
                return None;
            }
            // "a 30-minute briefing", "5 min read": a length that modifies
            // a noun counts only when the noun is a call's.
            if adjectival(&sentence[start..end]) && !before_call_noun(after) {
                return None;
            }
            // "5 hours 30 minutes in the afternoon" is a clock time.
            if clock::inside_day_part_time(words, start, end) {
                return None;
            }
            let minutes = minutes(span).filter(|&m| (1..=600).contains(&m))?;
            Some((start, end, minutes))
        })
        // "between 10:12 and 10:40 a.m.": 28 minutes.
        .chain(clock::range_minutes(words))
}

/// Whether the text just before a length makes it negative: a minus sign
/// that is not the dash of a range ("20-30 minutes"), or the word "minus".
fn negated(before: &str) -> bool {
    if let Some(rest) = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix('\u{2212}'))
    {
        return !rest.chars().next_back().is_some_and(char::is_alphanumeric);
    }
    ends_with_ignore_ascii_case(before.trim_end(), " minus")
        || before.trim_end().eq_ignore_ascii_case("minus")
}

/// Whether a length is written as a modifier ("30-minute", "30 minute",
/// "5 min", "two-hour", "half-hour", "hour-long"), which a noun follows,
/// rather than as a count ("30 minutes", "an hour", "half an hour").
fn adjectival(span: &str) -> bool {
    let last = span
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match last.as_str() {
        "minute" | "min" | "long" | "hourlong" => true,
        // "an hour", "a full hour" count; "two-hour", "one hour" modify.
        "hour" => {
            let lower = span.to_ascii_lowercase();
            !(lower.starts_with("an ") || lower.starts_with("a ") || lower.starts_with("half an"))
        }
        _ => false,
    }
}

/// Nouns of a call, which a length written as a modifier may qualify.
const CALL_NOUNS: &[&str] = &[
    "call",
    "calls",
    "phone",
    "telephone",
    "telephonic",
    "conversation",
    "conversations",
    "talk",
    "talks",
    "chat",
    "teleconference",
    "videoconference",
    "video",
];

/// Words after a length that leave it a length, not a modifier: "for 30
/// minute with Xi", "50 min on Tuesday".
const NOT_A_NOUN: &[&str] = &[
    "with",
    "on",
    "in",
    "at",
    "by",
    "over",
    "and",
    "for",
    "from",
    "to",
    "of",
    "via",
    "late",
    "early",
    "last",
    "this",
    "that",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether the text after a length modifier leads to a call noun within
/// three words ("40-minute talks", "30-minute first phone call"), or is
/// no noun at all: punctuation or the end ("about 50 min."), or a word in
/// `NOT_A_NOUN`.
fn before_call_noun(after: &str) -> bool {
    let rest = after.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return true;
    }
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_ascii_alphabetic())
                .to_ascii_lowercase()
        });
    let Some(first) = words.next() else {
        return true;
    };
    NOT_A_NOUN.contains(&first.as_str())
        || std::iter::once(first)
            .chain(words)
            .take(3)
            .any(|w| CALL_NOUNS.contains(&w.as_str()))
}

fn ends_with_ignore_ascii_case(s: &str, suffix: &str) -> bool {
    let (s, suffix) = (s.as_bytes(), suffix.as_bytes());
    s.len() >= suffix.len() && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Every `DURATION` match holds "min" or "hour" (in any ASCII case: the
/// pattern's `(?i)` folds no other character onto these letters), so a
/// sentence without either needs no further look.
pub(super) fn may_hold_duration(words: &Words) -> bool {
    words.lower().contains("min") || words.lower().contains("hour")
}

/// A `DURATION` match, by the branch that matched, with the words it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span<'s> {
    /// "an hour and 10 minutes"; "one hour and a half" has no minutes.
    HoursAnd {
        hours: &'s str,
        minutes: Option<&'s str>,
    },
    /// "one and a half hours"
    AndAHalf(&'s str),
    /// "half an hour", "half-hour"
    HalfHour,
    /// "an hour", "1.5 hours", "a full hour"
    Hours(&'s str),
    /// "hour-long"
    HourLong,
    /// "30 minutes", "forty-five-minute"
    Minutes(&'s str),
}

fn minutes(span: Span) -> Option<u32> {
    match span {
        Span::HoursAnd { hours, minutes } => {
            let extra = match minutes {
                Some(m) => number(m)?,
                None => 30,
            };
            Some(number(hours)? * 60 + extra)
        }
        Span::AndAHalf(hours) => Some(number(hours)? * 60 + 30),
        Span::HalfHour => Some(30),
        Span::Hours(hours) => match hours.parse::<f32>() {
            Ok(hours) => Some((hours * 60.0).round() as u32),
            Err(_) => number(hours).map(|n| n * 60),
        },
        Span::HourLong => Some(60),
        Span::Minutes(m) => number(m),
    }
}

/// The `DURATION` matches in a sentence, as `captures_iter` finds them.
/// Text with an exotic case fold takes the regex; the rest the word scan,
/// which costs a fraction of the regex's captures.
fn spans<'w, 's>(words: &'w Words<'s>) -> Box<dyn Iterator<Item = (usize, usize, Span<'s>)> + 'w> {
    let sentence = words.source();
    if has_exotic_fold(sentence) {
        Box::new(DURATION.captures_iter(sentence).filter_map(|caps| {
            let whole = caps.get(0)?;
            Some((whole.start(), whole.end(), span_of(&caps)?))
        }))
    } else {
        Box::new(scan(words))
    }
}

fn span_of<'s>(caps: &Captures<'s>) -> Option<Span<'s>> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    if let Some(hours) = get("hh") {
        let minutes = get("hm");
        return Some(Span::HoursAnd { hours, minutes });
    }
    if let Some(hours) = get("andhalf") {
        return Some(Span::AndAHalf(hours));
    }
    if get("halfhour").is_some() {
        return Some(Span::HalfHour);
    }
    if let Some(hours) = get("h") {
        return Some(Span::Hours(hours));
    }
    if get("hourlong").is_some() {
        return Some(Span::HourLong);
    }
    get("m").map(Span::Minutes)
}

// `DURATION` word by word, for text without an exotic fold. Its atoms are
// whole ASCII words: each branch starts at a word boundary, ends in a word
// followed by one, and every word in between is followed by `[\s-]` or
// `\s`, which word characters are not. The branches are tried in the
// pattern's order, and within a branch the longer choice first, as the
// regex does.

fn scan<'w, 's>(words: &'w Words<'s>) -> impl Iterator<Item = (usize, usize, Span<'s>)> + 'w {
    // Each branch names its unit ("hour", "minutes", "hourlong") at most
    // four words after its first: only words that close to one can start
    // a match.
    let units: Vec<usize> = (0..words.len())
        .filter(|&k| {
            matches!(
                words.get(k),
                Some("hour" | "hours" | "hourlong" | "min" | "mins" | "minute" | "minutes")
            )
        })
        .collect();
    let mut k = 0;
    std::iter::from_fn(move || {
        while let Some(&unit) = units.iter().find(|&&u| u >= k) {
            k = k.max(unit.saturating_sub(4));
            if let Some((last, span)) = span_at(words, k) {
                let found = (words.start(k), words.end(last), span);
                k = last + 1;
                return Some(found);
            }
            k += 1;
        }
        None
    })
}

/// The branch of `DURATION` matching from word `k`: its last word and span.
fn span_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Span<'s>)> {
    // Every branch starts with a number, "a", "half" or "hour": most words
    // need no branch tried.
    let first = w.get(k)?;
    let could_start = matches!(first, "an" | "a" | "half" | "hour" | "hourlong")
        || is_ten(Some(first))
        || is_teen(Some(first))
        || is_digit_word(Some(first))
        || w.is_number(k, 1..=3);
    if !could_start {
        return None;
    }
    hours_and(w, k)
        .or_else(|| and_a_half(w, k))
        .or_else(|| half_hour(w, k))
        .or_else(|| hours(w, k))
        .or_else(|| hour_long(w, k))
        .or_else(|| {
            let (unit, m) = number_and_unit(w, k)?;
            Some((long(w, unit), Span::Minutes(m)))
        })
}

fn is_hour(w: &Words, k: usize) -> bool {
    matches!(w.get(k), Some("hour" | "hours"))
}

/// `(?P<hh>an|one|a\s+single|[0-9]|two|three)[\s-]+hours?\s+and\s+
/// (?:(?P<hhalf>a\s+half)|(?P<hm>NUMBER)[\s-]+min(?:ute)?s?)`
fn hours_and<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Span<'s>)> {
    let count = if matches!(w.get(k), Some("an" | "one" | "two" | "three")) || w.is_number(k, 1..=1)
    {
        k
    } else if w.is(k, "a") && w.spaces(k) && w.is(k + 1, "single") {
        k + 1
    } else {
        return None;
    };
    let (hour, and) = (count + 1, count + 2);
    if !(w.dashes(count) && is_hour(w, hour) && w.spaces(hour) && w.is(and, "and") && w.spaces(and))
    {
        return None;
    }
    let hours = w.text(k, count);
    if w.is(and + 1, "a") && w.spaces(and + 1) && w.is(and + 2, "half") {
        let minutes = None;
        return Some((and + 2, Span::HoursAnd { hours, minutes }));
    }
    let (unit, m) = number_and_unit(w, and + 1)?;
    let minutes = Some(m);
    Some((unit, Span::HoursAnd { hours, minutes }))
}

/// `(?P<andhalf>an|one|[0-9]|two)\s+and\s+a\s+half[\s-]+hours?`
fn and_a_half<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Span<'s>)> {
    let found = (matches!(w.get(k), Some("an" | "one" | "two")) || w.is_number(k, 1..=1))
        && w.spaces(k)
        && w.is(k + 1, "and")
        && w.spaces(k + 1)
        && w.is(k + 2, "a")
        && w.spaces(k + 2)
        && w.is(k + 3, "half")
        && w.dashes(k + 3)
        && is_hour(w, k + 4);
    found.then(|| (k + 4, Span::AndAHalf(w.text(k, k))))
}

/// `(?P<halfhour>half\s+an\s+hour|half[\s-]hour)`
fn half_hour<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Span<'s>)> {
    if !w.is(k, "half") {
        return None;
    }
    if w.spaces(k) && w.is(k + 1, "an") && w.spaces(k + 1) && w.is(k + 2, "hour") {
        return Some((k + 2, Span::HalfHour));
    }
    (w.one_dash(k) && w.is(k + 1, "hour")).then_some((k + 1, Span::HalfHour))
}

/// `(?P<h>an|one|a\s+full|[0-9](?:\.[0-9])?|two|three)[\s-]+hours?(?:[\s-]long)?`
fn hours<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Span<'s>)> {
    let counts = if matches!(w.get(k), Some("an" | "one" | "two" | "three")) {
        [Some(k), None]
    } else if w.is(k, "a") && w.spaces(k) && w.is(k + 1, "full") {
        [Some(k + 1), None]
    } else if w.is_number(k, 1..=1) {
        // "1.5" before "1".
        let decimal = w.gap(k) == Some(".") && w.is_number(k + 1, 1..=1);
        [decimal.then_some(k + 1), Some(k)]
    } else {
        return None;
    };
    counts.into_iter().flatten().find_map(|count| {
        let hour = count + 1;
        let found = w.dashes(count) && is_hour(w, hour);
        found.then(|| (long(w, hour), Span::Hours(w.text(k, count))))
    })
}

/// `(?P<hourlong>hour[\s-]?long)`
fn hour_long<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Span<'s>)> {
    if w.is(k, "hourlong") {
        return Some((k, Span::HourLong));
    }
    let found = w.is(k, "hour") && w.one_dash(k) && w.is(k + 1, "long");
    found.then_some((k + 1, Span::HourLong))
}

/// `(?P<m>NUMBER)[\s-]+min(?:ute)?s?` from word `k`: the unit's word and
/// the number's text.
fn number_and_unit<'s>(w: &Words<'s>, k: usize) -> Option<(usize, &'s str)> {
    // A ten with its unit ("twenty-five") before the ten alone.
    let lasts = if is_ten(w.get(k)) {
        let compound = w.one_dash(k) && is_digit_word(w.get(k + 1));
        [compound.then_some(k + 1), Some(k)]
    } else if is_digit_word(w.get(k)) || is_teen(w.get(k)) || w.is_number(k, 1..=3) {
        [Some(k), None]
    } else {
        return None;
    };
    lasts.into_iter().flatten().find_map(|last| {
        let unit = last + 1;
        let found =
            w.dashes(last) && matches!(w.get(unit), Some("min" | "mins" | "minute" | "minutes"));
        found.then(|| (unit, w.text(k, last)))
    })
}

/// `(?:[\s-]long)?` after word `k`: the last word of the span.
fn long(w: &Words, k: usize) -> usize {
    if w.one_dash(k) && w.is(k + 1, "long") {
        k + 1
    } else {
        k
    }
}

#[cfg(test)]
mod tests;
