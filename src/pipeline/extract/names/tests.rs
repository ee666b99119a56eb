//! Tests of the leader-name matcher: names, titles and surnames in
//! sentences, resolved against the term table.

use super::*;

fn names_in(sentence: &str, date: &str) -> Vec<String> {
    let leaders = Leaders::embedded();
    let m = NameMatcher::new(&leaders);
    let d: NaiveDate = date.parse().unwrap();
    m.scan(sentence)
        .into_iter()
        .filter_map(|r| m.resolve(&leaders, r.kind, Some(d), &[]))
        .map(|id| leaders.get(id).name.clone())
        .collect()
}

#[test]
fn full_names_and_variants() {
    assert_eq!(
        names_in("moon jae-in met Xi Jin-ping", "2020-01-01"),
        ["Moon Jae-in", "Xi Jinping"]
    );
    assert_eq!(
        names_in("Moon Jane told Mr. Shi", "2020-01-01"),
        ["Moon Jae-in", "Xi Jinping"]
    );
}

#[test]
fn surnames_resolve_by_term_of_office() {
    assert_eq!(
        names_in("President Lee spoke with Mr. Hu.", "2010-06-01"),
        ["Lee Myung-bak", "Hu Jintao"]
    );
    assert_eq!(
        names_in("President Lee spoke with Xi.", "2025-06-10"),
        ["Lee Jae-myung", "Xi Jinping"]
    );
    assert_eq!(
        names_in("South Korea's Yoon and Biden", "2022-05-21"),
        ["Yoon Suk Yeol", "Joe Biden"]
    );
}

#[test]
fn descriptors_resolve_by_country_and_date() {
    assert_eq!(
        names_in("Park spoke with his Chinese counterpart.", "2015-03-01"),
        ["Park Geun-hye", "Xi Jinping"]
    );
    assert_eq!(
        names_in("the Japanese Prime Minister said", "2019-03-01"),
        ["Shinzo Abe"]
    );
    assert_eq!(
        names_in("U.S. President-elect said", "2020-12-01"),
        ["Joe Biden"]
    );
    assert_eq!(
        names_in("the US president said", "2020-12-01"),
        ["Donald Trump"]
    );
}

#[test]
fn other_people_sharing_a_surname_are_not_leaders() {
    assert!(names_in("Lee Kang-in scored twice.", "2025-06-10").is_empty());
    assert!(names_in("They walked in Olympic Park.", "2015-01-01").is_empty());
    assert!(names_in("Most Han Chinese agree.", "2025-01-01").is_empty());
    assert!(names_in("The moon rose.", "2020-01-01").is_empty());
    assert!(names_in("North Korean leader Kim spoke.", "2020-01-01").is_empty());
    assert!(
        names_in(
            "Former South Korean President Park was jailed.",
            "2020-01-01"
        )
        .is_empty()
    );
}

#[test]
fn names_named_in_full_win_over_the_calendar() {
    let leaders = Leaders::embedded();
    let m = NameMatcher::new(&leaders);
    let lee = leaders.by_key("lee-jae-myung").unwrap();
    let r = m.scan("Lee said so.");
    assert_eq!(m.resolve(&leaders, r[0].kind, None, &[lee]), Some(lee));
    assert_eq!(m.resolve(&leaders, r[0].kind, None, &[]), None);
}
