/**
 * Post-training quantization to the int8 model file.
 */
package dev.hark.pipeline.quantize;
