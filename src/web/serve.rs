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
