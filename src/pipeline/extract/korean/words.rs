//! Korean call words (통화, 전화통화, 전화 회담, 통화를 갖고) and the titles
//! Korean news gives leaders (대통령, 국가주석, 총리, 당선인, 권한대행), with
//! the decoys that share their letters: 통화 is also "currency" (通貨), as
//! in 통화 스와프 and 통화정책, which machine translation renders "in the
//! currency".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A call word with its spacing variants. 통화 alone is checked for the
/// currency sense in `is_currency`.
static CALL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"전화\s?통화|전화\s?회담|전화\s?회의|유선\s?회담|통화")
        .expect("call word regex is valid")
});

/// Words that make 통화 mean currency when they follow it.
const CURRENCY_AFTER: &[&str] = &[
    "스와프",
    "스왑",
    "정책",
    "량",
    "가치",
    "당국",
    "위기",
    "기금",
    "긴축",
    "완화",
    "시장",
    "패권",
    "체제",
];

/// Words that make 통화 mean currency when they come just before it.
const CURRENCY_BEFORE: &[&str] = &["기축", "외국", "단일", "디지털", "국제", "자국", "가상"];

/// The byte spans of the call words in a sentence, currency senses left
/// out. 통화를 갖고 / 통화했다 match on 통화; the particle or ending is
/// outside the span.
pub fn call_words(sentence: &str) -> Vec<Range<usize>> {
    CALL_WORD
        .find_iter(sentence)
        .filter(|m| !is_currency(sentence, m.start(), m.end()))
        .map(|m| m.range())
        .collect()
}

/// Whether the sentence reports a call in Korean.
pub fn has_call_word(sentence: &str) -> bool {
    !call_words(sentence).is_empty()
}

fn is_currency(sentence: &str, start: usize, end: usize) -> bool {
    if &sentence[start..end] != "통화" {
        return false;
    }
    let after = sentence[end..].trim_start();
    let before = sentence[..start].trim_end();
    CURRENCY_AFTER.iter().any(|w| after.starts_with(w))
        || CURRENCY_BEFORE.iter().any(|w| before.ends_with(w))
}

/// What a Korean title says about the leader it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// 대통령, 국가주석, 주석, 총리, 수상, 총서기.
    Leader,
    /// 당선인, 당선자: the leader-elect.
    Elect,
    /// 권한대행, 대통령 권한대행, 대행: the acting president.
    Acting,
}

/// Titles, longest first so 대통령 권한대행 is one title, not 대통령 then a
/// stray 권한대행.
pub const TITLES: &[(&str, TitleKind)] = &[
    ("대통령 권한대행", TitleKind::Acting),
    ("대통령권한대행", TitleKind::Acting),
    ("대통령 당선인", TitleKind::Elect),
    ("대통령 당선자", TitleKind::Elect),
    ("권한대행", TitleKind::Acting),
    ("국가주석", TitleKind::Leader),
    ("당선인", TitleKind::Elect),
    ("당선자", TitleKind::Elect),
    ("총서기", TitleKind::Leader),
    ("대통령", TitleKind::Leader),
    ("주석", TitleKind::Leader),
    ("총리", TitleKind::Leader),
    ("수상", TitleKind::Leader),
];

/// Leader titles in a sentence with their spans, left to right, each at
/// its longest. A title must start a word (대통령실, the office, is not a
/// title: 실 makes it another word), and may carry a particle (대통령은).
pub fn leader_titles(sentence: &str) -> Vec<(TitleKind, Range<usize>)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < sentence.len() {
        let rest = &sentence[i..];
        let at_word_start = sentence[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !crate::hangul::is_syllable(c));
        let hit = at_word_start
            .then(|| TITLES.iter().find(|(t, _)| rest.starts_with(t)))
            .flatten()
            .filter(|(t, _)| !rest[t.len()..].starts_with(['실', '비', '제', '직']));
        if let Some(&(t, kind)) = hit {
            found.push((kind, i..i + t.len()));
            i += t.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        call_words(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn call_words_in_sentences() {
        assert_eq!(
            words("문재인 대통령은 시진핑 국가주석과 전화통화를 했다."),
            ["전화통화"]
        );
        assert_eq!(words("두 정상은 전화 회담에서 합의했다."), ["전화 회담"]);
        assert_eq!(words("이 대통령은 통화를 갖고 협력을 논의했다."), ["통화"]);
        assert_eq!(words("30분간 통화했다."), ["통화"]);
        assert!(has_call_word("두 정상은 유선 회담을 가졌다."));
    }

    #[test]
    fn currency_is_not_a_call() {
        assert!(words("한중 통화 스와프 연장에 합의했다.").is_empty());
        assert!(words("미국의 통화정책 변화").is_empty());
        assert!(words("달러는 기축통화다.").is_empty());
        assert!(!has_call_word("디지털 통화 시장이 커졌다."));
        // A currency sense does not hide a call in the same sentence.
        assert_eq!(words("정상은 통화에서 통화 스와프를 논의했다."), ["통화"]);
    }

    #[test]
    fn titles_longest_and_whole() {
        let s = "한덕수 대통령 권한대행은 윤석열 당선인, 시진핑 국가주석과";
        let got: Vec<(TitleKind, &str)> = leader_titles(s)
            .into_iter()
            .map(|(k, r)| (k, &s[r]))
            .collect();
        assert_eq!(
            got,
            [
                (TitleKind::Acting, "대통령 권한대행"),
                (TitleKind::Elect, "당선인"),
                (TitleKind::Leader, "국가주석"),
            ]
        );
        // The office and the secretary are not titles.
        assert!(leader_titles("대통령실은 대통령비서실장이").is_empty());
        // Inside a word is not a title: 부주석 (vice chairman).
        assert!(leader_titles("부주석은").is_empty());
        assert_eq!(leader_titles("기시다 총리는").len(), 1);
    }
}
