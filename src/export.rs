//! Writing a timeline out: the JSON contract (`hotline.timeline/1`), CSV and
//! Markdown.
