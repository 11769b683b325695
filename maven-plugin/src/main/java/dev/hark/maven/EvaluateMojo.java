package dev.hark.maven;

import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.pipeline.evaluate.EvaluateStage;
import dev.hark.pipeline.evaluate.EvaluationOutputs;
import dev.hark.pipeline.evaluate.EvaluationRequest;
import dev.hark.pipeline.evaluate.QualityGate;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code hark evaluate} does, in a build: the model on labelled recordings through the simulator (and a
 * target's firmware, byte for byte), the figures and breakdowns in the log and in outputDirectory, and the quality
 * gate (maxFrr at atFaPerHour, maxAuFaFr) failing the build when the model misses it, so that a team's build fails
 * when a new model got worse on its own recordings. The settings are {@code hark evaluate}'s, defined once in
 * {@code dev.hark.config.Setting}.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EvaluateMojo extends AbstractHarkMojo {
    /**
     * The recordings to evaluate on: a folder in Speech Commands layout (a folder of clips per word, their speaker
     * before _nohash_ in each file name, _background_noise_ optional) or a .csv list of path,label[,speaker] (paths
     * relative to the list).
     */
    @Parameter(property = "hark.data", required = true)
    File data;

    /**
     * Evaluate only the clips of one split's speakers (train, dev or test, as hark's speaker-disjoint split assigns
     * them) and that split's time portion of each background recording, as the real-data benchmark divides its
     * data: --split test evaluates on its test speakers.
     */
    @Parameter(property = "hark.split")
    String split;

    /**
     * Convert recordings that are not 16 kHz mono 16-bit PCM (other rates, several channels, other encodings) to it,
     * band-limited and the same on every machine, instead of refusing them.
     */
    @Parameter(property = "hark.resample", defaultValue = "false")
    boolean resample;

    /** The keyword the recordings are labelled with; without it, the model's. */
    @Parameter(property = "hark.keyword")
    String keyword;

    /**
     * Where the int8 network runs besides the simulator: sim (the simulator alone), host or a board QEMU runs
     * (mps2-an386 and the others hark boards lists), its firmware compared with the simulator byte for byte.
     */
    @Parameter(property = "hark.target", defaultValue = "sim")
    String target;

    /** Length in hours of the long stream made of the recordings (and the background recordings). */
    @Parameter(property = "hark.hours", defaultValue = "1")
    double hours;

    /** Where the long stream's keywords go. */
    @Parameter(property = "hark.seed", defaultValue = "1")
    long seed;

    /** How many of the worst clips of each class to list. */
    @Parameter(property = "hark.worst", defaultValue = "10")
    int worst;

    /**
     * Quality gate: the highest share of keywords, 0 to 1, the int8 network may miss on the long stream at the
     * threshold that keeps false alarms within the at-fa-per-hour budget.
     */
    @Parameter(property = "hark.maxFrr")
    Double maxFrr;

    /** The false alarms per hour the long stream's operating point keeps within. */
    @Parameter(property = "hark.atFaPerHour", defaultValue = "1")
    double atFaPerHour;

    /** Quality gate: the highest au_fa_fr, 0 to 1, the int8 network may have on the clips. */
    @Parameter(property = "hark.maxAuFaFr")
    Double maxAuFaFr;

    /** Where clips.csv, summary.json, the HTML page and any firmware are written. */
    @Parameter(property = "hark.outputDirectory", defaultValue = "${project.build.directory}/hark-evaluate",
            required = true)
    File outputDirectory;

    @Override
    void executeGoal() throws MojoFailureException {
        EvaluateStage.Evaluation evaluation;
        try (PrintStream progress = LogLines.of(getLog())) {
            EvaluationRequest request = EvaluationRequest.of(model.toPath(), data.toPath(), keyword, split, resample,
                    target, new EvaluateStage.Settings(hours, seed, QualityGate.of(maxFrr, atFaPerHour, maxAuFaFr),
                            worst), outputDirectory.toPath());
            evaluation = EvaluateStage.run(request, Optional.empty(), Optional.empty(), progress);
        } catch (FirmwareRunException e) {
            throw AbstractFirmwareMojo.failure(e, getLog());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        EvaluationOutputs.text(evaluation).forEach(getLog()::info);
        if (evaluation.firmwareDiffers()) {
            throw new MojoFailureException("The " + target + " firmware differs from the simulator: "
                    + evaluation.firmware().orElseThrow().comparison().summary());
        }
        if (!evaluation.gateFailures().isEmpty()) {
            throw new MojoFailureException(model + " misses the quality gate on " + data + ": "
                    + String.join("; ", evaluation.gateFailures()));
        }
    }
}
