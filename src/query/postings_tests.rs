//! Tests of the postings: flat lists read by slice and binary search,
//! the kept file's coding round trips, and bad bytes refused without a
//! panic.

use super::postings::*;
use crate::query::index::Posting;

fn body() -> [Posting; 4] {
    [
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
    ]
}

#[test]
fn postings_read_back_as_written_and_through_their_coding() {
    let body = body();
    let titles = [3, 4, 1_000_000];
    let mut lists = Lists::default();
    lists.push([&body[..]]);
    lists.push([]);
    lists.push([&body[1..2]]);
    assert_eq!(lists.get(0), body);
    assert!(lists.get(1).is_empty());
    assert_eq!(lists.get(2), &body[1..2]);
    assert!(lists.get(9).is_empty(), "an id past the end is empty");
    let long: Vec<Posting> = (0..1000)
        .map(|a| Posting {
            article: a * 3,
            sentences: 1 << (a % 32) | 1,
        })
        .collect();
    lists.push([&long[..500], &long[500..]]);
    assert_eq!(lists.get(3), long, "runs laid end to end");
    for lo in [0, 1, 299, 300, 301, 1500, 2997, 2998, 5000] {
        let all: Vec<Posting> = long.iter().copied().filter(|p| p.article >= lo).collect();
        assert_eq!(lists.from(3, lo), all, "from {lo}");
    }
    assert_eq!(lists.find(3, 300).map(|p| p.sentences), Some(1 << 4 | 1));
    assert_eq!(lists.find(3, 301), None, "not a multiple of 3");
    assert_eq!(lists.find(9, 0), None, "an id past the end");
    assert_eq!((lists.weight(3), lists.weight(1)), (1000, 0));
    assert!(lists.fits(u64::from(u32::MAX)));
    assert!(!lists.fits(70_000), "an article out of range");
    let coded = lists.encode();
    assert_eq!(Lists::<Posting>::decode(&coded), Some(lists));
    let mut dense = Lists::default();
    let every: Vec<Posting> = (0..1000)
        .map(|a| Posting {
            article: a,
            sentences: 1 << (a % 32),
        })
        .collect();
    dense.push([&every[..]]);
    let coded = dense.encode();
    assert_eq!(coded.bytes.len(), 1000, "one byte a posting, not eight");
    assert_eq!(Lists::<Posting>::decode(&coded), Some(dense));

    let mut t = Lists::default();
    t.push([&titles[..2], &titles[2..]]);
    t.push([]);
    assert_eq!(t.get(0), titles);
    assert_eq!(t.from(0, 4), &titles[1..]);
    assert!(t.find(0, 4).is_some() && t.find(0, 5).is_none());
    assert!(t.fits(1_000_001) && !t.fits(1_000_000));
    assert_eq!(Lists::<u32>::decode(&t.encode()), Some(t));
}

#[test]
fn lists_out_of_order_or_bounds_do_not_fit() {
    let falling = Lists {
        items: vec![4u32, 2],
        ends: vec![2],
    };
    assert!(!falling.fits(10), "articles fall within a word");
    let twice = Lists {
        items: vec![2u32, 2],
        ends: vec![2],
    };
    assert!(!twice.fits(10), "an article twice");
    let ends_fall = Lists {
        items: vec![1u32, 2],
        ends: vec![2, 1],
    };
    assert!(!ends_fall.fits(10));
    assert!(ends_fall.get(1).is_empty(), "never a panic on bad ends");
    let past = Lists {
        items: vec![1u32],
        ends: vec![3],
    };
    assert!(!past.fits(10));
    let short = Lists {
        items: vec![1u32, 2],
        ends: vec![1],
    };
    assert!(!short.fits(10), "postings after the last end");
}

#[test]
fn bad_bytes_are_refused_never_a_panic() {
    let mut lists = Lists::default();
    lists.push([&[Posting {
        article: 5,
        sentences: 3,
    }][..]]);
    let mut cut = lists.encode();
    cut.bytes.pop();
    cut.ends = vec![cut.bytes.len() as u32];
    assert_eq!(Lists::<Posting>::decode(&cut), None);
    let bad_code = Coded {
        bytes: vec![40],
        ends: vec![1],
    };
    assert_eq!(Lists::<Posting>::decode(&bad_code), None);
    let too_long = Coded {
        bytes: vec![0xff; 12],
        ends: vec![12],
    };
    assert_eq!(Lists::<Posting>::decode(&too_long), None);
    assert_eq!(Lists::<u32>::decode(&too_long), None);
    let falling = Coded {
        bytes: vec![0, 0],
        ends: vec![2, 1],
    };
    assert_eq!(Lists::<u32>::decode(&falling), None);
    let past = Coded {
        bytes: vec![0],
        ends: vec![3],
    };
    assert_eq!(Lists::<u32>::decode(&past), None);
    let trailing = Coded {
        bytes: vec![0, 0],
        ends: vec![1],
    };
    assert_eq!(
        Lists::<u32>::decode(&trailing),
        None,
        "bytes after the last end"
    );
    let beyond = Coded {
        bytes: vec![0x80, 0x80, 0x80, 0x80, 0x10],
        ends: vec![5],
    };
    assert_eq!(Lists::<u32>::decode(&beyond), None, "an article past u32");
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
