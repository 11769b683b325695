/**
 * Bit-exactness on a target: generate, build, run and compare with the simulator
 * ({@link dev.hark.pipeline.verify.FirmwareCheck}).
 */
package dev.hark.pipeline.verify;
