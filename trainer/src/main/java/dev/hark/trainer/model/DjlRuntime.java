package dev.hark.trainer.model;

import ai.djl.engine.Engine;

/**
 * The one way product code reaches DJL's engine. hark never downloads anything at run time: the PyTorch
 * native library ships in the {@code pytorch-native-cpu} jar and is unpacked to {@code ~/.djl.ai} on first use,
 * and {@code ai.djl.offline=true} makes DJL fail instead of fetching a different build from the network.
 * The property must be set before the engine class first loads, hence every DJL entry point calls this first.
 */
public final class DjlRuntime {
    /** The engine hark is built and tested against (pytorch-engine 0.35.1, PyTorch 2.7.1, CPU). */
    public static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /** Forces offline mode and returns the PyTorch engine. */
    public static Engine engine() {
        System.setProperty("ai.djl.offline", "true");
        return Engine.getEngine(ENGINE);
    }

    /**
     * Seeds the engine's random generator (parameter initialization) and DJL's shared {@code RandomUtils}.
     * Shuffling in hark does not use either: it has its own seeded sampler.
     */
    public static void seed(long seed) {
        // Engine.setRandomSeed takes an int; fold the long so distinct seeds stay distinct in practice.
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }
}
