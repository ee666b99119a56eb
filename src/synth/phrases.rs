//! The ways news states a call's day, start and length, each picked at
//! random: weekdays ("late Tuesday"), "today (June 10)", "yesterday",
//! calendar dates in three styles, clock times ("from 5:30 p.m.", "at 0815
//! GMT", "between 10:12 and 10:40 a.m.", machine-translated "5 hours 30
//! minutes in the afternoon"), US Eastern times, and lengths ("half an
//! hour", "an hour and 10 minutes", "about 50 min.").

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};

use super::rng::Rng;

#[rustfmt::skip]
const WEEKDAYS: [&str; 7] = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];
#[rustfmt::skip]
const MONTHS_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

pub(super) fn weekday(d: NaiveDate) -> &'static str {
    WEEKDAYS[d.weekday().num_days_from_monday() as usize]
}

/// "Jan. 26", the wire style datelines use.
pub(super) fn ap_date(d: NaiveDate) -> String {
    format!("{} {}", MONTHS_AP[d.month0() as usize], d.day())
}

/// "January 26".
pub(super) fn full_date(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.day())
}

/// "March 14", "14 March" or "Jan. 26": no year, as news writes it.
pub(super) fn month_day(rng: &mut Rng, d: NaiveDate) -> String {
    match rng.below(3) {
        0 => full_date(d),
        1 => format!("{} {}", d.day(), MONTHS[d.month0() as usize]),
        _ => ap_date(d),
    }
}

/// "5:30 p.m.", "9 p.m.", "10:05 a.m.".
pub(super) fn clock((h, m): (u32, u32)) -> String {
    format!("{} {}", bare((h, m)), half(h))
}

fn bare((h, m): (u32, u32)) -> String {
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    if m == 0 {
        h12.to_string()
    } else {
        format!("{h12}:{m:02}")
    }
}

fn half(h: u32) -> &'static str {
    if h < 12 { "a.m." } else { "p.m." }
}

/// The day of a call `date`, as an article published on `published` puts
/// it. Every phrase resolves to `date` by the spec's rules: a weekday is the
/// latest such day on or before publication; "yesterday" and "last night"
/// only appear a day later, "today" only the same day. Undated articles get
/// a calendar date, the only form that still says which day.
pub(super) fn call_day(
    rng: &mut Rng,
    date: NaiveDate,
    published: Option<NaiveDate>,
    start: (u32, u32),
) -> String {
    let wd = weekday(date);
    let evening = start.0 >= 18;
    let Some(published) = published else {
        return format!("on {}", month_day(rng, date));
    };
    let mut forms: Vec<String> = vec![
        format!("on {wd}"),
        format!("on {wd}"),
        wd.to_string(),
        format!("on {}", month_day(rng, date)),
    ];
    if start.0 >= 17 {
        forms.push(format!("late {wd}"));
    }
    if evening {
        forms.push(format!("on {wd} night"));
    }
    if published == date {
        forms.push("today".to_string());
        forms.push(format!("today ({})", full_date(date)));
    } else {
        forms.push("yesterday".to_string());
        if evening {
            forms.push("last night".to_string());
        }
    }
    rng.pick(&forms).clone()
}

/// How an article states the start.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum StartForm {
    /// "from 5:30 p.m.", "starting at 9 p.m.", "beginning at noon", "at 10:05 a.m."
    Clock,
    /// "at 0815 GMT"
    Gmt,
    /// "from 5 hours 30 minutes in the afternoon"
    Translated,
}

/// A start adverbial to follow "talked by phone …".
pub(super) fn start_phrase(rng: &mut Rng, start: (u32, u32), form: StartForm) -> String {
    match form {
        StartForm::Clock => {
            let at = if start == (12, 0) && rng.chance(70) {
                "noon".to_string()
            } else {
                clock(start)
            };
            let lead = *rng.pick(&["from", "starting at", "beginning at", "at"]);
            format!("{lead} {at}")
        }
        StartForm::Gmt => {
            // KST is UTC+9 all year; no planned start is before 9 a.m.
            format!("at {:02}{:02} GMT", (start.0 + 15) % 24, start.1)
        }
        StartForm::Translated => {
            let (h, m) = start;
            let h12 = if h > 12 { h - 12 } else { h };
            let part = match h {
                0..=11 => "in the morning",
                12..=17 => "in the afternoon",
                _ => "at night",
            };
            if m == 0 {
                format!("from {h12} o'clock {part}")
            } else {
                format!("from {h12} hours {m} minutes {part}")
            }
        }
    }
}

/// "between 10:12 and 10:40 a.m.": states the start and, by the end, the length.
pub(super) fn range(start: (u32, u32), minutes: u32) -> String {
    let total = start.0 * 60 + start.1 + minutes;
    let end = (total / 60 % 24, total % 60);
    if half(start.0) == half(end.0) {
        format!("between {} and {}", bare(start), clock(end))
    } else {
        format!("between {} and {}", clock(start), clock(end))
    }
}

/// A length adverbial: "for about 40 minutes", "for half an hour", "for an
/// hour and 10 minutes".
pub(super) fn for_minutes(rng: &mut Rng, minutes: u32) -> String {
    let mut forms = vec![
        format!("for about {minutes} minutes"),
        format!("for {minutes} minutes"),
        format!("for some {minutes} minutes"),
        format!("for approximately {minutes} minutes"),
    ];
    match minutes {
        30 => forms.extend(["for half an hour".into(), "for about half an hour".into()]),
        60 => forms.extend(["for an hour".into(), "for about an hour".into()]),
        m if m > 60 => forms.push(format!("for an hour and {} minutes", m - 60)),
        _ => {}
    }
    rng.pick(&forms).clone()
}

/// A sentence of its own stating the length: "It lasted about 50 min."
pub(super) fn lasted(rng: &mut Rng, minutes: u32) -> String {
    match rng.below(3) {
        0 => format!("The call lasted about {minutes} min."),
        1 => {
            let length = for_minutes(rng, minutes);
            format!(
                "The conversation lasted {}.",
                length.trim_start_matches("for ")
            )
        }
        _ => format!("It was a {minutes}-minute call."),
    }
}

/// The Eastern time of a Seoul `start` on `date`: the US date and "9 a.m.
/// EDT". US daylight saving: second Sunday of March to first Sunday of
/// November since 2007, first Sunday of April to last Sunday of October
/// before.
pub(super) fn eastern(date: NaiveDate, start: (u32, u32)) -> Option<(NaiveDate, String)> {
    let kst: NaiveDateTime = date.and_hms_opt(start.0, start.1, 0)?;
    let utc = kst - Duration::hours(9);
    let standard = utc - Duration::hours(5);
    let (local, zone) = if us_dst(standard.date())? {
        (utc - Duration::hours(4), "EDT")
    } else {
        (standard, "EST")
    };
    Some((
        local.date(),
        format!("{} {zone}", clock((local.hour(), local.minute()))),
    ))
}

fn us_dst(d: NaiveDate) -> Option<bool> {
    let y = d.year();
    let (from, to) = if y >= 2007 {
        (
            NaiveDate::from_weekday_of_month_opt(y, 3, Weekday::Sun, 2)?,
            NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Sun, 1)?,
        )
    } else {
        let oct31 = NaiveDate::from_ymd_opt(y, 10, 31)?;
        let back = oct31.weekday().num_days_from_sunday() as i64;
        (
            NaiveDate::from_weekday_of_month_opt(y, 4, Weekday::Sun, 1)?,
            oct31 - Duration::days(back),
        )
    };
    Some(from <= d && d < to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_ranges_and_zones() {
        assert_eq!(clock((17, 30)), "5:30 p.m.");
        assert_eq!(clock((12, 0)), "12 p.m.");
        assert_eq!(range((10, 12), 28), "between 10:12 and 10:40 a.m.");
        assert_eq!(range((11, 40), 30), "between 11:40 a.m. and 12:10 p.m.");
        let mut rng = Rng(1);
        assert_eq!(
            start_phrase(&mut rng, (17, 15), StartForm::Gmt),
            "at 0815 GMT"
        );
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid");
        // A 22:00 KST Wednesday call is 9 a.m. EDT the same Wednesday…
        assert_eq!(
            eastern(d(2025, 6, 4), (22, 0)),
            Some((d(2025, 6, 4), "9 a.m. EDT".to_string()))
        );
        // …and a morning one falls on the US evening before, in winter EST.
        assert_eq!(
            eastern(d(2021, 1, 27), (10, 0)),
            Some((d(2021, 1, 26), "8 p.m. EST".to_string()))
        );
    }
}
