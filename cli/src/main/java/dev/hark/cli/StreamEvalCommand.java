package dev.hark.cli;

import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.soundstream.SoundStreamRun;
import dev.hark.pipeline.soundstream.SoundStreamSettings;
import dev.hark.pipeline.soundstream.SoundStreamStage;
import dev.hark.pipeline.workspace.ModelDetector;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.trainer.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hark stream-eval}: the sound stream measurement of a workspace's float and int8 networks. */
@Command(name = "stream-eval",
        description = "The sound stream measurement: the workspace's float and int8 networks listen (state carried) to "
                + "hours of held-out audio in which no piece repeats the same samples (word clips, background "
                + "excerpts and synthetic sentences, each varied in speed, gain, noise and offset), keywords at known "
                + "places; hits, misses and false alarms at <= 0.5 and <= 1 false alarm per hour with 95%% intervals, "
                + "and the sources the false alarms came from. The detector's smoothing and refractory period are "
                + "first chosen on dev-split streams (once; recorded in <work>/detector.properties, the candidates in "
                + "<work>/detector-choice.md). Prints the table and writes <work>/stream-eval.md, the DET curve "
                + "<work>/stream-eval-det.png and a stretch of stream <work>/stream-eval-stretch.png. About a minute "
                + "of CPU per network and hour.")
final class StreamEvalCommand extends PipelineCommand {
    @Option(names = "--hours", description = "Audio in all, in streams of --stream-hours (default: "
            + "${DEFAULT-VALUE}).")
    double hours = SoundStreamSettings.DEFAULT_HOURS;

    @Option(names = "--stream-hours", description = "Length of each stream; the networks start afresh on each "
            + "(default: ${DEFAULT-VALUE}).")
    double streamHours = SoundStreamSettings.DEFAULT_STREAM_HOURS;

    @Option(names = "--stream-seed", description = "Seed of the streams (default: --seed).")
    Long streamSeed;

    @Option(names = "--split", description = "The held-out split the streams are made of: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    Split split = Split.TEST;

    @Option(names = "--sentences", description = "Synthetic sentences (text-to-speech, without the keyword) to mix "
            + "in; 0 for none (default: ${DEFAULT-VALUE}).")
    int sentences = SoundStreamSettings.DEFAULT_SENTENCES;

    @Option(names = "--dev-hours", description = "Dev-split audio the detector's smoothing and refractory period are "
            + "chosen on, when the workspace has no detector yet (default: ${DEFAULT-VALUE}).")
    double devHours = SoundStreamSettings.DEFAULT_HOURS;

    @Option(names = "--choose-detector", description = "Choose the detector on dev-split streams again even when "
            + "the workspace has one.")
    boolean chooseAgain;

    @Override
    Integer runLocked() throws Exception {
        OptionCheck check = OptionCheck.USAGE;
        check.positive("--hours", hours);
        check.positive("--stream-hours", streamHours);
        check.positive("--dev-hours", devHours);
        check.atLeast("--sentences", sentences, 0);
        SoundStreamSettings settings = new SoundStreamSettings(split, hours, streamHours,
                streamSeed == null ? pipeline.seed() : streamSeed, sentences);
        Workspace workspace = pipeline.workspace();
        SoundStreamStage.Result r = SoundStreamRun.run(pipeline.data(System.err), workspace, settings,
                pipeline.listeners(), devHours, chooseAgain, 2, System.err);
        writeTable(workspace.soundStreamTable(), r.table().markdown());
        // The firmware generated from the workspace's model listens with the detector chosen for it.
        ModelDetector.record(workspace, ModelInput.read(workspace.model()), System.err);
        out().println("written: " + workspace.soundStreamDetCurve());
        return ExitCode.OK.code();
    }
}
