//! Property test over the reader, cleaner, extractor and grouping: bytes
//! put together from the pieces news text and hostile files are made of
//! (leader names, dates real and impossible, lengths negative and huge,
//! escapes, bidi controls, combining marks, NUL, invalid UTF-8, BOMs,
//! long runs) never panic, finish quickly, and give a timeline whose
//! invariants hold: unique call ids, every call inside both leaders'
//! terms, lengths positive, every piece of evidence inside its text.
//! A few hundred cases: seconds in CI.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use hotline::pipeline::extract::Extractor;
use hotline::pipeline::load::{self, Lexicon};
use hotline::pipeline::read::{self, RawDoc};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    " date 2021-01-27 ",
    " date 2021-02-30 ",
    " date 0001-01-01 ",
    " date 2021-1-1 ",
    "\u{feff}",
    "President Moon Jae-in",
    "Lee Jae-myung",
    "Lee Myung-bak",
    "Xi Jinping",
    "Xi",
    "Chinese President",
    "Donald Trump",
    " spoke by phone ",
    " held phone talks with ",
    " on Tuesday",
    " on February 30",
    " on February 29, 2021",
    " on Jan. 26",
    " for -30 minutes",
    " for 0 minutes",
    " for 30 minutes",
    " for 99999 minutes",
    " at 11:30 a.m.",
    " at 25:99",
    ", Yonhap reported",
    "(Yonhap)",
    ". ",
    ".",
    "\n",
    "\n\n",
    "\r\n",
    "\u{1b}]0;PWNED\u{7}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{2067}",
    "\u{200d}",
    "\u{301}\u{316}\u{334}",
    "\u{0}",
    "대통령",
    "시진핑",
    "😀",
    "Xi. Xi. Xi. Xi. Xi. Xi. Xi. Xi. ",
    "  \t ",
    "\"",
    "'",
    "—",
];

fn text() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn read_clean_extract_group_hold_their_invariants(files in prop::collection::vec(text(), 1..6)) {
        let lexicon = Lexicon::embedded();
        let extractor = Extractor::new(&lexicon.leaders, &lexicon.topics);
        let started = Instant::now();
        let mut articles = Vec::new();
        for (i, bytes) in files.iter().enumerate() {
            let Ok((text, warnings)) = read::decode(bytes) else { continue };
            let doc = RawDoc {
                id: format!("f{i}"),
                path: format!("fuzz:f{i}.txt"),
                file: format!("f{i}.txt"),
                text,
                warnings,
                meta: Default::default(),
            };
            articles.push(load::build_article(doc, &extractor));
        }
        let n = articles.len();
        let timeline = load::assemble(articles, Vec::new(), &lexicon);
        prop_assert!(started.elapsed() < Duration::from_secs(10), "slow: {:?}", started.elapsed());
        prop_assert_eq!(timeline.articles.len(), n);
        let mut ids = HashSet::new();
        for call in &timeline.calls {
            prop_assert!(ids.insert(call.id.clone()), "duplicate id {}", call.id);
            let (home, other) = (lexicon.leaders.get(call.home), lexicon.leaders.get(call.counterpart));
            prop_assert!(home.in_office(call.date) && other.in_office(call.date),
                "{} outside the leaders' terms", call.id);
            if let Some(m) = call.duration_minutes.value {
                prop_assert!(m > 0);
            }
        }
        for a in &timeline.articles {
            if let Some(m) = a.facts.duration_minutes {
                prop_assert!(m > 0);
            }
            for e in &a.evidence {
                prop_assert!(a.evidence_span(e).is_some(), "evidence {:?} outside {}", e, a.id);
                prop_assert!(a.evidence_sentence(e).is_some(), "sentence {:?} outside {}", e, a.id);
            }
        }
    }
}
