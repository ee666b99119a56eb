//! The topic lexicon loaded from `assets/topics.toml`: topic names, the
//! phrases that name them, and the rules that keep overlapping topics apart.
//! Finding topics in text lives in `extract::topics`.

use anyhow::{Context, Result, bail};
use serde::Deserialize;

pub const EMBEDDED_TOPICS: &str = include_str!("../../assets/topics.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Topic {
    pub name: String,
    pub keywords: Vec<String>,
    /// A call naming this topic does not also list `broader`.
    #[serde(default)]
    pub broader: Option<String>,
    /// A mention in a sentence holding one of these words does not count.
    #[serde(default)]
    pub not_with: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Topics {
    #[serde(rename = "topic")]
    pub all: Vec<Topic>,
}

impl Topics {
    pub fn embedded() -> Topics {
        // Compiled-in data covered by a test: failing is a build defect.
        Topics::parse(EMBEDDED_TOPICS).expect("assets/topics.toml is valid")
    }

    pub fn parse(text: &str) -> Result<Topics> {
        let topics: Topics = toml::from_str(text).context("topics file is not valid")?;
        for topic in &topics.all {
            if topic.keywords.iter().all(|k| k.trim().is_empty()) {
                bail!("topic {:?} has no keywords", topic.name);
            }
            if let Some(broader) = &topic.broader
                && !topics.all.iter().any(|t| &t.name == broader)
            {
                bail!(
                    "topic {:?} names unknown broader topic {:?}",
                    topic.name,
                    broader
                );
            }
        }
        Ok(topics)
    }

    /// Position in the lexicon: calls list their topics in this order.
    pub fn rank(&self, name: &str) -> usize {
        self.all
            .iter()
            .position(|t| t.name == name)
            .unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_with_the_required_topics() {
        let topics = Topics::embedded();
        for name in [
            "COVID-19",
            "APEC",
            "denuclearization",
            "Korean Peninsula",
            "trade",
            "free trade agreement",
            "supply chains",
            "multilateralism",
            "people-to-people exchanges",
            "Olympics",
            "THAAD",
            "state visit",
        ] {
            assert!(topics.rank(name) != usize::MAX, "{name} missing");
        }
    }

    #[test]
    fn unknown_broader_topic_is_rejected() {
        let bad = "[[topic]]\nname = \"a\"\nkeywords = [\"a\"]\nbroader = \"b\"\n";
        assert!(Topics::parse(bad).is_err());
    }
}
