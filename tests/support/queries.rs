//! The queries the search tests answer two ways and compare: plain words
//! and prefixes, typos (skipped letters), exact words and phrases,
//! negation, every field, dates, `is:` words, Korean words with
//! particles, stems and 초성, and one-letter and odd queries.

pub const QUERIES: &[&str] = &[
    "",
    "apec",
    "xi",
    "x",
    "call",
    "xi call",
    "moon jae",
    "denuclearization",
    "denuclearzation",
    "blmbrg",
    "yonhp",
    "phne",
    "'phone",
    "'hon",
    "'xi jin",
    "apec !moon",
    "!xi",
    "!'the",
    "src:yon",
    "src:reuters call",
    "src:unknown",
    "year:2020",
    "year:201 tal",
    "era:moon",
    "era:lee !apec",
    "with:xi",
    "topic:trade",
    "topic:nuclear xi",
    "2020",
    "2019-06",
    "covid",
    "covid-19",
    "통화",
    "통화를",
    "시진핑과",
    "ㅅㅈㅍ",
    "시ㅈㅍ",
    "ㅌㅎ",
    "'통화를",
    "이재명 !ㅌㅎ",
    "trump xi phone",
    "leaders",
    "the",
    "a",
    "moon xi",
    "\"moon xi\"",
    "\"phone call\" !apec",
    "is:unread xi",
    "!is:bookmarked apec",
];

use hotline::query::{Hit, Query, parse};

/// Every query in `queries` answered two ways by `answers` (the answer
/// under test, then the expected one): equal, and for at least ten
/// queries not empty, so the corpus is one the queries reach.
pub fn assert_same_hits<'q>(
    what: &str,
    queries: impl IntoIterator<Item = &'q str>,
    answers: impl Fn(&Query) -> (Vec<Hit>, Vec<Hit>),
) {
    let mut hit_some = 0;
    for q in queries {
        let query = parse(q).expect("valid query");
        let (answer, expected) = answers(&query);
        assert_eq!(answer, expected, "{what}: query {q:?}");
        if !expected.is_empty() && !q.is_empty() {
            hit_some += 1;
        }
    }
    assert!(hit_some >= 10, "{what}: only {hit_some} queries hit");
}
