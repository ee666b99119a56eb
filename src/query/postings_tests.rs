//! Tests of the compact postings: coding round trips, marks, and bad
//! bytes refused without a panic.

use super::postings::*;
use crate::query::index::Posting;

#[test]
fn postings_read_back_as_written() {
    let body = [
        Posting {
            article: 0,
            sentences: 1,
        },
        Posting {
            article: 1,
            sentences: 1 << 31,
        },
        Posting {
            article: 70_000,
            sentences: 0b1011,
        },
        Posting {
            article: u32::MAX - 1,
            sentences: u32::MAX,
        },
    ];
    let titles = [3, 4, 1_000_000];
    let mut lists = Lists::default();
    lists.push_body([&body[..]]);
    lists.push_body([]);
    lists.push_body([&body[1..2]]);
    assert_eq!(lists.body(0).collect::<Vec<_>>(), body);
    assert_eq!(lists.body(1).count(), 0);
    assert_eq!(lists.body(2).collect::<Vec<_>>(), body[1..2]);
    assert_eq!(lists.body(9).count(), 0, "an id past the end is empty");
    let long: Vec<Posting> = (0..1000)
        .map(|a| Posting {
            article: a * 3,
            sentences: 1 << (a % 32) | 1,
        })
        .collect();
    lists.push_body([&long[..]]);
    lists.mark(true);
    for lo in [0, 1, 299, 300, 301, 1500, 2997, 2998, 5000] {
        let from: Vec<Posting> = lists
            .body_from(3, lo)
            .skip_while(|p| p.article < lo)
            .collect();
        let all: Vec<Posting> = lists.body(3).skip_while(|p| p.article < lo).collect();
        assert_eq!(from, all, "from {lo}");
    }
    assert!(
        lists
            .body_from(3, 2000)
            .next()
            .is_some_and(|p| p.article > 1000),
        "a mark skips"
    );
    assert!(lists.fits(u64::from(u32::MAX), true));
    assert!(!lists.fits(70_000, true), "an article out of range");
    let mut t = Lists::default();
    t.push_title([&titles[..2], &titles[2..]]);
    assert_eq!(t.title(0).collect::<Vec<_>>(), titles);
    assert!(t.fits(1_000_001, false) && !t.fits(1_000_000, false));
}

#[test]
fn bad_bytes_are_refused_never_a_panic() {
    let mut lists = Lists::default();
    lists.push_body([&[Posting {
        article: 5,
        sentences: 3,
    }][..]]);
    let mut cut = lists.clone();
    cut.bytes.pop();
    cut.ends = vec![cut.bytes.len() as u32];
    assert!(!cut.fits(10, true));
    let bad_code = Lists {
        bytes: vec![40],
        ends: vec![1],
        ..Lists::default()
    };
    assert!(!bad_code.fits(10, true));
    let too_long = Lists {
        bytes: vec![0xff; 12],
        ends: vec![12],
        ..Lists::default()
    };
    assert!(!too_long.fits(10, true) && !too_long.fits(10, false));
    let falling = Lists {
        bytes: vec![0, 0],
        ends: vec![2, 1],
        ..Lists::default()
    };
    assert!(!falling.fits(10, false));
    let past = Lists {
        bytes: vec![0],
        ends: vec![3],
        ..Lists::default()
    };
    assert!(!past.fits(10, false));
}

#[test]
fn a_vocabulary_reads_back_and_checks_its_bounds() {
    let mut v = Vocab::default();
    for w in ["apec", "moon", "통화"] {
        v.push(w);
    }
    assert_eq!(v.iter().collect::<Vec<_>>(), ["apec", "moon", "통화"]);
    assert_eq!(&v[2], "통화");
    assert_eq!(&v[3], "", "past the end");
    assert_eq!(v.partition_point(|w| w < "m"), 1);
    assert!(v.is_well_formed());
    let mid_char = Vocab {
        text: "통화".into(),
        ends: vec![1, 6],
    };
    assert!(!mid_char.is_well_formed());
    let unsorted = Vocab {
        text: "ba".into(),
        ends: vec![1, 2],
    };
    assert!(!unsorted.is_well_formed());
}
