//! The start-time forms read word by word (`Clock`, `scan`): what the
//! `CLOCK` regex finds, for text without an exotic case fold, at a
//! fraction of the regex's cost.

use super::super::words::Words;

/// A `CLOCK` match, by the branch that matched, with the words it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Clock<'s> {
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

// `CLOCK` word by word, for text without an exotic fold. Every branch
// starts at a word boundary before a word character, so at the start of an
// ASCII word; the branches are tried there in the pattern's order. Only
// the 12-hour branch reads inside words ("9pm", "10.15am").

pub(super) fn scan<'w, 's>(
    words: &'w Words<'s>,
) -> impl Iterator<Item = (usize, usize, Clock<'s>)> + 'w {
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
pub(super) fn twelve_hour_at(text: &str, start: usize) -> Option<(usize, Clock<'_>)> {
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
pub(super) fn time_word_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
    let found = w.get(k).is_some_and(is_time_word);
    found.then(|| (w.end(k), Clock::Word(w.text(k, k))))
}

pub(super) fn is_time_word(word: &str) -> bool {
    matches!(word, "noon" | "midday" | "midnight")
}

/// `(?P<oc>[0-9]{1,2}|one|…|twelve)\s+o['’]clock(?P<ocpm>\s+(?:in\s+the\s+
/// (?:afternoon|evening)|at\s+night|tonight))?`, no word boundary at the end.
pub(super) fn o_clock_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
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

pub(super) fn is_hour_word(word: &str) -> bool {
    matches!(
        word,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    ) || matches!(word, "eleven" | "twelve")
}

/// The words the 24-hour branch starts with.
pub(super) fn is_lead_word(word: &str) -> bool {
    matches!(
        word,
        "at" | "from" | "around" | "about" | "since" | "between"
    ) || matches!(word, "starting" | "beginning" | "began")
}

/// `(?:at|from|starting\s+at|beginning\s+at|began\s+at|around|about|since|between)
/// \s+(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?-u:\b)`
pub(super) fn twenty_four_hour_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
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
pub(super) fn military_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
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
pub(super) fn day_part_at<'s>(w: &Words<'s>, k: usize) -> Option<(usize, Clock<'s>)> {
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
pub(super) fn day_part_after(w: &Words, k: usize) -> Option<(usize, usize)> {
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
