//! Who an article says it is from, in the places outlets say it: agency
//! datelines ("SEOUL, May 13 (Yonhap) --", "Tokyo, June 9 (Jiji Press)--"),
//! sign-offs ("NAME, KBS World Radio News."), a masthead first line ("NK
//! News"), reporter e-mails ("NAME (name@heraldcorp.com)"), bylines with
//! the outlet, government readouts ("Briefings | Cheong Wa Dae | May 11,
//! 2017") — or nowhere at all ("By NAME" alone): then the gold source is
//! null, whatever outlet the text came from.

use chrono::{Datelike, NaiveDate};

use super::phrases::{ap_date, full_date};
use super::rng::Rng;
use super::words::REPORTERS;

/// Where the credit goes, and the source the gold records.
#[derive(Default)]
pub(super) struct Credit {
    /// Lines before the story (masthead, readout header, "By NAME").
    pub top: String,
    /// Glued before the lead sentence (a dateline).
    pub dateline: String,
    /// The last line(s).
    pub closing: String,
    /// The outlet the text states, as the gold names it.
    pub source: Option<&'static str>,
}

/// The last day Cheong Wa Dae was the presidential office.
fn blue_house_until() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, 5, 9)
}

/// A credit for an article published on `published` (None: undated, so
/// no credit that carries a date) about a call on `call_date`.
pub(super) fn credit(rng: &mut Rng, published: Option<NaiveDate>, call_date: NaiveDate) -> Credit {
    let reporter = *rng.pick(REPORTERS);
    let mut c = Credit::default();
    // Forms that state a date need one; a readout is published the day of
    // the call, by an office that had that name then.
    let dated = published.is_some();
    let readout =
        published == Some(call_date) && blue_house_until().is_some_and(|d| call_date <= d);
    let form = loop {
        let f = rng.below(17);
        let needs_date = matches!(f, 0 | 5 | 6 | 7 | 10);
        if (!needs_date || dated) && (f != 13 || readout) {
            break f;
        }
    };
    let day = published.map(ap_date).unwrap_or_default();
    match form {
        0 => {
            c.dateline = format!("SEOUL, {day} (Yonhap) -- ");
            if rng.chance(50) {
                c.closing = "(END)".into();
            }
            c.source = Some("Yonhap");
        }
        1 => {
            c.closing = "(Yonhap)".into();
            c.source = Some("Yonhap");
        }
        2 => {
            c.closing = format!("{reporter} ({}@yna.co.kr)", mailbox(reporter));
            c.source = Some("Yonhap");
        }
        3 => {
            c.closing = format!("{reporter}, KBS World Radio News.");
            c.source = Some("KBS");
        }
        4 => {
            c.closing = "KBS News.".into();
            c.source = Some("KBS");
        }
        5 => {
            c.dateline = format!("TOKYO, {day} (Kyodo) -- ");
            c.source = Some("Kyodo");
        }
        6 => {
            let d = published.map(full_date).unwrap_or_default();
            c.dateline = format!("Tokyo, {d} (Jiji Press)--");
            if rng.chance(50) {
                c.closing = "Jiji Press".into();
            }
            c.source = Some("Jiji Press");
        }
        7 => {
            c.dateline = format!("BEIJING, {day} (Xinhua) -- ");
            c.source = Some("Xinhua");
        }
        8 => {
            c.closing = "(With contribution from Xinhua)".into();
            c.source = Some("Xinhua");
        }
        9 => {
            c.dateline = "(Bloomberg) — ".into();
            c.source = Some("Bloomberg");
        }
        10 => {
            if let Some(p) = published {
                c.top = format!("NK News\n{}, {}\n\n", full_date(p), p.year());
            }
            c.source = Some("NK News");
        }
        11 => {
            c.closing = format!("{reporter} ({}@heraldcorp.com)", mailbox(reporter));
            c.source = Some("Korea Herald");
        }
        12 => {
            c.closing = format!("{reporter} ({}@koreatimes.co.kr)", mailbox(reporter));
            c.source = Some("Korea Times");
        }
        13 => {
            c.top = format!(
                "Briefings | Cheong Wa Dae | {}, {}\n\n",
                full_date(call_date),
                call_date.year()
            );
            c.source = Some("Cheong Wa Dae");
        }
        14 => {
            let (written, gold) = *rng.pick(&[
                ("By {} (Global Times)", "Global Times"),
                ("By {}, Reuters", "Reuters"),
                ("By {} | Associated Press", "AP"),
                ("By {} (Korea JoongAng Daily)", "JoongAng"),
                ("By {}, Arirang News", "Arirang"),
                ("By {} (Hankyoreh)", "Hankyoreh"),
            ]);
            let line = written.replace("{}", reporter);
            if rng.chance(50) {
                c.top = format!("{line}\n\n");
            } else {
                c.closing = line;
            }
            c.source = Some(gold);
        }
        // No outlet stated: a bare byline at the top or the bottom, or nothing.
        15 => c.top = format!("By {reporter}\n\n"),
        _ => {
            if rng.chance(50) {
                c.closing = format!("BY {}", reporter.to_uppercase());
            }
        }
    }
    c
}

/// "Bae Joo-yon" → "baejooyon".
fn mailbox(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
