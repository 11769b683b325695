package dev.hark.pipeline.bench;

import dev.hark.firmware.run.BenchmarkOutput;
import dev.hark.firmware.run.LeanRun;
import dev.hark.firmware.run.SizeReport;

/**
 * What listening with one model costs on a board, from the benchmark programs' figures. Instruction counts are over
 * the same {@code seconds} of audio (after a warm-up), so each divided by {@code seconds} is instructions per second
 * of audio. They are instructions, not cycles: a Cortex-M4 takes one cycle or more per instruction (loads, taken
 * branches, long multiplies take more), so a share of a clock rate computed from them is a lower bound.
 *
 * @param model            the model's name
 * @param seconds          audio measured
 * @param hopFrames        frames per streaming step
 * @param rescoreHopFrames frames between two re-scorings of the whole-clip network
 * @param frontEnd         instructions of {@code hark_frontend_push} alone
 * @param network          instructions of the streaming network's steps alone
 * @param detection        instructions of the detector alone
 * @param total            instructions of {@code hark_kws_process} end to end (the stages and what the engine adds)
 * @param rescoring        instructions of the whole-clip network re-scoring the last clip every
 *                         {@code rescoreHopFrames} frames
 * @param flash            bytes of flash of the lean firmware (text + data)
 * @param ram              bytes of static RAM of the lean firmware (data + bss)
 * @param stackPeak        bytes of stack the lean firmware used at most
 */
public record ListeningCost(String model, long seconds, long hopFrames, long rescoreHopFrames, long frontEnd,
                            long network, long detection, long total, long rescoring, long flash, long ram,
                            long stackPeak) {
    /** The clock rate the goals are stated for. */
    public static final double CORTEX_M4_HZ = 80e6;

    public ListeningCost {
        if (seconds < 1) {
            throw new IllegalArgumentException("a benchmark measures at least 1 second, got " + seconds);
        }
    }

    /**
     * Puts the figures of one model's runs together.
     *
     * @param listening  {@code hark_listen_bench}'s output
     * @param rescoring  {@code hark_rescore_bench}'s output, over as many seconds
     * @param leanSize   the lean firmware's size
     * @param lean       the lean firmware's run
     * @throws IllegalArgumentException if an output is not the expected program's, counted no instructions, lacks a
     *                                  figure, or the two benchmarks measured different audio
     */
    public static ListeningCost of(String model, BenchmarkOutput listening, BenchmarkOutput rescoring,
                                   SizeReport leanSize, LeanRun lean) {
        requireProgram(listening, "hark_listen_bench");
        requireProgram(rescoring, "hark_rescore_bench");
        listening.requireInstructionCounting();
        rescoring.requireInstructionCounting();
        for (String same : new String[] {"seconds", "warmup_seconds", "chunk_samples", "frontend_frames"}) {
            if (listening.figure(same) != rescoring.figure(same)) {
                throw new IllegalArgumentException("the two benchmarks measured different audio: " + same + " "
                        + listening.figure(same) + " and " + rescoring.figure(same));
            }
        }
        return new ListeningCost(model, listening.figure("seconds"), listening.figure("hop_frames"),
                rescoring.figure("hop_frames"), listening.instructions("frontend_ticks"),
                listening.instructions("network_ticks"), listening.instructions("detector_ticks"),
                listening.instructions("engine_ticks"), rescoring.instructions("network_ticks"), leanSize.flash(),
                leanSize.ram(), lean.stackPeak());
    }

    private static void requireProgram(BenchmarkOutput output, String program) {
        if (!output.program().equals(program)) {
            throw new IllegalArgumentException("expected the output of " + program + ", got " + output.program());
        }
    }

    private double perSecond(long instructions) {
        return instructions / (double) seconds;
    }

    public double frontEndPerSecond() {
        return perSecond(frontEnd);
    }

    public double networkPerSecond() {
        return perSecond(network);
    }

    public double detectionPerSecond() {
        return perSecond(detection);
    }

    /** What the engine adds to its stages (the frame window, callbacks, bookkeeping), per second. */
    public double engineOverheadPerSecond() {
        return perSecond(total - frontEnd - network - detection);
    }

    /** The whole engine, measured end to end, per second. */
    public double totalPerSecond() {
        return perSecond(total);
    }

    /** The whole-clip network re-scoring, per second. */
    public double rescoringPerSecond() {
        return perSecond(rescoring);
    }

    /** {@link #totalPerSecond()} as a share of a core running one instruction per cycle at {@code hz}. */
    public double shareOf(double hz) {
        return totalPerSecond() / hz;
    }

    /** The streaming network's work over the re-scoring network's. */
    public double networkRatio() {
        return network / (double) rescoring;
    }

    /**
     * The whole streaming engine's work over re-scoring's: the same front end plus the whole-clip network (its
     * detector and bookkeeping, a few hundred instructions per second, left out, in re-scoring's favour).
     */
    public double totalRatio() {
        return total / (double) (frontEnd + rescoring);
    }
}
