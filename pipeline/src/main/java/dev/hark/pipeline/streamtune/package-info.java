/**
 * Fine-tuning the trained float model for streaming (long sequences, state carried), quantized beside the original.
 */
package dev.hark.pipeline.streamtune;
