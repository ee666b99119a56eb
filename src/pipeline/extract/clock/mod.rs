//! The time a call began: "starting at 11:30 a.m.", "from noon", "9 p.m.",
//! "at 10 o'clock", "from 5:30 p.m. for 40 minutes", 24-hour "at 17:00",
//! military "at 0815 GMT", ranges "between 10:12 and 10:40 a.m." and
//! "between 11 and 11:20 a.m." (the second time's a.m./p.m. holds for
//! both), and machine translation of
//! Korean "오후 5시 30분": "5 hours 30 minutes in the afternoon". End times
//! ("until 12:10 p.m.", the second time of a range) and page stamps
//! ("updated 9:30 a.m.") are not start times. `stated_zone` reads the time
//! zone written after a time.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::NaiveTime;
use regex::{Captures, Regex};

use super::dates::MONTHS;
use super::text::tail;
use super::words::{Words, has_exotic_fold};

mod forms;
mod scan;
#[cfg(test)]
mod tests;

// Ranges and zones live in their own module; callers reach them here,
// beside the times they read around.
pub(super) use self::forms::{Zone, range_minutes, stated_zone};
use self::forms::{bare_hour_range_start, range_at, twelve_hour};
use self::scan::{Clock, scan};

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
          (?-u:\b)(?P<h12>[0-9]{1,2})(?:[:.](?P<m12>[0-5][0-9]))?\s*(?P<ap>[ap])\.?\s?m(?-u:\b)\.?
        | (?-u:\b)(?P<word>noon|midday|midnight)(?-u:\b)
        | (?-u:\b)(?P<oc>[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock(?P<ocpm>\s+(?:in\s+the\s+(?:afternoon|evening)|at\s+night|tonight))?
        | (?-u:\b)(?:at|from|starting\s+at|beginning\s+at|began\s+at|around|about|since|between)\s+(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?-u:\b)
        | (?-u:\b)(?P<mh>[01][0-9]|2[0-3])(?P<mm>[0-5][0-9])\s+(?:(?-i:GMT|UTC|KST|JST|EST|EDT|ET)|hours|hrs)(?-u:\b)
        | (?-u:\b)(?P<kh>[0-9]{1,2})\s+hours?(?:\s+(?P<km>[0-9]{1,2})\s+minutes?)?\s+(?:in\s+the|at)\s+(?P<kpart>morning|afternoon|evening|night)(?-u:\b)
        ",
    )
    .expect("clock regex is valid")
});

/// Words just before a time that make it an end, not a start; "10:12
/// and", "10:12 -" end the first time of a range.
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:until|till|to|through|ended|ending|ends|end|before|by)\s*(?:at\s*)?$|[0-9]\s+and\s+$|[0-9]\s*[-–—~]\s*$",
    )
    .expect("end regex is valid")
});

/// A page stamp just before a time ("Updated 9:30 a.m.", "Published: June
/// 10, 2025 10:05", "입력 2025.06.10 21:12"): when the page changed, not
/// when a call began. Only digits, punctuation and a month name may stand
/// between the stamp word and the time.
static STAMP_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?-u:\b)(?:updated|published|posted|modified|edited|released)|입력|수정|등록)[^A-Za-z]*(?:(?:{MONTHS})\.?[^A-Za-z]*)?$"
    ))
    .expect("stamp regex is valid")
});

/// Cheap test before the clock regex: a digit with ':', "a"/"p" or
/// "o'clock" just after it, or a time word.
pub(super) fn looks_timed(words: &Words) -> bool {
    let b = words.source().as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        c.is_ascii_digit()
            && b[i + 1..]
                .iter()
                .take(3)
                .any(|n| matches!(n, b':' | b'a' | b'p' | b'A' | b'P' | b'o'))
    }) || TIME_WORDS.is_match(words.lower())
}

/// The words that make a sentence worth the clock regex without a digit
/// before a time mark: one automaton, one pass over the lowercased text
/// (a `contains` per word read it a dozen times).
static TIME_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new([
        "noon",
        "midday",
        "midnight",
        "o'clock",
        "o’clock",
        "hour",
        "hrs",
        "gmt",
        "utc",
        "kst",
        "jst",
        " est",
        " edt",
        " et",
    ])
    .expect("time words are valid patterns")
});

/// Start times in a sentence, with their byte spans.
#[cfg(test)]
pub fn start_times(sentence: &str) -> Vec<(usize, usize, NaiveTime)> {
    iter_start_times(&Words::new(sentence)).collect()
}

/// `start_times`, one at a time: a caller that wants only the first that
/// fits leaves the rest of the sentence unscanned.
pub(super) fn iter_start_times<'w>(
    words: &'w Words,
) -> impl Iterator<Item = (usize, usize, NaiveTime)> + 'w {
    let sentence = words.source();
    let clocks = looks_timed(words).then(|| clocks(words));
    clocks
        .into_iter()
        .flatten()
        .filter_map(move |(start, end, clock)| {
            let before = &sentence[..start];
            if STAMP_MARK.is_match(tail(before, 48)) {
                return None;
            }
            if END_MARK.is_match(tail(before, 24)) {
                // "between 11 and 11:20 a.m.": the end of a range whose
                // start is a bare hour, which this time dates.
                return match clock {
                    Clock::TwelveHour { .. } => bare_hour_range_start(sentence, start, end)
                        .filter(|&(lead, ..)| !STAMP_MARK.is_match(tail(&sentence[..lead], 48))),
                    _ => None,
                };
            }
            let (end, t) = match clock {
                Clock::TwentyFourHour { hour, minute } => {
                    match AMPM_AFTER.captures(&sentence[end..]) {
                        // "from 5:30 p.m.": the 24-hour branch matched first, read it as 12-hour.
                        Some(ap) => (
                            end,
                            twelve_hour(
                                hour.parse().ok(),
                                minute.parse().ok(),
                                ap.get(1)
                                    .is_some_and(|m| m.as_str().eq_ignore_ascii_case("p")),
                            ),
                        ),
                        // "between 10:12 and 10:40 a.m.": the range's second
                        // time tells a.m. from p.m.
                        None => match range_at(sentence, start) {
                            Some((first, _)) => (end, Some(first)),
                            None => (
                                end,
                                NaiveTime::from_hms_opt(
                                    hour.parse().ok()?,
                                    minute.parse().ok()?,
                                    0,
                                ),
                            ),
                        },
                    }
                }
                // "0815 GMT": the span ends with the digits, so that
                // `stated_zone` reads the zone after it.
                Clock::Military { minute, .. } => {
                    (offset_in(sentence, minute) + minute.len(), time(clock))
                }
                clock => (end, time(clock)),
            };
            Some((start, end, t?))
        })
}

static AMPM_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*([ap])\.?\s?m(?-u:\b)").expect("am/pm regex is valid"));

/// Compiles the patterns most articles reach (see `Extractor::with_outlets`).
pub(super) fn warm_up() {
    LazyLock::force(&END_MARK);
    LazyLock::force(&STAMP_MARK);
    LazyLock::force(&AMPM_AFTER);
}

fn time(clock: Clock) -> Option<NaiveTime> {
    match clock {
        Clock::TwelveHour { hour, minute, pm } => {
            twelve_hour(hour.parse().ok(), minute.and_then(|m| m.parse().ok()), pm)
        }
        Clock::Word(word) => {
            let hour = if word.eq_ignore_ascii_case("midnight") {
                0
            } else {
                12
            };
            NaiveTime::from_hms_opt(hour, 0, 0)
        }
        Clock::OnTheHour { hour, evening } => {
            let h = super::number::number(hour)?;
            if !(1..=12).contains(&h) {
                return None;
            }
            let hour = if evening && h < 12 { h + 12 } else { h };
            NaiveTime::from_hms_opt(hour, 0, 0)
        }
        Clock::TwentyFourHour { hour, minute } | Clock::Military { hour, minute } => {
            NaiveTime::from_hms_opt(hour.parse().ok()?, minute.parse().ok()?, 0)
        }
        Clock::DayPart { hour, minute, part } => {
            let h: u32 = hour.parse().ok()?;
            let minute = match minute {
                Some(m) => Some(m.parse().ok().filter(|m| *m < 60)?),
                None => None,
            };
            // Korean 오전 is the morning, 오후 and 저녁 the afternoon and
            // evening; 밤 ("night") runs past midnight: "1 hour at night"
            // is 1 a.m., "12 hours at night" midnight.
            let pm = match part.to_ascii_lowercase().as_str() {
                "morning" => false,
                "night" => (5..12).contains(&h),
                _ => true,
            };
            twelve_hour(Some(h), minute, pm)
        }
    }
}

/// Where `inner`, a slice of `outer`, starts in it.
fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

/// Whether `start..end` lies inside a machine-translated clock time ("5
/// hours 30 minutes in the afternoon"): a time of day, not a length.
pub(super) fn inside_day_part_time(words: &Words, start: usize, end: usize) -> bool {
    let sentence = words.source();
    // The part of the day follows the length at once ("… minutes in the
    // afternoon", "9 hours at night") or after its minutes; anything else
    // is no clock time.
    let mut after = words.lower().get(end..).unwrap_or("").trim_start();
    // "5 hours" before "30 minutes in the afternoon".
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        after = after[digits..].trim_start();
        after = after
            .strip_prefix("minutes")
            .or_else(|| after.strip_prefix("minute"))
            .unwrap_or(after)
            .trim_start();
    }
    if !(after.starts_with("in the") || after.starts_with("at")) {
        return false;
    }
    clocks(words).any(|(a, b, clock)| {
        matches!(clock, Clock::DayPart { .. }) && a <= start && end <= b && b <= sentence.len()
    })
}

/// The `CLOCK` matches in a sentence, as `captures_iter` finds them. Text
/// with an exotic case fold takes the regex; the rest the word scan, which
/// costs a fraction of the regex's captures.
fn clocks<'w, 's>(
    words: &'w Words<'s>,
) -> Box<dyn Iterator<Item = (usize, usize, Clock<'s>)> + 'w> {
    let sentence = words.source();
    if has_exotic_fold(sentence) {
        Box::new(CLOCK.captures_iter(sentence).filter_map(|caps| {
            let whole = caps.get(0)?;
            Some((whole.start(), whole.end(), clock_of(&caps)?))
        }))
    } else {
        Box::new(scan(words))
    }
}

fn clock_of<'s>(caps: &Captures<'s>) -> Option<Clock<'s>> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    if let Some(hour) = get("h12") {
        let minute = get("m12");
        let pm = get("ap")?.eq_ignore_ascii_case("p");
        return Some(Clock::TwelveHour { hour, minute, pm });
    }
    if let Some(word) = get("word") {
        return Some(Clock::Word(word));
    }
    if let Some(hour) = get("oc") {
        let evening = get("ocpm").is_some();
        return Some(Clock::OnTheHour { hour, evening });
    }
    if let Some(hour) = get("h24") {
        let minute = get("m24")?;
        return Some(Clock::TwentyFourHour { hour, minute });
    }
    if let Some(hour) = get("mh") {
        let minute = get("mm")?;
        return Some(Clock::Military { hour, minute });
    }
    let (hour, minute, part) = (get("kh")?, get("km"), get("kpart")?);
    Some(Clock::DayPart { hour, minute, part })
}
