//! Ranking: what a match is worth and the order hits come out in. A word
//! in the title or a leader's name beats one in the body; query words in
//! one sentence beat scattered ones; ties go to the newest article.

use super::index::SearchIndex;

/// Base scores per field a term matched in (the best field counts).
pub const TITLE: u32 = 300;
pub const LEADER: u32 = 300;
pub const TOPIC: u32 = 200;
pub const SOURCE: u32 = 200;
pub const DATE: u32 = 150;
pub const BODY: u32 = 100;
/// Added on top when the text equals the query word.
pub const WHOLE_BONUS: u32 = 30;
/// Added to a metadata match (topic, leader) when the article's own words
/// match as well.
pub const ALSO_IN_TEXT: u32 = 20;
/// Added when two or more query words share a sentence of the body.
/// Larger than any closeness bonus, smaller than title over body.
pub const TOGETHER: i64 = 150;

/// Best first: score, then newest, then corpus order.
pub fn sort(index: &SearchIndex, hits: &mut [(u32, i64)]) {
    hits.sort_unstable_by(|&(a, sa), &(b, sb)| {
        sb.cmp(&sa)
            .then_with(|| {
                index.fields[b as usize]
                    .day
                    .cmp(&index.fields[a as usize].day)
            })
            .then_with(|| a.cmp(&b))
    });
}
