//! The keystroke shortcuts (each distinct short-field spelling matched
//! once, the in-order prefilter before the field matcher, the packed sort
//! key) against the plain rules they replace, on a generated corpus: the
//! same hits in the same order.

use super::eval::{compile, field_score, run};
use super::fold::{close, field_matches, for_each_word, pieces};
use super::index::{SearchIndex, Table};
use super::parse;

/// The table scores as every entry's spellings matched one by one.
fn table_plain(t: &Table, q: &[char], exact: bool, base: u32) -> Vec<u32> {
    t.entries
        .iter()
        .map(|names| {
            names
                .iter()
                .filter_map(|n| field_score(n, q, exact))
                .max()
                .map_or(0, |bonus| base + bonus)
        })
        .collect()
}

/// Best first: score, then newest, then corpus order, comparing fields.
fn sort_plain(index: &SearchIndex, hits: &mut [(u32, i64)]) {
    hits.sort_by(|&(a, sa), &(b, sb)| {
        sb.cmp(&sa)
            .then_with(|| {
                index.fields[b as usize]
                    .day
                    .cmp(&index.fields[a as usize].day)
            })
            .then_with(|| a.cmp(&b))
    });
}

const QUERIES: [&str; 16] = [
    "a",
    "ap",
    "apec",
    "d",
    "de",
    "den",
    "denuc",
    "xi tariff",
    "lee-xi",
    "2025-0",
    "11:3",
    "src:yon",
    "with:xi",
    "topic:tar",
    "'apec",
    "tariff !xi",
];

#[test]
fn shortcuts_rank_like_the_plain_rules() {
    let tl = crate::synth::timeline(3, 1500);
    let index = SearchIndex::build(&tl);
    for (n, text) in QUERIES.into_iter().enumerate() {
        let query = parse(text).expect("valid query");
        for term in &query.terms {
            let c = compile(&index, term);
            let q = term.key();
            let plain = |t: &Table, base: u32| table_plain(t, &q, term.exact, base);
            if !c.labels.is_empty() {
                assert_eq!(c.labels, plain(&index.labels, super::rank::DATE), "{text}");
            }
            if !c.sources.is_empty() {
                assert_eq!(c.sources, plain(&index.sources, super::rank::SOURCE));
            }
            if !c.leaders.is_empty() {
                assert_eq!(c.leaders, plain(&index.leaders, super::rank::LEADER));
            }
            if !c.topics.is_empty() {
                assert_eq!(c.topics, plain(&index.topics, super::rank::TOPIC));
            }
        }
        let mut plain = run(&index, &query, None, &super::never).expect("not cancelled");
        sort_plain(&index, &mut plain);
        let ranked: Vec<(u32, i64)> = index
            .ranked(&tl, &query)
            .iter()
            .map(|h| (h.article as u32, h.score))
            .collect();
        // The typing sequence finds articles in any corpus of this size.
        assert!(n >= 8 || !ranked.is_empty(), "{text}");
        assert_eq!(ranked, plain, "{text}");
    }
}

#[test]
fn packed_sort_orders_negative_scores_and_undated_articles() {
    let tl = crate::synth::timeline(3, 300);
    let mut index = SearchIndex::build(&tl);
    index.fields[7].day = i32::MIN;
    index.fields[8].day = -5;
    let mut hits: Vec<(u32, i64)> = (0..300u32)
        .map(|a| (a, i64::from(a % 7) * 40 - 100))
        .chain([(7, i64::MIN), (8, i64::MAX), (9, -1)])
        .collect();
    let mut plain = hits.clone();
    sort_plain(&index, &mut plain);
    super::rank::sort(&index, &mut hits);
    assert_eq!(hits, plain);
}

#[test]
fn prefilter_keeps_every_field_match() {
    let tl = crate::synth::timeline(3, 300);
    let index = SearchIndex::build(&tl);
    let tables = [&index.sources, &index.leaders, &index.topics, &index.labels];
    let queries = [
        "a", "x", "xi", "le", "lee-x", "2025", "yon", "moonjae", "mj", "tarif",
    ];
    for table in tables {
        for name in &table.spellings {
            for text in queries {
                let q: Vec<char> = text.chars().collect();
                let words: String = name.iter().collect();
                let mut plain = pieces(name, &q, None);
                for_each_word(&words, |s, e| {
                    plain = plain || close(&words[s..e], &q).is_some();
                });
                assert_eq!(field_matches(name, &q), plain, "{words} / {text}");
            }
        }
    }
}

#[test]
fn previous_hits_come_back_in_corpus_order_large_or_small() {
    let tl = crate::synth::timeline(3, 400);
    let index = SearchIndex::build(&tl);
    for text in ["a", "apec", "xi tariff"] {
        let hits = index.ranked(&tl, &parse(text).expect("valid query"));
        let mut plain: Vec<usize> = hits.iter().map(|h| h.article).collect();
        plain.sort_unstable();
        let n = tl.articles.len();
        assert_eq!(super::worker::sorted_articles(&hits, n), plain, "{text}");
        // As if the corpus were far larger: the sorting way.
        assert_eq!(super::worker::sorted_articles(&hits, n * 100), plain);
    }
}
