package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Fast;
import dev.hark.testing.Slow;
import dev.hark.trainer.floatref.CrnnWeights;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Histogram bookkeeping, the three clipping methods, per-tensor plans, and quantizing with each plan. */
class CalibrationMethodsTest {
    @Test
    @Fast
    void histogramKeepsEveryCountWhileItsRangeGrowsAndFindsQuantiles() {
        Histogram h = new Histogram();
        h.observe(new float[] {0f, 0f}); // zeros before any scale is known
        float[] uniform = new float[100_000];
        Random random = new Random(1);
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = (float) (random.nextDouble() * 0.01);
        }
        h.observe(uniform);
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = (float) (random.nextDouble() * 10 - 5); // forces several doublings
        }
        h.observe(uniform);
        assertEquals(200_002, h.total());
        assertTrue(h.width() * Histogram.BINS / 2 > 5, "range covers 5 after growing");
        // Half the values sit in [0, 0.01), half uniform in [-5, 5): a quarter are negative, so the 12.5%
        // quantile is -2.5 and the 25% quantile 0.
        assertEquals(-2.5, h.quantile(0.125), 0.05);
        assertEquals(0, h.quantile(0.25), 0.01);
        assertEquals(5, h.quantile(1.0), 0.05);
    }

    @Test
    @Fast
    void percentileAndEntropyClipRareOutliersThatMinMaxKeeps() {
        Calibration c = new Calibration();
        Random random = new Random(2);
        float[] v = new float[200_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian()); // bulk within about +-4.5
        }
        v[0] = 60f; // two outliers
        v[1] = -40f;
        c.observe("t", v);
        Clipping.Window minMax = CalibrationPlan.of(CalibrationMethod.MINMAX).window(c, "t");
        Clipping.Window percentile = CalibrationPlan.parse("percentile:99.9").window(c, "t");
        Clipping.Window kl = CalibrationPlan.of(CalibrationMethod.KL).window(c, "t");
        assertEquals(-40, minMax.lo(), 1e-6);
        assertEquals(60, minMax.hi(), 1e-6);
        assertEquals(3.09, percentile.hi(), 0.1, "99.9th percentile of a standard normal");
        assertEquals(-3.09, percentile.lo(), 0.1);
        assertTrue(kl.hi() < 30 && kl.hi() > 2, "KL drops the lone outlier but keeps the bulk: " + kl);
        assertTrue(kl.lo() > -20 && kl.lo() < -1.3, "KL window " + kl);
        TensorQuant grid = CalibrationPlan.of(CalibrationMethod.KL).grids(c).grid("t");
        assertTrue(grid.scale() < 100.0 / 255 / 1.5, "a clipped grid is finer than min-max: " + grid);
    }

    @Test
    @Fast
    void planPicksTheFirstMatchingPatternAndRejectsNonsense() {
        CalibrationPlan plan = CalibrationPlan.parse("kl, conv=minmax, gru*.gh_*=percentile:99.5");
        assertEquals(CalibrationMethod.MINMAX, plan.methodFor("conv"));
        assertEquals(CalibrationMethod.PERCENTILE, plan.methodFor("gru2.gh_n"));
        assertEquals(CalibrationMethod.KL, plan.methodFor("gru2.gx_n"));
        assertEquals(CalibrationMethod.KL, plan.methodFor("logits"));
        assertEquals(99.5, plan.percentile());
        assertEquals(plan, CalibrationPlan.parse(plan.toString()));
        assertThrows(IllegalArgumentException.class, () -> CalibrationPlan.parse("median"));
        assertThrows(IllegalArgumentException.class, () -> CalibrationPlan.parse("kl,minmax"));
        assertThrows(IllegalArgumentException.class, () -> CalibrationPlan.parse("percentile:30"));
    }

    @Test
    @Slow
    void everyMethodGivesAnInt8NetworkThatTracksTheFloatOne() {
        CrnnWeights weights = QuantizerTest.randomWeights(QuantizerTest.CONFIG, 1);
        Calibration calibration = PostTrainingQuantization.calibrate(weights, QuantizerTest.info(),
                QuantizerTest.randomClips(40, 2));
        List<byte[]> heldOut = QuantizerTest.randomClips(10, 3);
        for (String plan : List.of("minmax", "percentile", "kl", "kl,conv=minmax,logits=percentile:99")) {
            QuantizedModel model = PostTrainingQuantization.quantize(weights, QuantizerTest.info(), calibration,
                    CalibrationPlan.parse(plan), Rounding.DOUBLE);
            double error = FloatTracking.measure(weights, model, QuantizerTest.INPUT, heldOut, null)
                    .meanProbabilityError();
            assertTrue(error < 0.06, plan + ": mean probability error " + error);
        }
    }
}
