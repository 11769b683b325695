package dev.hark.cli;

import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.report.StatePolicyStage;
import dev.hark.pipeline.report.StreamMaterial;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamingModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hark state-policies}: how the listening networks do on a test stream under each state policy. */
@Command(name = "state-policies",
        description = "Compare state policies of the listening float and int8 networks (state carried, reset "
                + "periodically, reset after each detection), of the trained model and of the one fine-tuned for "
                + "streaming, on the same test stream of test-split audio, each at "
                + "1 false alarm per hour: hits, misses, false alarms with 95%% intervals. Prints the table and "
                + "writes <work>/state-policies.md. Takes minutes per policy and hour of stream.")
final class StatePoliciesCommand extends PipelineCommand {
    @Mixin
    StreamHoursOption hours;

    @Option(names = "--stream-seed", description = "Seed of the test stream (default: --seed); another seed gives "
            + "another stream of the same material.")
    Long streamSeed;

    @Mixin
    StatePolicyOptions compared;

    @Override
    Integer runLocked() throws Exception {
        List<StatePolicy> policies = compared.policies();
        List<Integer> smoothings = compared.smoothings();
        Map<String, Supplier<StreamingModel>> listeners = new LinkedHashMap<>();
        for (String variant : compared.models()) {
            listeners.putAll(variant.equals(StatePolicyOptions.TRAINED) ? pipeline.listeners().named()
                    : pipeline.streamTunedListeners().named(StatePolicyOptions.STREAM_TUNED));
        }
        StreamMaterial material = StreamMaterial.testSplit(pipeline.data(System.err));
        writeTable(pipeline.workspace().statePolicyTable(), StatePolicyStage.run(material, listeners, hours.hours(),
                streamSeed == null ? pipeline.seed() : streamSeed, policies, smoothings, System.err).markdown());
        return ExitCode.OK.code();
    }
}
