//! Tests of the kept word index: keyed reads, the batched key, round
//! trips, reads of a query's words only, and damaged files refused.

use super::*;
use crate::model::Body;
use crate::query::postings::Lists;

fn article(title: &str, text: &str) -> Article {
    let whole = (0, crate::model::offset(text.len()));
    article_split(title, text, &[whole])
}

fn article_split(title: &str, text: &str, sentences: &[(u32, u32)]) -> Article {
    let mut paragraphs = Body::default();
    paragraphs.push(text, sentences);
    Article {
        title: title.into(),
        paragraphs,
        ..Article::default()
    }
}

fn corpus() -> Vec<Article> {
    vec![
        article("Moon calls Xi", "The leaders spoke by phone."),
        article("APEC", "Lee and Xi met at APEC. 통화를 했다."),
    ]
}

/// The key as one update per field: what files kept before the
/// batching were keyed by, so they stay valid.
fn key_field_by_field(articles: &[Article]) -> u64 {
    let mut h = Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&MAGIC);
    h.update(&(articles.len() as u64).to_le_bytes());
    for a in articles {
        h.update(&(a.title.len() as u64).to_le_bytes());
        h.update(a.title.as_bytes());
        h.update(&(a.paragraphs.len() as u64).to_le_bytes());
        for p in &a.paragraphs {
            h.update(&(p.text.len() as u64).to_le_bytes());
            h.update(p.text.as_bytes());
            h.update(&(p.sentences.len() as u64).to_le_bytes());
            for &(s, e) in p.sentences {
                h.update(&(s as u64).to_le_bytes());
                h.update(&(e as u64).to_le_bytes());
            }
        }
    }
    h.digest()
}

#[test]
fn a_word_index_read_ahead_answers_as_a_keyed_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("w.hlw");
    let articles = corpus();
    let key = key_of(&articles);
    let words = WordIndex::build(&articles);
    let good = encode(key, &words).expect("encodes");
    let mut damaged = good.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0x01;
    for bytes in [&good, &damaged] {
        fs::write(&path, bytes).expect("write");
        for (want, n) in [(key, 2), (key ^ 1, 2), (key, 1)] {
            assert_eq!(
                keyed(read_whole(&path, None, None), want, n),
                read(&path, want, n),
                "read ahead, then keyed"
            );
        }
    }
    fs::write(&path, &damaged).expect("write");
    assert_eq!(read(&path, key, 2), Err("checksum mismatch".into()));
    assert_eq!(read(&path, key ^ 1, 2), Ok(None), "a miss, quietly");
    assert_eq!(read(&path, key, 1), Err("checksum mismatch".into()));
    fs::write(&path, &good).expect("write");
    assert_eq!(read(&path, key, 1), Err("postings out of range".into()));
    assert_eq!(
        keyed(read_whole(&dir.path().join("none"), None, None), key, 2),
        Ok(None)
    );
}

#[test]
fn the_batched_key_is_the_field_by_field_key() {
    let mut articles = corpus();
    let long = "Moon and Xi spoke. ".repeat(BATCH / 10);
    articles.push(article(&"t".repeat(BATCH), &long));
    articles.push(article(&"m".repeat(SHORT), &"y".repeat(SHORT - 1)));
    articles.push(article(&"n".repeat(SHORT * 3), &"z".repeat(SHORT + 1)));
    articles.extend((0..300).map(|i| article(&i.to_string(), "Xi spoke.")));
    assert_eq!(key_of(&articles), key_field_by_field(&articles));
    assert_eq!(key_of(&[]), key_field_by_field(&[]));
}

#[test]
fn a_saved_word_index_reads_back_equal_for_the_same_articles_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("w.hlw");
    let articles = corpus();
    let key = key_of(&articles);
    let words = WordIndex::build(&articles);
    fs::write(&path, encode(key, &words).expect("encodes")).expect("write");
    assert_eq!(read(&path, key, articles.len()), Ok(Some(words)));

    let mut changed = corpus();
    changed[1] = article("APEC", "Lee and Xi met at APEC. 통화를 했다.!");
    assert_ne!(key_of(&changed), key, "a changed paragraph");
    let mut bounds = corpus();
    bounds[0] = article_split(
        "Moon calls Xi",
        "The leaders spoke by phone.",
        &[(0, 4), (4, 27)],
    );
    assert_ne!(key_of(&bounds), key, "changed sentence bounds");
    let reordered: Vec<Article> = corpus().into_iter().rev().collect();
    assert_ne!(key_of(&reordered), key, "another order");
    assert_ne!(key_of(&corpus()[..1]), key, "an article removed");
    assert_eq!(
        read(&path, key_of(&changed), 2),
        Ok(None),
        "a miss, quietly"
    );
    assert_eq!(read(&dir.path().join("none.hlw"), key, 2), Ok(None));
}

#[test]
fn a_damaged_word_index_is_refused_never_trusted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("w.hlw");
    let articles = corpus();
    let key = key_of(&articles);
    let good = encode(key, &WordIndex::build(&articles)).expect("encodes");
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    let cases: [(&str, Vec<u8>); 4] = [
        ("cut", good[..good.len() - 3].to_vec()),
        ("flip", flipped),
        ("empty", Vec::new()),
        ("foreign", b"not a word index at all, just text".to_vec()),
    ];
    for (what, bytes) in cases {
        fs::write(&path, bytes).expect("write");
        assert!(read(&path, key, articles.len()).is_err(), "{what}");
    }
    // Valid bytes naming an article the corpus does not have.
    let mut words = WordIndex::build(&articles);
    words.title = Lists::default();
    for w in 0..words.vocab.len() {
        words.title.push([if w == 0 { &[7][..] } else { &[] }]);
    }
    fs::write(&path, encode(key, &words).expect("encodes")).expect("write");
    assert!(read(&path, key, articles.len()).is_err(), "out of range");
}

/// `bytes` with its checksum made to match its payload again: a file
/// damaged on purpose, past the checksum.
fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
    let sum = xxh3_64(&bytes[HEAD..]);
    bytes[24..32].copy_from_slice(&sum.to_le_bytes());
    bytes
}

/// The payload's count `i` (`COUNTS`) set to `n`.
fn with_count(bytes: &[u8], i: usize, n: u64) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    bytes[HEAD + i * 8..HEAD + i * 8 + 8].copy_from_slice(&n.to_le_bytes());
    resealed(bytes)
}

#[test]
fn a_read_for_a_query_holds_its_words_and_refuses_what_a_whole_read_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("w.hlw");
    let articles = corpus();
    let key = key_of(&articles);
    let words = WordIndex::build(&articles);
    let good = encode(key, &words).expect("encodes");
    fs::write(&path, &good).expect("write");
    let query = |q: &str| crate::query::parse(q).expect("query");
    let xi = read_for(&path, key, 2, &query("xi"))
        .expect("reads")
        .expect("kept");
    assert_eq!(xi.vocab.iter().collect::<Vec<_>>(), ["xi"]);
    let at = |w: &str| words.vocab.iter().position(|v| v == w).expect("a word");
    assert_eq!(xi.body.get(0), words.body.get(at("xi")));
    assert_eq!(xi.title.get(0), words.title.get(at("xi")));
    assert!(xi.fits(2));
    let korean = read_for(&path, key, 2, &query("ㅌㅎ")).expect("reads");
    assert_eq!(
        korean.expect("kept").vocab.iter().collect::<Vec<_>>(),
        ["통화", "통화를", "했다"],
        "a 초성 query reads every Hangul word"
    );
    let none = read_for(&path, key, 2, &query("src:yon")).expect("reads");
    assert!(none.expect("kept").vocab.is_empty(), "fields read no word");
    assert_eq!(read_for(&path, key ^ 1, 2, &query("xi")), Ok(None));

    // An article out of range in a word the query does not read.
    let mut bad = WordIndex::build(&articles);
    bad.title = Lists::default();
    for w in 0..bad.vocab.len() {
        bad.title
            .push([if w == at("apec") { &[7][..] } else { &[] }]);
    }
    fs::write(&path, encode(key, &bad).expect("encodes")).expect("write");
    assert_eq!(
        read_for(&path, key, 2, &query("xi")),
        Err("postings out of range".into())
    );
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    for (what, bytes) in [
        ("flip", flipped),
        ("cut", good[..good.len() - 3].to_vec()),
        ("counts past the bytes", with_count(&good, 4, u64::MAX / 2)),
        ("fewer postings than said", with_count(&good, 4, 1)),
        ("more postings than said", with_count(&good, 5, 0)),
    ] {
        fs::write(&path, &bytes).expect("write");
        assert!(read(&path, key, 2).is_err(), "{what}");
        assert_eq!(
            read_for(&path, key, 2, &query("xi")),
            read(&path, key, 2),
            "{what}"
        );
    }
    fs::write(&path, with_count(&good, 4, u64::MAX / 2)).expect("write");
    assert_eq!(read(&path, key, 2), Err("sizes do not add up".into()));
    fs::write(&path, with_count(&good, 4, 1)).expect("write");
    assert_eq!(read(&path, key, 2), Err("postings do not decode".into()));
    let mut older = good.clone();
    older[7] = b'2';
    fs::write(&path, older).expect("write");
    assert_eq!(
        read(&path, key, 2),
        Err("written in another format (an older hotline)".into())
    );
}
