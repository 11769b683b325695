package dev.hark.firmware.run;

import dev.hark.firmware.board.BoardDescriptor;

/**
 * The programs the template's Makefile builds from generated sources, each with its make goal, its executable's
 * name and the generated file it cannot do without.
 */
public enum Program {
    /** {@code harness/hark_harness_main.c} with the generated network: traces every layer ({@link HarnessRunner}). */
    HARNESS("harness", "hark_harness", "hark_network.h"),
    /**
     * {@code test/frontend_runner.c} with the C front end and the generated front-end tables: streams PCM through
     * the front end ({@link FrontendRunner}).
     */
    FRONTEND_RUNNER("frontend-runner", "frontend_runner", "hark_frontend_tables.h"),
    /**
     * {@code harness/hark_listen_main.c} with the listening engine and a network generated for streaming: streams
     * PCM through front end, network and detector ({@link ListenRunner}).
     */
    LISTEN_HARNESS("listen-harness", "hark_listen", "hark_network.h"),
    /**
     * {@code harness/hark_listen_bench.c} with the listening engine and a network generated for streaming: measures
     * the engine's stages on generated audio ({@link BenchmarkRunner#run}).
     */
    LISTEN_BENCH("listen-bench", "hark_listen_bench", "hark_network.h"),
    /**
     * {@code harness/hark_rescore_bench.c} with a network generated for whole clips: measures re-scoring a clip's
     * window of frames at a fixed hop ({@link BenchmarkRunner#run}).
     */
    RESCORE_BENCH("rescore-bench", "hark_rescore_bench", "hark_network.h"),
    /**
     * {@code harness/hark_listen_lean.c}, for boards only: the listening firmware without semihosting or stdio, whose
     * size is the engine's flash and RAM and whose run reports its peak stack ({@link BenchmarkRunner#runLean}).
     */
    LISTEN_LEAN("listen-lean", "hark_listen_lean", "hark_network.h"),
    /**
     * {@code product/hark_product_main.c} with the board's microphone driver, for real boards whose {@code board.mk}
     * names one: the listening firmware of a device (microphone, engine, a console line and the LED on each
     * detection); the build also writes the image as {@code .bin} and {@code .hex} beside the ELF.
     */
    PRODUCT("product", "hark_product", "hark_network.h");

    private final String goal;
    private final String baseName;
    private final String requiredGeneratedFile;

    Program(String goal, String baseName, String requiredGeneratedFile) {
        this.goal = goal;
        this.baseName = baseName;
        this.requiredGeneratedFile = requiredGeneratedFile;
    }

    /** The make goal that builds it. */
    public String goal() {
        return goal;
    }

    /** The executable's file name without a target's suffix. */
    public String baseName() {
        return baseName;
    }

    /** True for a program built for a board only, never for the host: the lean and the product firmware. */
    public boolean boardOnly() {
        return this == LISTEN_LEAN || this == PRODUCT;
    }

    /**
     * What a model is flashed as on {@code board}: the product firmware where hark has a microphone driver for it,
     * otherwise the lean listening firmware, which listens to generated audio.
     */
    public static Program flashedOn(BoardDescriptor board) {
        return board.hasMicrophone() ? PRODUCT : LISTEN_LEAN;
    }

    /** The generated file the build needs in the project's generated directory. */
    public String requiredGeneratedFile() {
        return requiredGeneratedFile;
    }

    /**
     * True when a board's build reserves its harness heap for this program (newlib's stdio over semihosting); the
     * lean and the product firmware have no heap, nor has the listening harness, whose files go through semihosting
     * calls without stdio ({@code harness/hark_stream.h}).
     */
    public boolean hasHeap() {
        return !boardOnly() && this != LISTEN_HARNESS;
    }
}
