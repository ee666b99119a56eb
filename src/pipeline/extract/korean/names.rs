//! How Korean writes a leader's name: a particle glued to it (트럼프와,
//! 시진핑과, 이시바는), a one-syllable surname that is a name only before a
//! title (문 대통령, 시 주석, 한 권한대행, while 시 alone is "city"), and
//! "<country> <title>" descriptors after the name (시진핑 중국 국가주석).

use std::ops::Range;

use super::words::{TitleKind, leader_titles};
use crate::hangul::{has_hangul, is_syllable, stem};
use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::pipeline::extract::mention::{Kind, RawMention};
use crate::pipeline::extract::text::is_word_char;

/// The registry's Korean surnames (`ko_surname`), each with its index in
/// the name matcher's surname table, which they join without joining its
/// patterns: they are never matched alone.
#[derive(Debug, Clone, Default)]
pub struct KoSurnames(Vec<(String, usize)>);

impl KoSurnames {
    /// Adds each leader's Korean surname to `surnames` (its leaders to an
    /// entry already there).
    pub fn new(leaders: &Leaders, surnames: &mut Vec<(String, Vec<LeaderId>)>) -> KoSurnames {
        let mut all: Vec<(String, usize)> = Vec::new();
        for id in leaders.ids() {
            let Some(ko) = &leaders.get(id).ko_surname else {
                continue;
            };
            match all.iter().find(|(s, _)| s == ko) {
                Some(&(_, i)) => surnames[i].1.push(id),
                None => {
                    all.push((ko.clone(), surnames.len()));
                    surnames.push((ko.clone(), vec![id]));
                }
            }
        }
        KoSurnames(all)
    }

    /// Whether entry `i` of the surname table is a Korean surname.
    pub fn holds(&self, i: usize) -> bool {
        self.0.iter().any(|&(_, k)| k == i)
    }

    /// "문 대통령", "시 주석": each Korean surname before a title in
    /// `sentence` outside the phrases already in `out`, appended to `out`.
    /// English text costs one scan for Hangul.
    pub fn scan(&self, sentence: &str, out: &mut Vec<RawMention>) {
        if self.0.is_empty() || sentence.is_ascii() || !has_hangul(sentence) {
            return;
        }
        let phrases = out.len();
        for t in titled_surnames(sentence) {
            let Some(&(_, i)) = self
                .0
                .iter()
                .find(|(s, _)| *s == sentence[t.surname.clone()])
            else {
                continue;
            };
            let inside = out[..phrases]
                .iter()
                .any(|m| m.start < t.whole.end && t.whole.start < m.end);
            if !inside {
                out.push(RawMention {
                    start: t.whole.start,
                    end: t.whole.end,
                    kind: Kind::Surname(i),
                });
            }
        }
    }
}

/// Korean titles that make "<country> <title>" a descriptor of that
/// country's leader, and whether the title is the elect one.
pub const DESCRIPTOR_TITLES: &[(&str, bool)] = &[
    ("대통령", false),
    ("국가주석", false),
    ("주석", false),
    ("총리", false),
    ("대통령 당선인", true),
    ("대통령 당선자", true),
];

/// Whether the word running on past `end` (an alias or descriptor match
/// starting at `start` on a word boundary) is that match with one Korean
/// particle glued on: "트럼프와" for "트럼프", not "아소산" for "아소".
pub fn particle_follows(text: &str, start: usize, end: usize) -> bool {
    let (Some(head), Some(tail)) = (text.get(start..end), text.get(end..)) else {
        return false;
    };
    if !head.chars().next_back().is_some_and(is_syllable) {
        return false;
    }
    let more = tail.find(|c: char| !is_word_char(c)).unwrap_or(tail.len());
    more > 0 && stem(&text[start..end + more]).len() == head.len()
}

/// A one-syllable word right before a leader title ("문 대통령", "시
/// 주석은", "한 권한대행"): the surname, its span, the span up to the end of
/// the title, and the title's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitledSurname {
    pub surname: Range<usize>,
    pub whole: Range<usize>,
    pub kind: TitleKind,
}

/// Every one-syllable word standing right before a title (one space or
/// none between them), in order. Which of them are leaders' surnames is
/// the caller's to say.
pub fn titled_surnames(text: &str) -> Vec<TitledSurname> {
    let mut out = Vec::new();
    for (kind, title) in leader_titles(text) {
        let before = &text[..title.start];
        let head = before.strip_suffix(' ').unwrap_or(before);
        let mut back = head.chars().rev();
        let Some(c) = back.next().filter(|&c| is_syllable(c)) else {
            continue;
        };
        if back.next().is_some_and(is_word_char) {
            continue;
        }
        let start = head.len() - c.len_utf8();
        out.push(TitledSurname {
            surname: start..head.len(),
            whole: start..title.end,
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_after_names() {
        let s = "문재인 대통령은 트럼프와 통화했다.";
        let at = s.find("트럼프").unwrap_or_default();
        assert!(particle_follows(s, at, at + "트럼프".len()));
        let s = "시진핑과 통화";
        assert!(particle_follows(s, 0, "시진핑".len()));
        let s = "이시바는 말했다";
        assert!(particle_follows(s, 0, "이시바".len()));
        // Decoy: a longer word that only starts with the name.
        let s = "아소산에 올랐다";
        assert!(!particle_follows(s, 0, "아소".len()));
        // Nothing glued on: the plain boundary rule's case, not this one.
        let s = "트럼프 대통령";
        assert!(!particle_follows(s, 0, "트럼프".len()));
    }

    #[test]
    fn one_syllable_surnames_before_titles() {
        let words = |s: &str| -> Vec<(String, TitleKind)> {
            titled_surnames(s)
                .into_iter()
                .map(|t| (s[t.surname].to_string(), t.kind))
                .collect()
        };
        assert_eq!(
            words("문 대통령은 시 주석과 통화했다."),
            [
                ("문".to_string(), TitleKind::Leader),
                ("시".to_string(), TitleKind::Leader)
            ]
        );
        assert_eq!(
            words("윤 당선인과 한 권한대행"),
            [
                ("윤".to_string(), TitleKind::Elect),
                ("한".to_string(), TitleKind::Acting)
            ]
        );
        // Decoys: a full name before the title, a title alone.
        assert!(words("문재인 대통령은").is_empty());
        assert!(words("대통령은 말했다").is_empty());
        assert!(words("미국 대통령").is_empty());
    }
}
