//! Kept grouping tests: a grouping read back equal for the same articles
//! only, a key that follows every fact grouping reads, and damaged, foreign
//! or forged files refused.

use super::*;
use crate::lexicon::leaders::Leaders;
use crate::model::CallFacts;

fn leaders() -> Leaders {
    Leaders::embedded()
}

/// Two articles of one call and one placed in none, grouped by the rules.
fn corpus() -> Vec<Article> {
    let l = leaders();
    let facts = |date: &str| CallFacts {
        home: l.by_key("moon-jae-in"),
        counterpart: l.by_key("xi-jinping"),
        date: date.parse().ok(),
        duration_minutes: Some(30),
        topics: vec!["trade".into()],
        ..CallFacts::default()
    };
    vec![
        Article {
            facts: facts("2020-02-20"),
            ..Article::default()
        },
        Article::default(),
        Article {
            facts: facts("2020-02-20"),
            published: "2020-02-21".parse().ok(),
            ..Article::default()
        },
    ]
}

fn grouping(articles: &[Article]) -> Grouping {
    let lexicon = Lexicon::embedded();
    group::group(articles, &lexicon.leaders, &lexicon.topics)
}

fn leader_count() -> usize {
    leaders().all.len()
}

#[test]
fn a_kept_grouping_reads_back_equal_for_the_same_articles_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.hlg");
    let articles = corpus();
    let g = grouping(&articles);
    assert_eq!(g.calls.len(), 1, "the fixture makes one call");
    assert_eq!(g.calls[0].articles, [0, 2]);
    let key = key_of(&articles, 7);
    fs::write(&path, encode(key, &g).expect("encodes")).expect("write");
    let n = articles.len();
    assert_eq!(read(&path, key, n, leader_count()), Ok(Some(g)));
    assert_eq!(
        read(&path, key_of(&articles, 8), n, leader_count()),
        Ok(None),
        "another lexicon: a quiet miss"
    );
    assert_eq!(
        read(&dir.path().join("none.hlg"), key, n, leader_count()),
        Ok(None)
    );
}

#[test]
fn the_key_changes_with_every_fact_grouping_reads() {
    let key = key_of(&corpus(), 7);
    let mut date = corpus();
    date[2].facts.date = "2020-02-21".parse().ok();
    assert_ne!(key_of(&date, 7), key, "a call date");
    let mut minutes = corpus();
    minutes[0].facts.duration_minutes = Some(31);
    assert_ne!(key_of(&minutes, 7), key, "a duration");
    let mut meeting = corpus();
    meeting[0].facts.meeting = true;
    assert_ne!(key_of(&meeting, 7), key, "a meeting report");
    let mut published = corpus();
    published[1].published = "2021-01-01".parse().ok();
    assert_ne!(key_of(&published, 7), key, "a publication date");
    let reordered: Vec<Article> = corpus().into_iter().rev().collect();
    assert_ne!(key_of(&reordered, 7), key, "another order");
    assert_ne!(key_of(&corpus()[..2], 7), key, "an article removed");
    assert_ne!(key_of(&corpus(), 8), key, "another lexicon");
    let mut title = corpus();
    title[0].title = "Moon calls Xi".into();
    assert_eq!(key_of(&title, 7), key, "grouping reads no title");
}

#[test]
fn damaged_or_foreign_files_are_errors_never_a_grouping() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.hlg");
    let articles = corpus();
    let key = key_of(&articles, 7);
    let bytes = encode(key, &grouping(&articles)).expect("encodes");
    let n = articles.len();
    let check = |bytes: &[u8]| {
        fs::write(&path, bytes).expect("write");
        read(&path, key, n, leader_count())
    };
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x01;
    assert_eq!(check(&flipped), Err("checksum mismatch".into()));
    assert_eq!(
        check(&bytes[..bytes.len() - 1]),
        Err("cut short or extended".into())
    );
    assert_eq!(check(&bytes[..10]), Err("cut short".into()));
    let mut format = bytes.clone();
    format[8] = 99;
    assert!(check(&format).is_err_and(|e| e.contains("format 99")));
    let mut magic = bytes.clone();
    magic[0] = b'X';
    assert_eq!(check(&magic), Err("not a hotline grouping".into()));
    // Right checksum, wrong article count: refused, not indexed past the end.
    assert_eq!(
        read_with(&path, &bytes, key, n - 1),
        Err("indices out of range".into())
    );
    // A forged call naming a leader past the registry.
    let mut forged = grouping(&articles);
    forged.calls[0].home = LeaderId(leader_count());
    let bytes = encode(key, &forged).expect("encodes");
    assert_eq!(
        read_with(&path, &bytes, key, n),
        Err("indices out of range".into())
    );
}

#[test]
fn a_forged_date_or_time_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.hlg");
    let articles = corpus();
    let key = key_of(&articles, 7);
    let forge = |change: &dyn Fn(&mut KeptCall)| {
        let mut kept = Kept::of(&grouping(&articles));
        change(&mut kept.calls[0]);
        let out = framed(key, &kept).expect("encodes");
        read_with(&path, &out, key, articles.len())
    };
    let refused = Err("a date or time out of range".to_string());
    assert_eq!(forge(&|c| c.date = i32::MAX), refused);
    assert_eq!(forge(&|c| c.start_time.value = Some((86_400, 0))), refused);
    assert_eq!(
        forge(&|c| c.start_time.reports.push((0, (0, 3_000_000_000)))),
        refused
    );
    assert!(
        forge(&|_| ()).is_ok_and(|g| g.is_some()),
        "the same bytes unforged"
    );
}

fn read_with(path: &Path, bytes: &[u8], key: u64, n: usize) -> Result<Option<Grouping>, String> {
    fs::write(path, bytes).expect("write");
    read(path, key, n, leader_count())
}
