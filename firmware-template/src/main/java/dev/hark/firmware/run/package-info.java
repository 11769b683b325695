/**
 * Building and running generated firmware from Java, and checking it against the simulator:
 * {@link dev.hark.firmware.run.FirmwareProject} (template plus generated sources in one directory),
 * {@link dev.hark.firmware.run.FirmwareBuild} (make for the host or a QEMU board),
 * {@link dev.hark.firmware.run.HarnessRunner} (feature clips in, traces out; like every runner of a built program, a
 * {@link dev.hark.firmware.run.ProgramRunner}),
 * {@link dev.hark.firmware.run.TraceComparison} (zero-tolerance comparison with {@code NetworkSimulator}),
 * {@link dev.hark.firmware.run.FrontendRunner} (PCM clips in, the C front end's frames out),
 * {@link dev.hark.firmware.run.FrontendComparison} (zero-tolerance comparison with the Java front end) and
 * {@link dev.hark.firmware.run.SizeReport} (flash and RAM of an image).
 */
package dev.hark.firmware.run;
