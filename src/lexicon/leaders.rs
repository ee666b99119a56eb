//! The registry of leaders, their countries, aliases and terms of office,
//! loaded from `assets/leaders.toml`. Everything that knows "who was
//! president of what, when, and what the papers call them" asks here.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::Deserialize;

/// The built-in registry, compiled in so the binary works from any directory.
pub const EMBEDDED_LEADERS: &str = include_str!("../../assets/leaders.toml");

/// Index into `Leaders::all`. Cheap to copy, stable for one registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LeaderId(pub usize);

#[derive(Debug, Clone, Deserialize)]
pub struct Country {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    /// The time zone of its capital: "+09:00", or "us-eastern" for a zone
    /// with daylight saving. Dates and times filed from there are read in it.
    #[serde(default)]
    pub zone: Option<String>,
    /// Its Korean names ("중국"), for "<country> <title>" descriptors
    /// after a Hangul name (시진핑 중국 국가주석).
    #[serde(default)]
    pub ko_names: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Term {
    pub from: NaiveDate,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    pub role: String,
    #[serde(default)]
    pub elect_from: Option<NaiveDate>,
}

impl Term {
    pub fn is_acting(&self) -> bool {
        self.role.starts_with("acting")
    }

    /// In office (or leader-elect) on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        let start = self.elect_from.unwrap_or(self.from);
        start <= date && self.to.is_none_or(|to| date <= to)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Leader {
    pub id: String,
    pub short: String,
    pub name: String,
    pub surname: String,
    pub country: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The Korean surname (문, 시): an ordinary word in Korean (시 "city"),
    /// so it names the leader only right before a title (문 대통령).
    #[serde(default)]
    pub ko_surname: Option<String>,
    pub terms: Vec<Term>,
}

impl Leader {
    pub fn in_office(&self, date: NaiveDate) -> bool {
        self.terms.iter().any(|t| t.covers(date))
    }

    /// Only acting terms: such a leader gets an era only when they made calls.
    pub fn only_acting(&self) -> bool {
        self.terms.iter().all(Term::is_acting)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Leaders {
    /// Country code whose leaders define the eras (e.g. "KR").
    pub home: String,
    #[serde(rename = "country")]
    pub countries: Vec<Country>,
    #[serde(rename = "leader")]
    pub all: Vec<Leader>,
}

impl Leaders {
    pub fn embedded() -> Leaders {
        // The embedded file is part of the program and covered by a test, so
        // failing here is a build defect, not bad input.
        Leaders::parse(EMBEDDED_LEADERS).expect("assets/leaders.toml is valid")
    }

    pub fn parse(text: &str) -> Result<Leaders> {
        let leaders: Leaders = toml::from_str(text).context("leaders file is not valid")?;
        for leader in &leaders.all {
            if leader.terms.is_empty() {
                bail!("leader {} has no term of office", leader.id);
            }
            if !leaders.countries.iter().any(|c| c.code == leader.country) {
                bail!(
                    "leader {} names unknown country {}",
                    leader.id,
                    leader.country
                );
            }
        }
        if !leaders.countries.iter().any(|c| c.code == leaders.home) {
            bail!("home country {} is not listed", leaders.home);
        }
        Ok(leaders)
    }

    pub fn get(&self, id: LeaderId) -> &Leader {
        &self.all[id.0]
    }

    pub fn ids(&self) -> impl Iterator<Item = LeaderId> + '_ {
        (0..self.all.len()).map(LeaderId)
    }

    pub fn by_key(&self, key: &str) -> Option<LeaderId> {
        self.all.iter().position(|l| l.id == key).map(LeaderId)
    }

    pub fn is_home(&self, id: LeaderId) -> bool {
        self.get(id).country == self.home
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The leaders of `country` in office (or elect) on `date`; acting
    /// leaders last so an elected president wins a surname tie.
    pub fn in_office(&self, country: &str, date: NaiveDate) -> Vec<LeaderId> {
        let mut ids: Vec<LeaderId> = self
            .ids()
            .filter(|&id| {
                let l = self.get(id);
                l.country == country && l.in_office(date)
            })
            .collect();
        ids.sort_by_key(|&id| self.get(id).only_acting());
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn embedded_registry_loads_and_covers_required_countries() {
        let leaders = Leaders::embedded();
        for code in ["KR", "CN", "US", "JP", "RU"] {
            assert!(leaders.all.iter().any(|l| l.country == code), "{code}");
        }
        assert_eq!(leaders.home, "KR");
    }

    #[test]
    fn home_presidents_since_2003_leave_no_unexplained_gap() {
        // Every day from 2003-02-25 to today has a South Korean leader,
        // elected or acting.
        let leaders = Leaders::embedded();
        let mut day = date("2003-02-25");
        while day <= date("2026-01-01") {
            assert!(
                !leaders.in_office("KR", day).is_empty(),
                "no South Korean leader on {day}"
            );
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn surname_is_resolved_by_term() {
        let leaders = Leaders::embedded();
        let lee_2010 = leaders.in_office("KR", date("2010-06-01"));
        assert_eq!(leaders.get(lee_2010[0]).name, "Lee Myung-bak");
        let lee_2025 = leaders.in_office("KR", date("2025-06-10"));
        assert_eq!(leaders.get(lee_2025[0]).name, "Lee Jae-myung");
    }

    #[test]
    fn elected_leader_precedes_acting_on_shared_days() {
        let leaders = Leaders::embedded();
        let on = leaders.in_office("KR", date("2017-03-01"));
        assert_eq!(leaders.get(on[0]).name, "Park Geun-hye");
        assert_eq!(leaders.get(on[1]).name, "Hwang Kyo-ahn");
    }

    #[test]
    fn bad_registry_is_an_error_not_a_panic() {
        assert!(Leaders::parse("home = \"XX\"\ncountry = []\nleader = []").is_err());
        assert!(Leaders::parse("not toml [").is_err());
    }
}

/// Serde for an optional `LeaderId` (in `model`, for the cache): the
/// plain index it is. The index is
/// only meaningful for the registry it came from, which the lexicon
/// fingerprint pins.
pub mod serde_index {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::LeaderId;

    pub fn serialize<S: Serializer>(id: &Option<LeaderId>, s: S) -> Result<S::Ok, S::Error> {
        id.map(|LeaderId(i)| i as u64).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<LeaderId>, D::Error> {
        let raw = Option::<u64>::deserialize(d)?;
        raw.map(|i| {
            usize::try_from(i)
                .map(LeaderId)
                .map_err(|_| serde::de::Error::custom("leader index out of range"))
        })
        .transpose()
    }
}
