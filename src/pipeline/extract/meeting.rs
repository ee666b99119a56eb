//! Meetings in person are not calls. "Talks", "spoke" and "conversation"
//! serve both, so an article is a meeting report when the first of its
//! lead sentences (headline, then the opening ones) that tells either way
//! tells of the two leaders meeting ("met", "held a summit", "talks in
//! Tokyo", "on the sidelines") rather than a word only a call has (phone,
//! telephone, hotline, video call). Such an article may mention a call in
//! passing; it joins no call.

use super::facts::Sent;
use super::tier::names_the_pair;
use super::words::ascii_words;
use crate::lexicon::leaders::LeaderId;

pub fn is_meeting_report(
    sents: &[Sent],
    home: Option<LeaderId>,
    counterpart: Option<LeaderId>,
) -> bool {
    // The first lead sentence that tells either way decides: a phone word
    // makes it a call ("… who last met in December, talked by phone"), a
    // meeting of the two a meeting. Later lead sentences often look back
    // ("… after the leaders spoke by phone on May 11"). Page furniture
    // ("NK News", "Briefings | Cheong Wa Dae | …") tells nothing.
    let names_them = |s: &Sent| {
        let named =
            |id: Option<LeaderId>| id.is_some_and(|id| s.mentions.iter().any(|m| m.2 == id));
        named(counterpart) || (named(home) && s.text.contains(" and ")) || names_the_pair(s.text)
    };
    for s in sents
        .iter()
        .filter(|s| s.lead && s.text.split_whitespace().nth(3).is_some() && !s.text.contains('|'))
    {
        // Every phone word is a call word: a sentence without one has none.
        if s.call && has_phone_word(s.text) {
            return false;
        }
        if names_them(s) && tells_of_meeting(s.text) {
            return true;
        }
    }
    false
}

/// A word that only a call has: "phone", "telephone", "hotline", "video
/// call", "teleconference", "call" as a noun or verb of calling.
pub fn has_phone_word(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ascii_words(&lower).any(|(a, b)| {
        let w = &lower[a..b];
        matches!(
            w,
            "phone"
                | "phoned"
                | "phones"
                | "telephone"
                | "telephoned"
                | "hotline"
                | "teleconference"
                | "videoconference"
                | "call"
                | "calls"
                | "conversation"
        ) && !(w.starts_with("call") && calls_for(&lower[b..]))
    })
}

/// "calls for", "call on Seoul to": urging, not calling.
fn calls_for(after: &str) -> bool {
    let next = after.trim_start();
    next.starts_with("for ") || next.starts_with("on ") || next.starts_with("upon ")
}

/// "met", "held a summit", "held talks", "their first meeting", "talks in
/// …", "on the sidelines", "in person", "face-to-face".
fn tells_of_meeting(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = ascii_words(&lower).map(|(a, b)| &lower[a..b]).collect();
    words.iter().enumerate().any(|(k, w)| {
        let next = words.get(k + 1).copied();
        // "agreed to meet", "will hold a summit", "invited Xi to the
        // summit": a meeting planned is no meeting held.
        let planned = words[k.saturating_sub(4)..k].iter().any(|p| {
            matches!(
                *p,
                "to" | "will"
                    | "would"
                    | "invited"
                    | "invite"
                    | "attend"
                    | "upcoming"
                    | "next"
                    | "plan"
                    | "planned"
            )
        });
        if planned {
            return false;
        }
        let soon = |n: usize, of: &[&str]| words[k + 1..].iter().take(n).any(|x| of.contains(x));
        match *w {
            // A summit or a meeting is only a topic ("invited Xi to the
            // APEC summit") unless someone held it or met at it.
            // Headlines tell the past in the present: "Park and Obama meet
            // in Phnom Penh".
            // "must be met with a firm response" is no meeting.
            "met"
                if k > 0
                    && matches!(words[k - 1], "be" | "been" | "was" | "were" | "is" | "are") =>
            {
                false
            }
            "met" | "meet" | "meets" | "sidelines" => next != Some("by"),
            "held" | "hold" | "holds" => soon(3, &["summit", "talks", "meeting", "summits"]),
            "meeting" => k > 0 && matches!(words[k - 1], "face" | "person" | "first" | "their"),
            "talks" | "talked" => matches!(next, Some("in" | "at")),
            "person" => k > 0 && words[k - 1] == "in",
            "face" => next == Some("to"),
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(text: &str, lead: bool) -> Sent<'_> {
        Sent {
            text,
            lead,
            call: true,
            mentions: &[],
        }
    }

    #[test]
    fn phone_words() {
        assert!(has_phone_word("They talked by phone for 30 minutes."));
        assert!(has_phone_word("the first call over the leaders' hotline"));
        assert!(has_phone_word("Xi called Moon. It was their first call."));
        assert!(!has_phone_word(
            "Xi calls for restraint and calls on Seoul to act."
        ));
        assert!(!has_phone_word(
            "The two leaders met in Tokyo and talked for an hour."
        ));
    }

    #[test]
    fn a_summit_lead_without_a_phone_word_is_a_meeting() {
        let sents = [
            sent("Lee, Ishiba hold talks in Tokyo", true),
            sent(
                "The two leaders met on the sidelines of the G7 summit on Monday.",
                true,
            ),
            sent("They had spoken by phone a week earlier.", false),
        ];
        assert!(is_meeting_report(&sents, None, None));
    }

    #[test]
    fn a_summit_that_looks_back_on_a_call_is_a_meeting() {
        let sents = [
            sent("The two leaders hold first summit in Berlin", true),
            sent(
                "The two leaders held their first summit here Thursday.",
                true,
            ),
            sent(
                "It came two months after the leaders spoke by phone on May 11.",
                true,
            ),
        ];
        assert!(is_meeting_report(&sents, None, None));
    }

    #[test]
    fn a_passive_met_is_no_meeting() {
        let sents = [
            sent(
                "The two leaders agreed the test must be met with a firm response.",
                true,
            ),
            sent("They spoke by phone for 20 minutes.", true),
        ];
        assert!(!is_meeting_report(&sents, None, None));
    }

    #[test]
    fn a_call_that_plans_a_summit_is_a_call() {
        let sents = [
            sent(
                "The two leaders agree to hold a summit at an early date",
                true,
            ),
            sent(
                "The two leaders said they will meet at the upcoming summit in Seoul.",
                true,
            ),
            sent("They spoke by phone for 40 minutes.", true),
        ];
        assert!(!is_meeting_report(&sents, None, None));
        let sents = [
            sent("The two leaders agreed to meet at an early date.", true),
            sent("They spoke by phone for 40 minutes.", true),
        ];
        assert!(!is_meeting_report(&sents, None, None));
        let sents = [
            sent("Moon and Xi agreed Thursday to exchange envoys.", true),
            sent("The two leaders talked for 35 minutes.", true),
        ];
        assert!(!is_meeting_report(&sents, None, None));
    }
}
