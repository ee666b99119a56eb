//! The overlays drawn over the views, one file each; which one is open is
//! `state::mode::Overlay`. `help` also holds the popup every overlay
//! shares (`render_scrolling`).

pub mod about;
pub mod help;
pub mod warnings;
