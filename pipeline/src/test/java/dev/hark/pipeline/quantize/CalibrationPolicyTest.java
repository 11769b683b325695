package dev.hark.pipeline.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hark.testing.Fast;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.quant.CalibrationMethod;
import dev.hark.trainer.quant.CalibrationPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Fast
class CalibrationPolicyTest {
    /** {@code words} words of {@code perWord} clips each, listed word by word as the feature cache lists them. */
    private static FeatureSet clips(int words, int perWord) {
        List<LabelledFeatures> items = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            for (int i = 0; i < perWord; i++) {
                items.add(new LabelledFeatures("w" + w + "-" + i, "w" + w, "s" + i, w == 0 ? 1 : 0,
                        new byte[] {(byte) w, (byte) i}));
            }
        }
        return new FeatureSet(items);
    }

    @Test
    void calibrationSeesEveryWordOfALargeTrainingSet() {
        List<byte[]> picked = CalibrationPolicy.clips(clips(50, 30));
        assertEquals(CalibrationPolicy.CLIPS, picked.size());
        Set<Byte> words = new HashSet<>();
        picked.forEach(f -> words.add(f[0]));
        assertEquals(50, words.size(), "every word is among the calibration clips");
    }

    @Test
    void aSmallTrainingSetIsUsedWhole() {
        FeatureSet train = clips(3, 4);
        List<byte[]> picked = CalibrationPolicy.clips(train);
        assertEquals(12, picked.size());
        for (int i = 0; i < picked.size(); i++) {
            assertSame(train.items().get(i).features(), picked.get(i));
        }
    }

    @Test
    void aComparisonAddsTheChosenPlanOnlyWhenItIsNotAStandardOne() {
        assertEquals(3, CalibrationPolicy.comparedWith(CalibrationPlan.of(CalibrationMethod.KL)).size());
        CalibrationPlan mixed = CalibrationPlan.parse("kl,conv=minmax");
        List<CalibrationPlan> plans = CalibrationPolicy.comparedWith(mixed);
        assertEquals(4, plans.size());
        assertEquals(mixed, plans.get(3));
    }
}
