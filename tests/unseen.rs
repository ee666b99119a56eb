//! Articles none of the code was written against: other outlets, other
//! leaders, other years, other phrasings (wire datelines, machine
//! translation from Korean, broadcast and agency styles). Each is read
//! through the whole pipeline and must come out as a reader would tell it.

use chrono::{NaiveDate, NaiveTime};
use hotline::model::{DateBasis, Timeline};
use hotline::pipeline::load::{Lexicon, assemble, build_articles};
use hotline::pipeline::read::RawDoc;

fn doc(id: &str, text: &str) -> RawDoc {
    RawDoc {
        id: id.into(),
        path: format!("{id}.txt"),
        file: format!("{id}.txt"),
        text: text.into(),
        warnings: vec![],
        meta: Default::default(),
    }
}

fn timeline(docs: Vec<RawDoc>) -> Timeline {
    let lexicon = Lexicon::embedded();
    assemble(build_articles(docs, &lexicon), vec![], &lexicon)
}

struct Expect {
    call: &'static str,
    basis: DateBasis,
    minutes: Option<u32>,
    start: Option<&'static str>,
    published: Option<&'static str>,
    source: Option<&'static str>,
}

fn check(id: &str, text: &str, want: Expect) {
    let t = timeline(vec![doc(id, text)]);
    let article = &t.articles[0];
    let call = t.call_of_article[0].map(|c| &t.calls[c]);
    let call =
        call.unwrap_or_else(|| panic!("{id}: not placed in a call; facts {:?}", article.facts));
    assert_eq!(call.id, want.call, "{id}");
    assert_eq!(call.date_basis, want.basis, "{id}");
    assert_eq!(call.duration_minutes.value, want.minutes, "{id} minutes");
    let start = want
        .start
        .map(|s| NaiveTime::parse_from_str(s, "%H:%M").unwrap());
    assert_eq!(call.start_time.value, start, "{id} start");
    let published = want.published.map(|s| s.parse::<NaiveDate>().unwrap());
    assert_eq!(article.published, published, "{id} published");
    assert_eq!(article.source.as_deref(), want.source, "{id} source");
    assert!(!article.title.is_empty(), "{id} title");
}

#[test]
fn machine_translated_korean_report() {
    check(
        "mt_moon",
        " date 2020-05-13 President Moon Jane and Chairman Shi Jinping call\n\n\
         입력 2020.05.13 23:10 수정 2020.05.13 23:40\n\n\
         President Moon Jae-in had a phone call with Chinese President Shi Jinping for 33 minutes \
         from 10 p.m. today (13th), Cheong Wa Dae said. Mr. Shi said the two countries cooperated \
         well against the coronavirus.\n",
        Expect {
            call: "2020-05-13-moon-xi",
            // "today (13th)" on a paper dated the 13th: the publication day.
            basis: DateBasis::Published,
            minutes: Some(33),
            start: Some("22:00"),
            published: Some("2020-05-13"),
            source: None,
        },
    );
}

#[test]
fn agency_report_with_night_call() {
    check(
        "xinhua_park",
        " date 2015-09-30\nBEIJING, Sept. 30 (Xinhua) -- Chinese President Xi Jinping held a \
         telephone conversation with his South Korean counterpart Park Geun-hye on Tuesday night, \
         discussing the Korean Peninsula situation.\n",
        Expect {
            call: "2015-09-29-park-xi",
            basis: DateBasis::Weekday,
            minutes: None,
            start: None,
            published: Some("2015-09-30"),
            source: Some("Xinhua"),
        },
    );
}

#[test]
fn byline_report_with_an_earlier_summit_named() {
    check(
        "reuters_lee",
        " date 2025-08-28 South Korea's Lee, Japan's Ishiba talk by phone\n\n\
         By Hyonhee Shin, Reuters\n\n\
         South Korean President Lee Jae-myung spoke with Japanese Prime Minister Shigeru Ishiba \
         for about 40 minutes late on Wednesday, his office said, days after their summit in \
         Tokyo on Aug. 23.\n",
        Expect {
            call: "2025-08-27-lee-ishiba",
            basis: DateBasis::Weekday,
            minutes: Some(40),
            start: None,
            published: Some("2025-08-28"),
            source: Some("Reuters"),
        },
    );
}

#[test]
fn hour_and_minutes_with_an_older_pair_of_leaders() {
    check(
        "kyodo_lee_hu",
        " date 2010-05-01 Lee, Hu discuss sinking by phone\n\n\
         TOKYO, May 1 (Kyodo) -- South Korean President Lee Myung-bak and Chinese President \
         Hu Jintao talked over the phone for an hour and 10 minutes on Friday, starting at \
         3 p.m., officials said.\n",
        Expect {
            call: "2010-04-30-lee-hu",
            basis: DateBasis::Weekday,
            minutes: Some(70),
            start: Some("15:00"),
            published: Some("2010-05-01"),
            source: Some("Kyodo"),
        },
    );
}

#[test]
fn other_calls_named_in_the_same_story_do_not_win() {
    check(
        "yoon_kishida",
        " date 2023-01-12 Yoon, Kishida agree on missile response\n\n\
         President Yoon Suk Yeol held phone talks with Japanese Prime Minister Fumio Kishida on \
         Wednesday, the presidential office said. The conversation lasted about half an hour, \
         beginning at 5 p.m. Yoon earlier spoke with U.S. President Joe Biden on Dec. 2 for \
         20 minutes.\n\n(Yonhap)\n",
        Expect {
            call: "2023-01-11-yoon-kishida",
            basis: DateBasis::Weekday,
            minutes: Some(30),
            start: Some("17:00"),
            published: Some("2023-01-12"),
            source: Some("Yonhap"),
        },
    );
}

#[test]
fn undated_wire_copy_gets_its_year_from_the_terms() {
    // No header: the dateline gives Jan. 11 and the text a Wednesday. In
    // the overlap of Yoon's and Kishida's terms only 2023 fits.
    check(
        "yonhap_dateline",
        "SEOUL, Jan. 11 (Yonhap) -- President Yoon Suk Yeol held phone talks with Japanese Prime \
         Minister Fumio Kishida on Wednesday, the presidential office said.\n\
         The conversation lasted about half an hour.\n(END)\n",
        Expect {
            call: "2023-01-11-yoon-kishida",
            basis: DateBasis::Inferred,
            minutes: Some(30),
            start: None,
            published: None,
            source: Some("Yonhap"),
        },
    );
}

#[test]
fn an_article_about_no_call_stays_unassigned_and_visible() {
    let t = timeline(vec![doc(
        "summit",
        " date 2019-12-23 Moon, Xi meet in Beijing\n\nPresident Moon Jae-in met Chinese President \
         Xi Jinping in Beijing on Monday for a summit.\n",
    )]);
    assert!(
        t.calls.is_empty(),
        "a meeting is not a phone call: {:?}",
        t.calls
    );
    assert_eq!(t.unassigned, vec![0]);
}
