package dev.hark.cli;

import dev.hark.pipeline.distill.DistillStage;
import dev.hark.pipeline.distill.DistillationTable;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.pipeline.distill.ZooStreamTraining;
import dev.hark.pipeline.quantize.QuantizeStage;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.features.FeatureSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark distill}: trains the teacher and distills it into the standard student zoo ({@link StudentZoo}), each
 * model mined for hard negatives after its training as {@code hark train} mines when asked ({@link ZooStreamTraining}), then
 * prints the compression table ({@link DistillStage}). Rerunning reuses finished models; every run quantizes
 * them again, in the rounding it is given.
 */
@Command(name = "distill",
        description = "Train the teacher, distill it into students of several shapes (and a two-stage chain; "
                + "--students for some of them), "
                + "optionally each mined for hard negatives as hark train mines, quantize them and print params, "
                + "MACs, int8 bytes and test au_fa_fr against the teacher.")
final class DistillCommand extends PipelineCommand {
    @Mixin
    FloatTrainingOptions training;

    @Mixin
    DistillationLossOptions loss;

    @Option(names = "--branched-conv", description = "Train each student's convolution RepVGG style, as parallel "
            + "branches (the main kernel, its middle row, its middle column and its centre, each with batch norm), "
            + "folded into one plain convolution for export (run directories end in -branched).")
    boolean branchedConv;

    @Mixin
    RoundingOption rounding;

    @Option(names = "--mining-rounds", description = "Rounds of hard-negative mining for every model, as hark train "
            + "mines: once trained, a model listens to training-split streams without keywords and trains on with "
            + "the second before each of its detections as a negative; a student still against its teacher, mined "
            + "first (default: ${DEFAULT-VALUE}: on the synthetic corpus's streams one round did not help the "
            + "smallest students, docs/benchmark.md).")
    int miningRounds = 0;

    @Mixin
    MiningOptions mining = new MiningOptions();

    @Mixin
    StudentsOption students = new StudentsOption();

    @Override
    Integer runLocked() throws Exception {
        training.check();
        StreamTrainingRecipe recipe = mining.recipe(training.augment, miningRounds, 0);
        List<Student> zoo = students.zoo();
        DistillationOptions distillation = loss.options();
        Workspace workspace = pipeline.workspace();
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        DistillationTable table = DistillStage.run(zoo,
                training.trainingFeatures(data, features.get(Split.TRAIN), pipeline.seed()), features,
                new DistillStage.Settings(pipeline.keyword(), training.epochs, pipeline.seed(), distillation,
                        branchedConv, rounding.rounding),
                ZooStreamTraining.of(data, recipe), workspace, System.err);
        PrintWriter out = out();
        out.print(table.markdown());
        out.println("int8 models quantized for " + QuantizeStage.name(rounding.rounding) + " rounding (model.hark in"
                + " each run directory under " + workspace.distillation() + ")");
        out.println("written: " + workspace.distillationTable() + ", " + workspace.distillationCsv());
        return ExitCode.OK.code();
    }
}
