/**
 * Building and running generated firmware from Java, and checking it against the simulator:
 * {@link dev.hark.firmware.run.FirmwareProject} (template plus generated sources in one directory),
 * {@link dev.hark.firmware.run.FirmwareBuild} (make for the host or a QEMU board),
 * {@link dev.hark.firmware.run.HarnessRunner} (feature clips in, traces out),
 * {@link dev.hark.firmware.run.TraceComparison} (zero-tolerance comparison with {@code NetworkSimulator}) and
 * {@link dev.hark.firmware.run.SizeReport} (flash and RAM of an image).
 */
package dev.hark.firmware.run;
