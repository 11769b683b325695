/**
 * JUnit 5 helpers for a firmware project's own bit-exact tests: {@link dev.hark.test.HarkModel} runs features or PCM
 * through the simulator (the clip network and the streaming listener), {@link dev.hark.test.HarkFirmware} builds
 * the firmware once for a test class and hands its tests a {@link dev.hark.test.Firmware} that runs the same input
 * on the host or under QEMU and compares every byte, and {@link dev.hark.test.HarkAssertions} fails a test naming the
 * first differing byte (layer, step and index) or the detections that differ.
 */
package dev.hark.test;
