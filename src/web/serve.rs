//! Running the server: bind, say where to look, serve until told to stop,
//! and let requests in flight finish.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use super::{app, Site};
use crate::index::Index;

pub struct ServeOptions {
    pub bind: SocketAddr,
    /// The public address for canonical links; `http://{bind}` if `None`.
    pub public_url: Option<String>,
}

/// Serves `index` until SIGTERM or Ctrl-C.
pub async fn serve(index: Index, opts: ServeOptions) -> std::io::Result<()> {
    let listener = TcpListener::bind(opts.bind).await.map_err(|e| {
        std::io::Error::new(e.kind(), format!("cannot listen on {}: {e} (choose another with --bind ADDR:PORT)", opts.bind))
    })?;
    let local = listener.local_addr()?;
    let public_url = opts.public_url.unwrap_or_else(|| format!("http://{local}"));
    let site = Arc::new(Site::new(index, &public_url));
    println!("Counterparts is serving {} at http://{local}/", site.index.summit.title);
    if public_url != format!("http://{local}") {
        println!("Public address: {public_url}");
    }
    tracing::info!(%local, "listening");
    axum::serve(listener, app(site)).with_graceful_shutdown(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

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
