//! `hotline search`: ranked hits as text or JSON. (Placeholder until the
//! query engine lands; owned by the query work.)

use std::io::Write;

use anyhow::Result;

use crate::model::Timeline;

pub fn run(query: &str, json: bool, timeline: &Timeline, out: &mut dyn Write) -> Result<()> {
    let _ = (query, json, timeline, out);
    anyhow::bail!("search is not built yet")
}
