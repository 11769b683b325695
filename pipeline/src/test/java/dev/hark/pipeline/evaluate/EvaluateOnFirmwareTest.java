package dev.hark.pipeline.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Target;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Qemu;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.SpeechCommandsFolder;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.floatref.CrnnWeights;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark evaluate --target mps2-an386}: over 200 clips, the Cortex-M4 firmware computes every byte the simulator does. */
@Qemu
class EvaluateOnFirmwareTest {
    @TempDir
    Path dir;

    @Test
    void twoHundredClipsOnTheCortexM4MatchTheSimulatorByteForByte() throws Exception {
        List<String> speakers = SmallData.speakers(Split.TRAIN, 10);
        Path folder = SmallData.folder(dir.resolve("clips"), speakers, 7, 0, 11);
        EvaluationData data = EvaluationData.read(folder, SmallData.KEYWORD);
        CrnnWeights weights = SmallData.weights(11);
        QuantizedModel model = SmallData.model(weights, BenchmarkData.of(SpeechCommandsFolder.load(folder),
                SmallData.KEYWORD, false).features(Split.TRAIN, ProgressListener.NONE));
        EvaluateStage.Evaluation evaluation;
        try {
            evaluation = EvaluateStage.run(Path.of("model.hark"), model, Optional.empty(), Optional.empty(), data,
                    new EvaluateStage.Settings(0.01, 1, QualityGate.NONE, 3), Optional.of(Target.MPS2_AN386),
                    dir.resolve("out"), new PrintStream(PrintStream.nullOutputStream()));
        } catch (MissingToolException missing) {
            Assumptions.abort(missing.getMessage());
            return;
        }
        EvaluateStage.FirmwareRun firmware = evaluation.firmware().orElseThrow();
        assertEquals(210, firmware.comparison().clips());
        assertTrue(firmware.comparison().identical(), firmware.comparison().summary());
        assertTrue(EvaluationOutputs.text(evaluation).stream().anyMatch(l -> l.startsWith("mps2-an386")
                && l.contains("every score byte matched the simulator")));
    }
}
