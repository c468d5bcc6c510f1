use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use counterparts::corpus::report_order;
use counterparts::export::Export;
use counterparts::index::Index;
use counterparts::load::load_index;
use counterparts::web::{self, ServeOptions};
use counterparts::{Library, LoadOptions};

/// Counterparts: what each leader said at a summit, on every issue, side by side.
///
/// With no command it serves the web app (`serve`).
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    source: Source,
    #[command(flatten)]
    server: Server,
}

/// Where the corpus comes from.
#[derive(clap::Args, Clone)]
struct Source {
    /// Folder of articles to load instead of the built-in ones: text files
    /// (*.txt), saved web pages (*.html, *.htm) and scraper output (*.json,
    /// *.jsonl).
    #[arg(long, global = true, env = "COUNTERPARTS_ARTICLES", value_name = "DIR")]
    articles: Option<PathBuf>,
    /// Summit file (speakers and topics) to use instead of the built-in one.
    #[arg(long, global = true, env = "COUNTERPARTS_SUMMIT", value_name = "FILE")]
    summit: Option<PathBuf>,
}

/// How the server listens.
#[derive(clap::Args, Clone)]
struct Server {
    /// Address and port to listen on [default: 127.0.0.1:3000, or 127.0.0.1:$PORT when PORT is set].
    #[arg(long, global = true, env = "COUNTERPARTS_BIND", value_name = "ADDR:PORT")]
    bind: Option<SocketAddr>,
    /// The address people reach the site at, for canonical links and link
    /// previews [default: http://ADDR:PORT of --bind].
    #[arg(long, global = true, env = "COUNTERPARTS_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// Reload when a file in the articles folder (or the summit file) changes.
    /// SIGHUP always reloads.
    #[arg(long, global = true, env = "COUNTERPARTS_WATCH")]
    watch: bool,
    /// Log a line for every request answered (method, address, status,
    /// time taken). Off by default: server errors are always logged, and a
    /// reverse proxy in front usually keeps the access log.
    #[arg(long, global = true, env = "COUNTERPARTS_LOG_REQUESTS")]
    log_requests: bool,
    /// Memory for prepared pages, in MiB (every byte of an entry counted).
    #[arg(long, global = true, env = "COUNTERPARTS_CACHE_MB", value_name = "MIB", default_value_t = web::CACHE_BUDGET_BYTES >> 20)]
    cache_mb: usize,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (the default).
    Serve,
    /// Print every statement found, as JSON, to standard output.
    Export,
    /// Read everything as `serve` would and say, file by file, what was
    /// loaded or skipped and why. Exits 1 if nothing usable loads.
    Check,
    /// Read saved pages, scraper output and text files and write each
    /// article found as a text file with front matter, to look over,
    /// correct and serve. Says what was written and what was skipped.
    Import {
        /// Files and folders to read.
        #[arg(required = true, value_name = "IN")]
        inputs: Vec<PathBuf>,
        /// The folder to write into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Replace files already in the folder (they may hold corrections).
        #[arg(long)]
        force: bool,
    },
    /// Write N articles of generated coverage into a folder (for benchmarks
    /// and load tests).
    Generate {
        /// How many articles.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// The folder to write them into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Seed of the generator: the same seed writes the same articles.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write each article as a saved news page of about 100 KB
        /// (`gen_000123.html`: navigation, scripts, related links and
        /// comments around it) instead of a text file.
        #[arg(long)]
        html: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Log lines are written by a thread of their own, so that a busy server
    // never waits on its terminal or log file. The guard flushes at exit.
    let (writer, _flush_on_exit) = tracing_appender::non_blocking(std::io::stderr());
    // A line per request costs about a sixth of the throughput: only when
    // asked for (RUST_LOG, when set, decides instead).
    let default_filter = if cli.server.log_requests { "info" } else { "info,tower_http=warn" };
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| default_filter.into()))
        .with_writer(writer)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    if let Some(Command::Generate { count, out, seed, html }) = &cli.command {
        return generate(*count, out, *seed, *html);
    }
    if let Some(Command::Import { inputs, out, force }) = &cli.command {
        return import(inputs, out, *force);
    }
    let opts = LoadOptions { articles: cli.source.articles.clone(), summit: cli.source.summit.clone() };
    if let Some(Command::Check) = cli.command {
        return check(&opts, &cli.server);
    }
    let Some(index) = load(&opts) else { return ExitCode::FAILURE };
    match cli.command {
        Some(Command::Export) => {
            println!("{}", Export::from_index(&index).to_json_pretty());
            ExitCode::SUCCESS
        }
        Some(Command::Serve) | None => serve(index, &cli.server, opts),
        Some(Command::Generate { .. } | Command::Import { .. } | Command::Check) => unreachable!("handled before loading"),
    }
}

/// `counterparts check`: a report a person can read, file by file.
fn check(opts: &LoadOptions, server: &Server) -> ExitCode {
    let bind = server.bind.unwrap_or_else(default_bind);
    if let Some(warning) = web::serve::public_url_warning(bind, server.public_url.as_deref()) {
        println!("warning  {warning}");
    }
    let library = match Library::load(opts) {
        Ok(lib) => lib,
        Err(e) => {
            println!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let summit = &library.summit;
    println!("summit: {} ({} speakers, {} topics)", summit.title, summit.speakers.len(), summit.topics.len());
    for warning in &library.source_warnings {
        println!("warning  {warning}");
    }
    // Sorted by file (a file's records in their order), and for one file the
    // loaded line, then what was taken from a page or record, then notes.
    let mut lines: Vec<((&str, usize), usize, String)> = library
        .skipped
        .iter()
        .map(|s| (report_order(&s.file), 0, format!("skipped  {}: {}", s.file, s.reason)))
        .collect();
    for a in &library.articles {
        let per_speaker: Vec<String> = summit
            .speaker_ixs()
            .map(|sp| format!("{} {}", summit.speakers[sp].id, a.statements.iter().filter(|s| s.speaker == Some(sp)).count()))
            .collect();
        let others = a.statements.iter().filter(|s| s.speaker.is_none() && s.speaker_label.is_some()).count();
        let unattributed = a.statements.iter().filter(|s| s.speaker.is_none() && s.speaker_label.is_none()).count();
        lines.push((
            report_order(&a.article.file),
            0,
            format!(
                "loaded   {}: {} statements ({}, others {others}, unattributed {unattributed}) \"{}\"",
                a.article.file,
                a.statements.len(),
                per_speaker.join(", "),
                counterparts::text::shorten(&a.article.title, 60)
            ),
        ));
        if !a.article.taken.is_empty() {
            let taken = format!("taken    {}: {}: {}", a.article.file, a.article.source.name(), a.article.taken.join(", "));
            lines.push((report_order(&a.article.file), 1, taken));
        }
        for (i, note) in a.article.notes.iter().enumerate() {
            lines.push((report_order(&a.article.file), i + 2, format!("note     {}: {note}", a.article.file)));
        }
    }
    lines.sort();
    for (_, _, line) in &lines {
        println!("{line}");
    }
    let r = library.report();
    let notes: usize = library.articles.iter().map(|a| a.article.notes.len()).sum();
    println!("{} loaded, {} skipped, {notes} notes, {} statements", r.articles, r.skipped, r.statements);
    if r.articles == 0 {
        println!("error: no article could be loaded");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// `counterparts import`: writes what it read, and says what and why not.
fn import(inputs: &[PathBuf], out: &std::path::Path, force: bool) -> ExitCode {
    let report = match counterparts::import::import(inputs, out, force) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for (from, to, taken) in &report.written {
        println!("wrote    {} from {from} ({taken})", to.display());
    }
    for s in &report.skipped {
        println!("skipped  {}: {}", s.file, s.reason);
    }
    println!("{} written, {} skipped", report.written.len(), report.skipped.len());
    if report.written.is_empty() && !report.skipped.iter().any(|s| s.reason.contains("exists")) {
        println!("error: no article could be read");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Writes generated articles, saying how far it got.
fn generate(count: usize, out: &std::path::Path, seed: u64, html: bool) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut bytes = 0;
    for i in 0..count {
        let (name, text) = if html {
            counterparts::generate_pages::generate_page(seed, i)
        } else {
            counterparts::generate::generate_article(seed, i)
        };
        bytes += text.len();
        if let Err(e) = std::fs::write(out.join(&name), text) {
            eprintln!("error: cannot write {}: {e}", out.join(&name).display());
            return ExitCode::FAILURE;
        }
        if (i + 1) % 1000 == 0 {
            tracing::info!("{} of {count} articles written", i + 1);
        }
    }
    println!("wrote {count} articles ({:.1} MB) to {}", bytes as f64 / 1e6, out.display());
    ExitCode::SUCCESS
}

/// Loads and indexes the corpus, saying where from; `None` (with the reason
/// printed) when there is nothing to serve or export.
fn load(opts: &LoadOptions) -> Option<Index> {
    match &opts.articles {
        Some(dir) => tracing::info!("loading articles from {}", dir.display()),
        None => tracing::info!("loading the built-in articles"),
    }
    match load_index(opts) {
        Ok((index, _)) => Some(index),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

fn serve(index: Index, server: &Server, load: LoadOptions) -> ExitCode {
    let bind = server.bind.unwrap_or_else(default_bind);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the server runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    // As many connections as descriptors allow (the soft limit raised to the
    // hard one first), less a reserve, so that `accept` never runs out.
    let files = web::connections::raise_descriptor_limit();
    let max_connections = web::connections::cap_for(files, MAX_CONNECTIONS);
    let opts = ServeOptions { bind, public_url: server.public_url.clone(), load, watch: server.watch, max_connections, cache_bytes: server.cache_mb.saturating_mul(1 << 20) };
    let served = runtime.block_on(web::serve(index, opts));
    // Connections left after the shutdown deadline were closed; a card still
    // being drawn in the blocking pool is not waited for.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Connections open at once, at most, however many descriptors there are.
const MAX_CONNECTIONS: usize = 10_000;

/// 127.0.0.1:3000, or port $PORT on the loopback address when PORT is set.
fn default_bind() -> SocketAddr {
    let port = std::env::var("PORT").ok().and_then(|p| p.parse::<u16>().ok()).unwrap_or(3000);
    SocketAddr::from(([127, 0, 0, 1], port))
}
