//! Running the server: bind, say where to look, serve until told to stop,
//! and let requests in flight finish.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tower::Service;

use super::connections::{Entry, Registry};
use super::live::{Live, LiveService};
use crate::index::Index;
use crate::library::LoadOptions;

pub struct ServeOptions {
    pub bind: SocketAddr,
    /// The public address for canonical links; `http://{bind}` if `None`.
    pub public_url: Option<String>,
    /// Where the corpus was loaded from, to load it again on a reload.
    pub load: LoadOptions,
    /// Reload when the articles folder changes.
    pub watch: bool,
    /// Most connections open at once (see [`super::connections::cap_for`]).
    pub max_connections: usize,
    /// Bytes the page cache may keep.
    pub cache_bytes: usize,
}

/// What is wrong with serving on `bind` without a public address, if
/// anything: on an unspecified address (`0.0.0.0`, `::`), the links the
/// pages give out would name an address no reader can open.
pub fn public_url_warning(bind: SocketAddr, public_url: Option<&str>) -> Option<String> {
    if public_url.is_some() || !bind.ip().is_unspecified() {
        return None;
    }
    Some(format!(
        "listening on {bind} (every address of this machine) without --public-url: canonical links, link previews \
         (og:url, og:image), share cards' addresses, embeds, citations, feeds and the sitemap will all say http://{bind}/, \
         which no reader can open; set the address readers use with --public-url https://your.site \
         (or COUNTERPARTS_PUBLIC_URL)"
    ))
}

/// How often `--watch` looks at the articles folder.
const WATCH_EVERY: Duration = Duration::from_secs(2);
/// How long a client has to send a request's headers, from the moment the
/// connection is ready for them (opened, or the last response sent).
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection with no handler working for it and no request arriving or
/// answered for this long is closed (a client that does not read).
const STALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Buffered bytes per connection, either way: room for the largest request
/// head accepted (a 4 KiB address and 16 KiB of headers) and no more; hyper
/// answers a longer head with 431 itself.
const CONNECTION_BUFFER_BYTES: usize = 32 * 1024;
/// Most header fields in one request.
const MAX_HEADERS: usize = 100;
/// After SIGTERM, how long requests in flight have to finish.
pub const SHUTDOWN_DEADLINE: Duration = Duration::from_secs(5);

/// Serves `index` until SIGTERM or Ctrl-C; SIGHUP reloads the corpus.
pub async fn serve(index: Index, opts: ServeOptions) -> std::io::Result<()> {
    let listener = TcpListener::bind(opts.bind).await.map_err(|e| {
        std::io::Error::new(e.kind(), format!("cannot listen on {}: {e} (choose another with --bind ADDR:PORT)", opts.bind))
    })?;
    let local = listener.local_addr()?;
    if let Some(warning) = public_url_warning(local, opts.public_url.as_deref()) {
        eprintln!("warning: {warning}");
        tracing::warn!("{warning}");
    }
    let public_url = opts.public_url.unwrap_or_else(|| format!("http://{local}"));
    let title = index.summit.title.clone();
    let live = Live::new(index, &public_url, opts.load, opts.cache_bytes);
    let registry = Registry::new(opts.max_connections);
    println!("Counterparts is serving {title} at http://{local}/");
    if public_url != format!("http://{local}") {
        println!("Public address: {public_url}");
    }
    tracing::info!(%local, connections = registry.cap(), "listening; SIGHUP reloads the articles");
    spawn_reload_on_sighup(live.clone());
    if opts.watch {
        tokio::spawn(live.clone().watch(WATCH_EVERY));
    }
    tokio::spawn(close_stalled(registry.clone()));
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let service = LiveService(live);
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    let mut refused = RateLimitedWarning::default();
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of descriptors or memory for a moment: the connection
                // waits in the backlog; try again shortly.
                Err(e) => {
                    refused.warn(&format!("cannot accept a connection: {e}"));
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(entry) = registry.admit() else {
            refused.warn("every connection is busy with a request: a new one was closed");
            continue;
        };
        tokio::spawn(serve_connection(stream, entry, registry.clone(), service.clone(), stopping.clone()));
    }
    // Stop accepting; let requests in flight finish, close idle connections,
    // and after the deadline close whatever is left.
    drop(listener);
    let _ = stop.send(true);
    let deadline = tokio::time::Instant::now() + SHUTDOWN_DEADLINE;
    let left = registry.drained(deadline).await;
    if left > 0 {
        tracing::warn!("{left} connections still open after {} s: closing them", SHUTDOWN_DEADLINE.as_secs());
        registry.close_all();
        registry.drained(tokio::time::Instant::now() + Duration::from_millis(500)).await;
    }
    tracing::info!("stopped");
    Ok(())
}

/// Serves one connection until it ends, is told to close, or the server stops.
async fn serve_connection(
    stream: TcpStream,
    entry: Entry,
    registry: Arc<Registry>,
    service: LiveService,
    mut stopping: tokio::sync::watch::Receiver<bool>,
) {
    let tracked = entry.tracked.clone();
    let svc = {
        let tracked = tracked.clone();
        hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
            let (tracked, registry, mut service) = (tracked.clone(), registry.clone(), service.clone());
            tracked.request_arrived(&registry);
            async move {
                let response = service.call(request.map(Body::new)).await;
                tracked.request_answered(&registry);
                response
            }
        })
    };
    let connection = http1_builder().serve_connection(TokioIo::new(stream), svc);
    tokio::pin!(connection);
    let mut shutting_down = false;
    loop {
        tokio::select! {
            // Errors here are the client's (a reset, a malformed request
            // hyper answered itself, a header that took too long): nothing
            // for the operator to act on.
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!("connection ended: {e}");
                }
                break;
            }
            () = tracked.closed() => break,
            changed = stopping.changed(), if !shutting_down => {
                shutting_down = true;
                if changed.is_ok() {
                    connection.as_mut().graceful_shutdown();
                }
            }
        }
    }
    drop(entry);
}

/// HTTP/1.1 as served: a request's headers must arrive within
/// [`HEADER_READ_TIMEOUT`] (hyper counts it from the first poll of a new
/// request, so it also closes a keep-alive connection left idle), and at
/// most [`CONNECTION_BUFFER_BYTES`] are buffered for one connection.
fn http1_builder() -> hyper::server::conn::http1::Builder {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(CONNECTION_BUFFER_BYTES)
        .max_headers(MAX_HEADERS)
        .keep_alive(true);
    builder
}

/// Every second, closes connections that have waited too long.
async fn close_stalled(registry: Arc<Registry>) {
    let mut every = tokio::time::interval(Duration::from_secs(1));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        registry.close_stalled(STALL_TIMEOUT);
    }
}

/// A warning logged at most once a second, with how many were left out:
/// a flood of refused connections must not flood the log.
#[derive(Default)]
struct RateLimitedWarning {
    last: Option<std::time::Instant>,
    quiet: u64,
}

impl RateLimitedWarning {
    fn warn(&mut self, message: &str) {
        let now = std::time::Instant::now();
        if self.last.is_some_and(|t| now.duration_since(t) < Duration::from_secs(1)) {
            self.quiet += 1;
            return;
        }
        match std::mem::take(&mut self.quiet) {
            0 => tracing::warn!("{message}"),
            n => tracing::warn!("{message} (and {n} more in the last second)"),
        }
        self.last = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unspecified_address_without_a_public_url_is_warned_of() {
        let any4: SocketAddr = "0.0.0.0:3000".parse().unwrap();
        let any6: SocketAddr = "[::]:3000".parse().unwrap();
        let w = public_url_warning(any4, None).unwrap();
        assert!(w.contains("http://0.0.0.0:3000/") && w.contains("--public-url") && w.contains("COUNTERPARTS_PUBLIC_URL"), "{w}");
        assert!(public_url_warning(any6, None).unwrap().contains("http://[::]:3000/"));
        assert_eq!(public_url_warning(any4, Some("https://x.example")), None);
        assert_eq!(public_url_warning("127.0.0.1:3000".parse().unwrap(), None), None);
    }
}

#[cfg(unix)]
fn spawn_reload_on_sighup(live: std::sync::Arc<Live>) {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::hangup()) {
        Ok(mut hup) => {
            tokio::spawn(async move {
                while hup.recv().await.is_some() {
                    live.reload_and_log("SIGHUP").await;
                }
            });
        }
        Err(e) => tracing::warn!("cannot listen for SIGHUP, reloading is off: {e}"),
    }
}

#[cfg(not(unix))]
fn spawn_reload_on_sighup(_live: std::sync::Arc<Live>) {}

/// Resolves on Ctrl-C or SIGTERM; the server then stops accepting and drains.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
