/**
 * Structured pruning as a pipeline stage: a trained CRNN (the teacher or a distilled student) pruned by several
 * amounts, each fine-tuned in its own resumable run directory, quantized, and compared with the unpruned source on
 * the test split.
 */
package dev.hark.pipeline.prune;
