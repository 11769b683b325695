package dev.hark.simbench;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.ProgramCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The simulator's inference speed on one model: a whole clip through the whole-clip program
 * ({@link NetworkSimulator}), and the same clip's frames one by one through the streaming program
 * ({@link StreamingNetwork}, every step it completes), each with the fast kernels the simulator runs and with the
 * reference kernels that define the integers (the ratio of the two, measured in one period, is the fast kernels'
 * gain even on a loaded machine). The features are fixed pseudo-random int8 values: the
 * integer kernels take the same time whatever the values. Each run prints the MACs of one operation, so that
 * operations per second give MACs per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBenchmark {
    /** The model file, relative to the working directory. */
    @Param("build/demo/model.hark")
    public String model;

    private NetworkSimulator wholeClip;
    private StreamingNetwork streaming;
    private StreamingNetwork streamingReference;
    private byte[] clip;
    private byte[][] frames;

    @Setup
    public void load() throws IOException {
        QuantizedModel quantized = ModelFile.read(Path.of(model));
        wholeClip = new NetworkSimulator(quantized);
        streaming = new StreamingNetwork(quantized, Lowering.defaultAttentionWindow(quantized));
        streamingReference = StreamingNetwork.withReferenceKernels(streaming.program());
        clip = new byte[quantized.info().inputSize()];
        new Random(1).nextBytes(clip);
        int frameSize = streaming.frameSize();
        frames = new byte[clip.length / frameSize][frameSize];
        for (int f = 0; f < frames.length; f++) {
            System.arraycopy(clip, f * frameSize, frames[f], 0, frameSize);
        }
        streaming.reset();
        long steps = 0;
        for (byte[] frame : frames) {
            steps += streaming.pushFrame(frame).isPresent() ? 1 : 0;
        }
        System.out.printf("%n%s: whole clip %d MACs; streaming %d frames, %d steps of %d MACs (from reset)%n", model,
                ProgramCounts.of(wholeClip.program()).macs(), frames.length, steps,
                ProgramCounts.of(streaming.program()).macs());
    }

    @Benchmark
    public Trace wholeClip() {
        return wholeClip.run(clip);
    }

    @Benchmark
    public void streamingClip(Blackhole sink) {
        stream(streaming, sink);
    }

    /** {@link #wholeClip} with the reference kernels, call by call as they define the integers. */
    @Benchmark
    public Trace wholeClipReferenceKernels() {
        return wholeClip.runWithReferenceKernels(clip);
    }

    /** {@link #streamingClip} with the reference kernels. */
    @Benchmark
    public void streamingClipReferenceKernels(Blackhole sink) {
        stream(streamingReference, sink);
    }

    private void stream(StreamingNetwork network, Blackhole sink) {
        network.reset();
        for (byte[] frame : frames) {
            Optional<Trace> step = network.pushFrame(frame);
            sink.consume(step);
        }
    }
}
