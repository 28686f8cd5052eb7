//! Criterion benchmark of the full run pipeline for 1, 1,000 and 100,000 parameter dicts.
//! Goal: at least 1,000,000 parameter dicts per second on one core for the 100,000 case.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn run_pipeline(c: &mut Criterion) {
    let app = <common::NoOp as soar_runtime::connector::Connector>::app_json();
    let mut group = c.benchmark_group("run_pipeline");
    for dicts in [1usize, 1_000, 100_000] {
        let input = common::action_json(dicts);
        group.throughput(Throughput::Elements(dicts as u64));
        if dicts == 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(dicts), &input, |b, input| {
            b.iter(|| common::pipeline(&app, input))
        });
    }
    group.finish();
}

criterion_group!(benches, run_pipeline);
criterion_main!(benches);
