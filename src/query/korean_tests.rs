//! The filter bar on Korean articles: words found by their stems (통화를,
//! 통화에서 → 통화), 초성 search (ㅅㅈㅍ → 시진핑) over titles, bodies and
//! leaders' Hangul names with highlights on the right characters, the call
//! as the bridge between a Korean and an English report, and narrowing
//! that stays exact while Hangul is typed.

use super::tests::{CallSpec, article, timeline_with};
use super::*;
use crate::lexicon::leaders::Leaders;

/// Leaders with the Hangul names the lexicon is to carry.
fn leaders() -> Leaders {
    let mut leaders = Leaders::embedded();
    for (key, names) in [
        ("xi-jinping", &["시진핑", "習近平"][..]),
        ("moon-jae-in", &["문재인"][..]),
        ("donald-trump", &["트럼프"][..]),
    ] {
        let id = leaders.by_key(key).expect("leader key");
        leaders.all[id.0]
            .aliases
            .extend(names.iter().map(|n| n.to_string()));
    }
    leaders
}

/// A Korean and an English report of one Moon–Xi call, a Korean report of
/// a Moon–Trump call, and a Korean article in no call.
fn fixture() -> Timeline {
    let calls: &[CallSpec] = &[
        ("2020-02-20", "moon-jae-in", "xi-jinping", &[], &[0, 1]),
        ("2017-11-07", "moon-jae-in", "donald-trump", &[], &[2]),
    ];
    timeline_with(
        vec![
            article(
                "k0",
                "2020-02-20",
                "문재인 대통령, 시진핑 주석과 통화",
                Some("연합뉴스"),
                "문재인 대통령은 20일 시진핑 중국 국가주석과 전화통화를 했다. 두 정상은 코로나 대응을 통화에서 논의했다.",
            ),
            article(
                "e1",
                "2020-02-20",
                "Moon, Xi agree on coronavirus fight",
                Some("Yonhap"),
                "Moon Jae-in and Xi Jinping talked for 32 minutes about the novel coronavirus.",
            ),
            article(
                "k2",
                "2017-11-08",
                "문 대통령, 트럼프와 전화",
                Some("뉴시스"),
                "문재인 대통령은 도널드 트럼프 미국 대통령과 통화했다. 북한 문제를 논의했다.",
            ),
            article(
                "k3",
                "2024-01-01",
                "날씨 소식",
                None,
                "서울은 맑겠다. 전화가 많았다.",
            ),
        ],
        calls,
        leaders(),
    )
}

fn ids(tl: &Timeline, q: &str) -> Vec<String> {
    let query = parse(q).expect("valid query");
    let mut out: Vec<String> = SearchIndex::build(tl)
        .search(tl, &query)
        .iter()
        .map(|h| tl.articles[h.article].id.clone())
        .collect();
    out.sort();
    out
}

/// The text of each highlighted body range of `article`.
fn body_hits(tl: &Timeline, q: &str, article: usize) -> Vec<String> {
    let query = parse(q).expect("valid query");
    let a = &tl.articles[article];
    SearchIndex::build(tl)
        .highlights(tl, &query, article)
        .body
        .iter()
        .map(|&(p, s, e)| a.paragraphs.get(p).unwrap().text[s..e].to_string())
        .collect()
}

#[test]
fn a_stem_finds_every_particle_form() {
    let tl = fixture();
    // k0 says 통화에서 and (in its title) 통화; k2 says 통화했다.
    assert_eq!(ids(&tl, "통화"), ["k0", "k2"]);
    assert_eq!(ids(&tl, "통화를"), ["k0", "k2"]);
    assert_eq!(ids(&tl, "통화에서"), ["k0", "k2"]);
    // Only 국가주석과 is written; the index holds the stem too.
    let index = SearchIndex::build(&tl);
    assert!(index.vocab.iter().any(|w| w == "국가주석"));
    assert!(index.vocab.iter().any(|w| w == "국가주석과"));
    assert_eq!(ids(&tl, "국가주석은"), ["k0"]);
    // 전화 is not 통화, and a word is not found inside another.
    assert_eq!(ids(&tl, "전화"), ["k0", "k2", "k3"]);
    assert_eq!(ids(&tl, "논의"), ["k0", "k2"]);
    assert!(ids(&tl, "화를").is_empty());
}

#[test]
fn stem_highlights_land_on_the_written_word() {
    let tl = fixture();
    // The query's particle is dropped; each written form lights up from
    // its start, particle of the text left unlit.
    assert_eq!(body_hits(&tl, "통화를", 2), ["통화"]);
    assert_eq!(body_hits(&tl, "통화를", 0), ["통화"]);
    let query = parse("통화를").expect("q");
    let title = &tl.articles[0].title;
    let hl = SearchIndex::build(&tl).highlights(&tl, &query, 0);
    let hits: Vec<&str> = hl.title.iter().map(|&(s, e)| &title[s..e]).collect();
    assert_eq!(hits, ["통화"]);
}

#[test]
fn initials_find_words_titles_and_leaders() {
    let tl = fixture();
    // 시진핑 in k0's text; e1 through its call's counterpart, Xi Jinping,
    // whose Hangul name is 시진핑.
    assert_eq!(ids(&tl, "ㅅㅈㅍ"), ["e1", "k0"]);
    // 통화 inside 전화통화 and at the start of 통화에서, 통화했다.
    assert_eq!(ids(&tl, "ㅌㅎ"), ["k0", "k2"]);
    // ㅁㅈㅇ: 문재인, written or the home leader of the call.
    assert_eq!(ids(&tl, "ㅁㅈㅇ"), ["e1", "k0", "k2"]);
    // Contiguous within one word: 문 대통령 is not ㅁㄷ.
    assert!(ids(&tl, "ㅁㄷ").is_empty());
    // Mixed, as typed before the last syllable is composed.
    assert_eq!(ids(&tl, "시진ㅍ"), ["e1", "k0"]);
    // ㄴㅆ: 날씨 in k3's title only.
    assert_eq!(ids(&tl, "ㄴㅆ"), ["k3"]);
    // ANDed with other words like any term.
    assert_eq!(ids(&tl, "ㅁㅈㅇ ㅌㄹㅍ"), ["k2"]);
}

#[test]
fn initials_highlight_the_matched_syllables() {
    let tl = fixture();
    assert_eq!(body_hits(&tl, "ㅅㅈㅍ", 0), ["시진핑"]);
    // Inside 전화통화를 only 통화 lights, and 통화에서 from its start.
    assert_eq!(body_hits(&tl, "ㅌㅎ", 0), ["통화", "통화"]);
    let query = parse("ㅅㅈㅍ").expect("q");
    let title = &tl.articles[0].title;
    let hl = SearchIndex::build(&tl).highlights(&tl, &query, 0);
    let hits: Vec<&str> = hl.title.iter().map(|&(s, e)| &title[s..e]).collect();
    assert_eq!(hits, ["시진핑"]);
    // A timeline row: char indices, not bytes.
    assert_eq!(
        line_match_indices("2020-02-20 문재인–시진핑 2", &query),
        [15, 16, 17]
    );
    assert_eq!(
        line_match_indices("2020-02-20 문재인–시진핑 2", &parse("ㅁㅈㅇ").expect("q")),
        [11, 12, 13]
    );
}

#[test]
fn the_call_bridges_english_and_korean() {
    let tl = fixture();
    // The Korean name finds the English report of the same call, and
    // the English name the Korean one.
    assert_eq!(ids(&tl, "시진핑"), ["e1", "k0"]);
    assert_eq!(ids(&tl, "시진핑과"), ["e1", "k0"]);
    assert_eq!(ids(&tl, "習近平"), ["e1", "k0"]);
    assert_eq!(ids(&tl, "xi"), ["e1", "k0"]);
    assert_eq!(ids(&tl, "jinping"), ["e1", "k0"]);
    assert_eq!(ids(&tl, "trump"), ["k2"]);
    assert_eq!(ids(&tl, "트럼프"), ["k2"]);
    assert_eq!(ids(&tl, "with:시진핑"), ["e1", "k0"]);
    assert_eq!(ids(&tl, "with:ㅌㄹㅍ"), ["k2"]);
    // A Korean outlet by its name or its 초성.
    assert_eq!(ids(&tl, "src:연합뉴스"), ["k0"]);
    assert_eq!(ids(&tl, "src:ㄴㅅㅅ"), ["k2"]);
}

fn term(q: &str) -> Term {
    parse(q).expect("q").terms.remove(0)
}

#[test]
fn narrowing_follows_the_matched_key() {
    // The key stays 통화: same hits, a subset.
    assert!(term("통화를").narrows(&term("통화")));
    assert!(term("ㅅㅈㅍ").narrows(&term("ㅅㅈ")));
    assert!(!term("시진ㅍ").narrows(&term("시진")));
    // 통화하는 is matched as 통화, wider than 통화하.
    assert!(!term("통화하는").narrows(&term("통화하")));
    // From 초성 to a syllable is no extension.
    assert!(!term("시ㅈ").narrows(&term("시")));
}

#[test]
fn rechecking_previous_hits_equals_a_full_search_while_typing_hangul() {
    let tl = fixture();
    let index = SearchIndex::build(&tl);
    let typed = [
        "ㅌ",
        "ㅌㅎ",
        "통",
        "통화",
        "통화하",
        "통화하는",
        "통화를",
        "ㅅ",
        "ㅅㅈ",
        "ㅅㅈㅍ",
        "시",
        "시ㅈ",
        "시진",
        "시진ㅍ",
        "시진핑",
        "시진핑과",
        "x",
        "xi",
        "xi ㅌ",
        "xi ㅌㅎ",
    ];
    let mut previous: Option<(Query, Vec<usize>)> = None;
    for text in typed {
        let q = parse(text).expect("q");
        let full = index.ranked(&tl, &q);
        if let Some((pq, hits)) = &previous
            && q.narrows(pq)
        {
            assert_eq!(index.search_within(&tl, &q, hits), full, "{text}");
        }
        previous = Some((q, full.iter().map(|h| h.article).collect()));
    }
}
