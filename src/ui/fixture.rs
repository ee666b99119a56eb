//! A hand-built timeline for UI tests and benchmarks: three eras (one with
//! no calls), calls with Xi Jinping and with Donald Trump, outlets that
//! disagree on minutes, an article placed in no call, and untrusted text
//! with Korean and Chinese characters and terminal escape sequences.
//! Most articles carry evidence for their facts (in paragraphs, a
//! headline and captions); one states a start time without evidence and
//! the unassigned article has none, so every state of the evidence view
//! shows. Built without the loading pipeline, so the views can be tested
//! alone.

use chrono::{NaiveDate, NaiveTime, Weekday};

use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::model::{
    Article, Body, Call, CallFacts, DateBasis, Era, Evidence, FactKind, Place, Reported, Timeline,
    offset,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

fn id(leaders: &Leaders, key: &str) -> LeaderId {
    leaders.by_key(key).unwrap_or(LeaderId(0))
}

#[allow(clippy::too_many_arguments)]
fn article(
    n: usize,
    published: Option<NaiveDate>,
    source: Option<&str>,
    title: &str,
    paragraphs: &[&str],
    facts: CallFacts,
) -> Article {
    let paragraphs = Body::plain(paragraphs);
    Article {
        id: format!("{n:03}_fixture"),
        path: format!("fixture/{n:03}_fixture.txt"),
        published,
        title: title.to_string(),
        source: source.map(str::to_string),
        paragraphs,
        facts,
        warnings: Vec::new(),
        ..Article::default()
    }
}

/// Evidence for the first occurrence of `words` in `place`: the sentence
/// is the paragraph's sentence holding them (the whole text of a headline
/// or caption). Words that are not there give no evidence (the fixture's
/// own test counts them).
fn cite(a: &mut Article, fact: FactKind, place: Place, words: &str) {
    let Some(text) = a.place_text(place) else {
        return;
    };
    let Some(start) = text.find(words) else {
        return;
    };
    let span = (offset(start), offset(start + words.len()));
    let whole = (0, offset(text.len()));
    let sentence = match place {
        Place::Paragraph(i) => a.paragraphs.get(i as usize).and_then(|p| {
            p.sentences
                .iter()
                .copied()
                .find(|&(s, e)| s <= span.0 && span.1 <= e)
        }),
        _ => None,
    }
    .unwrap_or(whole);
    a.evidence.push(Evidence {
        fact,
        place,
        span,
        sentence,
    });
}

/// The evidence of the sample corpus, by article: (fact, place, words).
const CITES: &[(usize, FactKind, Place, &str)] = &[
    (0, FactKind::Date, Place::Paragraph(0), "Tuesday"),
    (0, FactKind::Start, Place::Paragraph(0), "11:30 a.m."),
    (
        0,
        FactKind::Duration,
        Place::Paragraph(0),
        "some 30 minutes",
    ),
    (0, FactKind::Counterpart, Place::Paragraph(0), "Xi Jinping"),
    (0, FactKind::Outlet, Place::Caption(0), "KBS News"),
    (1, FactKind::Date, Place::Paragraph(0), "Tuesday"),
    (1, FactKind::Duration, Place::Paragraph(1), "30 minutes"),
    (1, FactKind::Counterpart, Place::Paragraph(0), "Xi Jinping"),
    (2, FactKind::Outlet, Place::Paragraph(0), "Yonhap"),
    (2, FactKind::Date, Place::Paragraph(0), "Tuesday"),
    (2, FactKind::Duration, Place::Paragraph(0), "32-minute"),
    (2, FactKind::Counterpart, Place::Paragraph(0), "Xi Jinping"),
    (3, FactKind::Date, Place::Paragraph(0), "Friday"),
    (
        3,
        FactKind::Duration,
        Place::Paragraph(0),
        "about 20 minutes",
    ),
    (
        3,
        FactKind::Counterpart,
        Place::Paragraph(0),
        "Donald Trump",
    ),
    (3, FactKind::Outlet, Place::Caption(0), "Reuters"),
    (4, FactKind::Counterpart, Place::Headline, "Xi"),
    (4, FactKind::Date, Place::Paragraph(0), "Tuesday"),
    (4, FactKind::Outlet, Place::Paragraph(0), "Xinhua"),
    (5, FactKind::Date, Place::Paragraph(0), "Thursday"),
    (5, FactKind::Duration, Place::Paragraph(0), "32 minutes"),
    (5, FactKind::Counterpart, Place::Paragraph(0), "Xi Jinping"),
    (5, FactKind::Outlet, Place::Paragraph(1), "Yonhap"),
];

/// How many evidence entries `sample()` carries (all of `CITES`).
pub const SAMPLE_EVIDENCE: usize = CITES.len();

/// The sample corpus: 7 articles, 4 calls, 3 eras.
pub fn sample() -> Timeline {
    let leaders = Leaders::embedded();
    let moon = id(&leaders, "moon-jae-in");
    let yoon = id(&leaders, "yoon-suk-yeol");
    let lee = id(&leaders, "lee-jae-myung");
    let xi = id(&leaders, "xi-jinping");
    let trump = id(&leaders, "donald-trump");
    let facts = |home,
                 cp,
                 d: NaiveDate,
                 minutes: Option<u32>,
                 start: Option<NaiveTime>,
                 topics: &[&str]| CallFacts {
        home: Some(home),
        counterpart: Some(cp),
        date: Some(d),
        date_basis: DateBasis::Stated,
        duration_minutes: minutes,
        start_time: start,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        ..CallFacts::default()
    };
    let d_lee_xi = date(2025, 6, 10);
    let d_lee_trump = date(2025, 6, 6);
    let d_moon_2021 = date(2021, 1, 26);
    let d_moon_2020 = date(2020, 2, 20);
    let mut articles = vec![
        article(
            0,
            Some(d_lee_xi),
            Some("KBS"),
            "Lee Jae-myung holds first phone call with Xi Jinping",
            &[
                "President Lee Jae-myung held his first phone call with Chinese President Xi Jinping on Tuesday, talking for some 30 minutes from 11:30 a.m.",
                "The two leaders agreed to work together for the success of the APEC summit in Gyeongju and to expand people-to-people exchanges. Lee asked for China's constructive role in the denuclearization of the Korean Peninsula.",
                "Lee said relations between Seoul and Beijing should develop in a mature way, building on trade and supply chains.",
            ],
            facts(
                lee,
                xi,
                d_lee_xi,
                Some(30),
                Some(time(11, 30)),
                &["APEC", "people-to-people exchanges", "supply chains"],
            ),
        ),
        article(
            1,
            None,
            Some("Bloomberg"),
            "South Korea's Lee talks with China's Xi days after taking office",
            &[
                "South Korean President Lee Jae-myung spoke with Xi Jinping on Tuesday, days after the new president took office, as he seeks to steady ties with the country's biggest trading partner.",
                "The leaders talked for 30 minutes, according to the presidential office.",
            ],
            CallFacts {
                date_basis: DateBasis::Inferred,
                date: None,
                weekday: Some(Weekday::Tue),
                ..facts(lee, xi, d_lee_xi, Some(30), None, &["trade"])
            },
        ),
        article(
            2,
            Some(d_lee_xi),
            Some("Yonhap"),
            "(LEAD) Lee, Xi agree to expand exchanges in 32-minute call",
            &[
                "SEOUL, June 10 (Yonhap) -- President Lee Jae-myung and Chinese President Xi Jinping held a 32-minute phone conversation on Tuesday, the presidential office said.",
                "Xi invited cooperation on APEC and free trade, the office said. (Yonhap)",
            ],
            facts(
                lee,
                xi,
                d_lee_xi,
                Some(32),
                Some(time(11, 30)),
                &["APEC", "free trade"],
            ),
        ),
        article(
            3,
            Some(d_lee_trump),
            Some("Reuters"),
            "Trump and South Korea's Lee agree to work toward a tariff deal",
            &[
                "U.S. President Donald Trump spoke with South Korean President Lee Jae-myung for about 20 minutes on Friday, and the two agreed to work toward a deal on tariffs.",
            ],
            facts(lee, trump, d_lee_trump, Some(20), None, &["trade"]),
        ),
        article(
            4,
            Some(date(2021, 1, 27)),
            Some("Xinhua"),
            "Xi holds phone talks with ROK President Moon Jae-in",
            &[
                "BEIJING, Jan. 26 (Xinhua) -- Chinese President Xi Jinping held phone talks with President of the Republic of Korea Moon Jae-in on Tuesday.",
                "Xi said China and the ROK have been fighting COVID-19 together and called for an early conclusion of the second phase of free trade agreement negotiations.",
            ],
            facts(
                moon,
                xi,
                d_moon_2021,
                None,
                None,
                &["COVID-19", "free trade agreement"],
            ),
        ),
        article(
            5,
            Some(d_moon_2020),
            Some("Yonhap"),
            "Moon, Xi discuss coronavirus in phone talks",
            &[
                "President Moon Jae-in held phone talks with Chinese President Xi Jinping on Thursday for 32 minutes, discussing cooperation on the coronavirus outbreak.",
                "Moon and Xi last met in Chengdu on Dec. 23, 2019. They also reaffirmed the goal of complete denuclearization. (Yonhap)",
            ],
            facts(
                moon,
                xi,
                d_moon_2020,
                Some(32),
                None,
                &["COVID-19", "denuclearization"],
            ),
        ),
        article(
            6,
            None,
            None,
            "이재명·习近平 통화 분석 \u{1b}]0;pwned-title\u{7} (번역)",
            &[
                "이재명 대통령과 习近平 주석의 통화를 두고 전문가들은 엇갈린 평가를 내놓았다. Analysts in Seoul disagreed about what the call meant.",
                "Copy this: \u{1b}]52;c;ZWNobyBwd25lZA==\u{7} and \u{1b}[31mred\u{1b}[0m text, then ring \u{7} the bell.",
            ],
            CallFacts {
                home: Some(lee),
                counterpart: Some(xi),
                ..CallFacts::default()
            },
        ),
    ];
    // Where evidence points beyond the paragraphs: a caption credit, a
    // headline naming the counterpart.
    if let Some(a) = articles.get_mut(0) {
        a.captions =
            vec!["President Lee Jae-myung on the phone with Xi Jinping. (KBS News)".into()];
    }
    if let Some(a) = articles.get_mut(3) {
        a.captions = vec!["Donald Trump at the White House, June 6. (Reuters)".into()];
    }
    if let Some(a) = articles.get_mut(4) {
        a.headline = Some(a.title.clone());
    }
    for &(n, fact, place, words) in CITES {
        if let Some(a) = articles.get_mut(n) {
            cite(a, fact, place, words);
        }
    }
    let call = |id: &str,
                d,
                basis,
                home,
                cp,
                minutes: Reported<u32>,
                start: Reported<NaiveTime>,
                topics: &[&str],
                arts: Vec<usize>| Call {
        id: id.to_string(),
        date: d,
        date_basis: basis,
        home,
        counterpart: cp,
        duration_minutes: minutes,
        start_time: start,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        articles: arts,
    };
    let calls = vec![
        call(
            "2025-06-10-lee-xi",
            d_lee_xi,
            DateBasis::Stated,
            lee,
            xi,
            Reported {
                value: Some(30),
                reports: vec![(0, 30), (1, 30), (2, 32)],
            },
            Reported {
                value: Some(time(11, 30)),
                reports: vec![(0, time(11, 30)), (2, time(11, 30))],
            },
            &[
                "APEC",
                "people-to-people exchanges",
                "free trade",
                "supply chains",
            ],
            vec![0, 1, 2],
        ),
        call(
            "2025-06-06-lee-trump",
            d_lee_trump,
            DateBasis::Weekday,
            lee,
            trump,
            Reported {
                value: Some(20),
                reports: vec![(3, 20)],
            },
            Reported::default(),
            &["trade"],
            vec![3],
        ),
        call(
            "2021-01-26-moon-xi",
            d_moon_2021,
            DateBasis::Weekday,
            moon,
            xi,
            Reported::default(),
            Reported::default(),
            &["COVID-19", "free trade agreement"],
            vec![4],
        ),
        call(
            "2020-02-20-moon-xi",
            d_moon_2020,
            DateBasis::Stated,
            moon,
            xi,
            Reported {
                value: Some(32),
                reports: vec![(5, 32)],
            },
            Reported::default(),
            &["COVID-19", "denuclearization"],
            vec![5],
        ),
    ];
    let eras = vec![
        Era {
            leader: lee,
            from: date(2025, 6, 4),
            to: None,
            calls: vec![0, 1],
        },
        Era {
            leader: yoon,
            from: date(2022, 5, 10),
            to: Some(date(2025, 4, 4)),
            calls: vec![],
        },
        Era {
            leader: moon,
            from: date(2017, 5, 10),
            to: Some(date(2022, 5, 9)),
            calls: vec![2, 3],
        },
    ];
    Timeline {
        leaders,
        articles,
        calls,
        eras,
        unassigned: vec![6],
        warnings: Vec::new(),
        call_of_article: vec![Some(0), Some(0), Some(0), Some(1), Some(2), Some(3), None],
    }
}

/// No articles at all (an empty folder), with one warning to show.
pub fn empty() -> Timeline {
    Timeline {
        leaders: Leaders::embedded(),
        articles: Vec::new(),
        calls: Vec::new(),
        eras: Vec::new(),
        unassigned: Vec::new(),
        warnings: vec![crate::model::Warning {
            file: "clips/broken.txt".into(),
            message: "binary file (NUL bytes): skipped".into(),
        }],
        call_of_article: Vec::new(),
    }
}

/// The sample timeline with load warnings to show: enough of them to
/// scroll, a long one that wraps, and one whose file name and message
/// carry escape sequences and wide characters.
pub fn with_warnings() -> Timeline {
    use crate::model::Warning;
    let mut t = sample();
    t.warnings = vec![
        Warning {
            file: "clips/broken.txt".into(),
            message: "binary file (NUL bytes): skipped".into(),
        },
        Warning {
            file: "clips/연합뉴스_통화.txt".into(),
            message: "no date found: the call is placed by the publication date of the article, which may be a day late".into(),
        },
        Warning {
            file: "clips/\u{1b}]0;pwned-title\u{7}evil.txt".into(),
            message: "not UTF-8: decoded as EUC-KR\u{1b}[31m, 3 bytes replaced\u{7}".into(),
        },
    ];
    for n in 1..=12 {
        t.warnings.push(Warning {
            file: format!("clips/empty_{n:02}.txt"),
            message: "empty file: skipped".into(),
        });
    }
    t
}
