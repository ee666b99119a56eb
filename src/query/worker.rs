//! Matching off the UI thread. The UI submits the filter text with a
//! generation number and never waits; the worker matches the newest
//! submission, abandons work that a newer one made stale (checking a
//! shared generation between chunks), re-checks only the previous hits
//! when the new query narrows the last one, and hands results to a
//! callback (typically a send on the UI's event channel).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::{Hit, Query, QueryError, SearchIndex, parse};
use crate::model::Timeline;

/// The answer to one submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchOutcome {
    pub generation: u64,
    pub text: String,
    /// Ranked hits (snippets empty: ask `SearchIndex::snippet` for the rows
    /// on screen), or why the text is not a valid query.
    pub result: Result<Vec<Hit>, QueryError>,
}

struct Job {
    generation: u64,
    text: String,
}

/// A background matcher. Dropping it stops the thread.
pub struct MatchWorker {
    jobs: Option<Sender<Job>>,
    latest: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

/// Set on drop so a running search gives up at its next check.
const STOP: u64 = u64::MAX;

impl MatchWorker {
    pub fn spawn(
        timeline: Arc<Timeline>,
        index: Arc<SearchIndex>,
        deliver: impl Fn(MatchOutcome) + Send + 'static,
    ) -> MatchWorker {
        let (jobs, inbox) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("hotline-match".into())
            .spawn(move || serve(&timeline, &index, &inbox, &shared, &deliver))
            .ok();
        MatchWorker {
            jobs: Some(jobs),
            latest,
            thread,
        }
    }

    /// Queue `text` for matching; never blocks. Generations should grow:
    /// anything older than the newest submission is dropped or abandoned.
    pub fn submit(&self, generation: u64, text: String) {
        self.latest.fetch_max(generation, Ordering::SeqCst);
        if let Some(jobs) = &self.jobs {
            // A dead worker thread has nothing to deliver to; ignore.
            let _ = jobs.send(Job { generation, text });
        }
    }
}

impl Drop for MatchWorker {
    fn drop(&mut self) {
        self.latest.store(STOP, Ordering::SeqCst);
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The last complete answer, kept to narrow the next query from.
struct Previous {
    query: Query,
    articles: Vec<usize>,
}

fn serve(
    timeline: &Timeline,
    index: &SearchIndex,
    inbox: &Receiver<Job>,
    latest: &AtomicU64,
    deliver: &dyn Fn(MatchOutcome),
) {
    let mut previous: Option<Previous> = None;
    while let Ok(mut job) = inbox.recv() {
        // Only the newest queued submission matters.
        while let Ok(newer) = inbox.try_recv() {
            job = newer;
        }
        let stale = || latest.load(Ordering::SeqCst) != job.generation;
        if stale() {
            continue;
        }
        let query = match parse(&job.text) {
            Ok(q) => q,
            Err(e) => {
                deliver(MatchOutcome {
                    generation: job.generation,
                    text: job.text,
                    result: Err(e),
                });
                continue;
            }
        };
        let within = previous
            .as_ref()
            .filter(|p| query.narrows(&p.query))
            .map(|p| p.articles.as_slice());
        let Some(hits) = index.ranked_cancellable(timeline, &query, within, &stale) else {
            continue;
        };
        previous = Some(Previous {
            query,
            articles: sorted_articles(&hits, timeline.articles.len()),
        });
        deliver(MatchOutcome {
            generation: job.generation,
            text: job.text,
            result: Ok(hits),
        });
    }
}

/// The hits' articles in corpus order, worked out before the answer is
/// delivered: a large answer (90,000 hits for one letter at 100,000
/// articles) is marked in a table of the corpus in one pass instead of
/// sorted; a small one is sorted.
pub(super) fn sorted_articles(hits: &[Hit], articles: usize) -> Vec<usize> {
    if hits.len().saturating_mul(16) < articles {
        let mut v: Vec<usize> = hits.iter().map(|h| h.article).collect();
        v.sort_unstable();
        return v;
    }
    let mut hit = vec![false; articles];
    let mut beyond = Vec::new();
    for h in hits {
        match hit.get_mut(h.article) {
            Some(seen) => *seen = true,
            None => beyond.push(h.article),
        }
    }
    beyond.sort_unstable();
    hit.iter()
        .enumerate()
        .filter_map(|(a, &seen)| seen.then_some(a))
        .chain(beyond)
        .collect()
}
