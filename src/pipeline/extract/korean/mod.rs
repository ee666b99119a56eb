//! Korean-language readers for the facts of a call: dates (13일, 지난 5일,
//! 전날, 이날, 2018년 9월 4일), clock times (오후 9시부터, 낮 12시30분), call
//! lengths (30분간, 1시간 가량, 40여분간), call words (통화, 전화 회담) and
//! leader titles (대통령, 국가주석, 당선인, 권한대행).
//!
//! Each reader is a pure function over one sentence that returns plain
//! data with byte spans into it, mirroring the English readers
//! (`dates::date_exprs`, `clock`, `duration`). `facts` puts them in the
//! English readers' shapes for the hooks in `report` and `facts`; `names`
//! (particles, surnames before titles, descriptors) serves the name
//! matcher; `outlet` (wire datelines, brands, sign-offs, footers) the
//! source finder. Every hook returns at once on text without Hangul.

#[cfg(test)]
mod article_tests;
pub mod clock;
pub mod dates;
pub mod duration;
pub mod facts;
pub mod names;
pub mod outlet;
pub mod words;

pub use clock::korean_times;
pub use dates::{KoDate, korean_dates};
pub use duration::korean_durations;
pub use words::{call_words, has_call_word, leader_titles};

/// The start of `s` up to the end of its clause (a comma, full stop,
/// quote or bracket), at most `max` bytes, cut on a char boundary: what
/// the readers look at after a match, so a check never runs past the
/// clause and stays linear.
pub(crate) fn window(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = s[..end].find([',', '.', '"', '“', '”', '「', '」', '(', ')', '\n']);
    &s[..cut.unwrap_or(end)]
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime};

    use super::*;

    /// The call sentences of `tests/data/korean/articles` with their
    /// publication dates: the readers give each call's gold date, start
    /// and length, first of each kind that is not background.
    #[test]
    fn fixture_call_sentences() {
        let cases = [
            (
                "(서울=연합뉴스) 김태훈 기자 = 문재인 대통령은 10일 오후 10시30분부터 30분간 도널드 트럼프 미국 대통령과 취임 축하 전화통화를 했다.",
                "2017-05-10",
                "2017-05-10",
                Some("22:30"),
                Some(30),
            ),
            (
                "문재인 대통령은 오늘 오후 9시부터 34분간 시진핑 중국 국가주석과 통화를 갖고 코로나19 대응 협력과 한중 관계 발전 방안을 논의했습니다.",
                "2020-05-13",
                "2020-05-13",
                Some("21:00"),
                Some(34),
            ),
            (
                "문재인 대통령이 전날 밤 시진핑 중국 국가주석과 34분 동안 전화통화를 하고 코로나19 방역 협력을 강화하기로 했다.",
                "2020-05-14",
                "2020-05-13",
                None,
                Some(34),
            ),
            (
                "문재인 대통령은 4일 밤 10시부터 45분간 도널드 트럼프 미국 대통령과 전화 회담을 했다.",
                "2018-09-05",
                "2018-09-04",
                Some("22:00"),
                Some(45),
            ),
            (
                "[서울=뉴시스] 홍지은 기자 = 윤석열 대통령 당선인은 10일 오전 8시 40분부터 약 20분 동안 조 바이든 미국 대통령과 전화통화를 했다.",
                "2022-03-10",
                "2022-03-10",
                Some("08:40"),
                Some(20),
            ),
            (
                "이 대통령과 트럼프 대통령의 통화는 어제 밤 10시부터 20분간 이뤄졌습니다.",
                "2025-06-07",
                "2025-06-06",
                Some("22:00"),
                Some(20),
            ),
            (
                "(서울=연합뉴스) 정윤섭 기자 = 이재명 대통령은 10일 오전 11시30분부터 30분간 시진핑 중국 국가주석과 취임 후 첫 통화를 했다.",
                "2025-06-10",
                "2025-06-10",
                Some("11:30"),
                Some(30),
            ),
            (
                "한덕수 대통령 권한대행 겸 국무총리는 8일 오후 9시부터 28분간 도널드 트럼프 미국 대통령과 첫 전화통화를 했다.",
                "2025-04-09",
                "2025-04-08",
                Some("21:00"),
                Some(28),
            ),
            (
                "문재인 대통령은 4일 오전 8시 25분부터 32분간 조 바이든 미국 대통령과 취임 후 첫 정상통화를 했다.",
                "2021-02-04",
                "2021-02-04",
                Some("08:25"),
                Some(32),
            ),
        ];
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        for (sentence, published, date, start, minutes) in cases {
            assert!(has_call_word(sentence), "{sentence}");
            let got_date = korean_dates(sentence, day(published))
                .into_iter()
                .find(|k| !k.background)
                .and_then(|k| k.date);
            assert_eq!(got_date, day(date), "{sentence}");
            let got_start = korean_times(sentence).first().map(|(t, _)| *t);
            let want_start = start.and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
            assert_eq!(got_start, want_start, "{sentence}");
            let got_minutes = korean_durations(sentence).first().map(|(m, _)| *m);
            assert_eq!(got_minutes, minutes, "{sentence}");
        }
    }

    /// Background and chrome sentences of the fixtures: their dates are
    /// marked background, and chrome gives no length.
    #[test]
    fn fixture_decoys() {
        let p = NaiveDate::from_ymd_opt(2022, 3, 10);
        let missile = "북한은 지난 5일 평양 순안 일대에서 탄도미사일을 발사했다.";
        assert!(korean_dates(missile, p).iter().all(|k| k.background));
        let plan = "윤 당선인 측은 3월 20일께 대통령 집무실 이전 방안을 발표할 예정이다.";
        assert!(korean_dates(plan, p).iter().all(|k| k.background));
        assert_eq!(korean_durations("5분 읽기"), []);
        let since = "양 정상의 통화는 지난 2월 20일 이후 약 3개월 만입니다.";
        assert!(korean_dates(since, p).iter().all(|k| k.background));
        assert_eq!(korean_durations(since), []);
    }

    #[test]
    fn window_stops_at_clause_and_char_boundary() {
        assert_eq!(window("통화했다, 그리고", 100), "통화했다");
        assert_eq!(window("통화했다", 4), "통");
        assert_eq!(window("", 10), "");
    }
}
