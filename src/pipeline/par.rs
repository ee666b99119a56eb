//! The one parallel map of the crate: reading files, building articles
//! and scoring a query all run through it, so the thread policy (how many
//! workers, when a thread is not worth it, how a worker's panic surfaces)
//! lives in one place.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Smaller inputs are not worth a thread.
const PARALLEL_MIN_ITEMS: usize = 64;

/// The cores this process may use (at least 1).
pub fn workers() -> usize {
    static N: OnceLock<usize> = OnceLock::new();
    *N.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `items.iter().map(f)` on every core, in order; fewer than
/// `PARALLEL_MIN_ITEMS` items run on the calling thread.
pub fn map<A, T, F>(items: &[A], f: F) -> Vec<T>
where
    A: Sync,
    T: Send,
    F: Fn(&A) -> T + Sync,
{
    if items.len() < PARALLEL_MIN_ITEMS {
        return items.iter().map(f).collect();
    }
    map_on(items, workers(), f)
}

/// `items.into_iter().map(f)` on every core, in order: each item is moved
/// into `f` (and dropped there), so a big input is never held twice.
pub fn map_owned<A, T, F>(items: Vec<A>, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    if items.len() < PARALLEL_MIN_ITEMS || workers() < 2 {
        return items.into_iter().map(f).collect();
    }
    let slots: Vec<Mutex<Option<A>>> = items.into_iter().map(|a| Mutex::new(Some(a))).collect();
    let taken = map_on(&slots, workers(), |slot| {
        slot.lock().ok().and_then(|mut a| a.take()).map(&f)
    });
    drop(slots);
    // Every slot is taken exactly once, by the worker that drew its index.
    // `filter_map` collects in place (massif: `flatten` grew a second
    // table of results, 1.2 MB at 10,000 files).
    #[allow(clippy::filter_map_identity)]
    taken.into_iter().filter_map(|t| t).collect()
}

/// `items.iter().map(f)` on up to `threads` threads, in order. Workers take
/// the next item from a shared counter, so one slow item doesn't idle the
/// others, and write each result straight into its place in the output:
/// no per-worker buffers that grow (and are freed into the workers' malloc
/// arenas, where the main thread can't reuse them), and no table of empty
/// slots filled in first (megabytes at 10,000 articles, which the calling
/// thread touched page by page while every worker waited).
pub fn map_on<A, T, F>(items: &[A], threads: usize, f: F) -> Vec<T>
where
    A: Sync,
    T: Send,
    F: Fn(&A) -> T + Sync,
{
    let threads = threads.min(items.len());
    if threads < 2 {
        return items.iter().map(f).collect();
    }
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    let places = Places(out.as_mut_ptr());
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let value = f(item);
                        // SAFETY: `i < items.len()`, the capacity of `out`,
                        // and the counter hands each index to one worker
                        // only: no two writes meet, and nothing reads a
                        // place before every worker has been joined.
                        unsafe { places.write(i, value) };
                    }
                })
            })
            .collect();
        let mut panicked = None;
        for h in handles {
            if let Err(panic) = h.join() {
                panicked.get_or_insert(panic);
            }
        }
        if let Some(panic) = panicked {
            // A panic in a worker is a bug; surface it rather than
            // silently dropping a slice of the input. `out` keeps length
            // 0: what was written is leaked, never read.
            std::panic::resume_unwind(panic);
        }
    });
    // SAFETY: every worker returned, so each took indices from the counter
    // until one fell outside `items`: every index below `items.len()` was
    // taken once and written before its worker moved on.
    unsafe { out.set_len(items.len()) };
    out
}

/// Where `map_on`'s workers write: the output's spare capacity.
struct Places<T>(*mut T);

impl<T> Places<T> {
    /// # Safety
    /// `i` is below the capacity, and no other write or read of place `i`
    /// can happen at the same time.
    unsafe fn write(&self, i: usize, value: T) {
        // SAFETY: as the caller promises.
        unsafe { self.0.add(i).write(value) }
    }
}

// SAFETY: the workers write values of a `Send` type to distinct places
// (see `map_on`); the pointer itself is never read through.
unsafe impl<T: Send> Sync for Places<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_map_keeps_the_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        let squares: Vec<usize> = items.iter().map(|i| i * i).collect();
        assert_eq!(map(&items, |i| i * i), squares);
        assert_eq!(map_on(&items, 3, |i| i * i), squares);
        assert_eq!(map_owned(items.clone(), |i| i * i), squares);
        assert_eq!(map(&items[..5], |i| i * i), squares[..5]);
        assert!(map_on(&[] as &[usize], 4, |i| *i).is_empty());
    }

    /// A worker's panic reaches the caller, and the results already
    /// written in place (each owning memory here) are neither read nor
    /// freed twice: the output is never given a length.
    #[test]
    fn a_workers_panic_surfaces_and_what_was_written_is_left_alone() {
        let items: Vec<usize> = (0..2000).collect();
        let outcome = std::panic::catch_unwind(|| {
            map_on(&items, 2, |&i| {
                assert!(i != 1500, "item {i}");
                vec![i; 3]
            })
        });
        assert!(outcome.is_err());
        // The same map without the panic gives every result.
        let whole = map_on(&items, 2, |&i| vec![i; 3]);
        assert!(whole.iter().enumerate().all(|(i, v)| v == &vec![i; 3]));
    }
}
