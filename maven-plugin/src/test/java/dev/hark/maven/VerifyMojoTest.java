package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.audio.WavFile;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Slow;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify goal on the host: feature clips through the simulator and the firmware, byte for byte. */
@Slow
class VerifyMojoTest {
    @TempDir
    Path dir;
    Path model;
    Path clips;
    final RecordingLog log = new RecordingLog();

    @BeforeEach
    void modelAndClips() throws Exception {
        Mojos.assumeTools("make", "gcc");
        QuantizedModel tiny = RandomModels.tiny(61);
        model = Mojos.modelFile(dir, tiny);
        clips = Files.createDirectories(dir.resolve("clips"));
        List<byte[]> features = RandomModels.features(tiny, 2, 62);
        Files.write(clips.resolve("a.features"), features.get(0));
        Files.write(clips.resolve("b.features"), features.get(1));
    }

    private VerifyMojo mojo() {
        VerifyMojo mojo = Mojos.verify(model, clips, dir.resolve("generated"), dir.resolve("firmware"), log);
        mojo.targets = List.of("HOST");
        return mojo;
    }

    @Test
    void theHostFirmwareComputesEveryByteTheSimulatorDoes() throws Exception {
        mojo().execute();

        assertTrue(log.info.contains("Verifying 2 clips from " + clips), log.info::toString);
        assertTrue(log.lastInfo().matches("host firmware with the portable CMSIS-NN subset, double rounding: 0 of"
                + " \\d+ bytes differ over 2 clips x 7 layers"), log.lastInfo());
    }

    /** A generated file edited by hand is copied into the build as it is, so the firmware computes another network. */
    @Test
    void aDifferingByteFailsTheBuildNamingClipLayerStepAndIndex() throws Exception {
        mojo().execute();
        Path data = dir.resolve("generated/hark_model_data.c");
        Matcher bias = Pattern.compile("(hark_conv_bias\\[\\d+\\][^{]*\\{\\s*)(-?\\d+)").matcher(Files.readString(data));
        assertTrue(bias.find(), "the conv bias in " + data);
        Files.writeString(data, bias.replaceFirst("$1" + (Long.parseLong(bias.group(2)) + 1_000_000)));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo()::execute);

        assertTrue(e.getMessage().matches("The host firmware differs from the simulator at clip 0 \\(a\\.features\\),"
                + " layer conv, step \\d+, index \\d+: simulator -?\\d+, firmware -?\\d+ \\(\\d+ of \\d+ bytes"
                + " differ\\)\\."), e.getMessage());
    }

    /** A model of the front end's shape takes WAV files: the same integer features on both sides. */
    @Test
    void wavClipsOfAFrontEndShapedModelAreBitExactToo() throws Exception {
        QuantizedModel student = RandomModels.create(RandomModels.smallStudentShape(), 63, Rounding.SINGLE);
        ModelFile.write(student, model);
        Path wavs = Files.createDirectories(dir.resolve("wavs"));
        Random random = new Random(64);
        short[] noise = new short[12_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (random.nextGaussian() * 4000);
        }
        WavFile.write(wavs.resolve("noise.wav"), noise);
        VerifyMojo mojo = Mojos.verify(model, wavs, dir.resolve("generated"), dir.resolve("firmware"), log);
        mojo.targets = List.of("HOST");

        mojo.execute();

        assertTrue(log.lastInfo().matches("host firmware with the portable CMSIS-NN subset, single rounding: 0 of"
                + " \\d+ bytes differ over 1 clips x \\d+ layers"), log.lastInfo());
    }

    /** Without clips, a pipeline workspace's test split: the features the pipeline cached, under their clip ids. */
    @Test
    void aWorkspacesTestSplitIsVerifiedFromTheFeaturesThePipelineKeeps() throws Exception {
        Path workspace = dir.resolve("workspace");
        List<byte[]> features = RandomModels.features(ModelFile.read(model), 3, 65);
        List<LabelledFeatures> items = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            items.add(new LabelledFeatures("speaker" + i + "/clip.wav", "word", "speaker" + i, i % 2, features.get(i)));
        }
        new FeatureSet(items).write(FeatureSet.inWorkspace(workspace, Split.TEST));
        // Other splits are not verified: a train split that does not even fit the model is left alone.
        new FeatureSet(List.of(new LabelledFeatures("x", "w", "s", 0, new byte[5])))
                .write(FeatureSet.inWorkspace(workspace, Split.TRAIN));
        VerifyMojo mojo = mojo();
        mojo.clips = null;
        mojo.workspace = workspace.toFile();

        mojo.execute();

        assertTrue(log.info.contains("Verifying the 3 clips of the test split of " + workspace), log.info::toString);
        assertTrue(log.lastInfo().matches("host firmware with the portable CMSIS-NN subset, double rounding: 0 of"
                + " \\d+ bytes differ over 3 clips x 7 layers"), log.lastInfo());
    }

    @Test
    void aWorkspaceWithoutTestFeaturesIsNamedWithWhatMakesThem() {
        Path workspace = dir.resolve("empty-workspace");
        VerifyMojo mojo = mojo();
        mojo.clips = null;
        mojo.workspace = workspace.toFile();

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("The parameter workspace: " + workspace + " holds no features of the test split ("
                + workspace.resolve("features/test.bin") + "); run the pipeline into it first, e.g. hark train -w "
                + workspace + ".", e.getMessage());
    }

    @Test
    void neitherClipsNorAWorkspaceIsNamedAsMissing() {
        VerifyMojo mojo = mojo();
        mojo.clips = null;

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("The clips to verify are not set: "), e.getMessage());
    }

    @Test
    void clipsThatDoNotFitTheModelAreNamed() throws Exception {
        Files.write(clips.resolve("c.features"), new byte[3]);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo()::execute);
        assertEquals("The parameter clips: " + clips.resolve("c.features") + ": 3 bytes, the network takes 30 frames"
                + " x 12 mel bins = 360 int8 features.", e.getMessage());
    }
}
