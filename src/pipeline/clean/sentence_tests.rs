//! Cleaning tests: sentence splitting, inert control characters, seeds.

use super::tests::{seed, sentences};
use chrono::NaiveDate;

use super::*;

#[test]
fn sentences_past_the_cap_make_one() {
    let extra = 500;
    let text = format!(
        "{}\nA second line. And more.",
        "Xi. ".repeat(MAX_SENTENCES + extra)
    );
    let c = clean(&text);
    let counts: Vec<usize> = c.paragraphs.iter().map(|p| p.sentences.len()).collect();
    // The cap, then one sentence for the rest of the article.
    assert_eq!(counts, [MAX_SENTENCES, 1]);
    let p = &c.paragraphs.get(0).unwrap();
    assert_eq!(p.sentences[MAX_SENTENCES - 1].1 as usize, p.text.len());
    assert_eq!(
        &p.text[p.sentences[MAX_SENTENCES - 1].0 as usize..]
            .matches("Xi.")
            .count(),
        &(extra + 1)
    );
    assert_eq!(
        &c.paragraphs.get(1).unwrap().text[c.paragraphs.get(1).unwrap().sentences[0].0 as usize..],
        "A second line. And more."
    );
}

#[test]
fn sentences_basic() {
    assert_eq!(
        sentences(
            "Lee called Xi. They spoke! Did they agree? \"Yes,\" he said. 2022 marks a year."
        ),
        [
            "Lee called Xi.",
            "They spoke!",
            "Did they agree?",
            "\"Yes,\" he said.",
            "2022 marks a year."
        ]
    );
    assert_eq!(
        sentences("He said \"in one mind.\" Xi added more."),
        ["He said \"in one mind.\"", "Xi added more."]
    );
    assert_eq!(
        sentences("“We agree.” Kang said so."),
        ["“We agree.”", "Kang said so."]
    );
    assert_eq!(
        sentences("It ended... Then more."),
        ["It ended...", "Then more."]
    );
    assert_eq!(sentences("He left. (Yonhap)"), ["He left.", "(Yonhap)"]);
    assert_eq!(
        sentences("no capital. after this"),
        ["no capital. after this"]
    );
}

#[test]
fn glued_sentences_unglued() {
    let c = clean(
        "Anchor: He spoke last week.Our Bae Joo-yon has more.Report: Presidential aides said so.",
    );
    let p = c.paragraphs.get(0).unwrap();
    assert_eq!(
        p.text,
        "He spoke last week. Our Bae Joo-yon has more. Presidential aides said so."
    );
    assert_eq!(
        p.sentence_texts().collect::<Vec<_>>(),
        [
            "He spoke last week.",
            "Our Bae Joo-yon has more.",
            "Presidential aides said so."
        ]
    );
    assert_eq!(sentences("in 2019.The next"), ["in 2019.", "The next"]);
    assert_eq!(
        sentences("Reporter: Kim here. Anchor: Thanks."),
        ["Kim here.", "Thanks."]
    );
    // A label word inside a sentence is text.
    assert_eq!(
        sentences("The Anchor: a ship part."),
        ["The Anchor: a ship part."]
    );
}

#[test]
fn abbreviations_do_not_split() {
    for s in [
        "The U.S. President spoke to Mr. Xi and Dr. Kim.",
        "They met on Dec. 23, 2019, in Beijing.",
        "It began at 11:30 a.m. on Tuesday and ended at 9 p.m. Wednesday.",
        "George W. Bush called S. Korea about No. 1 issues.",
        "Growth was 3.5 percent on Jan. 26 at 11:30.",
        "See https://news.example.com/A.Story and www.Korea.Kr for more.",
        "Samsung Electronics Co. Chairman Lee spoke.",
        "The U.S.-China talks resumed.",
        "S.Korea and U.S.A agreed.",
    ] {
        assert_eq!(sentences(s), [s], "{s}");
    }
    assert_eq!(
        sentences("It began at 11:30 a.m. Kang said so."),
        ["It began at 11:30 a.m.", "Kang said so."]
    );
    assert_eq!(
        sentences("It began at 9 a.m. EDT on Friday. It ended at 9:20 p.m. KST."),
        [
            "It began at 9 a.m. EDT on Friday.",
            "It ended at 9:20 p.m. KST."
        ]
    );
    assert_eq!(
        sentences("It began at 7:59 a.m. Seoul time and lasted 12 minutes. Kim said so."),
        [
            "It began at 7:59 a.m. Seoul time and lasted 12 minutes.",
            "Kim said so."
        ]
    );
    assert_eq!(
        sentences("It began at 9 a.m. ET and ended soon. AP said so."),
        ["It began at 9 a.m. ET and ended soon.", "AP said so."]
    );
}

#[test]
fn korean_and_chinese_sentences() {
    let c =
        clean("문재인 대통령은 통화했다. 이어 시 주석은 말했다.习近平同韩国总统通电话。双方同意。");
    let p = c.paragraphs.get(0).unwrap();
    let s: Vec<&str> = p.sentence_texts().collect();
    assert_eq!(
        s,
        [
            "문재인 대통령은 통화했다.",
            "이어 시 주석은 말했다.习近平同韩国总统通电话。",
            "双方同意。"
        ]
    );
}

#[test]
fn control_characters_inert() {
    let c = clean(
        " date 2024-01-02 Title\x1b]0;pwned\x07\nBody\x1b[31m red\x1b[0m\u{202e}txt\tand\x07bell.\r\nNext\u{9b}",
    );
    assert_eq!(c.header.headline.as_deref(), Some("Title"));
    assert_eq!(
        c.paragraphs.get(0).unwrap().text,
        "Body red\u{fffd}txt and␇bell."
    );
    assert_eq!(c.paragraphs.get(1).unwrap().text, "Next\u{fffd}");
}

#[test]
fn ranges_are_valid_and_cover_text() {
    let text = "가나다.Ab 한국어. 中文。Done.Next one";
    for p in &clean(text).paragraphs {
        for (s, e) in p.sentences.iter().map(|&r| crate::model::range_of(r)) {
            assert!(s < e && p.text.is_char_boundary(s) && p.text.is_char_boundary(e));
        }
    }
}

#[test]
fn huge_single_line_is_linear() {
    let line = "a.".repeat(2_000_000) + &"Word. ".repeat(200_000) + &"![x".repeat(100_000);
    let start = std::time::Instant::now();
    let c = clean(&line);
    assert_eq!(c.paragraphs.len(), 1);
    // Generous: debug builds, shared CI; quadratic would take minutes.
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn seed_000_glued_broadcast() {
    let c = seed("000");
    assert_eq!(c.header.published, NaiveDate::from_ymd_opt(2025, 6, 10));
    assert_eq!(c.header.headline, None);
    assert_eq!(c.captions, ["Photo : KBS News"]);
    let s: Vec<&str> = c.paragraphs.get(0).unwrap().sentence_texts().collect();
    assert!(s[0].starts_with("President Lee Jae-myung spoke") && s[0].ends_with("last week."));
    assert_eq!(s[1], "Our Bae Joo-yon has more.");
    assert!(
        s[2].starts_with("Presidential spokesperson") && s[2].ends_with("11:30 a.m. on Tuesday.")
    );
    assert_eq!(*s.last().unwrap(), "Bae Joo-yon, KBS World Radio News.");
    assert_eq!(s.len(), 13);
}

#[test]
fn seed_003_boilerplate() {
    let c = seed("003");
    assert_eq!(c.header, Header::default());
    let text: Vec<&str> = c.paragraphs.iter().map(|p| p.text).collect();
    assert!(text[0].starts_with("(Bloomberg) — Chinese President Xi Jinping"));
    assert!(text[1].starts_with("Xi made the remarks"));
    for p in &text {
        let lower = p.to_lowercase();
        assert!(
            !lower.contains("article content")
                && !lower.contains("subscri")
                && !lower.contains("sign in"),
            "{p}"
        );
        assert!(!p.starts_with("- ") && *p != "or");
    }
    assert_eq!(text.len(), 13);
}

#[test]
fn seed_004_caption_and_trailer() {
    let c = seed("004");
    assert_eq!(
        c.captions,
        [
            "President Moon Jae-in talks with Chinese counterpart Xi Jinping over the phone on Thursday. (Cheong Wa Dae)"
        ]
    );
    assert!(
        c.paragraphs
            .get(0)
            .unwrap()
            .text
            .starts_with("South Korean President Moon Jae-in agreed")
    );
    assert_eq!(c.paragraphs.last().unwrap().text, "(Yonhap)");
    let all: Vec<&str> = c
        .paragraphs
        .iter()
        .flat_map(|p| p.sentence_texts())
        .collect();
    assert!(
        all.contains(&"They last met each other on Dec. 23, 2019, during Moon's visit to Beijing.")
    );
}

#[test]
fn seeds_001_002_headline_and_trailer() {
    let c = seed("001");
    assert_eq!(
        c.header.headline.as_deref(),
        Some("Leaders agree to improve mutual sentiment by expanding people-to-people exchanges")
    );
    let c = seed("002");
    assert_eq!(c.header.headline, None);
    let last = c
        .paragraphs
        .last()
        .unwrap()
        .sentence_texts()
        .last()
        .unwrap();
    assert_eq!(last, "(With contribution from Xinhua)");
}

#[test]
fn korean_sentences_and_quotes() {
    // A sentence ending in a closing quote splits when Hangul follows.
    assert_eq!(
        sentences("그는 \"협력하겠다.\" 두 정상은 통화했다. 이어 회담했다."),
        [
            "그는 \"협력하겠다.\"",
            "두 정상은 통화했다.",
            "이어 회담했다."
        ]
    );
    assert_eq!(
        sentences("그는 “잘 부탁한다.” 시 주석은 답했다."),
        ["그는 “잘 부탁한다.”", "시 주석은 답했다."]
    );
    // Quoted speech with its own full stop goes on with 고/며/라고.
    assert_eq!(
        sentences("대변인은 \"두 정상이 통화했다.\"고 밝혔다. 끝."),
        ["대변인은 \"두 정상이 통화했다.\"고 밝혔다.", "끝."]
    );
    assert_eq!(
        sentences("그는 “좋은 통화였다.”며 웃었다."),
        ["그는 “좋은 통화였다.”며 웃었다."]
    );
    assert_eq!(
        sentences("그는 「협력하자.」라고 말했다."),
        ["그는 「협력하자.」라고 말했다."]
    );
}

#[test]
fn korean_script_labels_and_chrome_go() {
    let c = clean(
        " date 2025-06-07 제목\n5분 읽기\n기사 공유하기\n[앵커]\n이 대통령이 통화했습니다.\n[리포트]\n통화는 20분간 이어졌습니다.\n[앵커 멘트] 다음 소식입니다.\n※ '당신의 제보가 뉴스가 됩니다' YTN은 제보를 기다립니다.",
    );
    let texts: Vec<&str> = c.paragraphs.iter().map(|p| p.text).collect();
    assert_eq!(
        texts,
        [
            "이 대통령이 통화했습니다.",
            "통화는 20분간 이어졌습니다.",
            "다음 소식입니다."
        ]
    );
}

#[test]
fn dropped_korean_metadata_keeps_its_date() {
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    for (line, want) in [
        ("입력 2018.09.05 06:00", "2018-09-05"),
        ("입력 2025.06.10 오후 2:05", "2025-06-10"),
        ("입력 2021.01.27. 오전 6:58", "2021-01-27"),
        ("입력 2025.06.07 (06:00)", "2025-06-07"),
        ("기사입력 2020년 5월 13일", "2020-05-13"),
    ] {
        let c = clean(&format!(
            "{line}\n수정 2030.01.01 10:00\n문 대통령이 통화했다."
        ));
        assert_eq!(c.page_date, date(want), "{line}");
        assert_eq!(c.paragraphs.len(), 1, "{line}");
    }
    // Prose that starts with a metadata word is no metadata line.
    let c = clean("수정 요청은 2018년에 들어왔다.");
    assert_eq!(c.page_date, None);
}
