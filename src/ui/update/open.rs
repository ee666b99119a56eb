//! Open and copy: `y` / `Y` put the call id / the article's path on the
//! clipboard, `o` / `e` hand the article to the pager / editor. Pure: the
//! copying and the programs are `Effect`s for the run loop; here is what
//! is asked for and what the status line says, including why nothing was.
//! hotline never writes the corpus: only the user's editor may, and the
//! corpus is read again when it returns.

use crate::ui::action::{Effect, OpenFile, Program};
use crate::ui::state::app::App;

/// The prefix of `Article::path` for the built-in corpus: no file.
const EMBEDDED: &str = "embedded:";

/// `y`: the id of the call the selection is on or under.
pub(super) fn copy_call_id(app: &mut App) {
    let id = app
        .selected_call()
        .and_then(|c| app.timeline.calls.get(c))
        .map(|c| crate::sanitize::inert(&c.id, false).into_owned());
    app.message = Some(match id {
        Some(id) => {
            let message = format!("copied call id {id}");
            app.effects.push(Effect::Copy(id));
            message
        }
        None => "nothing copied: no call here (select a call or one of its articles)".into(),
    });
}

/// `Y`: the path of the article the detail pane shows.
pub(super) fn copy_path(app: &mut App) {
    let Some(article) = app
        .selected_article()
        .and_then(|a| app.timeline.articles.get(a))
    else {
        app.message = Some("nothing copied: no article here".into());
        return;
    };
    if article.path.starts_with(EMBEDDED) {
        app.message = Some("nothing copied: the built-in corpus has no files".into());
        return;
    }
    let path = crate::sanitize::inert(&article.path, false).into_owned();
    app.message = Some(format!("copied path {path}"));
    app.effects.push(Effect::Copy(path));
}

/// `o` / `e`: the shown article's file, or for the built-in corpus its
/// text in a read-only copy.
pub(super) fn open_article(app: &mut App, program: Program) {
    let Some(article) = app
        .selected_article()
        .and_then(|a| app.timeline.articles.get(a))
    else {
        app.message = Some("no article here to open".into());
        return;
    };
    let file = if article.path.starts_with(EMBEDDED) {
        OpenFile::Text {
            name: article.file().to_string(),
            text: article_text(article),
        }
    } else {
        OpenFile::Path(article.path.clone())
    };
    let read_only = matches!(file, OpenFile::Text { .. });
    app.message = Some(match (program, read_only) {
        (Program::Pager, _) => "opening the article in the pager…".into(),
        (Program::Editor, false) => "opening the article in the editor…".into(),
        (Program::Editor, true) => {
            "the built-in corpus can not be edited: opening a read-only copy…".into()
        }
    });
    app.effects.push(Effect::Run { program, file });
}

/// The pager or editor returned: say so, and read the corpus again when
/// it may have been edited.
pub(super) fn program_done(app: &mut App, message: String, reload: bool) {
    let shown = crate::ui::text::safe(&message).into_owned();
    if reload && !app.load.reloading() {
        app.load.start_reload();
        app.effects.push(Effect::Reload);
        app.message = Some(format!("{shown} · reloading…"));
    } else {
        app.message = Some(shown);
    }
}

/// An article with no file, as plain text: its title, then its
/// paragraphs, as the detail pane reads it.
fn article_text(article: &crate::model::Article) -> String {
    let mut text = String::new();
    if !article.title.is_empty() {
        text.push_str(&article.title);
        text.push_str("\n\n");
    }
    for p in &article.paragraphs {
        text.push_str(p.text);
        text.push_str("\n\n");
    }
    crate::sanitize::inert(text.trim_end(), true).into_owned() + "\n"
}
