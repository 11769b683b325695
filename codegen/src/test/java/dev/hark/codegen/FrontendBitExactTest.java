package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.FrontendComparison;
import dev.hark.firmware.run.FrontendRunner;
import dev.hark.firmware.run.PcmClip;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.io.Executables;
import dev.hark.testing.Qemu;
import dev.hark.testing.SharedFolder;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C front end ({@code firmware-template/hark-frontend}) built with the generated {@code hark_frontend_tables.c}
 * gives exactly the Java front end's features, on the host and on mps2-an386 under QEMU: every feature byte of
 * {@code LogMelFrontend.compute}, and every frame at the point {@code StreamingFrontend} defines, whether the clip
 * is pushed sample by sample, hop by hop, in odd chunk sizes or whole. Signals: random PCM over the whole int16
 * range, moderate noise, silence, full-scale square waves, clipped audio, lengths at the framing's boundaries, and
 * real Speech Commands clips from {@code ../shared}.
 */
class FrontendBitExactTest {
    /** Sample by sample, hop by hop, odd sizes around the hop and the window, and (size 0 here) the whole clip. */
    private static final List<int[]> SCHEDULES = List.of(new int[] {1}, new int[] {160},
            new int[] {1, 7, 399, 161, 401, 3, 1000, 159}, new int[] {0});
    private static final int REAL_CLIP_SECONDS = 2;

    @TempDir
    static Path dir;

    private static final Map<Target, FirmwareBuild.Result> BUILDS = new LinkedHashMap<>();

    @Test
    @Slow
    void syntheticSignalsOnTheHost() throws IOException {
        check(Target.HOST, syntheticClips());
    }

    @Test
    @Qemu
    void syntheticSignalsUnderQemu() throws IOException {
        check(Target.MPS2_AN386, syntheticClips());
    }

    @Test
    @Slow
    void realClipsOnTheHost() throws IOException {
        check(Target.HOST, realClips());
    }

    @Test
    @Qemu
    void realClipsUnderQemu() throws IOException {
        check(Target.MPS2_AN386, realClips());
    }

    private static void check(Target target, List<PcmClip> clips) throws IOException {
        FirmwareBuild.Result build = build(target);
        FrontendComparison.Result result = FrontendComparison.compare(clips,
                new FrontendRunner(dir.resolve("run-" + target.makeName())).run(build, clips));
        System.out.println("front end C vs Java, " + target.makeName() + ": " + result.summary());
        assertTrue(result.identical(), result::summary);
        assertTrue(result.bytesCompared() > 0);
    }

    /** The project and its build, once per target for the whole class. */
    private static synchronized FirmwareBuild.Result build(Target target) throws IOException {
        assumeTrue(Executables.isInstalled("make"), "make is not installed (scripts/install-deps)");
        assumeTrue(Executables.isInstalled(target.compiler()), target.compiler() + " is not installed"
                + " (scripts/install-deps)");
        if (target.isEmulated()) {
            assumeTrue(Executables.isInstalled("qemu-system-arm"), "qemu-system-arm is not installed"
                    + " (scripts/install-deps)");
        }
        FirmwareBuild.Result build = BUILDS.get(target);
        if (build == null) {
            FirmwareProject project = FirmwareProject.create(dir.resolve("project-" + target.makeName()));
            CodeGenerator.generateFrontend(project.generatedDirectory(), true);
            build = FirmwareBuild.of(project, target).optProgram(Program.FRONTEND_RUNNER).build();
            BUILDS.put(target, build);
        }
        return build;
    }

    private static List<PcmClip> syntheticClips() {
        Random random = new Random(2024);
        List<PcmClip> clips = new ArrayList<>();
        short[] uniform = new short[32000];
        short[] noise = new short[16000];
        for (int n = 0; n < uniform.length; n++) {
            uniform[n] = (short) random.nextInt(1 << 16);
        }
        for (int n = 0; n < noise.length; n++) {
            noise[n] = (short) Math.round(random.nextGaussian() * 1000);
        }
        addWithEverySchedule(clips, "random int16", uniform);
        addWithEverySchedule(clips, "noise sigma 1000", noise);
        addWithEverySchedule(clips, "silence", new short[16000]);
        for (int halfPeriod : new int[] {20, 3, 1}) {
            addWithEverySchedule(clips, "full-scale square " + 8000 / halfPeriod + " Hz", square(16000, halfPeriod));
        }
        addWithEverySchedule(clips, "clipped tones", clippedTones(16000));
        for (int length : new int[] {1, 159, 160, 199, 200, 201, 359, 360, 16001}) {
            short[] x = new short[length];
            for (int n = 0; n < length; n++) {
                x[n] = (short) Math.round(random.nextGaussian() * 8000);
            }
            addWithEverySchedule(clips, length + " samples", x);
        }
        return clips;
    }

    /** The first clip of every folder of the Speech Commands subset (at most 2 s), each with one of the schedules. */
    private static List<PcmClip> realClips() throws IOException {
        Path root = SharedFolder.require("data/speech-commands");
        List<PcmClip> clips = new ArrayList<>();
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            Path first;
            try (Stream<Path> wavs = Files.list(folder)) {
                first = wavs.filter(p -> p.toString().endsWith(".wav")).sorted().findFirst().orElse(null);
            }
            if (first == null) {
                continue;
            }
            short[] samples = WavFile.read(first);
            samples = Arrays.copyOf(samples, Math.min(samples.length, REAL_CLIP_SECONDS * 16000));
            String name = root.relativize(first).toString();
            clips.add(clip(name, samples, SCHEDULES.get(clips.size() % SCHEDULES.size())));
            if (clips.size() == 1) {
                // Real speech turned up until it clips, as an overdriven microphone delivers it.
                addWithEverySchedule(clips, name + " x16, clipped", amplifyAndClip(samples, 16));
            }
        }
        assertTrue(clips.size() > 10, "expected the Speech Commands subset in " + root + ", found " + clips.size()
                + " clips");
        return clips;
    }

    private static void addWithEverySchedule(List<PcmClip> clips, String name, short[] samples) {
        for (int[] schedule : SCHEDULES) {
            clips.add(clip(name, samples, schedule));
        }
    }

    private static PcmClip clip(String name, short[] samples, int[] schedule) {
        int[] chunks = schedule[0] == 0 ? new int[] {samples.length} : schedule;
        return new PcmClip(name, samples, chunks);
    }

    /** -32768 and 32767 alternating every {@code halfPeriod} samples. */
    private static short[] square(int length, int halfPeriod) {
        short[] x = new short[length];
        for (int n = 0; n < length; n++) {
            x[n] = (n / halfPeriod) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        return x;
    }

    /** Three tones at four times full scale, cut to the int16 range: long runs at -32768 and 32767. */
    private static short[] clippedTones(int length) {
        short[] x = new short[length];
        for (int n = 0; n < length; n++) {
            double t = n / 16000.0;
            double v = 4 * 32767 * (0.5 * Math.sin(2 * Math.PI * 220 * t) + 0.3 * Math.sin(2 * Math.PI * 1375 * t)
                    + 0.2 * Math.sin(2 * Math.PI * 4410 * t));
            x[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return x;
    }

    private static short[] amplifyAndClip(short[] samples, int gain) {
        short[] x = new short[samples.length];
        for (int n = 0; n < x.length; n++) {
            x[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, samples[n] * gain));
        }
        return x;
    }
}
