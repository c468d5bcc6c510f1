use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use counterparts::export::Export;
use counterparts::{Library, LoadOptions};

/// Counterparts: what each leader said at a summit, on every issue, side by side.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    source: Source,
}

/// Where the corpus comes from.
#[derive(clap::Args, Clone)]
struct Source {
    /// Folder of article files (*.txt) to load instead of the built-in ones.
    #[arg(long, global = true, env = "COUNTERPARTS_ARTICLES", value_name = "DIR")]
    articles: Option<PathBuf>,
    /// Summit file (speakers and topics) to use instead of the built-in one.
    #[arg(long, global = true, env = "COUNTERPARTS_SUMMIT", value_name = "FILE")]
    summit: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print every statement found, as JSON, to standard output.
    Export,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let opts = LoadOptions { articles: cli.source.articles.clone(), summit: cli.source.summit.clone() };
    let library = match Library::load(&opts) {
        Ok(lib) => lib,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for s in &library.skipped {
        tracing::warn!("{s}");
    }
    match cli.command {
        Some(Command::Export) => {
            println!("{}", Export::new(&library).to_json_pretty());
        }
        None => print_summary(&library),
    }
    ExitCode::SUCCESS
}

fn print_summary(library: &Library) {
    let r = library.report();
    println!("{} ({}, {})", library.summit.title, library.summit.place, library.summit.date);
    println!("{} articles loaded, {} skipped, {} statements", r.articles, r.skipped, r.statements);
    for (id, n) in &r.by_speaker {
        println!("  {id}: {n}");
    }
    println!("  others or unattributed: {}", r.unattributed);
}
