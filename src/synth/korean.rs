//! Korean-language reports of a planned call, so the synthetic benchmark
//! covers Hangul text: names with particles (트럼프와), titles after the
//! name (시진핑 중국 국가주석), elect and acting titles, Korean days (10일,
//! 전날), times (오후 10시30분부터) and lengths (30분간, 1시간 10분 동안),
//! wire datelines, TV sign-offs, an earlier call looked back on and 통화
//! 스와프 (currency) as decoys.

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};

use super::ctx::Written;
use super::plan::Plan;
use super::rng::Rng;
use crate::hangul::has_hangul;
use crate::lexicon::leaders::{Leader, Leaders};

/// Share of call articles written in Korean, in percent.
pub(super) const SHARE: u64 = 15;

/// A leader's Korean full name: the first Hangul alias.
fn ko_name(leader: &Leader) -> Option<&str> {
    leader
        .aliases
        .iter()
        .map(String::as_str)
        .find(|a| has_hangul(a))
}

/// The Korean title of `leader` on `date`: 대통령, 대통령 당선인, 대통령
/// 권한대행, 국가주석, 총리.
fn ko_title(leader: &Leader, date: NaiveDate) -> &'static str {
    let term = leader.terms.iter().find(|t| t.covers(date));
    let office = match (leader.country.as_str(), term) {
        ("CN", _) => "국가주석",
        (_, Some(t)) if t.role.contains("prime minister") => "총리",
        _ => "대통령",
    };
    match term {
        Some(t) if date < t.from => {
            if office == "총리" {
                "총리 당선인"
            } else {
                "대통령 당선인"
            }
        }
        Some(t) if t.is_acting() => {
            if office == "총리" {
                "총리 권한대행"
            } else {
                "대통령 권한대행"
            }
        }
        _ => office,
    }
}

/// "오후 10시30분", "낮 12시", "오전 8시 40분"; None at midnight hours,
/// which Korean copy writes too many ways to test here.
fn ko_clock(rng: &mut Rng, (h, m): (u32, u32)) -> Option<String> {
    let (part, hour) = match h {
        0 => return None,
        1..=11 => ("오전", h),
        12 => ("낮", 12),
        _ => ("오후", h - 12),
    };
    let gap = if rng.chance(50) { "" } else { " " };
    Some(match m {
        0 => format!("{part} {hour}시"),
        _ => format!("{part} {hour}시{gap}{m}분"),
    })
}

/// "30분간", "약 25분 동안", "1시간 10분간", "1시간 동안".
fn ko_length(rng: &mut Rng, minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let amount = match (h, m) {
        (0, m) => format!("{m}분"),
        (h, 0) => format!("{h}시간"),
        (h, m) => format!("{h}시간 {m}분"),
    };
    match rng.below(3) {
        0 => format!("{amount}간"),
        1 => format!("약 {amount} 동안"),
        _ => format!("{amount} 동안"),
    }
}

/// The particle 와/과 after `word`: 과 after a final consonant.
fn with(word: &str) -> &'static str {
    let last = word.chars().next_back().map_or(0, u32::from);
    let has_final = (0xAC00..=0xD7A3).contains(&last) && !(last - 0xAC00).is_multiple_of(28);
    if has_final { "과" } else { "와" }
}

/// A Korean article about `plan`, or None when a leader has no Korean
/// name in the registry.
pub(super) fn call_article(
    rng: &mut Rng,
    leaders: &Leaders,
    plan: &Plan,
    c: usize,
) -> Option<Written> {
    let (home, other) = (&leaders.all[plan.home], &leaders.all[plan.counterpart]);
    let (hn, on) = (ko_name(home)?, ko_name(other)?);
    let country = leaders
        .country(&other.country)
        .and_then(|k| k.ko_names.first())?;
    let (ht, ot) = (ko_title(home, plan.date), ko_title(other, plan.date));
    let next_day = rng.chance(30);
    let published = plan.date + Duration::days(next_day.into());
    let day = if next_day {
        "전날".to_string()
    } else {
        format!("{}일", plan.date.day())
    };
    let clock = ko_clock(rng, plan.start);
    let length = ko_length(rng, plan.minutes);
    let short = hn.chars().next().map(String::from).unwrap_or_default();
    let mut out = String::with_capacity(1600);
    let (top, source, closing) = match rng.below(4) {
        0 => ("(서울=연합뉴스) 김태훈 기자 = ", Some("Yonhap"), ""),
        1 => ("[서울=뉴시스] 홍지은 기자 = ", Some("Newsis"), ""),
        2 => ("", Some("KBS"), "KBS 뉴스 김민지입니다."),
        _ => ("", None, ""),
    };
    let _ = writeln!(
        out,
        " date {} {short} {}, {on}{} 통화…\"협력 강화\"\n",
        published.format("%Y-%m-%d"),
        ht.split(' ').next_back().unwrap_or(ht),
        with(on)
    );
    let at = clock
        .as_deref()
        .map(|c| format!("{c}부터 "))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{top}{hn} {ht}은 {day} {at}{length} {on} {country} {ot}{} 전화통화를 했다.\n",
        with(ot)
    );
    let _ = writeln!(
        out,
        "{short} {}은 통화에서 양국 관계 발전과 한반도 정세를 논의했다고 대변인이 서면 브리핑에서 밝혔다.\n",
        ht.split(' ').next_back().unwrap_or(ht)
    );
    if rng.chance(40) {
        let earlier = plan.date - Duration::days(30 + rng.below(200) as i64);
        let k = if plan.minutes == 40 { 45 } else { 40 };
        let _ = writeln!(
            out,
            "두 정상은 앞서 {}월 {}일에도 {k}분간 통화한 바 있다.\n",
            earlier.month(),
            earlier.day()
        );
    }
    if rng.chance(30) {
        out.push_str("양국은 통화 스와프 확대 방안도 협의하기로 했다.\n\n");
    }
    out.push_str("두 정상은 조속한 시일 내 직접 만나자는 데 공감했다.\n\n");
    if !closing.is_empty() {
        out.push_str(closing);
        out.push('\n');
    }
    Some(Written {
        text: out,
        call: Some(c),
        source,
        published: Some(published),
        states_minutes: true,
        states_start: clock.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_fit_the_last_sound() {
        assert_eq!(with("트럼프"), "와");
        assert_eq!(with("시진핑"), "과");
        assert_eq!(with("국가주석"), "과");
        assert_eq!(with("총리"), "와");
    }

    #[test]
    fn a_share_of_the_corpus_is_korean() {
        let corpus = super::super::generate(2024, 300);
        let korean = corpus.iter().filter(|(_, t)| has_hangul_prose(t)).count();
        assert!((20..=80).contains(&korean), "{korean} Korean articles");
        // Each states its call in Korean: a day, a length and a call word.
        for (_, t) in corpus.iter().filter(|(_, t)| has_hangul_prose(t)) {
            assert!(t.contains("전화통화를 했다"), "{t}");
            assert!(t.contains("일 ") || t.contains("전날"), "{t}");
        }
    }

    /// English articles carry a Korean metadata line now and then; a
    /// Korean article says 했다.
    fn has_hangul_prose(t: &str) -> bool {
        t.contains("했다.")
    }
}
