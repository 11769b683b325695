package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.PoissonInterval;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.eval.WilsonInterval;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class StreamCountsTest {
    @TempDir
    Path dir;

    /** {@code keywords} keywords; misses rise and false alarms fall by one per threshold step from the given ones. */
    private static StreamCounts counts(double hours, int keywords, int falseAlarmsAtOne) {
        int[] hits = new int[StreamOutcome.NEVER];
        int[] misses = new int[StreamOutcome.NEVER];
        int[] falseAlarms = new int[StreamOutcome.NEVER];
        for (int i = 0; i < hits.length; i++) {
            misses[i] = Math.min(keywords, i);
            hits[i] = keywords - misses[i];
            falseAlarms[i] = Math.max(0, falseAlarmsAtOne - i);
        }
        misses[StreamOutcome.NEVER - 1] = keywords;
        hits[StreamOutcome.NEVER - 1] = 0;
        falseAlarms[StreamOutcome.NEVER - 1] = 0;
        return new StreamCounts(hours, hits, misses, falseAlarms);
    }

    @Test
    void poolingAddsTheCountsAndTheHoursAndTheBudgetIsMetOnThePool() {
        StreamCounts a = counts(1, 300, 10);
        StreamCounts b = counts(3, 300, 20);
        StreamCounts pooled = a.plus(b);
        assertEquals(4, pooled.hours(), 1e-12);
        assertEquals(600, pooled.keywords());
        assertEquals(new StreamOutcome(6, 590, 10, 5 + 15, 4), pooled.at(6));
        // 4 h at <= 0.5 FA/h: at most 2 false alarms over the pool; the lowest such threshold is 19 (0 + 2).
        StreamOutcome atBudget = pooled.atFalseAlarmBudget(0.5);
        assertEquals(19, atBudget.threshold());
        assertEquals(2, atBudget.falseAlarms());
        // Each on its own would have been met elsewhere: the pool is what is counted.
        assertEquals(11, a.atFalseAlarmBudget(0.5).threshold());
    }

    @Test
    void aFileWrittenIsReadBackAndABadOneIsNamed() throws Exception {
        StreamCounts c = counts(0.37, 12, 9);
        Path file = dir.resolve("c.csv");
        c.write(file);
        assertEquals(c, StreamCounts.read(file));
        AtomicFiles.writeString(file, c.csv().replace("\n4,", "\n5,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamCounts.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not stream counts (line 6 is not threshold 4)"),
                e.getMessage());
    }

    @Test
    void theColumnsAverageTheSeedsMissRatesAndPoolTheirFalseAlarms() {
        StreamOutcome seed1 = new StreamOutcome(40, 90, 10, 1, 2);
        StreamOutcome seed2 = new StreamOutcome(50, 96, 4, 0, 2);
        CrossValidationStreamTable.Budget b = CrossValidationStreamTable.Budget.of(0.5, List.of(seed1, seed2));
        assertEquals(0.07, b.missRate(), 1e-12);
        // The seeds heard the same 100 keywords: the interval is over 100 trials, not 200.
        assertEquals(WilsonInterval.of(0.07, 100), b.missRateCi());
        assertEquals(0.25, b.faPerHour(), 1e-12);
        assertEquals(PoissonInterval.ofRate(1, 4), b.faPerHourCi());
    }

    @Test
    void theColumnsGoBesideTheRowsOfTheirOwnModelsOnly() {
        CrossValidationStreamTable t = CrossValidationStreamTable.of("streams", List.of("teacher", "c2"),
                List.of(List.of(counts(1, 10, 5)), List.of(counts(1, 10, 5))), List.of(0.5, 1.0));
        String csv = t.besideCsv("model,params\nteacher,5\nc2,3\n");
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("model,params,stream_frr_at_0.5,"), lines.get(0));
        assertTrue(lines.get(2).startsWith("c2,3,"), lines.get(2));
        assertThrows(IllegalArgumentException.class, () -> t.besideCsv("model,params\nteacher,5\n"));
        assertThrows(IllegalArgumentException.class, () -> t.besideJson("{\"models\":[{\"model\":\"c2\"},"
                + "{\"model\":\"teacher\"}]}"));
        assertTrue(t.besideJson("{\"models\":[{\"model\":\"teacher\"},{\"model\":\"c2\"}]}")
                .contains("\"int8Frr\""));
    }
}
