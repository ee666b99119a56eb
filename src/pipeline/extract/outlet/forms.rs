//! The written forms a source credit takes, each a function from one line
//! (a sentence or the headline) to the words of the credit in it, or to a
//! credit already resolved through the table. Every function returns a
//! subslice of its input, so the caller can point at the words.

use std::sync::LazyLock;

use regex::Regex;

use super::table::{Kind, Outlet, Outlets};

static TRAILER_WITH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*with (?:contributions?|inputs?|additional reporting|reporting|information) from ([^()]+?)\s*\)?\s*\.?$")
        .expect("trailer regex is valid")
});
static TRAILER_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(([^()]+)\)\s*\.?$").expect("paren regex is valid"));
static TRAILER_SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[^,()]*,\s*([^,]+?)\s*\.?$").expect("signoff regex is valid")
});
static TRAILER_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|copyright|©|ⓒ|\(c\))\s*:?\s*(?:(?:©|ⓒ|\(c\))\s*)?(?:[0-9]{4}\s+)?([^,|]+?)\s*\.?(?:\s+all rights reserved\.?)?$")
        .expect("source regex is valid")
});
static TRAILING_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?”"]\s+(\([^()]+\))\s*$"#).expect("trailing regex is valid"));
static REUTERS_SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(Reporting by [^)]*Editing by [^)]*\)\s*$").expect("reuters regex is valid")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^By\s+\p{Lu}[^,|()]*?(?:\s*[,|]\s*|\s+-\s+|\s+for\s+|\s+\()([^,|()]+?)\)?\s*\.?$")
        .expect("byline regex is valid")
});

/// Compiles the credit patterns most articles reach (see
/// `Extractor::with_outlets`).
pub(super) fn warm_up() {
    for regex in [
        &TRAILER_WITH,
        &TRAILER_PAREN,
        &TRAILER_SIGNOFF,
        &TRAILER_SOURCE,
        &TRAILING_PAREN,
        &BYLINE,
    ] {
        LazyLock::force(regex);
    }
}

/// Which trailer regexes may credit a government office: a "(Cheong Wa
/// Dae)" or "NAME, Cheong Wa Dae" at the end is how a photo credit reads,
/// while "Source: …" and "With information from …" are the page's word.
const TRAILERS_FOR_GOVERNMENT: [bool; 4] = [true, false, false, true];

/// The trailer regexes that can match `s`, judged by its first character
/// (and a comma for a sign-off), in the order they are tried: most closing
/// sentences are story text that none of them can match, and a look at one
/// character is far cheaper than running four regexes.
pub(super) fn trailer_forms(s: &str) -> [Option<&'static Regex>; 4] {
    let first = s.chars().next();
    let after_paren = s.strip_prefix('(').unwrap_or(s).trim_start();
    [
        // `(?i)^\(?\s*with …`
        after_paren
            .starts_with(['w', 'W'])
            .then_some(&*TRAILER_WITH),
        // `^\(…`
        (first == Some('(')).then_some(&*TRAILER_PAREN),
        // `^\p{Lu}[^,()]*,…`
        (first.is_some_and(char::is_uppercase) && one_comma_no_paren_before(s))
            .then_some(&*TRAILER_SIGNOFF),
        // `(?i)^(?:source|copyright|©|ⓒ|\(c\))…`
        may_open_source_line(s).then_some(&*TRAILER_SOURCE),
    ]
}

/// `[^,()]*,[^,]*$`: one comma, with no parenthesis before it.
fn one_comma_no_paren_before(s: &str) -> bool {
    let Some(comma) = s.find(',') else {
        return false;
    };
    !s[..comma].contains(['(', ')']) && !s[comma + 1..].contains(',')
}

/// Whether `s` may open with "Source", "Copyright", "©", "ⓒ" or "(c)" in
/// any case. A head with other than ASCII may fold to one ('ſ' to 's', 'Ⓒ'
/// to 'ⓒ') and is let through.
fn may_open_source_line(s: &str) -> bool {
    let head = s.get(..s.len().min(9)).unwrap_or(s);
    if !head.is_ascii() {
        return true;
    }
    let opens = |word: &str| {
        s.get(..word.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(word))
    };
    opens("source") || opens("copyright") || opens("(c)")
}

/// Whether the words after a sign-off's comma can be short enough to name
/// an outlet: all but a closing full stop of their printing ASCII bytes
/// are in the credit `TRAILER_SIGNOFF` takes, and `known` reads none
/// longer than `limit`.
pub(super) fn signoff_may_name(s: &str, limit: usize) -> bool {
    let Some((_, after)) = s.split_once(',') else {
        return false;
    };
    let printing = after.bytes().filter(u8::is_ascii_graphic).take(limit + 2);
    printing.count() <= limit + 1
}

/// The regexes `trailer_forms` stands for, in its order (for its test).
#[cfg(test)]
pub(super) fn trailer_regexes() -> [&'static Regex; 4] {
    [
        &*TRAILER_WITH,
        &*TRAILER_PAREN,
        &*TRAILER_SIGNOFF,
        &*TRAILER_SOURCE,
    ]
}

/// A closing line that credits an outlet: "(Yonhap)", "Kim Min-ji, KBS
/// World Radio News.", "(With contribution from Xinhua)", "Source: Global
/// Times", "Copyright (C) Yonhap News Agency", or a credit glued to the
/// last sentence ("… development. (Yonhap)").
pub(super) fn trailer<'t, 'o>(outlets: &'o Outlets, s: &'t str) -> Option<(&'o Outlet, &'t str)> {
    let signoff_fits = || signoff_may_name(s, known_limit(outlets));
    let found = trailer_forms(s)
        .into_iter()
        .zip(TRAILERS_FOR_GOVERNMENT)
        .enumerate()
        .filter_map(|(i, (re, gov))| Some((re.filter(|_| i != 2 || signoff_fits())?, gov)))
        .find_map(|(re, gov)| {
            let words = re.captures(s)?.get(1)?.as_str();
            let outlet = known(outlets, words)?;
            (gov || outlet.kind == Kind::News).then_some((outlet, words))
        });
    if found.is_some() {
        return found;
    }
    let tail = s
        .ends_with(')')
        .then(|| TRAILING_PAREN.captures(s))
        .flatten()?
        .get(1)?
        .as_str();
    [&*TRAILER_WITH, &*TRAILER_PAREN]
        .into_iter()
        .zip(TRAILERS_FOR_GOVERNMENT)
        .find_map(|(re, gov)| {
            let words = re.captures(tail)?.get(1)?.as_str();
            let outlet = known(outlets, words)?;
            (gov || outlet.kind == Kind::News).then_some((outlet, words))
        })
}

/// "(Reporting by Joyce Lee; Editing by Ed Davies)": Reuters' own sign-off.
pub(super) fn is_reuters_signoff(s: &str) -> bool {
    s.starts_with("(Reporting by") && REUTERS_SIGNOFF.is_match(s)
}

/// The outlet of a byline: "By Hyonhee Shin, Reuters", "By Kim | AP".
pub(super) fn byline<'t, 'o>(outlets: &'o Outlets, s: &'t str) -> Option<(&'o Outlet, &'t str)> {
    if !s.starts_with("By") {
        return None;
    }
    let words = BYLINE.captures(s)?.get(1)?.as_str();
    Some((known(outlets, words)?, words))
}

/// A line that is only an outlet's name, perhaps after a rule ("==Kyodo",
/// "— Jiji Press") and before a full stop ("KBS News.").
pub(super) fn bare_name<'t, 'o>(outlets: &'o Outlets, s: &'t str) -> Option<(&'o Outlet, &'t str)> {
    // "==Kyodo", "[Kyunghyang Shinmun]", "KBS News."
    let words = s
        .trim_start_matches(['=', '-', '—', '–', ' ', '['])
        .trim_end_matches(['.', ' ', ']'])
        .trim();
    // The length first: story sentences fail it without a scan.
    if words.is_empty() || !outlets.may_name(words) || words.contains(['(', ')', '|', '@']) {
        return None;
    }
    Some((outlets.lookup(words)?, words))
}

/// Words a page's masthead may add to its outlet's name: "NHK WORLD-JAPAN
/// News", "Xinhua Online", "Reuters World".
const MASTHEAD_SUFFIXES: [&str; 5] = ["News", "Online", "World", "English", "Digital"];

/// A masthead that is a known spelling and one of `MASTHEAD_SUFFIXES`
/// ("NHK WORLD-JAPAN News"), in any case. The words are the whole line;
/// the spelling alone must name the outlet, so "Photo : YONHAP News" stays
/// a photo credit and "World News" names nothing.
pub(super) fn masthead_name<'t, 'o>(
    outlets: &'o Outlets,
    s: &'t str,
) -> Option<(&'o Outlet, &'t str)> {
    let words = s.trim().trim_end_matches('.').trim_end();
    if words.is_empty()
        || words.len() > outlets.longest_name() + 8
        || words.contains(['(', ')', '|', '@', ':'])
    {
        return None;
    }
    let (name, last) = words.rsplit_once(' ')?;
    MASTHEAD_SUFFIXES
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
        .then(|| outlets.lookup(name.trim_end()))
        .flatten()
        .map(|o| (o, words))
}

/// Separators between a page title and the site's name.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// A page title carrying the site's name: "… | NK News", "… - Nikkei Asia",
/// "Yonhap | …".
pub(super) fn headline_brand<'t, 'o>(
    outlets: &'o Outlets,
    headline: &'t str,
) -> Option<(&'o Outlet, &'t str)> {
    let h = headline.trim();
    for sep in TITLE_SEPARATORS {
        let Some((head, last)) = h.rsplit_once(sep) else {
            continue;
        };
        if let Some(o) = known(outlets, last.trim()) {
            return Some((o, last.trim()));
        }
        // A site name in front only with a pipe: "Moon - Xi call" is a
        // title, "Yonhap | Moon, Xi …" a brand.
        if sep == " | " {
            let first = head.split(sep).next().unwrap_or(head).trim();
            if let Some(o) = known(outlets, first) {
                return Some((o, first));
            }
        }
    }
    None
}

/// Longest page line read as a pipe line: "Briefings | Cheong Wa Dae | May
/// 11, 2017" is short furniture, a pipe in prose is something else.
const PIPE_LINE_MAX: usize = 160;
const PIPE_SEGMENTS_MAX: usize = 6;

/// A page's pipe line naming the publisher: "Briefings | Cheong Wa Dae |
/// May 11, 2017", "Press Release | Office of the President". A segment
/// that is a photo credit ("Photo | Yonhap") makes the line a caption's.
pub(super) fn pipe_line<'t, 'o>(outlets: &'o Outlets, s: &'t str) -> Option<(&'o Outlet, &'t str)> {
    if s.len() > PIPE_LINE_MAX || !s.contains('|') {
        return None;
    }
    let segments = || s.split('|').map(str::trim);
    if segments().count() > PIPE_SEGMENTS_MAX || segments().any(is_photo_credit_label) {
        return None;
    }
    segments().find_map(|seg| Some((known(outlets, seg)?, seg)))
}

/// "Photo", "Photo : YONHAP", "Courtesy of …", "Image credit": the words
/// that turn an outlet's name into a picture credit.
pub(super) fn is_photo_credit_label(s: &str) -> bool {
    let t = s.trim_start();
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    ["photo", "courtesy", "image", "credit", "graphic", "video"]
        .iter()
        .any(|w| lower.starts_with(w))
}

/// Longest line in which an e-mail address is read as a byline or a
/// sign-off ("Kim Min-ji (mjkim@heraldcorp.com)"), not as a story's aside.
const EMAIL_LINE_MAX: usize = 160;

/// The outlet of a staff address in a byline or sign-off: the address's
/// domain in the table's `domains`.
pub(super) fn email<'t, 'o>(outlets: &'o Outlets, s: &'t str) -> Option<(&'o Outlet, &'t str)> {
    if s.len() > EMAIL_LINE_MAX || !s.contains('@') {
        return None;
    }
    let bytes = s.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    for (at, _) in s.match_indices('@') {
        // Both ends are next to ASCII bytes, so they are char boundaries.
        let start = bytes[..at]
            .iter()
            .rposition(|&b| !local(b))
            .map_or(0, |i| i + 1);
        let end = bytes[at + 1..]
            .iter()
            .position(|&b| !domain(b))
            .map_or(s.len(), |i| at + 1 + i);
        let Some(host) = s.get(at + 1..end).map(|h| h.trim_end_matches(['.', '-'])) else {
            continue;
        };
        if start == at || !host.contains('.') {
            continue;
        }
        if let Some(o) = outlets.by_domain(host) {
            return s.get(start..at + 1 + host.len()).map(|words| (o, words));
        }
    }
    None
}

/// The outlet a whole credit names, for credits short enough to be one.
fn known<'o>(outlets: &'o Outlets, credit: &str) -> Option<&'o Outlet> {
    if credit.len() > KNOWN_MAX {
        return None;
    }
    outlets.lookup(credit)
}

/// The longest credit `known` reads.
const KNOWN_MAX: usize = 80;

/// The longest credit `known` can resolve with this table.
fn known_limit(outlets: &Outlets) -> usize {
    KNOWN_MAX.min(outlets.longest_name())
}
