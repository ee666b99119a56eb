//! Cleaning: from decoded text to the reading text of an article. Splits off
//! the ` date YYYY-MM-DD` header, drops boilerplate and page noise, splits
//! paragraphs and sentences (including glued ones), and makes control
//! characters inert.

use crate::model::Cleaned;

pub fn clean(text: &str) -> Cleaned {
    let _ = text;
    todo!("clean::clean")
}
