package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class FalseAlarmCauseTest {
    private static final StreamStretch SHELL = new StreamStretch(0, 16000, "shell/a.wav", "shell", false);
    private static final StreamStretch HUM = new StreamStretch(16000, 48000, "hum", StreamSource.BACKGROUND, false);
    private static final StreamStretch SEA = new StreamStretch(48000, 56000, "sea/b.wav", "sea", false);
    private static final List<StreamStretch> STREAM = List.of(SHELL, HUM, SEA);

    @Test
    void aFalseAlarmIsPutDownToThePieceWithTheMostOfTheSecondBeforeIt() {
        assertEquals(SHELL, FalseAlarmCause.of(0, 1.2, STREAM).stretch(), "0.8 s of shell, 0.2 s of hum");
        assertEquals(HUM, FalseAlarmCause.of(0, 2.5, STREAM).stretch(), "all hum");
        assertEquals(HUM, FalseAlarmCause.of(0, 3.4, STREAM).stretch(), "0.6 s of hum, 0.4 s of sea");
        assertEquals(SEA, FalseAlarmCause.of(0, 3.5, STREAM).stretch(), "equal: the later piece");
        assertEquals(SHELL, FalseAlarmCause.of(0, 0.3, STREAM).stretch(), "before a second has passed");
    }

    @Test
    void theSummaryCountsDistinctSourcesAndFalseAlarmsPerLabel() {
        StreamStretch otherShell = new StreamStretch(60000, 76000, "shell/c.wav", "shell", false);
        List<FalseAlarmCause> causes = List.of(new FalseAlarmCause(0, 1, SHELL), new FalseAlarmCause(0, 9, SHELL),
                new FalseAlarmCause(1, 2, otherShell), new FalseAlarmCause(1, 3, HUM), new FalseAlarmCause(1, 4, SEA));
        FalseAlarmSummary summary = FalseAlarmSummary.of(causes);
        assertEquals(5, summary.falseAlarms());
        assertEquals(4, summary.distinctSources());
        assertEquals(List.of("shell", "background", "sea"), List.copyOf(summary.byLabel().keySet()));
        assertEquals("shell 3, background 1, sea 1", summary.describeLabels());
        assertEquals("-", FalseAlarmSummary.of(List.of()).describeLabels());
    }
}
