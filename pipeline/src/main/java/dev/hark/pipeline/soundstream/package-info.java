/**
 * The sound stream measurement: the listening networks on hours of held-out audio in which no piece repeats the
 * same samples, with keywords at known places, false alarms traced back to their sources (docs/benchmark.md).
 */
package dev.hark.pipeline.soundstream;
