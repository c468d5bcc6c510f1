//! Open connections, held to account: at most a set number at once (below
//! the descriptor limit, so `accept` never fails for want of one), the ones
//! that stall closed, and all of them closed at shutdown after a deadline.
//!
//! A connection is "waiting" from the moment it opens, and again from each
//! response on, until its next request arrives; while a handler works for
//! it, it is busy. At the cap, the connection that has waited longest is
//! closed to make room for the new one: a client that opens connections and
//! never finishes a request loses them, and new clients are served.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// Descriptors kept out of the connection cap: the listener, log, article
/// files read on a reload, the blocking pool's files, the runtime's own.
const RESERVED_DESCRIPTORS: u64 = 64;
/// The fewest connections the cap allows, however low the descriptor limit.
const FEWEST_CONNECTIONS: usize = 16;

/// Raises the soft limit on open files to the hard limit, and returns the
/// soft limit in force (`None` where it cannot be read).
#[cfg(unix)]
pub fn raise_descriptor_limit() -> Option<u64> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit.rlim_cur = limit.rlim_max;
            }
        }
    }
    Some(limit.rlim_cur as u64)
}

#[cfg(not(unix))]
pub fn raise_descriptor_limit() -> Option<u64> {
    None
}

/// The most connections to keep open under a descriptor limit of `files`.
pub fn cap_for(files: Option<u64>, most: usize) -> usize {
    let room = files.map_or(most as u64, |f| f.saturating_sub(RESERVED_DESCRIPTORS));
    (room.min(most as u64) as usize).max(FEWEST_CONNECTIONS)
}

/// One open connection, as the registry and its own task see it.
pub struct Tracked {
    /// Milliseconds since the registry started, when the connection opened
    /// or last had a request arrive or answered.
    since: AtomicU64,
    /// Handlers working for it now.
    busy: AtomicU32,
    /// Told to close now (to make room, or stalled, or at the deadline).
    close: Notify,
    closing: AtomicBool,
}

impl Tracked {
    /// A request has arrived: the connection is busy until it is answered.
    pub fn request_arrived(&self, registry: &Registry) {
        self.busy.fetch_add(1, Ordering::AcqRel);
        self.since.store(registry.now(), Ordering::Release);
    }

    /// The request was answered: the connection waits for the next.
    pub fn request_answered(&self, registry: &Registry) {
        self.since.store(registry.now(), Ordering::Release);
        self.busy.fetch_sub(1, Ordering::AcqRel);
    }

    /// Resolves when the connection must close at once.
    pub async fn closed(&self) {
        let notified = self.close.notified();
        if self.closing.load(Ordering::Acquire) {
            return;
        }
        notified.await;
    }

    fn close_now(&self) {
        self.closing.store(true, Ordering::Release);
        self.close.notify_waiters();
    }

    fn waiting_since(&self) -> Option<u64> {
        (self.busy.load(Ordering::Acquire) == 0 && !self.closing.load(Ordering::Acquire))
            .then(|| self.since.load(Ordering::Acquire))
    }
}

/// Every open connection.
pub struct Registry {
    open: Mutex<HashMap<u64, Arc<Tracked>>>,
    next_id: AtomicU64,
    started: Instant,
    cap: usize,
    /// Woken each time a connection ends, for the shutdown to count them.
    ended: Notify,
}

/// A connection's place in the registry; leaving it (when the connection's
/// task ends, however it ends) takes the connection off the books.
pub struct Entry {
    registry: Arc<Registry>,
    id: u64,
    pub tracked: Arc<Tracked>,
}

impl Drop for Entry {
    fn drop(&mut self) {
        if let Ok(mut open) = self.registry.open.lock() {
            open.remove(&self.id);
        }
        self.registry.ended.notify_waiters();
    }
}

impl Registry {
    pub fn new(cap: usize) -> Arc<Registry> {
        Arc::new(Registry {
            open: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
            started: Instant::now(),
            cap,
            ended: Notify::new(),
        })
    }

    pub fn cap(&self) -> usize {
        self.cap
    }

    fn now(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// How many connections are open.
    pub fn len(&self) -> usize {
        self.open.lock().map_or(0, |o| o.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Books a new connection. At the cap, the one that has waited longest
    /// for its next request is told to close; if every one is busy, the new
    /// one is refused (`None`) rather than exceed the cap.
    pub fn admit(self: &Arc<Self>) -> Option<Entry> {
        let mut open = self.open.lock().ok()?;
        if open.len() >= self.cap {
            let longest = open.values().filter_map(|t| t.waiting_since().map(|s| (s, t))).min_by_key(|(s, _)| *s);
            match longest {
                Some((_, t)) => t.close_now(),
                None => return None,
            }
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let tracked = Arc::new(Tracked {
            since: AtomicU64::new(self.now()),
            busy: AtomicU32::new(0),
            close: Notify::new(),
            closing: AtomicBool::new(false),
        });
        open.insert(id, tracked.clone());
        Some(Entry { registry: self.clone(), id, tracked })
    }

    /// Closes every connection that has waited longer than `stall` with no
    /// handler working for it: a keep-alive connection left idle, a client
    /// that does not read its response. Returns how many were closed.
    pub fn close_stalled(&self, stall: Duration) -> usize {
        let Some(before) = self.now().checked_sub(stall.as_millis() as u64) else { return 0 };
        let Ok(open) = self.open.lock() else { return 0 };
        let mut closed = 0;
        for t in open.values() {
            if t.waiting_since().is_some_and(|s| s < before) {
                t.close_now();
                closed += 1;
            }
        }
        closed
    }

    /// Closes every connection at once.
    pub fn close_all(&self) {
        if let Ok(open) = self.open.lock() {
            open.values().for_each(|t| t.close_now());
        }
    }

    /// Waits until no connection is open, or until `deadline`; returns how
    /// many are still open.
    pub async fn drained(&self, deadline: tokio::time::Instant) -> usize {
        loop {
            let ended = self.ended.notified();
            let open = self.len();
            if open == 0 {
                return 0;
            }
            if tokio::time::timeout_at(deadline, ended).await.is_err() {
                return self.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_stays_below_the_descriptor_limit() {
        assert_eq!(cap_for(Some(1024), 10_000), 960);
        assert_eq!(cap_for(Some(100_000), 10_000), 10_000);
        assert_eq!(cap_for(Some(10), 10_000), FEWEST_CONNECTIONS);
        assert_eq!(cap_for(None, 500), 500);
    }

    #[tokio::test]
    async fn at_the_cap_the_longest_waiting_connection_makes_room() {
        let registry = Registry::new(FEWEST_CONNECTIONS);
        let mut entries: Vec<Entry> = (0..FEWEST_CONNECTIONS).map(|_| registry.admit().unwrap()).collect();
        // The first is busy with a request; the second has waited longest.
        entries[0].tracked.request_arrived(&registry);
        tokio::time::sleep(Duration::from_millis(5)).await;
        for e in &entries[2..] {
            e.tracked.request_arrived(&registry);
            e.tracked.request_answered(&registry);
        }
        let newcomer = registry.admit().expect("room is made");
        assert!(entries[1].tracked.closing.load(Ordering::Acquire), "the longest waiting is closed");
        assert!(!entries[0].tracked.closing.load(Ordering::Acquire), "a busy one is not");
        assert!(entries[2..].iter().all(|e| !e.tracked.closing.load(Ordering::Acquire)));
        entries.remove(1);
        assert_eq!(registry.len(), FEWEST_CONNECTIONS);
        drop(newcomer);
        drop(entries);
        assert!(registry.is_empty());
    }

    #[tokio::test]
    async fn when_every_connection_is_busy_a_new_one_is_refused() {
        let registry = Registry::new(FEWEST_CONNECTIONS);
        let entries: Vec<Entry> = (0..FEWEST_CONNECTIONS).map(|_| registry.admit().unwrap()).collect();
        entries.iter().for_each(|e| e.tracked.request_arrived(&registry));
        assert!(registry.admit().is_none());
    }

    #[tokio::test]
    async fn stalled_connections_are_closed() {
        let registry = Registry::new(100);
        let idle = registry.admit().unwrap();
        let busy = registry.admit().unwrap();
        busy.tracked.request_arrived(&registry);
        tokio::time::sleep(Duration::from_millis(30)).await;
        let fresh = registry.admit().unwrap();
        assert_eq!(registry.close_stalled(Duration::from_millis(20)), 1);
        assert!(idle.tracked.closing.load(Ordering::Acquire));
        assert!(!busy.tracked.closing.load(Ordering::Acquire) && !fresh.tracked.closing.load(Ordering::Acquire));
        // A closed connection's task sees it at once.
        tokio::time::timeout(Duration::from_secs(5), idle.tracked.closed()).await.expect("closed resolves");
    }
}
