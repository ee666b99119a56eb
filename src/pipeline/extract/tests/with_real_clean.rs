//! The seeds through the real `crate::pipeline::clean::clean`: this module depends on
//! clean.rs on purpose (the ones in `tests` do not), to catch drift between
//! the two stages.

use super::*;

fn run_clean(text: &str) -> (Extracted, Leaders) {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let out = Extractor::new(&leaders, &topics).extract(&crate::pipeline::clean::clean(text));
    (out, leaders)
}

#[test]
fn seeds_match_gold() {
    // (seed, published, source, home, counterpart, call date, weekday, minutes, start)
    let cases = [
        (
            SEED_000,
            Some("2025-06-10"),
            Some("KBS"),
            "Lee Jae-myung",
            Some("2025-06-10"),
            None,
            Some(30),
            Some("11:30"),
        ),
        (
            SEED_001,
            Some("2025-06-10"),
            None,
            "Lee Jae-myung",
            Some("2025-06-10"),
            None,
            Some(30),
            Some("11:30"),
        ),
        (
            SEED_002,
            Some("2021-01-27"),
            Some("Xinhua"),
            "Moon Jae-in",
            Some("2021-01-26"),
            None,
            None,
            None,
        ),
        (
            SEED_003,
            None,
            Some("Bloomberg"),
            "Lee Jae-myung",
            None,
            Some(Weekday::Tue),
            None,
            None,
        ),
        (
            SEED_004,
            Some("2020-02-20"),
            Some("Yonhap"),
            "Moon Jae-in",
            Some("2020-02-20"),
            None,
            Some(32),
            None,
        ),
    ];
    for (i, (seed, published, source, home, call, weekday, minutes, start)) in
        cases.into_iter().enumerate()
    {
        let (x, l) = run_clean(seed);
        assert_eq!(x.published, published.map(date), "seed {i}");
        assert_eq!(x.source.as_deref(), source, "seed {i}");
        assert!(
            !x.title.is_empty() && !x.title.contains('\n'),
            "seed {i}: {:?}",
            x.title
        );
        assert_eq!(who(&l, x.facts.home), home, "seed {i}");
        assert_eq!(who(&l, x.facts.counterpart), "Xi Jinping", "seed {i}");
        assert_eq!(x.facts.date, call.map(date), "seed {i}");
        if let Some(w) = weekday {
            assert_eq!(x.facts.weekday, Some(w), "seed {i}");
        }
        assert_eq!(x.facts.duration_minutes, minutes, "seed {i}");
        assert_eq!(x.facts.start_time, start.map(hm), "seed {i}");
    }
}

#[test]
fn seed_titles() {
    assert!(
        run_clean(SEED_000)
            .0
            .title
            .starts_with("President Lee Jae-myung spoke over the phone")
    );
    assert_eq!(
        run_clean(SEED_001).0.title,
        "Leaders agree to improve mutual sentiment by expanding people-to-people exchanges"
    );
    assert!(
        run_clean(SEED_002)
            .0
            .title
            .starts_with("Chinese President Xi Jinping, in a telephone conversation")
    );
    assert!(
        run_clean(SEED_003)
            .0
            .title
            .starts_with("Chinese President Xi Jinping held his first phone conversation")
    );
    assert!(
        run_clean(SEED_004)
            .0
            .title
            .starts_with("South Korean President Moon Jae-in agreed")
    );
}
