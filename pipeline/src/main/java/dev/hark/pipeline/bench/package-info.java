/**
 * What listening costs on a board: the benchmark programs built and run for a model
 * ({@link dev.hark.pipeline.bench.ListeningBenchmark}), their figures per second of audio
 * ({@link dev.hark.pipeline.bench.ListeningCost}) and the table they are quoted in
 * ({@link dev.hark.pipeline.bench.ListeningCostTable}).
 */
package dev.hark.pipeline.bench;
