package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.hark.config.Setting;
import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.LabelledRecordings;
import dev.hark.testing.Slow;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate goal on a CSV list of clips the test writes: its outputs, and its quality gate failing the build. */
@Slow
class EvaluateMojoTest {
    @TempDir
    Path dir;
    Path model;
    Path csv;
    Path out;
    RecordingLog log = new RecordingLog();

    @BeforeEach
    void smallModelAndClips() throws Exception {
        model = Mojos.modelFile(dir, RandomModels.create(CrnnConfig.builder().optConvChannels(2).optGruHidden(8)
                .optGruLayers(1).build(), 4, Rounding.DOUBLE));
        csv = LabelledRecordings.write(dir);
        out = dir.resolve("out");
    }

    /** The goal as a pom that sets the model and the data would configure it, with a short stream. */
    private EvaluateMojo evaluate() {
        EvaluateMojo mojo = new EvaluateMojo();
        mojo.model = model.toFile();
        mojo.data = csv.toFile();
        mojo.target = Setting.EVALUATION_TARGET.pluginDefault().orElseThrow();
        mojo.hours = 0.02;
        mojo.seed = Long.parseLong(Setting.STREAM_SEED.pluginDefault().orElseThrow());
        mojo.worst = Integer.parseInt(Setting.WORST_CLIPS.pluginDefault().orElseThrow());
        mojo.atFaPerHour = Double.parseDouble(Setting.AT_FA_PER_HOUR.pluginDefault().orElseThrow());
        mojo.outputDirectory = out.toFile();
        mojo.setLog(log);
        return mojo;
    }

    private double auFaFr() throws Exception {
        return JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject()
                .getAsJsonObject("networks").getAsJsonObject("int8").getAsJsonObject("auFaFr").get("value")
                .getAsDouble();
    }

    @Test
    void logsTheFiguresWritesTheOutputsAndFailsTheBuildWhenTheGateFails() throws Exception {
        evaluate().execute();
        assertTrue(log.info.stream().anyMatch(l -> l.contains("13 clips (5 'sheila', 8 other)")), log.info::toString);
        assertTrue(log.info.stream().anyMatch(l -> l.startsWith("int8: au_fa_fr")), log.info::toString);
        assertEquals(14, Files.readAllLines(out.resolve("clips.csv")).size());
        assertTrue(Files.exists(out.resolve("index.html")));
        double area = auFaFr();
        assertTrue(area > 0, "tied scores make au_fa_fr positive: " + area);

        EvaluateMojo atTheMark = evaluate();
        atTheMark.maxAuFaFr = area;
        atTheMark.execute();
        assertTrue(log.info.contains("quality gate: passed"), log.info::toString);

        EvaluateMojo aboveTheMark = evaluate();
        aboveTheMark.maxAuFaFr = area / 2;
        MojoFailureException e = assertThrows(MojoFailureException.class, aboveTheMark::execute);
        assertTrue(e.getMessage().startsWith(model + " misses the quality gate on " + csv + ": au_fa_fr "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("exceeds --max-au-fa-fr " + area / 2), e.getMessage());
    }

    @Test
    void aWavOfAnotherRateFailsNamingTheFile() throws Exception {
        Path odd = dir.resolve("clip5.wav");
        WavFile.write(odd, new PcmAudio(new short[8000], 8000));
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> evaluate().execute());
        assertTrue(e.getMessage().contains(odd.toString()) && e.getMessage().contains("8000 Hz"), e.getMessage());
        assertTrue(!Files.exists(out.resolve("summary.json")), "nothing written");
    }

    @Test
    void anUnknownTargetFailsNamingTheSetting() {
        EvaluateMojo mojo = evaluate();
        mojo.target = "esp32";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("--target: expected sim or one of host"), e.getMessage());
    }
}
