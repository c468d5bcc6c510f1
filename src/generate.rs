//! Generated coverage for benchmarks and load tests.
