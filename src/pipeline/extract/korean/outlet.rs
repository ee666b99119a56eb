//! Where Korean copy states its outlet: the wire dateline `(서울=연합뉴스)
//! 김태훈 기자 =`, `[서울=뉴시스] 홍지은 기자 =`; a bracketed brand opening
//! the headline (`[KBS] …`, while `[속보]`, `[단독]` are labels); a TV
//! sign-off (`KBS 뉴스 김민지입니다.`, `YTN 박서경입니다.`); a copyright
//! footer (`[저작권자(c) YTN 무단전재 …]`, `ⓒ 연합뉴스`, `Copyright ⓒ 조선일보
//! & chosun.com`). Photo credits (`[청와대 제공]`, `연합뉴스 자료사진`) are
//! none of these.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::outlets::{Outlet, Outlets};

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[(\[](?P<city>[가-힣]{1,10})\s*=\s*(?P<outlet>[^()\[\]=]{1,30}?)\s*[)\]]\s*(?:[가-힣·, ]{0,40}?(?:기자|특파원)\s*=\s*)?",
    )
    .expect("Korean dateline regex is valid")
});

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<outlet>\S+(?:\s?뉴스)?)\s+[가-힣]{2,4}입니다\.?$")
        .expect("Korean sign-off regex is valid")
});

static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\[(]?\s*(?:저작권자\s*(?:\(c\)|ⓒ|©)?|copyright\s*(?:\(c\)|ⓒ|©)?|ⓒ|©)\s*(?P<outlet>[^\s,\]&]+(?:\s?뉴스)?)")
        .expect("Korean footer regex is valid")
});

/// A Korean wire dateline: where the story begins, the city, the credit.
pub fn dateline(sentence: &str) -> Option<(usize, &str, &str)> {
    let s = sentence.trim_start();
    if !s.starts_with(['(', '[']) {
        return None;
    }
    let caps = DATELINE.captures(sentence)?;
    let city = caps.name("city")?.as_str();
    let outlet = caps.name("outlet")?.as_str().trim();
    Some((caps.get(0)?.end(), city, outlet))
}

/// `[KBS] 이 대통령, …`: a known outlet in brackets opening the headline.
pub fn headline_brand<'t, 'o>(
    outlets: &'o Outlets,
    headline: &'t str,
) -> Option<(&'o Outlet, &'t str)> {
    let rest = headline.trim_start().strip_prefix('[')?;
    let name = &rest[..rest.find(']')?];
    outlets.lookup(name.trim()).map(|o| (o, name))
}

/// A closing line that signs the story: a TV sign-off or a copyright
/// footer naming a known outlet.
pub fn closing<'t, 'o>(outlets: &'o Outlets, line: &'t str) -> Option<(&'o Outlet, &'t str)> {
    let copyright = line
        .get(..9)
        .is_some_and(|h| h.eq_ignore_ascii_case("copyright"));
    if line.is_ascii() && !copyright {
        return None;
    }
    let caps = SIGN_OFF.captures(line).or_else(|| FOOTER.captures(line))?;
    let m = caps.name("outlet")?;
    let words = m.as_str();
    let bare = words.strip_suffix("뉴스").map(str::trim_end);
    outlets
        .lookup(words)
        .or_else(|| bare.and_then(|b| outlets.lookup(b)))
        .map(|o| (o, words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines() {
        let s = "(서울=연합뉴스) 김태훈 기자 = 문재인 대통령은 10일 통화했다.";
        let (end, city, outlet) = dateline(s).unwrap_or_default();
        assert_eq!((city, outlet), ("서울", "연합뉴스"));
        assert!(s[end..].starts_with("문재인"));
        let s = "[워싱턴=뉴시스] 이윤희 특파원 = 바이든 대통령은";
        assert_eq!(dateline(s).map(|d| (d.1, d.2)), Some(("워싱턴", "뉴시스")));
        let s = "(베이징=연합뉴스) 시진핑 주석은";
        assert_eq!(dateline(s).map(|d| &s[d.0..]), Some("시진핑 주석은"));
        // Decoys: a photo credit, a parenthesis in prose.
        assert_eq!(dateline("[청와대 제공] 문 대통령"), None);
        assert_eq!(dateline("(사진) 문 대통령"), None);
    }

    #[test]
    fn brands_sign_offs_and_footers() {
        let outlets = Outlets::embedded();
        let name = |f: Option<(&Outlet, &str)>| f.map(|(o, _)| o.name.clone());
        assert_eq!(
            name(headline_brand(
                &outlets,
                "[KBS] 이 대통령, 트럼프와 첫 통화"
            )),
            Some("KBS".into())
        );
        assert_eq!(
            name(headline_brand(&outlets, "[속보] 한미 정상 통화")),
            None
        );
        assert_eq!(name(headline_brand(&outlets, "[단독] 통화 내용")), None);
        assert_eq!(
            name(closing(&outlets, "KBS 뉴스 김민지입니다.")),
            Some("KBS".into())
        );
        assert_eq!(
            name(closing(&outlets, "MBC뉴스 김재경입니다.")),
            Some("MBC".into())
        );
        assert_eq!(
            name(closing(&outlets, "[저작권자(c) YTN 무단전재, 재배포 금지]")),
            Some("YTN".into())
        );
        assert_eq!(name(closing(&outlets, "ⓒ 연합뉴스")), Some("Yonhap".into()));
        assert_eq!(
            name(closing(&outlets, "Copyright ⓒ 조선일보 & chosun.com")),
            Some("Chosun".into())
        );
        // Decoys: a quoted speaker, a photo credit, prose.
        assert_eq!(name(closing(&outlets, "대변인은 감사합니다.")), None);
        assert_eq!(name(closing(&outlets, "연합뉴스 자료사진")), None);
        assert_eq!(name(closing(&outlets, "문 대통령은 통화했습니다.")), None);
    }
}
