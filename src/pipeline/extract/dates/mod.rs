//! Dates: the expressions news uses for a day ("on Tuesday", "late
//! Tuesday", "today (20th)", "Jan. 26", "June 10, 2025", "on the 10th",
//! "the 4th", "3/14", "03/14/2019", "(3.14)", "Tuesday 3.14", machine
//! translation of Korean "26일" as "on 26 days", the vague "earlier this
//! week"), resolving them against the publication date, and reading a
//! publication date from a page line in the body ("Published: 2020-02-20",
//! "Briefings | … | May 11, 2017", "2020.02.20 10:31"). The words around a
//! match are read in `dateforms`.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, meta};

use self::words::{first_words, last_words};
use crate::model::DateBasis;

mod forms;
mod page_line;
mod words;

pub use self::page_line::page_line_date;
pub use self::words::{MONTHS, month_number};

/// What a date expression says about the day, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRef {
    Stated {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// "on the 10th", "the 10th", machine-translated "on 10 days" (Korean
    /// "10일"): a day of the current month.
    DayOfMonth(u32),
    /// A weekday; `before` when "last Tuesday" rules out the same day.
    Weekday {
        day: Weekday,
        before: bool,
    },
    /// "today", "earlier in the day"; Korean wire style adds the day of
    /// month: "today (20th)".
    Today(Option<u32>),
    Yesterday,
    /// "earlier this week", "earlier in the week": some day before the
    /// report, which one unsaid. Found, so the report is known not to be
    /// a same-day one, but it resolves to no date.
    EarlierThisWeek,
}

/// A date expression found in a sentence, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub day: DayRef,
    /// The words around it date an earlier event the report looks back
    /// on, not the call it reports (see `forms::is_background`):
    /// "since Jan. 11", "following their call on February 20", "last met
    /// on Dec. 23, 2019", "the one held on May 11 last year".
    pub background: bool,
}

/// The forms of a day, each its own pattern, tried as the branches of one
/// alternation are (the first that matches where a match starts wins):
/// the groups of a match are then read from its branch alone, which costs
/// a fraction of reading them from all (see `DATE_EXPR`).
fn date_branches() -> [(&'static str, String); 11] {
    [
        ("iso", r"(?-u:\b)(?P<iy>[0-9]{4})[-./](?P<im>[0-9]{1,2})[-./](?P<id>[0-9]{1,2})(?-u:\b)".to_string()),
        ("sl", r"(?-u:\b)(?P<sm>[0-9]{1,2})/(?P<sd>[0-9]{1,2})(?:/(?P<sy>[0-9]{4}))?(?-u:\b)".to_string()),
        ("mdy", format!(r"(?-u:\b)(?P<mon>{MONTHS})\.?\s+(?P<md>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<my>[0-9]{{4}})(?-u:\b))?")),
        ("dmy", format!(r"(?-u:\b)(?P<dd>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{MONTHS})(?-u:\b)\.?(?:,?\s+(?P<dy>[0-9]{{4}})(?-u:\b))?")),
        ("pd", r"\((?P<pdm>[0-9]{1,2})\.(?P<pdd>[0-9]{1,2})\)".to_string()),
        ("nth", r"(?:(?-u:\b)[Oo]n\s+the\s+|(?-u:\b)(?P<nthe>[Tt]he)\s+|\()(?P<nd>[0-9]{1,2})(?:st|nd|rd|th)(?-u:\b)\)?".to_string()),
        ("kdays", r"(?:(?-u:\b)[Oo]n\s+|(?-u:\b)(?i:morning|afternoon|evening|night|dawn)\s+of\s+)(?P<kdn>[0-9]{1,2})\s+days(?-u:\b)".to_string()),
        ("wd", r"(?:(?-u:\b)(?P<wdq>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]revious|[Ee]very)\s+)?(?-u:\b)(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)(?:\s+(?P<wdm>[0-9]{1,2})\.(?P<wdd>[0-9]{1,2})(?-u:\b))?".to_string()),
        ("today", r"(?i:(?-u:\b)today(?-u:\b)(?:\s*\((?P<tday>[0-9]{1,2})(?:st|nd|rd|th)?\))?|(?-u:\b)tonight(?-u:\b)|(?-u:\b)earlier\s+in\s+the\s+day(?-u:\b)|(?-u:\b)later\s+in\s+the\s+day(?-u:\b)|(?-u:\b)this\s+(?:morning|afternoon|evening)(?-u:\b))".to_string()),
        ("yday", r"(?i:(?-u:\b)yesterday(?-u:\b)|(?-u:\b)last\s+night(?-u:\b))".to_string()),
        ("vague", r"(?i:(?-u:\b)earlier\s+(?:this|in\s+the)\s+week(?-u:\b))".to_string()),
    ]
}

/// The branches of `date_branches` as one regex of many patterns, as the
/// `regex` crate builds one: leftmost-first, the earlier pattern winning
/// where two match at the same start, as the earlier branch of an
/// alternation does. Once the match is found, its groups are read by an
/// anchored search of its own pattern only.
static DATE_EXPR: LazyLock<meta::Regex> = LazyLock::new(|| {
    let patterns: Vec<String> = date_branches().into_iter().map(|(_, p)| p).collect();
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(10 * (1 << 20)))
                .hybrid_cache_capacity(2 * (1 << 20))
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true),
        )
        .syntax(syntax::Config::new().utf8(true))
        .build_many(&patterns)
        .expect("date regex is valid")
});

/// Compiles the date pattern, which most articles reach (see
/// `Extractor::with_outlets`).
pub(super) fn warm_up() {
    LazyLock::force(&DATE_EXPR);
}

/// Words that make a nearby date some other event's: inaugurations,
/// elections, meetings, summits, visits, anniversaries, plans, and what
/// calls are made about (a nuclear test, a missile launch, an attack, a
/// fire).
static OTHER_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:inaugura[a-z]*|election|vote|summit|met|meet|meeting|visit[a-z]*|since|until|till|sworn|took\s+office|anniversary|scheduled|slated|set\s+for|previous(?:ly)?|tests?|launch(?:es|ed)?|attacks?|fire|provocations?|explosions?)(?-u:\b)")
        .expect("event regex is valid")
});

/// Date expressions in a sentence that can be the date of the call it
/// reports: `date_exprs` without the background ones, so a caller that
/// reads every expression as a candidate call date is not misled.
pub fn call_date_exprs(sentence: &str) -> Vec<DateExpr> {
    let mut found = date_exprs(sentence);
    found.retain(|e| !e.background);
    found
}

/// Every date expression in a sentence that names a day, background ones
/// marked (`DateExpr::background`). Left out: ranges ("June 16–17"),
/// future or repeated days ("next Monday", "every Friday"), impossible
/// days ("2/30"), numbers that only look like days ("the 4th round",
/// "9/11 attacks", "30 days later"), and days tied to another event by the
/// words just before or after them ("inaugurated on May 10") unless those
/// words make them background.
pub fn date_exprs(sentence: &str) -> Vec<DateExpr> {
    if !might_hold_date(sentence) {
        return Vec::new();
    }
    let mut found = Vec::new();
    // One set of group slots for every match.
    let mut slots = DATE_EXPR.create_captures();
    let mut at = 0;
    loop {
        DATE_EXPR.search_captures(&Input::new(sentence).range(at..), &mut slots);
        let Some(whole) = slots.get_match() else {
            break;
        };
        // No branch of the pattern matches empty text: each match moves on.
        if whole.is_empty() {
            break;
        }
        at = whole.end();
        let start = whole.start();
        if is_range(&sentence[whole.end()..]) {
            continue;
        }
        let caps = Groups {
            slots: &slots,
            text: sentence,
        };
        let Some((day, end)) = day_ref(&caps, sentence) else {
            continue;
        };
        let end = forms::local_time_end(sentence, end);
        let background = forms::is_background(sentence, start, end);
        if !background && near_other_event(sentence, start, end) {
            continue;
        }
        found.push(DateExpr {
            start,
            end,
            day,
            background,
        });
    }
    found
}

/// Cheap test before running the date regex: a digit, a weekday or one of
/// the relative words. "day" comes first, as most dated sentences name a
/// weekday.
fn might_hold_date(s: &str) -> bool {
    s.contains("day")
        || has_digit(s)
        || s.contains("Day")
        || s.contains("night")
        || s.contains("morning")
        || s.contains("afternoon")
        || s.contains("evening")
        || s.contains("week")
}

/// Whether `s` holds an ASCII digit. Chunks are tested whole, without an
/// early exit inside one, which the compiler turns into wide vector steps.
fn has_digit(s: &str) -> bool {
    s.as_bytes().chunks(32).any(|chunk| {
        chunk
            .iter()
            .fold(false, |seen, b| seen | b.is_ascii_digit())
    })
}

/// "June 16–17", "June 16 and 17": several days are a span, not a call.
fn is_range(after: &str) -> bool {
    let after = after.trim_start();
    let rest = after
        .strip_prefix(['–', '—', '-', '~'])
        .or_else(|| after.strip_prefix("and "))
        .or_else(|| after.strip_prefix("to "));
    rest.is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

fn near_other_event(sentence: &str, start: usize, end: usize) -> bool {
    // Five words before, three after: the clause the date belongs to. The
    // words are matched where they stand: `OTHER_EVENT` reads any run of
    // whitespace between them as it would one space.
    let before = last_words(&sentence[..start], 5);
    // The clause the day is in: "after the launch, Seoul said Saturday".
    let before = before.rsplit([',', ';']).next().unwrap_or(before);
    let after = first_words(&sentence[end..], 3);
    let owns_the_day = |m: regex::Match| !describes_a_leader(&before[m.end()..]);
    let may_hold = |window| forms::may_hold_word(window, OTHER_EVENT_WORDS);
    (may_hold(before) && OTHER_EVENT.find_iter(before).any(owns_the_day))
        || (may_hold(after) && OTHER_EVENT.is_match(after))
}

/// The words `OTHER_EVENT` opens with: most dates have none of them near,
/// and skip the regex.
const OTHER_EVENT_WORDS: &[&str] = &[
    "test",
    "launch",
    "attack",
    "fire",
    "provocation",
    "explosion",
    "inaugura",
    "election",
    "vote",
    "summit",
    "met",
    "meet",
    "visit",
    "since",
    "until",
    "till",
    "sworn",
    "took",
    "anniversary",
    "scheduled",
    "slated",
    "set",
    "previous",
];

/// "newly inaugurated President Lee Jae-myung on Monday", "the newly
/// elected Prime Minister Suga on Thursday": an event word followed by a
/// title describes the leader, and the day that follows belongs to the
/// sentence's own verb, not to the inauguration.
fn describes_a_leader(between: &str) -> bool {
    let next = between.split_whitespace().next().unwrap_or("");
    matches!(
        next.trim_end_matches(['.', ',']),
        "President" | "Prime" | "Premier" | "Chancellor" | "Chairman" | "leader" | "Leader"
    )
}

// Groups of `DATE_EXPR`: (branch, group within it; 0 the whole branch),
// the branches in `date_branches` order, each's groups in the order they
// open (checked by a test): looked up by number, a match costs no name
// hashing.
type GroupId = (usize, usize);
const ISO: GroupId = (0, 0);
const IY: GroupId = (0, 1);
const IM: GroupId = (0, 2);
const ID: GroupId = (0, 3);
const SL: GroupId = (1, 0);
const SM: GroupId = (1, 1);
const SD: GroupId = (1, 2);
const SY: GroupId = (1, 3);
const MDY: GroupId = (2, 0);
const MON: GroupId = (2, 1);
const MD: GroupId = (2, 2);
const MY: GroupId = (2, 3);
const DMY: GroupId = (3, 0);
const DD: GroupId = (3, 1);
const MON2: GroupId = (3, 2);
const DY: GroupId = (3, 3);
const PD: GroupId = (4, 0);
const PDM: GroupId = (4, 1);
const PDD: GroupId = (4, 2);
const NTH: GroupId = (5, 0);
const NTHE: GroupId = (5, 1);
const ND: GroupId = (5, 2);
const KDAYS: GroupId = (6, 0);
const KDN: GroupId = (6, 1);
const WD: GroupId = (7, 0);
const WDQ: GroupId = (7, 1);
const WDAY: GroupId = (7, 2);
const WDM: GroupId = (7, 3);
const WDD: GroupId = (7, 4);
const TODAY: GroupId = (8, 0);
const TDAY: GroupId = (8, 1);
const YDAY: GroupId = (9, 0);
const VAGUE: GroupId = (10, 0);

/// A possible calendar day: month and day agree (February 29 allowed, as
/// the year may be a leap one).
fn valid(month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, month, day).is_some()
}

/// The groups of one `DATE_EXPR` match in `text`.
struct Groups<'a> {
    slots: &'a Captures,
    text: &'a str,
}

/// One group of a match: where it lies and what it says.
struct Group<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> Groups<'a> {
    /// The group, when the match is of its branch and the group took part.
    fn get(&self, (branch, group): GroupId) -> Option<Group<'a>> {
        if self.slots.pattern()?.as_usize() != branch {
            return None;
        }
        let span = self.slots.get_group(group)?;
        let (start, end) = (span.start, span.end);
        Some(Group {
            start,
            end,
            text: self.text.get(start..end)?,
        })
    }
}

impl<'a> Group<'a> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'a str {
        self.text
    }
}

/// What a `DATE_EXPR` match says, and where it ends: some branches give
/// back a tail that turns out not to be part of the day.
fn day_ref(caps: &Groups, sentence: &str) -> Option<(DayRef, usize)> {
    let end = caps.slots.get_match()?.end();
    let text = |group: GroupId| caps.get(group).map(|m| m.as_str());
    let num = |group: GroupId| text(group).and_then(|t| t.parse::<u32>().ok());
    let year = |group: GroupId| text(group).and_then(|t| t.parse::<i32>().ok());
    let stated = |year: Option<i32>, month: u32, day: u32| {
        // "February 29, 2021" is no day: as if no date were written.
        let real = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, month, day).is_some(),
            None => valid(month, day),
        };
        real.then_some((DayRef::Stated { year, month, day }, end))
    };
    if text(ISO).is_some() {
        return stated(year(IY), num(IM)?, num(ID)?);
    }
    if let Some(m) = caps.get(SL) {
        // "3/14", "03/14/2019": US order. Not part of a longer run of
        // slashes or dots (paths, versions), and a yearless one not naming
        // an event ("the 9/11 attacks").
        let (before, after) = (&sentence[..m.start()], &sentence[m.end()..]);
        if before.ends_with(['/', '.'])
            || after.starts_with(['/', '.']) && forms::digit_at(after, 1)
        {
            return None;
        }
        if text(SY).is_none() && forms::reads_as_other(sentence, m.start(), m.end()) {
            return None;
        }
        return stated(year(SY), num(SM)?, num(SD)?);
    }
    if text(MDY).is_some() {
        return stated(year(MY), month_number(text(MON)?)?, num(MD)?);
    }
    if text(DMY).is_some() {
        return stated(year(DY), month_number(text(MON2)?)?, num(DD)?);
    }
    if text(PD).is_some() {
        // "(3.14)": Korean outlets' month.day in parentheses.
        return stated(None, num(PDM)?, num(PDD)?);
    }
    if text(NTH).is_some() {
        let day = num(ND)?;
        if !(1..=31).contains(&day) {
            return None;
        }
        if let Some((month, end)) = forms::of_month(sentence, end) {
            // "on the 4th of March"
            return valid(month, day).then_some((
                DayRef::Stated {
                    year: None,
                    month,
                    day,
                },
                end,
            ));
        }
        if text(NTHE).is_some() && forms::reads_as_other(sentence, caps.get(NTH)?.start(), end) {
            // "the 4th round", "the 19th Party Congress"
            return None;
        }
        return Some((DayRef::DayOfMonth(day), end));
    }
    if text(KDAYS).is_some() {
        let day = num(KDN)?;
        let counts_days = forms::counts_days(&sentence[end..]);
        return ((1..=31).contains(&day) && !counts_days).then_some((DayRef::DayOfMonth(day), end));
    }
    if text(WD).is_some() {
        let qualifier = |words: &[&str]| {
            text(WDQ).is_some_and(|q| words.iter().any(|w| q.eq_ignore_ascii_case(w)))
        };
        if qualifier(&["next", "coming", "every"]) {
            return None;
        }
        let day: Weekday = text(WDAY)?.parse().ok()?;
        let weekday_end = caps.get(WDAY)?.end();
        if let (Some(m), Some(d)) = (num(WDM), num(WDD)) {
            // "Tuesday 3.14": month.day right after the weekday, unless
            // the number is a clock time or an amount ("Tuesday 9.30 a.m.").
            if valid(m, d) && !forms::reads_as_other(sentence, weekday_end, end) {
                return stated(None, m, d);
            }
        }
        let before = qualifier(&["last", "previous"]);
        return Some((DayRef::Weekday { day, before }, weekday_end));
    }
    if text(TODAY).is_some() {
        let dom = num(TDAY).filter(|d| (1..=31).contains(d));
        return Some((DayRef::Today(dom), end));
    }
    if text(YDAY).is_some() {
        return Some((DayRef::Yesterday, end));
    }
    text(VAGUE).map(|_| (DayRef::EarlierThisWeek, end))
}

/// What one expression tells about the call's day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resolved {
    pub date: Option<NaiveDate>,
    pub basis: DateBasis,
    pub weekday: Option<Weekday>,
    pub day_of_month: Option<u32>,
    pub month_day: Option<(u32, u32)>,
}

/// Resolve against the publication date. Days without a year take the
/// publication year, or the year before when that would put the call after
/// publication; the same for days without a month.
pub fn resolve(day: DayRef, published: Option<NaiveDate>) -> Resolved {
    let mut r = Resolved::default();
    match day {
        // Some day this week: no date, basis unknown.
        DayRef::EarlierThisWeek => {}
        DayRef::Stated { year, month, day } => {
            r.date = match (year, published) {
                (Some(y), _) => NaiveDate::from_ymd_opt(y, month, day),
                // The year before only when the day is later in the year
                // than publication: "February 29" in March 2021 names no
                // day, not 2020-02-29.
                (None, Some(p)) => match NaiveDate::from_ymd_opt(p.year(), month, day) {
                    Some(d) if d <= p => Some(d),
                    None if (month, day) < (p.month(), p.day()) => None,
                    _ => NaiveDate::from_ymd_opt(p.year() - 1, month, day),
                },
                (None, None) => None,
            };
            if r.date.is_none() && year.is_none() {
                r.month_day = Some((month, day));
            }
            r.weekday = r.date.map(|d| d.weekday());
            r.basis = if r.date.is_some() {
                DateBasis::Stated
            } else {
                DateBasis::Unknown
            };
        }
        DayRef::DayOfMonth(dom) => {
            r.day_of_month = Some(dom);
            r.date = published.and_then(|p| {
                NaiveDate::from_ymd_opt(p.year(), p.month(), dom)
                    .filter(|d| *d <= p)
                    .or_else(|| {
                        let prev = p.checked_sub_months(Months::new(1))?;
                        NaiveDate::from_ymd_opt(prev.year(), prev.month(), dom)
                    })
            });
            r.weekday = r.date.map(|d| d.weekday());
            r.basis = if r.date.is_some() {
                DateBasis::Stated
            } else {
                DateBasis::Unknown
            };
        }
        DayRef::Weekday { day, before } => {
            r.weekday = Some(day);
            r.date = published.and_then(|p| {
                let mut back =
                    (7 + p.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
                if before && back == 0 {
                    back = 7;
                }
                p.checked_sub_days(Days::new(u64::from(back)))
            });
            r.basis = if r.date.is_some() {
                DateBasis::Weekday
            } else {
                DateBasis::Unknown
            };
        }
        DayRef::Today(Some(dom)) if published.is_none_or(|p| p.day() != dom) => {
            // "today (20th)" in a report dated otherwise: the 20th it is.
            return resolve(DayRef::DayOfMonth(dom), published);
        }
        DayRef::Today(_) | DayRef::Yesterday => {
            let back = if day == DayRef::Yesterday { 1 } else { 0 };
            if let DayRef::Today(Some(dom)) = day {
                r.day_of_month = Some(dom);
            }
            r.date = published.and_then(|p| p.checked_sub_days(Days::new(back)));
            r.weekday = r.date.map(|d| d.weekday());
            r.basis = if r.date.is_some() {
                DateBasis::Published
            } else {
                DateBasis::Unknown
            };
        }
    }
    r
}

#[cfg(test)]
mod tests;
