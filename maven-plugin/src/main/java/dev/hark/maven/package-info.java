/**
 * The hark Maven plugin: {@code generate} turns a quantized model file into C sources plus the C runtime they link,
 * {@code build} compiles the firmware for each target, {@code verify} runs named clips through the simulator and each
 * target's firmware and compares every byte, {@code size} checks a board's flash and RAM against budgets, and
 * {@code flash} says that board flashing is not there yet. The goals call the same code as the {@code hark} command
 * and take the settings it shares from {@link dev.hark.config.Setting}.
 */
package dev.hark.maven;
