//! Character-level rules shared by the index, the matcher and the
//! highlighter: case folding, what a word is, when a query word is "close"
//! to a text word, and how a word matches a short field. Every rule here is
//! monotone (typing one more letter never adds matches), which is what lets
//! the worker re-check only the previous hits.

/// Case-fold one character. One char in, one char out, so positions in the
/// folded form and the original line up character for character.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

pub fn fold_into(text: &str, out: &mut String) {
    // Most words are ASCII: lower-cased in place, not char by char (a
    // tenth of the word index's build went to pushing chars).
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(text.chars().map(fold));
    }
}

pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Letters and digits make words; everything else separates them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Calls `f(start, end)` for every word of `text` (byte range): each run of
/// word characters, and also each hyphenated compound of two or more runs
/// ("covid-19", "people-to-people"), so `covid` finds `covid-19` by prefix
/// and `pacific` finds `Asia-Pacific` by its part.
pub fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut compound_start: Option<usize> = None;
    let mut parts = 0;
    let mut run_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            if run_start.is_none() {
                run_start = Some(i);
            }
            continue;
        }
        if let Some(start) = run_start.take() {
            f(start, i);
            compound_start.get_or_insert(start);
            parts += 1;
            // A single hyphen between two runs keeps the compound going.
            let joins = c == '-' && chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            if joins {
                continue;
            }
            if let Some(cs) = compound_start.take()
                && parts > 1
            {
                f(cs, i);
            }
            parts = 0;
        } else {
            compound_start = None;
            parts = 0;
        }
    }
    if let Some(start) = run_start {
        f(start, bytes.len());
        parts += 1;
        if let Some(cs) = compound_start
            && parts > 1
        {
            f(cs, bytes.len());
        }
    }
}

/// How well a query word fits a text word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    /// Letters of the word skipped between the query's ("blmbrg" →
    /// Bloomberg, "denuclearzation").
    Near,
    /// The query is a prefix of the word (`denuc` → denuclearization).
    Prefix,
    /// The whole word.
    Whole,
}

/// Letters that must match exactly at the start of the word: two keep
/// `apec` from finding "aspect" and `moon` from finding "motion".
const EXACT_HEAD: usize = 2;

/// Letters of a word that a query of `len` letters may skip: none up to
/// four letters (a short word is typed whole), then two, then three from
/// six letters on. The same rule for body words, titles, outlets, leaders
/// and topics. Monotone within one budget, which is what
/// `Term::narrows` relies on.
pub fn skip_budget(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5 => 2,
        _ => 3,
    }
}

/// The close-match rule: is `query` (folded chars) a prefix of `word`, or
/// its letters in order from the word's start, the first two adjacent,
/// with at most `skip_budget` letters of the word skipped between them?
/// Returns the closeness and the byte length of `word` up to the last
/// matched character, so a highlight covers just the matched part.
/// `word` may be unfolded: characters are folded as they are read.
pub fn close(word: &str, query: &[char]) -> Option<(Closeness, usize)> {
    if query.is_empty() {
        return None;
    }
    let budget = skip_budget(query.len());
    let mut qi = 0;
    let mut skips = 0;
    let mut end = 0;
    let mut chars = word.char_indices();
    for (i, c) in chars.by_ref() {
        if fold(c) == query[qi] {
            qi += 1;
            end = i + c.len_utf8();
            if qi == query.len() {
                break;
            }
        } else if qi < EXACT_HEAD || skips == budget {
            return None;
        } else {
            skips += 1;
        }
    }
    if qi < query.len() {
        return None;
    }
    let closeness = if skips > 0 {
        Closeness::Near
    } else if chars.next().is_none() {
        Closeness::Whole
    } else {
        Closeness::Prefix
    };
    Some((closeness, end))
}

/// `'exact` (fzf): the byte range of the first place `query` (folded
/// chars) occurs in `text`, anywhere, case-insensitively.
pub fn find_exact(text: &str, query: &[char]) -> Option<(usize, usize)> {
    let n = query.len();
    if n == 0 {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    (0..chars.len().saturating_sub(n - 1)).find_map(|h| {
        let hit = chars[h..h + n]
            .iter()
            .zip(query)
            .all(|(&(_, c), &q)| fold(c) == q);
        hit.then(|| {
            let (last, c) = chars[h + n - 1];
            (chars[h].0, last + c.len_utf8())
        })
    })
}

/// Fuzzy match on a short field (outlet, leader name, topic, date): the
/// query splits into pieces, each a run of the field's characters that
/// starts at a word head, in order ("jin" → Xi *Jin*ping, "moonjae" →
/// *Moon* *Jae*-in, "apec" → *A*sia-*P*acific *E*conomic *C*ooperation).
/// Letters scattered inside words never match. `field` is folded chars.
/// On success, `positions` (when given) receives the matched char indices.
pub fn pieces(field: &[char], query: &[char], positions: Option<&mut Vec<usize>>) -> bool {
    if query.is_empty() || query.len() > field.len() {
        return false;
    }
    // Dead (query index, field index) states, so the search stays
    // polynomial on adversarial input.
    let width = field.len() + 1;
    let mut dead = vec![false; (query.len() + 1) * width];
    let mut path = Vec::new();
    let ok = search_pieces(field, query, 0, 0, &mut dead, width, &mut path);
    if ok && let Some(out) = positions {
        out.extend(path);
    }
    ok
}

fn is_head(field: &[char], i: usize) -> bool {
    is_word_char(field[i]) && (i == 0 || !is_word_char(field[i - 1]))
}

fn search_pieces(
    field: &[char],
    query: &[char],
    qi: usize,
    from: usize,
    dead: &mut [bool],
    width: usize,
    path: &mut Vec<usize>,
) -> bool {
    if qi == query.len() {
        return true;
    }
    if dead[qi * width + from] {
        return false;
    }
    for head in from..field.len() {
        if !is_head(field, head) || field[head] != query[qi] {
            continue;
        }
        let mut run = 0;
        while head + run < field.len()
            && qi + run < query.len()
            && field[head + run] == query[qi + run]
        {
            run += 1;
        }
        // Longest run first: fewer pieces read better and score higher.
        for take in (1..=run).rev() {
            let mark = path.len();
            path.extend(head..head + take);
            if search_pieces(field, query, qi + take, head + take, dead, width, path) {
                return true;
            }
            path.truncate(mark);
        }
    }
    dead[qi * width + from] = true;
    false
}

/// Exact (`'word`, fzf) on a short field: the query occurs in the field,
/// anywhere.
pub fn exact_in_field(field: &[char], query: &[char]) -> bool {
    let n = query.len();
    n > 0 && n <= field.len() && field.windows(n).any(|w| w == query)
}

/// A short field matches a fuzzy word when its pieces do (acronyms,
/// "moonjae") or when one of its words is close to the query by the same
/// rule as body words ("blomberg" → Bloomberg, "jinpng" → Jinping).
pub fn field_matches(field: &[char], query: &[char]) -> bool {
    // Both ways below take the query's letters from the field in order
    // (as stored for pieces, folded again for words): a field without
    // them in order is out before either allocates. A keystroke runs this
    // on every call's id.
    if !in_order(field, query) {
        return false;
    }
    if pieces(field, query, None) {
        return true;
    }
    let text: String = field.iter().collect();
    let mut hit = false;
    for_each_word(&text, |s, e| {
        hit = hit || close(&text[s..e], query).is_some()
    });
    hit
}

/// Whether `query` is a subsequence of `field` as stored or of `field`
/// folded, in one pass.
fn in_order(field: &[char], query: &[char]) -> bool {
    let (mut stored, mut folded) = (0, 0);
    for &c in field {
        if stored == query.len() || folded == query.len() {
            break;
        }
        if query[stored] == c {
            stored += 1;
        }
        if query[folded] == fold(c) {
            folded += 1;
        }
    }
    stored == query.len() || folded == query.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word(text, |s, e| out.push(&text[s..e]));
        out
    }

    #[test]
    fn words_include_parts_and_compounds() {
        assert_eq!(
            words("the COVID-19 (APEC)Summit, Xi's 이재명 talk"),
            [
                "the",
                "COVID",
                "19",
                "COVID-19",
                "APEC",
                "Summit",
                "Xi",
                "s",
                "이재명",
                "talk"
            ]
        );
        assert_eq!(words("a-b-c"), ["a", "b", "c", "a-b-c"]);
        assert_eq!(words("end- x"), ["end", "x"]);
    }

    #[test]
    fn close_match_rule() {
        let c = |w: &str, s: &str| close(w, &q(s)).map(|(k, _)| k);
        assert_eq!(c("denuclearization", "denuc"), Some(Closeness::Prefix));
        assert_eq!(c("covid-19", "covid"), Some(Closeness::Prefix));
        assert_eq!(c("apec", "apec"), Some(Closeness::Whole));
        assert_eq!(c("aspect", "apec"), None);
        assert_eq!(
            c("denuclearization", "denuclearzation"),
            Some(Closeness::Near)
        );
        assert_eq!(c("denuclearization", "dnuc"), None);
        // Skipped letters, within a budget that grows with the query.
        assert_eq!(c("Bloomberg", "blomberg"), Some(Closeness::Near));
        assert_eq!(c("Bloomberg", "blmbrg"), Some(Closeness::Near));
        assert_eq!(c("Yonhap", "yonhp"), Some(Closeness::Near));
        assert_eq!(c("motion", "moon"), None);
        assert_eq!(c("Bloomberg", "bmbrg"), None);
        assert_eq!(c("Xinhua", "xi"), Some(Closeness::Prefix));
    }

    #[test]
    fn close_match_end_is_a_byte_offset() {
        assert_eq!(close("이재명님", &q("이재")), Some((Closeness::Prefix, 6)));
    }

    #[test]
    fn pieces_start_at_word_heads() {
        let f = |field: &str, s: &str| pieces(&q(field), &q(s), None);
        assert!(f("xi jinping", "jin"));
        assert!(f("moon jae-in", "moonjae"));
        assert!(f("asia-pacific economic cooperation", "apec"));
        assert!(f("2020-02-20", "2020-02"));
        assert!(!f("xi jinping", "ping"));
        assert!(!f("yonhap", "onh"));
        let mut pos = Vec::new();
        assert!(pieces(&q("moon jae-in"), &q("mj"), Some(&mut pos)));
        assert_eq!(pos, [0, 5]);
    }

    #[test]
    fn pieces_survive_adversarial_input() {
        let field: Vec<char> = "a ".repeat(60).chars().collect();
        assert!(!pieces(&field, &q(&"a".repeat(40)), None) || field.len() >= 40);
        assert!(!pieces(&field, &q(&format!("{}b", "a".repeat(30))), None));
    }

    #[test]
    fn exact_is_a_substring_as_in_fzf() {
        assert!(exact_in_field(&q("covid-19"), &q("covid")));
        assert!(exact_in_field(&q("covid-19"), &q("covid-19")));
        assert!(exact_in_field(&q("xi jinping"), &q("jinp")));
        assert!(exact_in_field(&q("yonhap news"), &q("hap n")));
        assert!(!exact_in_field(&q("yonhap news"), &q("yonhp")));
        assert_eq!(find_exact("Xi Jinping", &q("jinp")), Some((3, 7)));
        assert_eq!(find_exact("이재명님", &q("재명")), Some((3, 9)));
        assert_eq!(find_exact("Xi", &q("xij")), None);
    }

    #[test]
    fn outlets_leaders_and_titles_are_fuzzy_the_same_way() {
        assert!(field_matches(&q("bloomberg"), &q("blomberg")));
        assert!(field_matches(&q("bloomberg"), &q("blmbrg")));
        assert!(field_matches(&q("yonhap"), &q("yonhp")));
        assert!(field_matches(&q("xi jinping"), &q("jinpng")));
        assert!(field_matches(
            &q("asia-pacific economic cooperation"),
            &q("apec")
        ));
        assert!(!field_matches(&q("bloomberg"), &q("onh")));
    }
}
