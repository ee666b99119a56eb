//! Tests of the outlet table, each credit form and each decoy. The
//! sentences are written for the forms, not taken from any article.

use super::dateline::{looks_like_outlet, may_open_with_dateline, parse};
use super::forms::{signoff_may_name, trailer_forms, trailer_regexes};
use super::table::{ascii_key, key};
use super::*;

/// A story of plain sentences around the given lines: `top` before it,
/// `end` after it.
fn story<'a>(top: &[&'a str], end: &[&'a str]) -> Vec<&'a str> {
    let mut body = top.to_vec();
    body.extend([
        "The two leaders spoke for about 30 minutes on Tuesday.",
        "They agreed to meet at an early date.",
        "Officials said the talks were friendly.",
    ]);
    body.extend(end);
    body
}

fn name(headline: Option<&str>, top: &[&str], end: &[&str]) -> Option<String> {
    let body = story(top, end);
    source(&Outlets::embedded(), headline, &body).map(|c| c.name)
}

fn top(lines: &[&str]) -> Option<String> {
    name(None, lines, &[])
}

fn end(lines: &[&str]) -> Option<String> {
    name(None, &[], lines)
}

/// The credit's words, and that they are a slice of one of the inputs.
fn words<'t>(headline: Option<&'t str>, body: &[&'t str]) -> Option<&'t str> {
    let credit = source(&Outlets::embedded(), headline, body)?;
    let inside = |s: &str| {
        let (start, end) = (s.as_ptr() as usize, s.as_ptr() as usize + s.len());
        let at = credit.text.as_ptr() as usize;
        start <= at && at + credit.text.len() <= end
    };
    assert!(
        headline.into_iter().chain(body.iter().copied()).any(inside),
        "{credit:?} is not a slice of the input"
    );
    Some(credit.text)
}

proptest::proptest! {
    /// The cheap look before each regex only skips texts the regex
    /// cannot match.
    #[test]
    fn first_character_checks_never_skip_a_match(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "(", ")", " ", "\t", "\u{a0}", "--", "—", "–", "-", ",", ".", "'",
            "SEOUL", "U.S.", "S", "Xinhua", "a", "Jan. 26", "2019", "Tokyo",
            "Hong Kong", "June 9", "Jiji Press", "(Yonhap)", ", ",
            "with", "With", "WITH ", " contribution from ", "By", "Kim",
            "source", "Source", "ſource", "copyright", "©", "ⓒ", "Ⓒ", "(c)", "c)",
            "/", "/TASS/", "MOSCOW", "Moscow", "May 11.", "By Kim ", "President ",
            "SOURCE", "sourcE:", "Copyright ",
        ]), 0..8)
    ) {
        let s = pieces.concat();
        if parse(&s).is_some() {
            proptest::prop_assert!(may_open_with_dateline(&s), "{:?}", s);
        }
        let forms = trailer_forms(&s);
        for (i, re) in trailer_regexes().into_iter().enumerate() {
            if re.is_match(&s) {
                proptest::prop_assert!(forms[i].is_some(), "{} {:?}", i, s);
            }
        }
    }

    /// A credit's key is built on the stack for ASCII text exactly as
    /// `key` builds it.
    #[test]
    fn stack_keys_are_the_keys(
        s in "[ \t\x0b\x0c\r\n.,;:]{0,3}(?:[Tt][Hh][Ee] )?[A-Za-z.,;:' \t\x0b-]{0,40}"
    ) {
        let mut buf = [0; 128];
        proptest::prop_assert_eq!(ascii_key(&s, &mut buf).map(str::to_string), Some(key(&s)));
    }

    /// The length look before the sign-off regex skips only lines whose
    /// credit is too long to be known.
    #[test]
    fn sign_off_lengths_never_skip_a_credit(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "Kim", " ", "\u{a0}", ",", ".", " .", "KBS", "World", "Radio", "News",
            "Yonhap", "A", "long", "clause", "and", "more", "\t",
        ]), 0..24)
    ) {
        let s = pieces.concat();
        let o = Outlets::embedded();
        let limit = 80.min(o.longest_name());
        let words = trailer_regexes()[2].captures(&s).and_then(|c| c.get(1));
        if words.is_some_and(|w| w.as_str().len() <= limit) {
            proptest::prop_assert!(signoff_may_name(&s, limit), "{:?}", s);
        }
    }

    /// Any text at all: no panic, and the credit is always a slice of the
    /// input.
    #[test]
    fn any_text_gives_a_slice_of_itself_or_nothing(
        headline in "\\PC{0,60}",
        body in proptest::collection::vec("\\PC{0,80}|\\(Yonhap\\)|[a-z]{1,5}@yna\\.co\\.kr|KBS News\\.|A \\| NK News", 0..8)
    ) {
        let body: Vec<&str> = body.iter().map(String::as_str).collect();
        let _ = words(Some(&headline), &body);
    }
}

mod table_and_dateline;

#[test]
fn mastheads_may_add_news_or_online_to_a_known_name() {
    let headline = Some("Kishida and Yoon agree to improve ties");
    assert_eq!(
        name(headline, &["NHK WORLD-JAPAN News"], &[]).as_deref(),
        Some("NHK")
    );
    assert_eq!(top(&["Xinhua Online"]).as_deref(), Some("Xinhua"));
    assert_eq!(top(&["Kyodo News."]).as_deref(), Some("Kyodo"));
    // A photo credit, an unknown name, a suffix alone, a story line, or
    // a masthead under the story's first sentence.
    assert_eq!(top(&["Photo : YONHAP News"]), None);
    assert_eq!(top(&["World News"]), None);
    assert_eq!(top(&["Seoul Daily Online"]), None);
    assert_eq!(top(&["Moon spoke with NHK World News"]), None);
    assert_eq!(
        top(&[
            "Moon and Kishida spoke by phone on Friday.",
            "NHK News Online"
        ]),
        None
    );
}

#[test]
fn opening_credits_name_the_source() {
    assert_eq!(
        top(&["(Bloomberg) — Xi held a call."]).as_deref(),
        Some("Bloomberg")
    );
    assert_eq!(
        top(&["WASHINGTON (AP) — Biden spoke."]).as_deref(),
        Some("AP")
    );
    assert_eq!(
        top(&["SEOUL, June 10 (Yonhap) -- Lee spoke."]).as_deref(),
        Some("Yonhap")
    );
    assert_eq!(
        top(&["Seoul, Sept. 3 (Yonhap) -- Lee spoke."]).as_deref(),
        Some("Yonhap")
    );
    assert_eq!(
        top(&["Sapporo, Feb. 1 (Jiji Press)--The premier spoke."]).as_deref(),
        Some("Jiji Press")
    );
    assert_eq!(
        top(&["SHANGHAI, Dec. 2 (Xinhua) -- Xi said."]).as_deref(),
        Some("Xinhua")
    );
    assert_eq!(
        top(&["By Hyonhee Shin, Reuters"]).as_deref(),
        Some("Reuters")
    );
    assert_eq!(
        top(&["By Kim Tong-hyung | Associated Press"]).as_deref(),
        Some("AP")
    );
    // An unknown wire in a dateline still reads as a credit.
    assert_eq!(
        top(&["SEOUL (Gyeongin Ilbo) — Moon said."]).as_deref(),
        Some("Gyeongin Ilbo")
    );
}

#[test]
fn trailers_name_the_source() {
    assert_eq!(end(&["(Yonhap)"]).as_deref(), Some("Yonhap"));
    assert_eq!(end(&["(Yonhap)", "(END)"]).as_deref(), Some("Yonhap"));
    assert_eq!(
        end(&["Bae Joo-yon, KBS World Radio News."]).as_deref(),
        Some("KBS")
    );
    assert_eq!(
        end(&["(With contribution from Xinhua)"]).as_deref(),
        Some("Xinhua")
    );
    assert_eq!(
        end(&["Moon agreed. (With contribution from Xinhua)"]).as_deref(),
        Some("Xinhua")
    );
    assert_eq!(end(&["Xi said so. (Yonhap)"]).as_deref(), Some("Yonhap"));
    assert_eq!(
        end(&["With additional reporting from AFP."]).as_deref(),
        Some("AFP")
    );
    assert_eq!(
        end(&["Source: Global Times"]).as_deref(),
        Some("Global Times")
    );
    assert_eq!(
        end(&["(Reporting by Joyce Lee; Editing by Ed Davies)"]).as_deref(),
        Some("Reuters")
    );
    assert_eq!(
        end(&["Copyright (C) Yonhap News Agency.", "All rights reserved."]).as_deref(),
        Some("Yonhap")
    );
    assert_eq!(end(&["ⓒ Yonhap News"]).as_deref(), Some("Yonhap"));
}

#[test]
fn closing_lines_that_are_only_an_outlet_name() {
    assert_eq!(end(&["KBS World Radio News."]).as_deref(), Some("KBS"));
    assert_eq!(end(&["KBS News."]).as_deref(), Some("KBS"));
    assert_eq!(end(&["Jiji Press"]).as_deref(), Some("Jiji Press"));
    assert_eq!(end(&["==Kyodo"]).as_deref(), Some("Kyodo"));
    assert_eq!(end(&["— Arirang News"]).as_deref(), Some("Arirang"));
    // Tags, a related-links line, "(END)" after the sign-off are passed.
    assert_eq!(
        end(&["Arirang News.", "정상외교 / 한중관계", "(END)"]).as_deref(),
        Some("Arirang")
    );
}

#[test]
fn staff_addresses_name_the_outlet() {
    assert_eq!(
        top(&["By Min Ji-hye (jhmin@heraldcorp.com)"]).as_deref(),
        Some("Korea Herald")
    );
    assert_eq!(
        end(&["By Do Seo-yun (dsy@koreatimes.co.kr)"]).as_deref(),
        Some("Korea Times")
    );
    assert_eq!(end(&["kjh@yna.co.kr"]).as_deref(), Some("Yonhap"));
    assert_eq!(
        end(&["Reporter Oh Se-ra oh.sera@joongang.co.kr"]).as_deref(),
        Some("JoongAng")
    );
    assert_eq!(
        end(&["Write to Park Ha-na at phn@hani.co.kr."]).as_deref(),
        Some("Hankyoreh")
    );
    assert_eq!(
        end(&["Contact: tanaka@en.kyodonews.jp"]).as_deref(),
        Some("Kyodo")
    );
    // An unknown domain, or no domain at all, names nothing.
    assert_eq!(end(&["By Lee Su-bin (lsb@example.com)"]), None);
    assert_eq!(end(&["Follow @yonhap on X"]), None);
}

#[test]
fn page_brands_name_the_source() {
    assert_eq!(
        name(Some("Lee asks Xi for help | NK News"), &[], &[]).as_deref(),
        Some("NK News")
    );
    assert_eq!(
        name(Some("Ishiba and Lee agree on ties - Nikkei Asia"), &[], &[]).as_deref(),
        Some("Nikkei")
    );
    assert_eq!(
        name(Some("Yonhap | Moon, Xi talk"), &[], &[]).as_deref(),
        Some("Yonhap")
    );
    assert_eq!(
        top(&["NK News", "June 11, 2025"]).as_deref(),
        Some("NK News")
    );
    assert_eq!(
        top(&["Menu", "Korea JoongAng Daily", "Moon spoke with Xi."]).as_deref(),
        Some("JoongAng")
    );
    assert_eq!(
        top(&["Briefings | Cheong Wa Dae | Feb. 3, 2019"]).as_deref(),
        Some("Cheong Wa Dae")
    );
    assert_eq!(
        top(&["Press Release | Office of the President"]).as_deref(),
        Some("Cheong Wa Dae")
    );
    assert_eq!(
        top(&["The notice is archived.", "News | Blue House | 2019-02-03"]).as_deref(),
        Some("Cheong Wa Dae")
    );
    assert_eq!(
        top(&["Ministry of Foreign Affairs of the People's Republic of China"]).as_deref(),
        Some("China's Ministry of Foreign Affairs")
    );
}

#[test]
fn a_byline_or_trailer_outranks_the_page_brand() {
    assert_eq!(
        name(Some("Moon, Xi talk | Korea Herald"), &[], &["(Yonhap)"]).as_deref(),
        Some("Yonhap")
    );
    assert_eq!(
        name(
            Some("Moon, Xi talk | Korea Herald"),
            &["BEIJING, May 1 (Xinhua) -- x"],
            &[]
        )
        .as_deref(),
        Some("Xinhua")
    );
}

#[test]
fn photo_credits_quotes_and_notes_are_not_sources() {
    // Photo credits.
    assert_eq!(top(&["Photo : YONHAP News"]), None);
    assert_eq!(top(&["Photo | Yonhap"]), None);
    assert_eq!(
        top(&["President Moon talks by phone with Xi on Thursday. (Yonhap)"]),
        None
    );
    assert_eq!(
        top(&[
            "President Moon talks by phone with Xi on Thursday.",
            "(Yonhap)"
        ]),
        None
    );
    assert_eq!(
        top(&[
            "Moon Jae-in and Japanese Prime Minister Suga.",
            "Cheong Wa Dae"
        ]),
        None
    );
    assert_eq!(
        top(&["President Moon speaks by phone with Xi Jinping", "Yonhap"]),
        None
    );
    assert_eq!(
        top(&["Moon speaks with Xi.", "Courtesy of Cheong Wa Dae"]),
        None
    );
    assert_eq!(end(&["(Cheong Wa Dae)"]), None);
    assert_eq!(
        end(&["Moon talks with Xi on Thursday. (Cheong Wa Dae)"]),
        None
    );
    assert_eq!(end(&["Cheong Wa Dae"]), None);
    assert!(end(&["Ministry of Foreign Affairs of Japan"]).is_some());
    assert_eq!(end(&["(Photo: Cheong Wa Dae offer, Yonhap News)"]), None);
    assert_eq!(end(&["Photo by Kim, Cheong Wa Dae"]), None);
    // Headlines that carry a caption's credit.
    assert_eq!(
        name(
            Some("Moon talks by phone with Xi on Thursday. (Yonhap)"),
            &[],
            &[]
        ),
        None
    );
    assert_eq!(name(Some("Moon - Xi call"), &[], &[]), None);
    // Outlets the story quotes.
    assert_eq!(end(&["Kang said, according to Cheong Wa Dae."]), None);
    assert_eq!(end(&["Xi said so, according to Xinhua."]), None);
    assert_eq!(end(&["Yonhap reported the call first."]), None);
    assert_eq!(
        top(&["Xi said so, state-run Xinhua News Agency reported."]),
        None
    );
    // Notes and a copyright with no name.
    assert_eq!(
        end(&[
            "(Adds background, analyst comment.)",
            "—With assistance from Philip Glamann."
        ]),
        None
    );
    assert_eq!(
        end(&["Copyright (C) All rights reserved. Unauthorized reproduction prohibited."]),
        None
    );
    assert_eq!(end(&["Copyright (C) All rights reserved."]), None);
    assert_eq!(end(&["▶ Related articles"]), None);
}

#[test]
fn a_short_story_never_reads_its_caption_as_a_trailer() {
    let o = Outlets::embedded();
    let body = [
        "Moon talks by phone with Xi on Thursday. (Yonhap)",
        "Moon spoke.",
    ];
    assert_eq!(source(&o, None, &body), None);
    let body = ["Moon talks with Xi.", "Yonhap", "They spoke."];
    assert_eq!(source(&o, None, &body), None);
    assert_eq!(source(&o, None, &[]), None);
    assert_eq!(
        source(&o, None, &["(Yonhap)"]).map(|c| c.name).as_deref(),
        Some("Yonhap")
    );
}

#[test]
fn credits_point_at_their_words() {
    let body = story(&["Seoul, May 13 (Yonhap) --The call."], &[]);
    assert_eq!(words(None, &body), Some("Yonhap"));
    let body = story(&[], &["Kim Min-ji, KBS World Radio News."]);
    assert_eq!(words(None, &body), Some("KBS World Radio News"));
    let body = story(&[], &["Moon agreed. (With contribution from Xinhua)"]);
    assert_eq!(words(None, &body), Some("Xinhua"));
    let body = story(&[], &["kim@yna.co.kr."]);
    assert_eq!(words(None, &body), Some("kim@yna.co.kr"));
    let body = story(&[], &["==Kyodo"]);
    assert_eq!(words(None, &body), Some("Kyodo"));
    let body = story(&["Briefings | Cheong Wa Dae | May 11"], &[]);
    assert_eq!(words(None, &body), Some("Cheong Wa Dae"));
    let body = story(&[], &[]);
    assert_eq!(words(Some("Title | NK News"), &body), Some("NK News"));
    let body = story(&[], &["(Reporting by A; Editing by B)"]);
    assert_eq!(words(None, &body), Some("(Reporting by A; Editing by B)"));
}

#[test]
fn unknown_credits_only_when_they_read_as_names() {
    assert!(looks_like_outlet("Seoul Shinmun"));
    assert!(!looks_like_outlet("Adds background, analyst comment."));
    assert!(!looks_like_outlet("in a statement"));
}
