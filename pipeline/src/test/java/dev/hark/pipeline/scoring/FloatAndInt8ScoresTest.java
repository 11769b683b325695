package dev.hark.pipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.pipeline.quantize.ModelDescription;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.Int8Evaluation;
import dev.hark.trainer.report.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@Fast
class FloatAndInt8ScoresTest {
    private static final CrnnConfig SMALL = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1)
            .build();
    private static CrnnWeights weights;
    private static QuantizedModel model;
    private static List<LabelledFeatures> clips;

    @BeforeAll
    static void smallModelAndClips() {
        weights = RandomCrnnWeights.of(SMALL, 7, 0.1);
        Random random = new Random(7);
        clips = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            byte[] features = new byte[SMALL.featuresPerClip()];
            random.nextBytes(features);
            clips.add(new LabelledFeatures("clip" + i, i % 3 == 0 ? "sheila" : "other", "s" + i, i % 3 == 0 ? 1 : 0,
                    features));
        }
        model = CalibrationPolicy.quantize(weights, ModelDescription.of(SMALL, "sheila", "test"),
                new FeatureSet(clips), CalibrationPolicy.DEFAULT_PLAN,
                    CalibrationPolicy.DEFAULT_ROUNDING);
    }

    @Test
    void theComparisonIsTheTrainersInt8Evaluation() {
        Int8Evaluation.Result expected = Int8Evaluation.evaluate(weights, model, clips);
        assertTrue(expected.maxAbsProbability() > 0, "the two networks differ somewhere: " + expected);
        assertEquals(expected, FloatAndInt8Scores.of(weights, model, clips).comparison());
    }

    @Test
    void clipsKeepTheirOrderAndLabels() {
        Scores scores = ClipScores.of(ModelScorers.int8Scorer(model), clips);
        assertEquals(clips.size(), scores.size());
        for (int i = 0; i < clips.size(); i++) {
            assertEquals(ModelScorers.int8Scorer(model).score(clips.get(i).features()), scores.keywordScore()[i]);
            assertEquals(clips.get(i).label() == 1, scores.isKeyword()[i]);
        }
    }

    @Test
    void theReportsDetectorsAreTheSameScorers() {
        ModelScorers scorers = ModelScorers.of(weights, model);
        ModelListeners listeners = ModelListeners.of(weights, model);
        FloatAndInt8Scores scores = scorers.score(clips);
        List<Detector> detectors = scorers.detectors(listeners);
        assertEquals(List.of("float", "int8"), detectors.stream().map(Detector::name).toList());
        assertArrayEquals(scores.floatScores().keywordScore(),
                ClipScores.of(detectors.get(0).clipScorer(), clips).keywordScore());
        assertArrayEquals(scores.int8Scores().keywordScore(),
                ClipScores.of(detectors.get(1).clipScorer(), clips).keywordScore());
        assertSame(listeners.floatModel(), detectors.get(0).listener());
        assertSame(listeners.int8Model(), detectors.get(1).listener());
    }
}
