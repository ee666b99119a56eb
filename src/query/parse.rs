//! The query language: whitespace-separated words, ANDed; `'word` exact,
//! `!word` excluded, and field prefixes (`src:`, `era:`, `with:`, `year:`,
//! `topic:`) that confine a word to one field; `is:` asks for the user's
//! own marks (`is:unread`, `!is:bookmarked`). Owns parsing and the
//! "does this query only narrow that one" test the worker relies on.

use super::fold::{fold_into, is_word_char, skip_budget};

/// Where a term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Title, outlet, leaders, topics, dates and body words.
    Any,
    /// The outlet (`src:`).
    Source,
    /// The home leader whose term the article falls in (`era:`).
    Era,
    /// The counterpart on the call (`with:`).
    With,
    /// The year of the call, or of publication (`year:`).
    Year,
    /// The call's topics (`topic:`).
    Topic,
    /// The user's marks (`is:`): not in the index, which holds the corpus
    /// only; the matcher passes these terms and `Query::keeps` decides.
    Is,
}

/// A mark `is:` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Bookmarked,
    Unread,
    Read,
    /// The article's call has a note.
    Noted,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Bookmarked,
        Status::Unread,
        Status::Read,
        Status::Noted,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Bookmarked => "bookmarked",
            Status::Unread => "unread",
            Status::Read => "read",
            Status::Noted => "noted",
        }
    }

    /// The status a typed value names: the whole name or its start
    /// (`is:b`), so the filter answers while the word is typed. The names
    /// start with different letters, so a start is never ambiguous.
    pub fn from_typed(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name().starts_with(text))
    }
}

/// A field prefix of the query language: the one table the parser, its
/// error messages and the help read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Typed before the colon (`src`).
    pub prefix: &'static str,
    pub field: Field,
    /// A query using it, for error messages (`src:yonhap`).
    pub example: &'static str,
    /// What it matches, for the help.
    pub matches: &'static str,
}

/// Every field prefix, in the order help and errors list them.
pub const FIELDS: [FieldSpec; 6] = [
    FieldSpec {
        prefix: "src",
        field: Field::Source,
        example: "src:yonhap",
        matches: "the outlet",
    },
    FieldSpec {
        prefix: "era",
        field: Field::Era,
        example: "era:moon",
        matches: "the home leader whose term the article falls in",
    },
    FieldSpec {
        prefix: "with",
        field: Field::With,
        example: "with:xi",
        matches: "the counterpart on the call",
    },
    FieldSpec {
        prefix: "year",
        field: Field::Year,
        example: "year:2020",
        matches: "the year of the call, or of publication",
    },
    FieldSpec {
        prefix: "topic",
        field: Field::Topic,
        example: "topic:apec",
        matches: "the call's topics",
    },
    FieldSpec {
        prefix: "is",
        field: Field::Is,
        example: "is:unread",
        matches: "your marks: bookmarked, unread, read, noted",
    },
];

/// The prefixes as typed, with their colons: "src:, era:, with:, year:, topic:".
pub fn prefix_list(separator: &str) -> String {
    FIELDS
        .iter()
        .map(|f| format!("{}:", f.prefix))
        .collect::<Vec<_>>()
        .join(separator)
}

/// An example value for each prefix, for its own error message.
fn example(field: Field) -> &'static str {
    FIELDS
        .iter()
        .find(|f| f.field == field)
        .map_or("xi", |f| f.example)
}

/// One query word after parsing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    pub field: Field,
    /// `'word`: the text anywhere, case-insensitively, instead of fuzzy
    /// (fzf's exact match).
    pub exact: bool,
    /// `!word`: articles matching it are dropped.
    pub negated: bool,
    /// Lower-cased (per character, like the index) search text.
    pub text: String,
}

impl Term {
    /// True when every article matching `self` also matches `previous`:
    /// typing one more letter of a fuzzy word only narrows, as long as
    /// it does not earn the word more skipped letters (`skip_budget`).
    /// Exact and negated words do not have this property.
    pub fn narrows(&self, previous: &Term) -> bool {
        if self == previous {
            return true;
        }
        !self.exact
            && !self.negated
            && !previous.exact
            && !previous.negated
            && self.field == previous.field
            && self.text.starts_with(&previous.text)
            && self.keys_narrow(previous)
    }

    /// The chars this term is matched by (`korean::key`).
    pub fn key(&self) -> Vec<char> {
        super::korean::key(&self.text, self.exact)
    }

    /// The matched keys (a Hangul word without its particle, or 초성) must
    /// extend each other too, within one skip budget.
    fn keys_narrow(&self, previous: &Term) -> bool {
        if !crate::hangul::has_hangul(&self.text) {
            return skip_budget(self.text.chars().count())
                == skip_budget(previous.text.chars().count());
        }
        let (new, old) = (self.key(), previous.key());
        super::korean::keys_narrow(&new, &old) && skip_budget(new.len()) == skip_budget(old.len())
    }
}

/// A parsed filter. `parse` is the only way to make one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text as typed.
    pub text: String,
    pub terms: Vec<Term>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when this query's hits are a subset of `previous`'s, so only
    /// those need re-checking: the same words with the last one typed
    /// further, and possibly more words after it.
    pub fn narrows(&self, previous: &Query) -> bool {
        let (Some((last, head)), true) = (
            previous.terms.split_last(),
            self.terms.len() >= previous.terms.len(),
        ) else {
            return false;
        };
        head.iter().zip(&self.terms).all(|(a, b)| a == b) && self.terms[head.len()].narrows(last)
    }

    pub fn positive(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.negated)
    }

    /// The `is:` words, as (status, negated).
    pub fn statuses(&self) -> impl Iterator<Item = (Status, bool)> + '_ {
        self.terms
            .iter()
            .filter(|t| t.field == Field::Is)
            .filter_map(|t| Status::from_typed(&t.text).map(|s| (s, t.negated)))
    }

    /// Does an article with the marks `has` answers pass the `is:` words
    /// (the rest of the query is the index's to check).
    pub fn keeps(&self, has: impl Fn(Status) -> bool) -> bool {
        self.statuses()
            .all(|(status, negated)| has(status) != negated)
    }
}

/// Why a query could not be parsed ("a lone `!`", "unknown field `foo:`").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

pub fn parse(text: &str) -> Result<Query, QueryError> {
    let terms = text
        .split_whitespace()
        .map(parse_term)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Query {
        text: text.to_string(),
        terms,
    })
}

/// One word of the query. A word that could match nothing useful (a lone
/// `!` or `'`, a prefix without a value, punctuation or symbols only such
/// as `.*` or `😀`, which no word of any text holds) is an error saying
/// why, never a word silently dropped (that would match everything).
fn parse_term(word: &str) -> Result<Term, QueryError> {
    let (negated, rest) = match word.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    if negated && rest.is_empty() {
        return Err(QueryError(
            "a lone `!` excludes nothing: write `!word`".to_string(),
        ));
    }
    let (field, rest) = split_field(rest)?;
    let (exact, rest) = match rest.strip_prefix('\'') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    if rest.is_empty() {
        let what = if exact {
            "a lone `'` matches nothing: write `'word`".to_string()
        } else {
            format!(
                "`{word}` needs a value after the colon, e.g. `{}`",
                example(field)
            )
        };
        return Err(QueryError(what));
    }
    // Quotes and commas around a word ("apec", xi,) are not part of it;
    // inner punctuation is (covid-19, 2020-02). An en dash reads as a
    // hyphen, so a row label (Moon–Xi) can be typed as shown.
    let rest = rest.trim_matches(|c: char| !is_word_char(c));
    if rest.is_empty() {
        return Err(QueryError(if field == Field::Any {
            format!(
                "`{word}` has no letters or digits, and only words are matched (no patterns): it can match nothing"
            )
        } else {
            format!(
                "`{word}` has no letters or digits to match: write e.g. `{}`",
                example(field)
            )
        }));
    }
    if field == Field::Is {
        let lower = rest.to_lowercase();
        let status = Status::from_typed(&lower).ok_or_else(|| {
            let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
            QueryError(format!("`is:` takes {}, not `{rest}`", names.join(", ")))
        })?;
        return Ok(Term {
            field,
            exact: false,
            negated,
            text: status.name().to_string(),
        });
    }
    if field == Field::Year && !rest.chars().all(|c| c.is_ascii_digit()) {
        return Err(QueryError(format!(
            "`year:` takes digits, e.g. `year:2020`, not `{rest}`"
        )));
    }
    let mut folded = String::with_capacity(rest.len());
    fold_into(&rest.replace('–', "-"), &mut folded);
    Ok(Term {
        field,
        exact,
        negated,
        text: folded,
    })
}

/// `src:yonhap` → (Source, "yonhap"). A colon after letters that name no
/// field is an error; a colon elsewhere ("11:30") is just text.
fn split_field(word: &str) -> Result<(Field, &str), QueryError> {
    let Some((name, value)) = word.split_once(':') else {
        return Ok((Field::Any, word));
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return Ok((Field::Any, word));
    }
    let lower = name.to_ascii_lowercase();
    match FIELDS.iter().find(|f| f.prefix == lower) {
        Some(f) => Ok((f.field, value)),
        None => Err(QueryError(format!(
            "unknown field `{name}:` (known: {})",
            prefix_list(", ")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_table_lists_every_field_once() {
        assert_eq!(prefix_list(", "), "src:, era:, with:, year:, topic:, is:");
        for f in FIELDS {
            assert!(f.example.starts_with(&format!("{}:", f.prefix)));
            assert_eq!(split_field(f.example).map(|(field, _)| field), Ok(f.field));
        }
    }

    #[test]
    fn is_names_a_mark_by_its_start_and_refuses_others() {
        let q = parse("is:b !is:READ is:unread").unwrap();
        let got: Vec<(Status, bool)> = q.statuses().collect();
        assert_eq!(
            got,
            [
                (Status::Bookmarked, false),
                (Status::Read, true),
                (Status::Unread, false)
            ]
        );
        assert!(q.keeps(|s| s == Status::Bookmarked || s == Status::Unread));
        assert!(!q.keeps(|s| s != Status::Unread));
        assert!(!q.keeps(|_| true), "is:read refused by !is:read");
        let err = parse("is:starred").unwrap_err().0;
        assert!(err.contains("bookmarked, unread, read, noted"), "{err}");
        assert!(parse("is:").unwrap_err().0.contains("is:unread"));
        assert!(parse("is:b").unwrap().narrows(&parse("is:b").unwrap()));
    }

    #[test]
    fn punctuation_around_words_is_dropped() {
        let q = parse("\"apec\", (covid-19) xi.").unwrap();
        let texts: Vec<&str> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["apec", "covid-19", "xi"]);
    }

    fn term(q: &str) -> Term {
        parse(q).unwrap().terms.remove(0)
    }

    #[test]
    fn words_prefixes_exact_and_negation() {
        let q = parse("  Xi  !covid 'APEC src:Yonhap !era:moon ").unwrap();
        assert_eq!(q.terms.len(), 5);
        assert_eq!(q.terms[0].text, "xi");
        assert!(q.terms[1].negated && q.terms[1].text == "covid");
        assert!(q.terms[2].exact && q.terms[2].text == "apec");
        assert_eq!(q.terms[3].field, Field::Source);
        assert_eq!(q.terms[3].text, "yonhap");
        assert!(q.terms[4].negated && q.terms[4].field == Field::Era);
    }

    #[test]
    fn colon_in_a_time_is_text() {
        assert_eq!(term("11:30").field, Field::Any);
        assert_eq!(term("11:30").text, "11:30");
    }

    #[test]
    fn malformed_queries_say_what_is_wrong() {
        let err = |q: &str| parse(q).unwrap_err().0;
        assert!(err("!").contains("lone `!`"));
        assert!(err("apec !").contains("lone `!`"));
        assert!(err("foo:bar").contains("unknown field `foo:`"));
        assert!(err("src:").contains("needs a value"));
        assert!(err("'").contains("lone `'`"));
        assert!(err("year:20x0").contains("digits"));
    }

    #[test]
    fn a_term_that_can_match_nothing_is_an_error_like_a_lone_bang() {
        let err = |q: &str| parse(q).map(|q| q.terms.len()).unwrap_err().0;
        for q in ["'😀'", "😀", "'.*'", ".*", "--", "apec --", "!.*"] {
            assert!(err(q).contains("no letters or digits"), "{q}: {}", err(q));
        }
        assert!(err("src:\"\"").contains("e.g. `src:yonhap`"));
    }

    #[test]
    fn each_prefix_error_names_its_own_values() {
        let err = |q: &str| parse(q).unwrap_err().0;
        assert!(err("era:").contains("era:moon"), "{}", err("era:"));
        assert!(err("with:").contains("with:xi"));
        assert!(err("year:").contains("year:2020"));
        assert!(err("topic:").contains("topic:apec"));
        assert!(err("src:").contains("src:yonhap"));
        assert!(!err("era:").contains("yonhap"));
    }

    #[test]
    fn an_en_dash_reads_as_a_hyphen() {
        assert_eq!(term("Moon–Xi").text, "moon-xi");
    }

    #[test]
    fn empty_query_is_empty() {
        assert!(parse("   ").unwrap().is_empty());
    }

    #[test]
    fn narrowing_is_only_claimed_when_it_holds() {
        let narrows = |a: &str, b: &str| parse(b).unwrap().narrows(&parse(a).unwrap());
        assert!(narrows("ap", "apec"));
        assert!(narrows("xi", "xi tariff"));
        assert!(narrows("xi", "xi !covid"));
        assert!(!narrows("", "a"));
        assert!(!narrows("!co", "!cov"));
        assert!(!narrows("'co", "'cov"));
        assert!(!narrows("apec", "ap"));
        assert!(!narrows("src:y", "y"));
        assert!(!narrows("xi tariff", "xi"));
        // A fifth letter earns skipped letters: it may widen, so no.
        assert!(!narrows("yonh", "yonhp"));
        assert!(!narrows("blmbr", "blmbrg"));
        assert!(narrows("blmbrg", "blmbrgx"));
    }
}
