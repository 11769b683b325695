/**
 * The hark Maven plugin: {@code generate} turns a quantized model file into C sources plus the C runtime they link,
 * {@code size} builds the firmware for a board and checks its flash and RAM against a budget, and {@code flash}
 * says that board flashing is not there yet. The goals call the same code as the {@code hark} command.
 */
package dev.hark.maven;
