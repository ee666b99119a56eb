//! The shared automaton (`pass::SharedPass`), built on a thread of its
//! own: building it takes milliseconds, in which a load lists its files
//! and starts reading and cleaning them. The first extraction that needs
//! it waits for it only if it is not done yet.

use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use super::names::NameMatcher;
use super::pass::SharedPass;
use super::topics::TopicMatcher;

/// A `SharedPass` being built, or built (`None`: the automaton could not
/// be built, and the matchers scan on their own).
#[derive(Debug)]
pub(super) struct PendingPass {
    building: Mutex<Option<JoinHandle<Option<SharedPass>>>>,
    built: OnceLock<Option<SharedPass>>,
}

impl PendingPass {
    /// Starts building; on one core, or if no thread can start, builds it
    /// here and now.
    pub(super) fn start(names: &NameMatcher, topics: &TopicMatcher) -> PendingPass {
        if crate::pipeline::par::workers() < 2 {
            return PendingPass::ready(SharedPass::new(names, topics));
        }
        let (n, t) = (names.clone(), topics.clone());
        match std::thread::Builder::new().spawn(move || SharedPass::new(&n, &t)) {
            Ok(handle) => PendingPass {
                building: Mutex::new(Some(handle)),
                built: OnceLock::new(),
            },
            Err(_) => PendingPass::ready(SharedPass::new(names, topics)),
        }
    }

    fn ready(pass: Option<SharedPass>) -> PendingPass {
        PendingPass {
            building: Mutex::new(None),
            built: OnceLock::from(pass),
        }
    }

    /// The automaton, once built (waiting for it the first time).
    pub(super) fn get(&self) -> Option<&SharedPass> {
        self.built
            .get_or_init(|| {
                let handle = self.building.lock().ok().and_then(|mut h| h.take());
                match handle.map(JoinHandle::join) {
                    Some(Ok(pass)) => pass,
                    // The builder's panic is this thread's, as it would be
                    // had it built the automaton itself.
                    Some(Err(panic)) => std::panic::resume_unwind(panic),
                    None => None,
                }
            })
            .as_ref()
    }
}

impl Clone for PendingPass {
    fn clone(&self) -> PendingPass {
        PendingPass::ready(self.get().cloned())
    }
}
