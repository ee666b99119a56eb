//! The terminal UI: events become `Action`s, `update` changes the `App`,
//! `render` draws it.

use anyhow::Result;

use crate::model::Timeline;

/// Run the interactive browser until the user quits.
pub fn run(timeline: Timeline, reload: crate::corpus::Inputs) -> Result<()> {
    let _ = (timeline, reload);
    anyhow::bail!("the terminal UI is not built yet")
}
