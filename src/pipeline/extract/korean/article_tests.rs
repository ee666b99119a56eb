//! Korean articles written here, through the real `clean` and the
//! extractor: names with particles, surnames before titles resolved by
//! term, elect and acting titles, descriptors, look-back decoys, currency,
//! and 현지시간 in a Washington story.

use chrono::{NaiveDate, NaiveTime};

use crate::lexicon::leaders::Leaders;
use crate::lexicon::topics::Topics;
use crate::pipeline::extract::{Extracted, Extractor};

/// (published, home, counterpart, call date, minutes, start) of `text`.
type Facts = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<u32>,
    Option<String>,
);

fn read(text: &str) -> (Extracted, Facts) {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let out = Extractor::new(&leaders, &topics).extract(&crate::pipeline::clean::clean(text));
    let name =
        |id: Option<crate::lexicon::leaders::LeaderId>| id.map(|i| leaders.get(i).name.clone());
    let f = &out.facts;
    let facts = (
        out.published.map(|d| d.to_string()),
        name(f.home),
        name(f.counterpart),
        f.date.map(|d| d.to_string()),
        f.duration_minutes,
        f.start_time.map(|t| t.format("%H:%M").to_string()),
    );
    (out, facts)
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn surname_before_a_title_is_the_leader_of_that_day() {
    let text = " date 2010-06-02 이 대통령, 후진타오와 통화\n이 대통령은 1일 오후 4시부터 25분간 후진타오 중국 국가주석과 전화통화를 했다.";
    let (_, f) = read(text);
    assert_eq!(f.1, some("Lee Myung-bak"));
    assert_eq!(f.2, some("Hu Jintao"));
    assert_eq!(f.3, some("2010-06-01"));
    assert_eq!(f.4, Some(25));
    assert_eq!(f.5, some("16:00"));
    let text =
        " date 2025-07-02 이 대통령, 시 주석과 통화\n이 대통령은 1일 시 주석과 40분간 통화했다.";
    let (_, f) = read(text);
    assert_eq!((f.1, f.2), (some("Lee Jae-myung"), some("Xi Jinping")));
    assert_eq!((f.3, f.4), (some("2025-07-01"), Some(40)));
}

#[test]
fn elect_and_acting_titles() {
    let text = " date 2022-03-12 윤 당선인, 기시다와 첫 통화\n윤 당선인은 전날 오후 3시 기시다 일본 총리와 20분 동안 통화했다.";
    let (_, f) = read(text);
    assert_eq!((f.1, f.2), (some("Yoon Suk Yeol"), some("Fumio Kishida")));
    assert_eq!(
        (f.3, f.4, f.5),
        (some("2022-03-11"), Some(20), some("15:00"))
    );
    let text = " date 2025-04-20 한 권한대행, 이시바와 통화\n한 권한대행은 19일 오전 10시부터 이시바 시게루 일본 총리와 약 30분간 전화 회담을 했다.";
    let (_, f) = read(text);
    assert_eq!((f.1, f.2), (some("Han Duck-soo"), some("Shigeru Ishiba")));
    assert_eq!(
        (f.3, f.4, f.5),
        (some("2025-04-19"), Some(30), some("10:00"))
    );
}

#[test]
fn earlier_calls_planned_calls_and_currency_lose() {
    let text = " date 2021-03-05 문 대통령, 스가와 통화\n문재인 대통령은 4일 밤 9시부터 스가 요시히데 일본 총리와 25분간 통화했다.\n두 정상은 앞서 지난 1월 20일에도 40분간 통화한 바 있다.\n한일 통화 스와프 연장도 논의됐다.\n다음 통화는 오는 10일 오전 8시로 조율하고 있다.";
    let (_, f) = read(text);
    assert_eq!((f.1, f.2), (some("Moon Jae-in"), some("Yoshihide Suga")));
    assert_eq!(
        (f.3, f.4, f.5),
        (some("2021-03-04"), Some(25), some("21:00"))
    );
}

#[test]
fn a_former_leader_is_no_descriptor() {
    let text = " date 2021-03-05 문 대통령, 바이든과 통화\n문재인 대통령은 4일 바이든 미국 대통령과 30분간 통화했다. 통화에서 오바마 전 미국 대통령의 말도 나왔다.";
    let (_, f) = read(text);
    assert_eq!((f.1, f.2), (some("Moon Jae-in"), some("Joe Biden")));
}

#[test]
fn local_time_in_a_washington_story_is_moved_to_seoul() {
    // 8 p.m. EST on Jan. 9 is 10 a.m. on Jan. 10 in Seoul.
    let text = " date 2023-01-10 한미 정상 통화\n(워싱턴=연합뉴스) 김경희 특파원 = 바이든 대통령은 현지시간 9일 오후 8시부터 30분간 윤석열 대통령과 통화했다.";
    let (out, f) = read(text);
    assert_eq!(out.source.as_deref(), Some("Yonhap"));
    assert_eq!((f.1, f.2), (some("Yoon Suk Yeol"), some("Joe Biden")));
    assert_eq!(out.facts.date, NaiveDate::from_ymd_opt(2023, 1, 10));
    assert_eq!(out.facts.start_time, NaiveTime::from_hms_opt(10, 0, 0));
}

#[test]
fn sources_stated_the_korean_way() {
    let (out, _) = read(
        " date 2025-06-07 [MBC] 이 대통령 첫 통화\n[앵커]\n이 대통령이 통화했습니다.\n[청와대 제공]",
    );
    assert_eq!(out.source.as_deref(), Some("MBC"));
    let (out, _) = read(
        " date 2025-06-07 이 대통령 첫 통화\n[서울=뉴시스] 홍길동 기자 = 이 대통령이 통화했다.",
    );
    assert_eq!(out.source.as_deref(), Some("Newsis"));
    let (out, _) = read(
        " date 2025-06-07 이 대통령 첫 통화\n이 대통령이 통화했습니다.\n자세한 내용입니다.\n그리고 끝입니다.\nSBS 뉴스 김철수입니다.",
    );
    assert_eq!(out.source.as_deref(), Some("SBS"));
    // A label and a photo credit are no source.
    let (out, _) =
        read(" date 2025-06-07 [속보] 이 대통령 첫 통화\n이 대통령이 통화했다.\n(청와대 제공)");
    assert_eq!(out.source, None);
}
