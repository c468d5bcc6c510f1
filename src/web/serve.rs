//! Running the server: bind, say where to look, serve until told to stop,
//! and let requests in flight finish.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpListener;

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
}

/// How often `--watch` looks at the articles folder.
const WATCH_EVERY: Duration = Duration::from_secs(2);

/// Serves `index` until SIGTERM or Ctrl-C; SIGHUP reloads the corpus.
pub async fn serve(index: Index, opts: ServeOptions) -> std::io::Result<()> {
    let listener = TcpListener::bind(opts.bind).await.map_err(|e| {
        std::io::Error::new(e.kind(), format!("cannot listen on {}: {e} (choose another with --bind ADDR:PORT)", opts.bind))
    })?;
    let local = listener.local_addr()?;
    let public_url = opts.public_url.unwrap_or_else(|| format!("http://{local}"));
    let title = index.summit.title.clone();
    let live = Live::new(index, &public_url, opts.load);
    println!("Counterparts is serving {title} at http://{local}/");
    if public_url != format!("http://{local}") {
        println!("Public address: {public_url}");
    }
    tracing::info!(%local, "listening; SIGHUP reloads the articles");
    spawn_reload_on_sighup(live.clone());
    if opts.watch {
        tokio::spawn(live.clone().watch(WATCH_EVERY));
    }
    let service = LiveService(live);
    axum::serve(listener, axum::ServiceExt::<axum::extract::Request>::into_make_service(service))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopped");
    Ok(())
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

/// Resolves on Ctrl-C or SIGTERM; axum then stops accepting and drains.
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
