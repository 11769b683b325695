package dev.hark.firmware.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a benchmark program ({@code harness/hark_listen_bench.c}, {@code hark_rescore_bench.c}) printed: one
 * {@code <key> <decimal value>} line per figure, from {@code program <name>} to {@code end 0} (format in
 * {@code harness/hark_bench.h}). Lines before and after (an emulator's warnings) are not part of it.
 *
 * <pre>
 * BenchmarkOutput out = BenchmarkOutput.parse(text);
 * out.requireInstructionCounting();
 * double frontEndPerSecond = out.instructions("frontend_ticks") / (double) out.figure("seconds");
 * </pre>
 *
 * @param program the program's name
 * @param figures every figure in the order printed
 */
public record BenchmarkOutput(String program, Map<String, Long> figures) {
    private static final String FIRST = "program";
    private static final String LAST = "end";

    public BenchmarkOutput {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /**
     * @throws IllegalArgumentException naming the line if there is no {@code program} line, no {@code end} line
     *                                  after it, a line between them is not a key and a non-negative whole number,
     *                                  or a key repeats
     */
    public static BenchmarkOutput parse(String output) {
        String[] lines = output.split("\\R");
        int first = 0;
        while (first < lines.length && !lines[first].startsWith(FIRST + " ")) {
            first++;
        }
        if (first == lines.length) {
            throw new IllegalArgumentException("benchmark output has no 'program' line");
        }
        String program = lines[first].substring(FIRST.length() + 1).strip();
        Map<String, Long> figures = new LinkedHashMap<>();
        for (int i = first + 1; i < lines.length; i++) {
            String[] parts = lines[i].strip().split(" ");
            if (parts.length != 2 || !parts[0].matches("[a-z][a-z0-9_]*") || !parts[1].matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("benchmark output of " + program + ", line " + (i + 1)
                        + ": not '<key> <whole number>': " + lines[i].strip());
            }
            if (parts[0].equals(LAST)) {
                return new BenchmarkOutput(program, figures);
            }
            if (figures.put(parts[0], Long.parseLong(parts[1])) != null) {
                throw new IllegalArgumentException("benchmark output of " + program + ", line " + (i + 1)
                        + ": '" + parts[0] + "' appears twice");
            }
        }
        throw new IllegalArgumentException("benchmark output of " + program + " ends before its 'end' line");
    }

    /** @throws IllegalArgumentException naming the program and the key if the output has no such figure */
    public long figure(String key) {
        Long value = figures.get(key);
        if (value == null) {
            throw new IllegalArgumentException("benchmark output of " + program + " has no '" + key + "'");
        }
        return value;
    }

    /** Instructions per counter tick; 0 when the program's counter counts nothing (on the host). */
    public long instructionsPerTick() {
        return figure("instructions_per_tick");
    }

    /** A ticks figure in instructions. */
    public long instructions(String ticksKey) {
        return figure(ticksKey) * instructionsPerTick();
    }

    /**
     * Checks that the counter counted instructions: the calibration loop's ticks times the instructions per tick
     * are its known instruction count, within one tick.
     *
     * @throws IllegalArgumentException if the program counted nothing (host) or the calibration disagrees (QEMU
     *                                  run without {@code -icount shift=0})
     */
    public void requireInstructionCounting() {
        long perTick = instructionsPerTick();
        if (perTick == 0) {
            throw new IllegalArgumentException(program + " counted no instructions: it runs on a board under QEMU, "
                    + "not on the host");
        }
        long expected = figure("calibration_instructions");
        long counted = figure("calibration_ticks") * perTick;
        if (Math.abs(counted - expected) > perTick) {
            throw new IllegalArgumentException(program + ": the calibration loop of " + expected
                    + " instructions counted " + counted + ", so the counter does not count instructions (QEMU must "
                    + "run with -icount shift=0)");
        }
    }
}
