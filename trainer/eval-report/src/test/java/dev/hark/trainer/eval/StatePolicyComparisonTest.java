package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@Fast
class StatePolicyComparisonTest {
    @Test
    void everyPolicySmoothingAndModelGetsARowAtTheBudgetInOrder() {
        KeywordStream stream = new KeywordStream(new short[StreamEvaluationTest.FRAMES * 160],
                StreamEvaluationTest.KEYWORDS, 0, 0, 1);
        Map<String, Supplier<StreamingModel>> models = new LinkedHashMap<>();
        models.put("a", () -> new LoudestStandIn(StreamEvaluationTest.MELS));
        models.put("b", () -> new LoudestStandIn(StreamEvaluationTest.MELS));
        List<StatePolicy> policies = List.of(StatePolicy.CARRIED, StatePolicy.resetEvery(30));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        StatePolicyComparison.Table table = StatePolicyComparison.run(models, stream, StreamEvaluationTest.features(),
                policies, List.of(1, 2), DetectorTiming.DEFAULT, MatchingRule.MLPERF_TINY, 36,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertEquals(8, table.rows().size());
        int i = 0;
        for (StatePolicy p : policies) {
            for (int s : List.of(1, 2)) {
                for (String m : List.of("a", "b")) {
                    StatePolicyComparison.Row r = table.rows().get(i++);
                    assertEquals(List.of(p, s, m), List.of(r.policy(), r.smoothingSteps(), r.model()));
                    assertTrue(r.outcome().falseAlarms() <= 1, "within the budget: " + r);
                }
            }
        }
        assertEquals(3, table.keywords());
        assertEquals(8, log.toString(StandardCharsets.UTF_8).lines().count());
        assertTrue(table.markdown().contains("| reset every 30 s | 2 | b |"), table.markdown());
    }

    @Test
    void theBestHasTheFewestMissesOverTheModelsThenTheFewestFalseAlarms() {
        StatePolicy carried = StatePolicy.CARRIED;
        StatePolicy periodic = StatePolicy.resetEvery(10);
        StatePolicy afterDetection = StatePolicy.resetAfterEachDetection();
        List<StatePolicyComparison.Row> rows = List.of(
                row(carried, "float", 5, 1), row(carried, "int8", 6, 0),
                row(periodic, "float", 6, 0), row(periodic, "int8", 5, 1),
                row(afterDetection, "float", 4, 1), row(afterDetection, "int8", 8, 1));
        StatePolicyComparison.Table table = new StatePolicyComparison.Table(1, 50, 1, rows);
        // carried and the periodic reset both miss 11 with 1 false alarm over the models: the earlier wins.
        assertEquals(new StatePolicyComparison.Choice(carried, 3), table.best());
        List<StatePolicyComparison.Row> fewerAlarms = List.of(row(carried, "int8", 7, 1), row(periodic, "int8", 7, 0));
        assertEquals(new StatePolicyComparison.Choice(periodic, 3),
                new StatePolicyComparison.Table(1, 50, 1, fewerAlarms).best());
    }

    private static StatePolicyComparison.Row row(StatePolicy p, String model, int misses, int falseAlarms) {
        return new StatePolicyComparison.Row(p, 3, model, new StreamOutcome(100, 50 - misses, misses, falseAlarms, 1),
                1);
    }
}
