//! Benchmarks over generated coverage (see `counterparts::generate`):
//!
//! - `analysis/analyze`: finding statements in 1,000 already parsed articles;
//! - `analysis/parse_and_analyze`: the same, splitting the raw text first;
//! - `library/build`: building a whole `Library` from the 1,000 files.
//!
//! Every benchmark reports bytes of article text per second. Before them, one
//! plain line (`analysis: X MB/s over N articles (M MB)`) is printed from a
//! simple timed loop, so a figure is visible even in a `--quick` run.
//!
//! Run with `cargo bench --bench analysis` (under two minutes on two cores), or
//! `cargo bench --bench analysis -- --quick` for a rough figure.

use std::hint::black_box;
use std::time::{Duration, Instant};

use counterparts::analysis::Analyzer;
use counterparts::corpus::{Article, SourceFile};
use counterparts::generate::generate_corpus;
use counterparts::summit::Summit;
use counterparts::Library;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};

/// Articles per benchmark iteration.
const ARTICLES: usize = 1_000;
/// Seed of the generated corpus: fixed, so runs compare like with like.
const SEED: u64 = 2021;
/// How long the plain throughput line measures for, at least.
const PLAIN_RUN: Duration = Duration::from_millis(500);

/// The generated files, as (name, text).
fn corpus() -> Vec<(String, String)> {
    generate_corpus(ARTICLES, SEED)
}

fn total_bytes(files: &[(String, String)]) -> u64 {
    files.iter().map(|(_, text)| text.len() as u64).sum()
}

fn parse_all(files: &[(String, String)]) -> Vec<Article> {
    files.iter().map(|(name, text)| Article::parse(name, text.clone())).collect()
}

fn summit() -> Summit {
    Summit::builtin().expect("the built-in summit file is valid")
}

/// Analyses every article once; returns the statement count so that the
/// work cannot be optimised away.
fn analyze_all(analyzer: &Analyzer, articles: &[Article]) -> usize {
    articles.iter().map(|a| black_box(analyzer.analyze(a)).len()).sum()
}

/// Prints the analysis throughput measured with a plain timed loop.
fn print_plain_throughput(analyzer: &Analyzer, articles: &[Article], bytes: u64) {
    let start = Instant::now();
    let mut passes = 0u64;
    let mut statements = 0;
    while passes == 0 || start.elapsed() < PLAIN_RUN {
        statements = analyze_all(analyzer, articles);
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "analysis: {:.1} MB/s over {} articles ({:.1} MB; {} statements per pass, {} passes)",
        mb * passes as f64 / secs,
        articles.len(),
        mb,
        statements,
        passes,
    );
}

/// Statement finding, with and without splitting the articles first.
fn analysis(c: &mut Criterion) {
    let files = corpus();
    let bytes = total_bytes(&files);
    let analyzer = Analyzer::new(&summit());
    let articles = parse_all(&files);
    print_plain_throughput(&analyzer, &articles, bytes);

    let mut group = c.benchmark_group("analysis");
    configure(&mut group, bytes);
    group.bench_function("analyze", |b| b.iter(|| analyze_all(&analyzer, &articles)));
    group.bench_function("parse_and_analyze", |b| {
        b.iter_batched(
            || files.clone(),
            |files| {
                files
                    .into_iter()
                    .map(|(name, text)| analyzer.analyze(&Article::parse(&name, text)).len())
                    .sum::<usize>()
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Everything `Library::load` does after reading the files.
fn library(c: &mut Criterion) {
    let files = corpus();
    let bytes = total_bytes(&files);
    let sources: Vec<SourceFile> = files.into_iter().map(|(name, text)| SourceFile::text(name, text)).collect();
    let summit = summit();

    let mut group = c.benchmark_group("library");
    configure(&mut group, bytes);
    group.bench_function("build", |b| {
        b.iter_batched(
            || (summit.clone(), sources.clone()),
            |(summit, sources)| Library::build(summit, sources, vec![]),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Few, flat samples: one iteration covers 1,000 articles, so ten samples
/// are plenty and keep the whole run to about a minute and a half.
fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, bytes: u64) {
    group
        .throughput(Throughput::Bytes(bytes))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
}

criterion_group!(benches, analysis, library);
criterion_main!(benches);
