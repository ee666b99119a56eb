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

use chrono::NaiveTime;
use regex::{Captures, Regex};

use super::dates::MONTHS;
use super::text::tail;
use super::words::{Words, has_exotic_fold};

mod forms;
#[cfg(test)]
mod tests;

// Ranges and zones live in their own module; callers reach them here,
// beside the times they read around.
pub(super) use self::forms::{Zone, range_minutes, stated_zone};
use self::forms::{bare_hour_range_start, range_at, twelve_hour};

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
fn looks_timed(words: &Words) -> bool {
    let b = words.source().as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        c.is_ascii_digit()
            && b[i + 1..]
                .iter()
                .take(3)
                .any(|n| matches!(n, b':' | b'a' | b'p' | b'A' | b'P' | b'o'))
    }) || [
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
    ]
    .iter()
    .any(|w| words.lower().contains(w))
}

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

/// A `CLOCK` match, by the branch that matched, with the words it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clock<'s> {
    /// "11:30 a.m.", "9pm"
    TwelveHour {
        hour: &'s str,
        minute: Option<&'s str>,
        pm: bool,
    },
    /// "noon", "midday", "midnight"
    Word(&'s str),
    /// "ten o'clock"; `evening` with "in the evening", "at night", "tonight".
    OnTheHour { hour: &'s str, evening: bool },
    /// "at 17:00"
    TwentyFourHour { hour: &'s str, minute: &'s str },
    /// "0815 GMT", "1600 hours"
    Military { hour: &'s str, minute: &'s str },
    /// "5 hours 30 minutes in the afternoon", "9 hours at night"
    DayPart {
        hour: &'s str,
        minute: Option<&'s str>,
        part: &'s str,
    },
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

// `CLOCK` word by word, for text without an exotic fold. Every branch
// starts at a word boundary before a word character, so at the start of an
// ASCII word; the branches are tried there in the pattern's order. Only
// the 12-hour branch reads inside words ("9pm", "10.15am").

fn scan<'w, 's>(words: &'w Words<'s>) -> impl Iterator<Item = (usize, usize, Clock<'s>)> + 'w {
    let sentence = words.source();
    let mut k = 0;
    std::iter::from_fn(move || {
        while k < words.len() {
            let start = words.start(k);
            // Only the 12-hour and o'clock branches can start with a digit,
            // only the others with one of a few words: each keeps its place
            // in line, and most words need no branch tried at all.
            let found = match words.get(k) {
                Some(w) if w.as_bytes()[0].is_ascii_digit() => twelve_hour_at(sentence, start)
                    .or_else(|| o_clock_at(words, k))
                    .or_else(|| military_at(words, k))
                    .or_else(|| day_part_at(words, k)),
                Some(w) if is_time_word(w) || is_hour_word(w) || is_lead_word(w) => {
                    time_word_at(words, k)
                        .or_else(|| o_clock_at(words, k))
                        .or_else(|| twenty_four_hour_at(words, k))
                }
                _ => None,
            };
            k += 1;
            if let Some((end, clock)) = found {
                // The next match starts after this one, as the regex resumes.
                while k < words.len() && words.start(k) < end {
                    k += 1;
                }
                return Some((start, end, clock));
            }
        }
        None
    })
}

/// `(?P<h12>[0-9]{1,2})(?:[:.](?P<m12>[0-5][0-9]))?\s*(?P<ap>[ap])\.?\s?m(?-u:\b)\.?`
/// from byte `start`: where it ends. Each optional part is taken when
/// there; leaving it out could not make the next part match.
fn twelve_hour_at(text: &str, start: usize) -> Option<(usize, Clock<'_>)> {
    let rest = &text[start..];
    let b = rest.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let hour = &rest[..digits];
    let mut i = digits;
    let mut minute = None;
    if matches!(b.get(i), Some(b':' | b'.'))
        && matches!(b.get(i + 1), Some(b'0'..=b'5'))
        && b.get(i + 2).is_some_and(u8::is_ascii_digit)
    {
        minute = Some(&rest[i + 1..i + 3]);
        i += 3;
    }
    i = rest.len() - rest[i..].trim_start().len();
    let pm = match b.get(i) {
        Some(b'a' | b'A') => false,
        Some(b'p' | b'P') => true,
        _ => return None,
    };
    i += 1;
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    if let Some(space) = rest[i..].chars().next().filter(|c| c.is_whitespace()) {
        i += space.len_utf8();
    }
    if !matches!(b.get(i), Some(b'm' | b'M')) {
        return None;
    }
    i += 1;
    if b.get(i)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
    {
        return None;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    Some((start + i, Clock::TwelveHour { hour, minute, pm }))
}

/// `(?P<word>noon|midday|midnight)(?-u:\b)`
fn time_word_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
    let found = w.get(k).is_some_and(is_time_word);
    found.then(|| (w.end(k), Clock::Word(w.text(k, k))))
}

fn is_time_word(word: &str) -> bool {
    matches!(word, "noon" | "midday" | "midnight")
}

/// `(?P<oc>[0-9]{1,2}|one|…|twelve)\s+o['’]clock(?P<ocpm>\s+(?:in\s+the\s+
/// (?:afternoon|evening)|at\s+night|tonight))?`, no word boundary at the end.
fn o_clock_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
    let found = (w.is_number(k, 1..=2) || w.get(k).is_some_and(is_hour_word))
        && w.spaces(k)
        && w.is(k + 1, "o")
        && matches!(w.gap(k + 1), Some("'" | "’"))
        && w.starts(k + 2, "clock");
    if !found {
        return None;
    }
    let clock_end = w.start(k + 2) + "clock".len();
    let evening = if !(w.is(k + 2, "clock") && w.spaces(k + 2)) {
        None
    } else if w.is(k + 3, "in") && w.spaces(k + 3) && w.is(k + 4, "the") && w.spaces(k + 4) {
        ["afternoon", "evening"]
            .into_iter()
            .find(|part| w.starts(k + 5, part))
            .map(|part| w.start(k + 5) + part.len())
    } else if w.is(k + 3, "at") && w.spaces(k + 3) && w.starts(k + 4, "night") {
        Some(w.start(k + 4) + "night".len())
    } else if w.starts(k + 3, "tonight") {
        Some(w.start(k + 3) + "tonight".len())
    } else {
        None
    };
    let end = evening.unwrap_or(clock_end);
    let (hour, evening) = (w.text(k, k), evening.is_some());
    Some((end, Clock::OnTheHour { hour, evening }))
}

fn is_hour_word(word: &str) -> bool {
    matches!(
        word,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    ) || matches!(word, "eleven" | "twelve")
}

/// The words the 24-hour branch starts with.
fn is_lead_word(word: &str) -> bool {
    matches!(
        word,
        "at" | "from" | "around" | "about" | "since" | "between"
    ) || matches!(word, "starting" | "beginning" | "began")
}

/// `(?:at|from|starting\s+at|beginning\s+at|began\s+at|around|about|since|between)
/// \s+(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?-u:\b)`
fn twenty_four_hour_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
    let lead = match w.get(k) {
        Some("at" | "from" | "around" | "about" | "since" | "between") => k,
        Some("starting" | "beginning" | "began") if w.spaces(k) && w.is(k + 1, "at") => k + 1,
        _ => return None,
    };
    let (h, m) = (lead + 1, lead + 2);
    let found = w.spaces(lead)
        && (w.is_number(h, 1..=1) || (w.is_number(h, 2..=2) && w.get(h) <= Some("23")))
        && w.gap(h) == Some(":")
        && w.is_number(m, 2..=2)
        && w.get(m) <= Some("59");
    found.then(|| {
        let (hour, minute) = (w.text(h, h), w.text(m, m));
        (w.end(m), Clock::TwentyFourHour { hour, minute })
    })
}

/// `(?P<mh>[01][0-9]|2[0-3])(?P<mm>[0-5][0-9])\s+(?:(?-i:GMT|UTC|KST|JST|EST|EDT|ET)
/// |hours|hrs)(?-u:\b)`: four digits, then a zone in capitals or "hours".
fn military_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
    let digits = w.get(k).filter(|d| d.len() == 4 && w.is_number(k, 4..=4))?;
    let found = digits[..2] <= *"23"
        && digits[2..] <= *"59"
        && w.spaces(k)
        && (matches!(
            w.get(k + 1).map(|_| w.text(k + 1, k + 1)),
            Some("GMT" | "UTC" | "KST" | "JST" | "EST" | "EDT" | "ET")
        ) || matches!(w.get(k + 1), Some("hours" | "hrs")));
    let text = w.text(k, k);
    found.then(|| {
        let (hour, minute) = (&text[..2], &text[2..]);
        (w.end(k + 1), Clock::Military { hour, minute })
    })
}

/// `(?P<kh>[0-9]{1,2})\s+hours?(?:\s+(?P<km>[0-9]{1,2})\s+minutes?)?\s+
/// (?:in\s+the|at)\s+(?P<kpart>morning|afternoon|evening|night)(?-u:\b)`
fn day_part_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
    if !(w.is_number(k, 1..=2) && w.spaces(k) && matches!(w.get(k + 1), Some("hour" | "hours"))) {
        return None;
    }
    let hour = w.text(k, k);
    let with_minutes = w.spaces(k + 1)
        && w.is_number(k + 2, 1..=2)
        && w.spaces(k + 2)
        && matches!(w.get(k + 3), Some("minute" | "minutes"));
    // The minutes are optional: when the part of day does not follow them,
    // try without them, as the regex backtracks.
    let tried = with_minutes
        .then(|| day_part_after(w, k + 3).map(|end| (end, Some(w.text(k + 2, k + 2)))))
        .flatten()
        .or_else(|| day_part_after(w, k + 1).map(|end| (end, None)));
    let ((last, part), minute) = tried?;
    let part = w.text(part, part);
    Some((w.end(last), Clock::DayPart { hour, minute, part }))
}

/// `\s+(?:in\s+the|at)\s+(?:morning|afternoon|evening|night)(?-u:\b)` after
/// word `k`: the last word and the part-of-day word (the same one).
fn day_part_after(w: &Words, k: usize) -> Option<(usize, usize)> {
    if !w.spaces(k) {
        return None;
    }
    let part = if w.is(k + 1, "in") && w.spaces(k + 1) && w.is(k + 2, "the") && w.spaces(k + 2) {
        k + 3
    } else if w.is(k + 1, "at") && w.spaces(k + 1) {
        k + 2
    } else {
        return None;
    };
    matches!(
        w.get(part),
        Some("morning" | "afternoon" | "evening" | "night")
    )
    .then_some((part, part))
}
