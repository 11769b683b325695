/**
 * Quantization-aware fine-tuning on frozen calibrated grids, converted to an ordinary int8 model file.
 */
package dev.hark.pipeline.qat;
