//! The terminal UI: events become `Action`s, `update` changes the `App`,
//! `render` draws it.

use anyhow::Result;

use crate::model::Timeline;

/// Run the interactive browser until the user quits.
pub fn run(
    timeline: Timeline,
    inputs: crate::corpus::Inputs,
    lexicon: crate::corpus::Lexicon,
) -> Result<()> {
    let _ = (timeline, inputs, lexicon);
    anyhow::bail!("the terminal UI is not built yet")
}
