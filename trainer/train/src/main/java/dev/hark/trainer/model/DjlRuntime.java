package dev.hark.trainer.model;

import ai.djl.engine.Engine;

/**
 * The one way product code reaches DJL's engine. hark never downloads anything at run time: the PyTorch
 * native library ships in the {@code pytorch-native-cpu} jar and is unpacked to {@code ~/.djl.ai} on first use,
 * and {@code ai.djl.offline=true} makes DJL fail instead of fetching a different build from the network.
 *
 * <p>PyTorch also runs single-threaded unless {@code ai.djl.pytorch.num_threads} /
 * {@code ai.djl.pytorch.num_interop_threads} say otherwise. The CRNN's tensors are tiny, and OpenMP's
 * spin-waiting threads collapse when cores are shared: on a 2-core machine under load a batch-64 GRU forward
 * took 229 ms with two threads and 4.8 ms with one. One thread also keeps results bit-reproducible.
 *
 * <p>These properties are read when the engine first loads, hence every DJL entry point calls this first.
 */
public final class DjlRuntime {
    /** The engine hark is built and tested against (pytorch-engine 0.35.1, PyTorch 2.7.1, CPU). */
    public static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /** Forces offline mode, defaults to one PyTorch thread, and returns the PyTorch engine. */
    public static Engine engine() {
        System.setProperty("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        return Engine.getEngine(ENGINE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
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
