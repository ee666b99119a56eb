//! The shared automaton (`pass::SharedPass`), built on a thread of its
//! own: building it takes milliseconds, in which a load lists its files
//! and starts reading and cleaning them. The first extraction that needs
//! it waits for it only if it is not done yet. A load that may extract
//! nothing (every file in the cache) starts it only when a file needs
//! extracting: the automaton is 2 MB a warm open has no use for.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use super::names::NameMatcher;
use super::pass::SharedPass;
use super::topics::TopicMatcher;

/// A `SharedPass` not started, being built, or built (`None`: the
/// automaton could not be built, and the matchers scan on their own).
#[derive(Debug)]
pub(super) struct PendingPass {
    building: Mutex<Option<JoinHandle<Option<SharedPass>>>>,
    /// `begin` ran (or the pass was built here): no second thread.
    started: AtomicBool,
    built: OnceLock<Option<SharedPass>>,
}

impl PendingPass {
    /// Nothing built yet: `begin` starts it on a thread, else `get`
    /// builds it where it is first needed.
    pub(super) fn idle() -> PendingPass {
        PendingPass {
            building: Mutex::new(None),
            started: AtomicBool::new(false),
            built: OnceLock::new(),
        }
    }

    /// Starts building on a thread unless it was started already; on one
    /// core, or if no thread can start, leaves it to `get`. True when
    /// this call started it.
    pub(super) fn begin(&self, names: &NameMatcher, topics: &TopicMatcher) -> bool {
        if self.started.load(Ordering::Acquire) {
            return false;
        }
        let Ok(mut building) = self.building.lock() else {
            return false;
        };
        if self.started.swap(true, Ordering::AcqRel) || crate::pipeline::par::workers() < 2 {
            return false;
        }
        let (n, t) = (names.clone(), topics.clone());
        *building = std::thread::Builder::new()
            .spawn(move || SharedPass::new(&n, &t))
            .ok();
        building.is_some()
    }

    fn ready(pass: Option<SharedPass>) -> PendingPass {
        PendingPass {
            building: Mutex::new(None),
            started: AtomicBool::new(true),
            built: OnceLock::from(pass),
        }
    }

    /// The automaton, once built (waiting for its thread the first time,
    /// or building it here when none was started).
    pub(super) fn get(&self, names: &NameMatcher, topics: &TopicMatcher) -> Option<&SharedPass> {
        self.built
            .get_or_init(|| {
                self.started.store(true, Ordering::Release);
                let handle = self.building.lock().ok().and_then(|mut h| h.take());
                match handle.map(JoinHandle::join) {
                    Some(Ok(pass)) => pass,
                    // The builder's panic is this thread's, as it would be
                    // had it built the automaton itself.
                    Some(Err(panic)) => std::panic::resume_unwind(panic),
                    None => SharedPass::new(names, topics),
                }
            })
            .as_ref()
    }
}

impl Clone for PendingPass {
    /// A built automaton is copied; one still to build is built again by
    /// the copy when it needs it.
    fn clone(&self) -> PendingPass {
        match self.built.get() {
            Some(pass) => PendingPass::ready(pass.clone()),
            None => PendingPass::idle(),
        }
    }
}
