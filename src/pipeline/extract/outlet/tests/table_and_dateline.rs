//! Tests of the outlet table (loading, spellings, user tables) and of
//! datelines.

use super::*;

#[test]
fn embedded_table_loads_and_canonicalises_variants() {
    let o = Outlets::embedded();
    assert_eq!(o.canonical("KBS World Radio News"), Some("KBS"));
    assert_eq!(o.canonical("yonhap news agency"), Some("Yonhap"));
    assert_eq!(o.canonical("The Associated Press"), Some("AP"));
    assert_eq!(o.canonical("Xinhua News Agency."), Some("Xinhua"));
    assert_eq!(o.canonical("People’s Daily"), Some("People's Daily"));
    assert_eq!(o.canonical("Korea JoongAng Daily"), Some("JoongAng"));
    assert_eq!(o.canonical("Blue House"), Some("Cheong Wa Dae"));
    assert_eq!(
        o.canonical("Ministry of Foreign Affairs of the People’s Republic of China"),
        Some("China's Ministry of Foreign Affairs")
    );
    assert_eq!(
        o.lookup("Cheong Wa Dae").map(|x| x.kind),
        Some(Kind::Government)
    );
    assert_eq!(o.lookup("NK News").map(|x| x.kind), Some(Kind::News));
    assert_eq!(o.canonical("Moon Jae-in"), None);
}

#[test]
fn every_spelling_in_the_table_names_its_own_entry() {
    // A variant listed under two outlets would silently credit the later.
    let file: toml::Value = toml::from_str(EMBEDDED_OUTLETS).unwrap();
    let o = Outlets::embedded();
    for entry in file["outlet"].as_array().unwrap() {
        let name = entry["name"].as_str().unwrap();
        let variants = entry.get("variants").and_then(|v| v.as_array());
        for v in variants.into_iter().flatten() {
            assert_eq!(o.canonical(v.as_str().unwrap()), Some(name), "{v}");
        }
        let domains = entry.get("domains").and_then(|v| v.as_array());
        for d in domains.into_iter().flatten() {
            let d = d.as_str().unwrap();
            assert_eq!(o.by_domain(d).map(|x| x.name.as_str()), Some(name), "{d}");
        }
    }
}

#[test]
fn user_tables_add_domains_and_reject_mistakes() {
    let o = Outlets::parse(
        "[[outlet]]\nname = \"Seoul Post\"\ndomains = [\"seoulpost.example\"]\n\
         [[outlet]]\nname = \"Ministry X\"\nkind = \"government\"\n",
    )
    .unwrap();
    assert_eq!(
        o.by_domain("News.SeoulPost.example")
            .map(|x| x.name.as_str()),
        Some("Seoul Post")
    );
    assert_eq!(
        o.lookup("Ministry X").map(|x| x.kind),
        Some(Kind::Government)
    );
    assert!(Outlets::parse("[[outlet]]\nname = \"A\"\ndomains = [\"a@b.c\"]\n").is_err());
    assert!(Outlets::parse("[[outlet]]\nname = \"A\"\ndomains = [\"localhost\"]\n").is_err());
    assert!(Outlets::parse("[[outlet]]\nname = \"A\"\nkind = \"blog\"\n").is_err());
    assert!(Outlets::parse("[[outlet]]\nname = \"A\"\ndomain = [\"a.com\"]\n").is_err());
    assert!(Outlets::parse("[[outlet]]\nname = \" \"\n").is_err());
}

#[test]
fn datelines_give_outlet_date_and_where_the_story_starts() {
    let s = "BEIJING, Jan. 26 (Xinhua) -- Chinese President Xi Jinping said";
    let d = dateline(s).unwrap();
    assert_eq!(d.outlet, Some("Xinhua"));
    assert_eq!(d.month_day, Some((1, 26)));
    assert_eq!(&s[d.end..], "Chinese President Xi Jinping said");
    let d = dateline("SEOUL, March 3, 2018 (Yonhap) -- x").unwrap();
    assert_eq!((d.month_day, d.year), (Some((3, 3)), Some(2018)));
    assert_eq!(
        dateline("(Bloomberg) — Xi said").unwrap().outlet,
        Some("Bloomberg")
    );
    assert_eq!(
        dateline("TOKYO (Kyodo) - Abe said").unwrap().outlet,
        Some("Kyodo")
    );
    assert!(dateline("Xi said — firmly — that").is_none());
    assert!(dateline("US - China ties").is_none());
}

#[test]
fn datelines_in_any_city_case_and_dash_spacing() {
    let s = "Osaka, Oct. 2 (Kyodo News)--Prime Minister spoke";
    let d = dateline(s).unwrap();
    assert_eq!((d.outlet, d.month_day), (Some("Kyodo News"), Some((10, 2))));
    assert_eq!(&s[d.end..], "Prime Minister spoke");
    let d = dateline("Hong Kong, March 4 (AFP) – The talks").unwrap();
    assert_eq!(d.outlet, Some("AFP"));
    let d = dateline("Washington, D.C., Nov. 8 (UPI)-- Biden").unwrap();
    assert_eq!(d.outlet, Some("UPI"));
    let d = dateline("BUSAN, Aug. 30 (Yonhap)--The").unwrap();
    assert_eq!(d.outlet, Some("Yonhap"));
    // A capitalised word with a parenthesis and a dash is story text
    // unless a date and a credit both stand there.
    assert!(dateline("Moon (left) - Xi (right)").is_none());
    assert!(dateline("Moon said (in part) - no").is_none());
    assert!(dateline("Seoul, May 3 - the talks").is_none());
    assert!(dateline("Moon said on Tuesday, May 3 (Yonhap) - x").is_none());
}

#[test]
fn slashed_credits_after_a_city_are_datelines() {
    let s = "MOSCOW, May 11. /TASS/. Russian President Vladimir Putin held talks.";
    let d = dateline(s).unwrap();
    assert_eq!(
        (d.city, d.outlet, d.month_day),
        (Some("MOSCOW"), Some("TASS"), Some((5, 11)))
    );
    assert_eq!(&s[d.end..], "Russian President Vladimir Putin held talks.");
    let d = dateline("BEIJING, June 3 /Xinhua/ -- The talks").unwrap();
    assert_eq!(d.outlet, Some("Xinhua"));
    assert_eq!(
        top(&["ST. PETERSBURG, Jan. 9. /TASS/. The leaders spoke."]).as_deref(),
        Some("TASS")
    );
    // Slashes in story text, or after a city in any other case, are not
    // a credit.
    assert!(dateline("Moscow, May 11. /TASS/. Putin said").is_none());
    assert!(dateline("The talks, May 11 /TASS/ were brief").is_none());
    assert!(dateline("SEOUL/TOKYO/BEIJING talks").is_none());
    assert!(dateline("REGISTER / SIGN IN").is_none());
    assert!(dateline("/TASS/. Putin said").is_none());
}
