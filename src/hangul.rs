//! Hangul text primitives for Korean search and matching: 초성 (initial
//! consonant) extraction and matching the way Korean search boxes do it
//! (ㅅㅈㅍ finds 시진핑), and stripping the particles and 하다-endings
//! Korean glues to a word (통화를, 통화에서 → 통화), so a word index and the
//! name matcher can see the bare word. Pure functions over `&str`; no
//! tables outside this file.

/// First and last precomposed Hangul syllable (가 … 힣).
const SYLLABLE_FIRST: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
/// Syllables per initial consonant: 21 vowels × 28 finals.
const PER_INITIAL: u32 = 21 * 28;
/// Finals per vowel (the first is "no final").
const FINALS: u32 = 28;
/// The index of ㄹ among the finals, which lets 로 follow a consonant.
const FINAL_RIEUL: u32 = 8;

/// The 19 initial consonants, as the compatibility jamo a keyboard types
/// (U+3131 …), in the order of the syllable block.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// A precomposed Hangul syllable (가 … 힣). Bare jamo (ㄱ, ㅏ) are not
/// syllables; see `is_hangul` for the wider test.
pub fn is_syllable(c: char) -> bool {
    (SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&(c as u32))
}

/// Any Hangul letter: a syllable, a compatibility jamo (ㄱ … ㅣ, what a
/// keyboard types before composing) or a conjoining jamo (U+1100 …, what
/// NFD text holds).
pub fn is_hangul(c: char) -> bool {
    is_syllable(c)
        || matches!(c as u32, 0x3131..=0x318E | 0x1100..=0x11FF | 0xA960..=0xA97F | 0xD7B0..=0xD7FF)
}

/// Whether any character of `s` is Hangul.
pub fn has_hangul(s: &str) -> bool {
    // Most text holds no byte that can lead a Hangul character, and is
    // ruled out a block at a time without decoding one (typographic
    // quotes and dashes lead with 0xE2, which no Hangul does).
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = crate::sanitize::find_byte(bytes, from, may_lead_hangul) {
        if s.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_hangul)
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Whether `b` may be the first byte of a Hangul character in UTF-8
/// (U+1100… 0xE1, U+3131… 0xE3, U+A960… and the syllables 0xEA–0xED; a
/// test checks every character).
fn may_lead_hangul(b: u8) -> bool {
    matches!(b, 0xe1 | 0xe3 | 0xea..=0xed)
}

/// The initial consonant of a syllable, as a compatibility jamo.
fn initial_of(c: char) -> Option<char> {
    is_syllable(c).then(|| INITIALS[((c as u32 - SYLLABLE_FIRST) / PER_INITIAL) as usize])
}

/// The final consonant index of a syllable (0 = none).
fn final_of(c: char) -> Option<u32> {
    is_syllable(c).then(|| (c as u32 - SYLLABLE_FIRST) % FINALS)
}

/// A compatibility jamo that can start a syllable (ㄱ ㄲ ㄴ … ㅎ; not the
/// final-only clusters ㄳ ㄵ … nor vowels).
pub fn is_initial_jamo(c: char) -> bool {
    INITIALS.contains(&c)
}

/// The 초성 of `s`: each syllable replaced by its initial consonant (문재인
/// → ㅁㅈㅇ). Every other character passes through unchanged, one char for
/// one char, so char index `i` of the result is char index `i` of `s`: a
/// match in the result highlights the same positions in the text.
pub fn initial_consonants(s: &str) -> String {
    s.chars().map(|c| initial_of(c).unwrap_or(c)).collect()
}

/// A query made only of initial consonants (ㅁㅈㅇ, ㅅㅈㅍ): what a Korean
/// user types to search by 초성. Empty, spaced or mixed queries are not.
pub fn is_initials_query(q: &str) -> bool {
    !q.is_empty() && q.chars().all(is_initial_jamo)
}

/// Where `query` matches `text` by 초성: the char indices of the
/// syllables matched, contiguous and inside one word (a run of
/// syllables), as Korean search boxes match (ㅅㅈㅍ → 시진핑 in "시진핑
/// 국가주석은"; ㄱㄱㅈㅅ → 국가주석). A query char that is a consonant
/// matches a syllable with that initial (ㄱ matches 가, not 까); a query
/// syllable matches only itself, so mixed queries (시ㅈㅍ) work too. A match
/// at the start of a word wins over an earlier one inside a word; among
/// those, the first. `None` for an empty query or no match.
pub fn initials_match(query: &str, text: &str) -> Option<Vec<usize>> {
    let q: Vec<char> = query.chars().collect();
    if q.is_empty() || !q.iter().all(|&c| is_initial_jamo(c) || is_syllable(c)) {
        return None;
    }
    let t: Vec<char> = text.chars().collect();
    let fits = |at: usize| {
        at + q.len() <= t.len()
            && q.iter().zip(&t[at..]).all(|(&want, &got)| {
                is_syllable(got) && (want == got || initial_of(got) == Some(want))
            })
    };
    let mut inside = None;
    for at in 0..t.len() {
        if !fits(at) {
            continue;
        }
        let word_start = at == 0 || !is_syllable(t[at - 1]);
        if word_start {
            return Some((at..at + q.len()).collect());
        }
        inside.get_or_insert(at);
    }
    inside.map(|at| (at..at + q.len()).collect())
}

/// What the syllable before a particle must end in.
#[derive(Clone, Copy)]
enum After {
    /// Either (에서, 의, 도 …).
    Any,
    /// A final consonant (은, 이, 을, 과, 으로).
    Consonant,
    /// No final consonant (는, 가, 를, 와).
    Vowel,
    /// No final, or ㄹ (로, 로서: 서울로, 말로).
    VowelOrRieul,
}

/// Particles and 하다-endings, longest first so 에서는 is cut whole, not as
/// 는. Each with what must precede it, which keeps most names whole: 스가
/// does not lose 가 (가 needs a vowel-final stem of two syllables or more,
/// see `stem`), 문재인 does not lose 인 (not a particle).
const SUFFIXES: &[(&str, After)] = &[
    ("했습니다", After::Any),
    ("했으며", After::Any),
    ("했다고", After::Any),
    ("하기로", After::Any),
    ("에서는", After::Any),
    ("에서도", After::Any),
    ("에게서", After::Any),
    ("으로는", After::Consonant),
    ("으로서", After::Consonant),
    ("으로써", After::Consonant),
    ("께서는", After::Any),
    ("까지는", After::Any),
    ("부터는", After::Any),
    ("이라는", After::Consonant),
    ("했다", After::Any),
    ("했고", After::Any),
    ("한다", After::Any),
    ("하며", After::Any),
    ("하는", After::Any),
    ("에서", After::Any),
    ("에게", After::Any),
    ("께서", After::Any),
    ("으로", After::Consonant),
    ("로서", After::VowelOrRieul),
    ("로써", After::VowelOrRieul),
    ("로는", After::VowelOrRieul),
    ("까지", After::Any),
    ("부터", After::Any),
    ("처럼", After::Any),
    ("보다", After::Any),
    ("과의", After::Consonant),
    ("와의", After::Vowel),
    ("에는", After::Any),
    ("에도", After::Any),
    ("라는", After::Vowel),
    ("이나", After::Consonant),
    ("하고", After::Any),
    ("은", After::Consonant),
    ("는", After::Vowel),
    ("이", After::Consonant),
    ("가", After::Vowel),
    ("을", After::Consonant),
    ("를", After::Vowel),
    ("과", After::Consonant),
    ("와", After::Vowel),
    ("에", After::Any),
    ("의", After::Any),
    ("도", After::Any),
    ("만", After::Any),
    ("로", After::VowelOrRieul),
];

/// `word` without the one particle or 하다-ending Korean glued to it:
/// 통화를, 통화에서, 통화는, 통화했다 → 통화; 대통령과 → 대통령; 국가주석은 →
/// 국가주석. A word not ending in Hangul is returned whole.
///
/// Guards, so names survive: the stem keeps at least one syllable, and
/// two when the suffix is a single syllable (so 나이, 스가, 시가 stay
/// whole); the particle must fit the stem's last sound (은/이/을/과 after a
/// final consonant, 는/가/를/와 after none). Limits: only one suffix is cut
/// (통화에서만 → 통화에서); a noun of three syllables or more ending in what
/// looks like a fitting particle loses it (정상회의 → 정상회: 의 follows
/// anything), while one of two keeps it (제도, 회의: one syllable would be
/// left); verbs other than 하다 keep their endings (밝혔다); Latin or digits
/// before a particle are left alone (APEC은), since the sound they end in
/// is unknown.
pub fn stem(word: &str) -> &str {
    for &(suffix, after) in SUFFIXES {
        let Some(rest) = word.strip_suffix(suffix) else {
            continue;
        };
        let syllables = rest.chars().filter(|&c| is_syllable(c)).count();
        let needed = if suffix.chars().count() == 1 { 2 } else { 1 };
        let Some(last) = rest.chars().next_back() else {
            continue;
        };
        if syllables < needed || !is_syllable(last) {
            continue;
        }
        let fin = final_of(last).unwrap_or(0);
        let fits = match after {
            After::Any => true,
            After::Consonant => fin != 0,
            After::Vowel => fin == 0,
            After::VowelOrRieul => fin == 0 || fin == FINAL_RIEUL,
        };
        if fits {
            return rest;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hangul_character_is_found_by_its_first_byte() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(has_hangul(&alone), is_hangul(c), "{c:?}");
            // Among other text, past a block of it, with a lead byte
            // that is not Hangul's before it.
            if is_hangul(c) || (c as u32).is_multiple_of(97) {
                let among = format!("“{}” — {alone} x", "a".repeat(40));
                assert_eq!(has_hangul(&among), is_hangul(c), "{c:?}");
            }
        }
    }

    #[test]
    fn hangul_tests() {
        assert!(is_hangul('문') && is_hangul('ㅁ') && is_hangul('ㅏ') && is_hangul('\u{1100}'));
        assert!(!is_hangul('習') && !is_hangul('a') && !is_hangul('。'));
        assert!(has_hangul("Moon 문재인") && !has_hangul("習近平 Xi"));
        assert!(is_syllable('가') && is_syllable('힣') && !is_syllable('ㄱ'));
    }

    #[test]
    fn initials_of_names_and_mixed_text() {
        assert_eq!(initial_consonants("문재인"), "ㅁㅈㅇ");
        assert_eq!(initial_consonants("시진핑"), "ㅅㅈㅍ");
        assert_eq!(initial_consonants("까치"), "ㄲㅊ");
        // Other characters pass through, one for one.
        assert_eq!(initial_consonants("문 대통령, Xi 習"), "ㅁ ㄷㅌㄹ, Xi 習");
        let s = "이재명 대통령은";
        assert_eq!(initial_consonants(s).chars().count(), s.chars().count());
    }

    #[test]
    fn initials_queries() {
        assert!(is_initials_query("ㅁㅈㅇ") && is_initials_query("ㄲ"));
        assert!(!is_initials_query(""));
        assert!(!is_initials_query("ㅁ ㅈ"));
        assert!(!is_initials_query("ㅁ재ㅇ"));
        assert!(!is_initials_query("ㅏ") && !is_initials_query("ㄳ"));
        assert!(!is_initials_query("moon"));
    }

    #[test]
    fn initials_match_syllables_in_a_word() {
        assert_eq!(initials_match("ㅅㅈㅍ", "시진핑"), Some(vec![0, 1, 2]));
        assert_eq!(
            initials_match("ㅅㅈㅍ", "중국 시진핑 국가주석은"),
            Some(vec![3, 4, 5])
        );
        assert_eq!(
            initials_match("ㄱㄱㅈㅅ", "시진핑 국가주석은"),
            Some(vec![4, 5, 6, 7])
        );
        // Mixed: a syllable in the query matches only itself.
        assert_eq!(initials_match("시ㅈㅍ", "시진핑"), Some(vec![0, 1, 2]));
        assert_eq!(initials_match("사ㅈㅍ", "시진핑"), None);
        // Not across a space: syllables of one word only.
        assert_eq!(initials_match("ㅁㄷ", "문 대통령"), None);
        // ㄱ is not ㄲ.
        assert_eq!(initials_match("ㄱㅊ", "까치"), None);
        assert_eq!(initials_match("", "시진핑"), None);
        assert_eq!(initials_match("xi", "xi"), None);
        assert_eq!(initials_match("ㅁㅈㅇㅇ", "문재인"), None);
    }

    #[test]
    fn initials_match_prefers_word_start() {
        // ㅌㅎ first fits inside 전화통화, but the later 통화 starts a word.
        assert_eq!(initials_match("ㅌㅎ", "전화통화 통화를"), Some(vec![5, 6]));
        // Inside a word when nothing starts one.
        assert_eq!(initials_match("ㅌㅎ", "전화통화를"), Some(vec![2, 3]));
    }

    #[test]
    fn stems_drop_particles() {
        for (word, want) in [
            ("통화를", "통화"),
            ("통화에서", "통화"),
            ("통화는", "통화"),
            ("통화에서는", "통화"),
            ("통화했다", "통화"),
            ("대통령과", "대통령"),
            ("대통령은", "대통령"),
            ("대통령의", "대통령"),
            ("국가주석은", "국가주석"),
            ("국가주석과의", "국가주석"),
            ("시진핑이", "시진핑"),
            ("트럼프와", "트럼프"),
            ("트럼프는", "트럼프"),
            ("이시바는", "이시바"),
            ("서울로", "서울"),
            ("중국으로", "중국"),
            ("한국도", "한국"),
            ("스가가", "스가"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    #[test]
    fn stems_keep_names_and_bare_words() {
        for word in [
            "통화",
            "문재인",
            "시진핑",
            "스가",
            "나이",
            "이",
            "은",
            "문",
            "기시다",
            "바이든",
            "Xi",
            "Moon은x",
            "",
        ] {
            assert_eq!(stem(word), word, "{word}");
        }
        // The particle must fit the sound before it: 은 after a vowel, 는
        // after a consonant are not particles.
        assert_eq!(stem("트럼프은"), "트럼프은");
        assert_eq!(stem("대통령는"), "대통령는");
        // Latin before a particle is not stripped: the stem must end in Hangul.
        assert_eq!(stem("APEC은"), "APEC은");
    }
}
