package dev.hark.trainer.eval;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the false alarms at one operating point came from: how many distinct source utterances (clips, background
 * recordings, synthetic sentences) lie behind them, and how many each label (word, "background", "synthetic
 * speech") caused. Many alarms from few sources mean a handful of bad clips; many sources, a general weakness.
 *
 * @param falseAlarms     the false alarms
 * @param distinctSources distinct {@link StreamStretch#sourceId()}s among their causes
 * @param byLabel         false alarms per label, most first, then by label
 */
public record FalseAlarmSummary(int falseAlarms, int distinctSources, Map<String, Integer> byLabel) {
    public FalseAlarmSummary {
        byLabel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
    }

    public static FalseAlarmSummary of(List<FalseAlarmCause> causes) {
        Set<String> sources = new HashSet<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (FalseAlarmCause c : causes) {
            sources.add(c.stretch().sourceId());
            counts.merge(c.stretch().label(), 1, Integer::sum);
        }
        Map<String, Integer> ordered = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new FalseAlarmSummary(causes.size(), sources.size(), ordered);
    }

    /** E.g. {@code "background 3, shell 2, synthetic speech 1"}, or {@code "-"} without false alarms. */
    public String describeLabels() {
        if (byLabel.isEmpty()) {
            return "-";
        }
        return byLabel.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
