//! Noise removal: boilerplate lines (`assets/boilerplate.toml`), repeated
//! short lines, subscription blocks, button rows and photo captions.

use super::summary::Cleaner;
use crate::lexicon::boilerplate::Patterns;
use std::borrow::Cow;

use chrono::NaiveDate;

/// A short line seen this often in one article is page furniture
/// ("Article content" ×20), not something the writer said three times.
const REPEAT_MIN: usize = 3;
const REPEAT_MAX_WORDS: usize = 8;
const REPEAT_MAX_BYTES: usize = 100;
const CAPTION_MAX_WORDS: usize = 40;
const CREDIT_MAX_WORDS: usize = 6;

/// Drop boilerplate lines; move caption lines to `captions`.
pub(super) fn drop_noise(
    lines: &mut Vec<Cow<'_, str>>,
    m: &Cleaner,
    captions: &mut Vec<String>,
    page_date: &mut Option<NaiveDate>,
) {
    let repeated = repeated_short_lines(lines);
    let mut in_block = false;
    lines.retain_mut(|line| {
        if in_block && is_block_line(line, m) {
            return false;
        }
        in_block = false;
        let short = line.len() <= m.pats.max_line_bytes;
        if short && m.sum.block_start.may_start(line) && starts_with_any(line, &m.pats.block_start)
        {
            in_block = true;
            false
        } else if short && (is_boilerplate(line, m) || repeated.iter().any(|r| r == line)) {
            // The metadata line goes, its date stays (`입력 2018.09.05`).
            if page_date.is_none()
                && m.sum.korean_meta.may_start(line)
                && is_korean_meta(line, m.pats)
            {
                *page_date = meta_date(line);
            }
            false
        } else if short && is_caption_line(line, m) {
            captions.push(std::mem::take(line).into_owned());
            false
        } else {
            true
        }
    });
}

/// Short lines seen at least `REPEAT_MIN` times (usually none).
pub(super) fn repeated_short_lines(lines: &[Cow<'_, str>]) -> Vec<String> {
    let mut short: Vec<&str> = lines
        .iter()
        .map(|l| l.as_ref())
        .filter(|l| {
            // `split(' ').count()`: one more word than spaces.
            l.len() <= REPEAT_MAX_BYTES
                && l.bytes().filter(|&c| c == b' ').count() < REPEAT_MAX_WORDS
        })
        .collect();
    if short.len() < REPEAT_MIN {
        return Vec::new();
    }
    short.sort_unstable();
    short
        .chunk_by(|a, b| a == b)
        .filter(|same| same.len() >= REPEAT_MIN)
        .map(|same| same[0].to_string())
        .collect()
}

/// Inside a subscription block: bullets, very short lines ("or") and lines
/// about subscribing or accounts.
pub(super) fn is_block_line(line: &str, m: &Cleaner) -> bool {
    let pats = m.pats;
    if line.len() > pats.max_line_bytes {
        return false;
    }
    if ["- ", "• ", "* ", "· ", "– "]
        .iter()
        .any(|b| line.starts_with(b))
        || line.split(' ').count() <= pats.block_short_words
        || starts_with_any(line, &pats.block_start)
        || is_boilerplate(line, m)
    {
        return true;
    }
    let lower = line.to_lowercase();
    pats.block_words.iter().any(|w| lower.contains(w.as_str()))
}

pub(super) fn is_boilerplate(line: &str, m: &Cleaner) -> bool {
    let (pats, sum) = (m.pats, &m.sum);
    // `line.trim_end_matches(['.', ':'])`
    let b = line.as_bytes();
    let bare = &b[..b.len()
        - b.iter()
            .rev()
            .take_while(|&&c| c == b'.' || c == b':')
            .count()];
    (sum.exact.may_contain(bare)
        && pats
            .exact
            .iter()
            .any(|e| bare.eq_ignore_ascii_case(e.as_bytes())))
        || (sum.prefixes.may_start(line)
            && (starts_with_any(line, &pats.prefixes)
                || starts_with_any(line, &pats.image_prefixes)))
        || is_button_row(line, m)
        || (sum.korean_meta.may_start(line) && is_korean_meta(line, pats))
}

pub(super) fn starts_with_any(line: &str, prefixes: &[String]) -> bool {
    let line = line.as_bytes();
    prefixes.iter().any(|p| {
        let p = p.as_bytes();
        line.len() >= p.len()
            && p.first().is_none_or(|f| f.eq_ignore_ascii_case(&line[0]))
            && line[..p.len()].eq_ignore_ascii_case(p)
    })
}

pub(super) fn is_button_row(line: &str, m: &Cleaner) -> bool {
    let mut words = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '/' | '•' | ','))
        .filter(|w| !w.is_empty())
        .peekable();
    // Most lines fail on their first word, most without a comparison.
    words
        .peek()
        .is_some_and(|w| m.sum.buttons.may_contain(w.as_bytes()))
        && words.all(|w| m.pats.buttons.iter().any(|b| b.eq_ignore_ascii_case(w)))
}

/// `입력 2020.02.20 10:31`, `기사입력 : 2020-02-20`: a metadata word, then a
/// date. Requiring the four-digit year keeps prose starting with 수정 or 등록.
pub(super) fn is_korean_meta(line: &str, pats: &Patterns) -> bool {
    pats.korean_meta.iter().any(|word| {
        let Some(rest) = line.strip_prefix(word.as_str()) else {
            return false;
        };
        let rest = rest.trim_start_matches([' ', ':', '=', '|', '：']);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits == 4 && rest[4..].starts_with(['.', '-', '/', '년'])
    })
}

/// The date of a Korean metadata line: `입력 2018.09.05 06:00`, `입력
/// 2021.01.27. 오전 6:58`, `기사입력 2025-06-07`, `입력 2020년 5월 13일`.
pub(super) fn meta_date(line: &str) -> Option<NaiveDate> {
    let start = line.find(|c: char| c.is_ascii_digit())?;
    let mut parts = line[start..]
        .split(['.', '-', '/', '년', '월', '일', ' '])
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(parts.next()??).ok()?;
    NaiveDate::from_ymd_opt(year, parts.next()??, parts.next()??)
}

/// "Photo : KBS News", "[Photo: …]", "사진=연합뉴스": a caption wherever it sits.
pub(super) fn is_caption_line(line: &str, m: &Cleaner) -> bool {
    m.sum.captions.may_start(line)
        && starts_with_any(line, &m.pats.caption_prefixes)
        && line.split(' ').count() <= CAPTION_MAX_WORDS
}

/// "(Yonhap)", "(Cheong Wa Dae)", "(AP Photo/Ahn Young-joon)".
pub(super) fn is_lone_credit(line: &str) -> bool {
    line.strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .is_some_and(is_credit_name)
}

pub(super) fn is_credit_name(s: &str) -> bool {
    let words = s.split(' ').count();
    !s.is_empty()
        && words <= CREDIT_MAX_WORDS
        && s.len() <= 60
        && s.starts_with(|c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_ascii()))
        && !s.contains(['(', ')', ',', '.', ';'])
        && !s.bytes().any(|b| b.is_ascii_digit())
        && !s.starts_with("With ")
        && !s.contains(" from ")
}

/// A short descriptive sentence ending in a parenthesised credit: "President
/// Moon talks with … on Thursday. (Cheong Wa Dae)". Only looked for near the
/// top; a credit alone at the end is the source trailer and stays.
pub(super) fn is_photo_caption(line: &str) -> bool {
    // Both forms end in a parenthesised credit; checked first as it is cheap.
    if !line.ends_with(')') || line.split(' ').count() > CAPTION_MAX_WORDS {
        return false;
    }
    if is_lone_credit(line) {
        return true;
    }
    let Some(inner) = line.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let before = inner[..open].trim_end();
    is_credit_name(&inner[open + 1..])
        && before.ends_with(['.', '!'])
        && before.split(' ').count() >= 3
}
