//! Cleaning tests: header, whitespace, noise removal.

#[test]
fn collapse_finds_runs_anywhere_in_long_lines() {
    for n in [0, 1, 31, 32, 33, 63, 64, 65, 100] {
        let pad = "w".repeat(n + 1);
        assert_eq!(
            collapse_spaces(&format!("{pad} a  b")),
            format!("{pad} a b")
        );
        assert_eq!(
            collapse_spaces(&format!("{pad} a\u{a0}b")),
            format!("{pad} a b")
        );
        assert_eq!(
            collapse_spaces(&format!("{pad} a\tb")),
            format!("{pad} a b")
        );
        assert_eq!(
            collapse_spaces(&format!("{pad} a ![x](y.png) b")),
            format!("{pad} a b")
        );
        assert_eq!(
            collapse_spaces(&format!("{pad} a! é b")),
            format!("{pad} a! é b")
        );
    }
}

use chrono::NaiveDate;

use super::*;

pub(super) fn sentences(text: &str) -> Vec<String> {
    clean(text)
        .paragraphs
        .iter()
        .flat_map(|p| p.sentence_texts().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

pub(super) fn paragraphs(text: &str) -> Vec<String> {
    clean(text)
        .paragraphs
        .iter()
        .map(|p| p.text.to_string())
        .collect()
}

pub(super) fn seed(prefix: &str) -> Cleaned {
    let doc = crate::pipeline::read::embedded()
        .into_iter()
        .find(|d| d.id.starts_with(prefix))
        .unwrap();
    clean(&doc.text)
}

#[test]
fn embedded_patterns_parse() {
    let p = Patterns::from_toml(EMBEDDED_BOILERPLATE).unwrap();
    assert!(p.exact.len() > 10 && p.abbreviations.contains("Mr"));
    assert!(p.buttons.iter().any(|b| b == "kakaotalk"));
}

#[test]
fn header_date_and_headline() {
    let c = clean(" date 2024-03-05 Leaders talk trade\nBody one.\n");
    assert_eq!(c.header.published, NaiveDate::from_ymd_opt(2024, 3, 5));
    assert_eq!(c.header.headline.as_deref(), Some("Leaders talk trade"));
    assert_eq!(
        paragraphs(" date 2024-03-05 Leaders\nBody one."),
        ["Body one."]
    );
}

#[test]
fn header_is_lenient_before_the_date_only() {
    for line in [
        "  DATE:2024-03-05",
        "\tDate 2024-03-05  ",
        "\u{feff} date 2024-03-05",
    ] {
        let c = clean(&format!("{line}\nbody"));
        assert_eq!(
            c.header.published,
            NaiveDate::from_ymd_opt(2024, 3, 5),
            "{line:?}"
        );
        assert_eq!(c.header.headline, None);
        assert_eq!(header_date_problem(&format!("{line}\nbody")), None);
    }
    // Not YYYY-MM-DD, or not a real day: a header without a date, and
    // a problem naming what was written.
    for (line, written) in [
        ("date 2024-3-5", "2024-3-5"),
        (" date 2024/03/05 Title", "2024/03/05"),
        (" date 2024.03.05", "2024.03.05"),
        (" date 2021-02-30 Title", "2021-02-30"),
        (" date 2021-13-01", "2021-13-01"),
    ] {
        let text = format!("{line}\nbody");
        assert_eq!(clean(&text).header.published, None, "{line:?}");
        assert_eq!(header_date_problem(&text).as_deref(), Some(written));
    }
    assert_eq!(header_date_problem("no header\nbody"), None);
    // Impossible date: still a header, no date.
    let c = clean(" date 2024-02-30 Title\nbody");
    assert_eq!(
        (c.header.published, c.header.headline.as_deref()),
        (None, Some("Title"))
    );
}

#[test]
fn without_header_line_one_is_body() {
    let c = clean("Dated letters arrived.\nSecond line.");
    assert_eq!(c.header, Header::default());
    assert_eq!(paragraphs("Date 20240305 is not a header\nyes").len(), 2);
    assert_eq!(paragraphs("Dated letters arrived.\nSecond line.").len(), 2);
    assert_eq!(c.paragraphs.get(0).unwrap().text, "Dated letters arrived.");
}

#[test]
fn header_caption_goes_to_captions() {
    for cap in [
        "Photo : KBS News",
        "Photo by Kim Min-ji",
        "(Yonhap)",
        "[Photo: Yonhap]",
        "Image: AP",
    ] {
        let c = clean(&format!(" date 2024-03-05 {cap}\nbody"));
        assert_eq!(c.header.headline, None, "{cap}");
        assert_eq!(c.captions, [cap]);
    }
}

#[test]
fn paragraphs_one_per_line_or_blank_separated() {
    let a = paragraphs("One.\nTwo  words\there.\n\n\nThree.");
    assert_eq!(a, ["One.", "Two words here.", "Three."]);
    assert_eq!(paragraphs("\n\n  \n"), Vec::<String>::new());
    assert_eq!(paragraphs("a\u{a0}\u{a0}b\u{3000}c"), ["a b c"]);
    assert_eq!(
        paragraphs(" \t lead  and trail \u{2003}"),
        ["lead and trail"]
    );
    assert_eq!(paragraphs("![x](y) Lee ![x](y)![x](y) Xi"), ["Lee Xi"]);
}

#[test]
fn repeated_short_lines_dropped() {
    let text = "Real news paragraph.\nRead the story\nMore news.\nRead the story\nRead the story\nOnce here";
    assert_eq!(
        paragraphs(text),
        ["Real news paragraph.", "More news.", "Once here"]
    );
    // Twice is not enough, and long repeated lines are prose.
    let long =
        "Lee and Xi agreed to boost exchanges between the two peoples in many fields of life.";
    let text = format!("{long}\n{long}\n{long}\nShort\nShort");
    assert_eq!(paragraphs(&text).len(), 5);
}

#[test]
fn subscription_block_dropped() {
    let text = "First real paragraph.\n\
        THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY\n\
        Subscribe now to read the latest news in your city.\n\
        - Exclusive articles from many writers.\n\
        - Daily puzzles.\n\
        REGISTER / SIGN IN TO UNLOCK MORE ARTICLES\n\
        Create an account or sign in to continue with your reading experience.\n\
        - Enjoy additional articles per month\n\
        Sign In or Create an Account\n\
        or\n\
        Xi made the remarks on Tuesday.\n\
        - A bullet outside a block stays.\n\
        By signing up you consent to receive the above newsletter from Postmedia Network Inc.\n\
        Last paragraph.";
    assert_eq!(
        paragraphs(text),
        [
            "First real paragraph.",
            "Xi made the remarks on Tuesday.",
            "- A bullet outside a block stays.",
            "Last paragraph."
        ]
    );
}

#[test]
fn image_markup_dropped() {
    let text = "![Moon and Xi](https://x.kr/a.jpg)\n<img src=\"a.jpg\" alt=\"x\">\n[Image: Xi on the phone]\n[사진]\n\
        Lee spoke ![icon](i.png) with Xi <IMG SRC=a.png> today. ![end](e.png)\n\
        A stray ![ never closed stays.";
    assert_eq!(
        paragraphs(text),
        ["Lee spoke with Xi today.", "A stray ![ never closed stays."]
    );
}

#[test]
fn korean_metadata_dropped_prose_kept() {
    let text = "입력 2020.02.20 10:31\n수정 2020.02.20 11:00\n기사입력 : 2020-02-20\n승인 2020.02.20\n\
        수정안은 2020년에 통과됐다.\n문재인 대통령은 20일 시진핑 주석과 통화했다.";
    assert_eq!(
        paragraphs(text),
        [
            "수정안은 2020년에 통과됐다.",
            "문재인 대통령은 20일 시진핑 주석과 통화했다."
        ]
    );
}

#[test]
fn share_and_font_buttons_dropped() {
    let text = "Share | Print | A+ A-\nFacebook Twitter KakaoTalk\n공유 · 인쇄 · 가 가\nLee will share his view.\nFont size";
    assert_eq!(paragraphs(text), ["Lee will share his view."]);
}

#[test]
fn photo_caption_near_top_but_trailer_kept() {
    let text = "President Lee talks with Xi over the phone on Tuesday. (Presidential Office)\n\
        (Yonhap)\n\
        SEOUL -- Lee and Xi spoke for 30 minutes on Tuesday.\n\
        They agreed to meet.\n\
        (Yonhap)";
    let c = clean(text);
    assert_eq!(
        c.captions,
        [
            "President Lee talks with Xi over the phone on Tuesday. (Presidential Office)",
            "(Yonhap)"
        ]
    );
    let last = c.paragraphs.last().unwrap();
    assert_eq!(last.text, "(Yonhap)");
    assert_eq!(c.paragraphs.len(), 3);
    // A paragraph that merely ends in parentheses is prose.
    let text =
        "Lee met the leader of the ruling party (Democratic Party).\nMore text follows here.";
    assert!(clean(text).captions.is_empty());
    let text =
        "Xi and Lee spoke by phone, Cheong Wa Dae said. (With contribution from Xinhua)\nMore.";
    assert!(clean(text).captions.is_empty());
}

#[test]
fn caption_prefix_lines_anywhere() {
    let c = clean("Body one.\nPhoto: Yonhap\nBody two.\n사진=연합뉴스\nBody three.");
    assert_eq!(c.captions, ["Photo: Yonhap", "사진=연합뉴스"]);
    assert_eq!(c.paragraphs.len(), 3);
}
