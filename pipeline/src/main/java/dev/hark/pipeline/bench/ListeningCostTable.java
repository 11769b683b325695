package dev.hark.pipeline.bench;

import dev.hark.sim.frontend.FrontendConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost of listening as a plain-text table, one row per model, with the legend that says what each column
 * is:
 * <pre>
 * model    front end  network  detection  engine   total  % of 80 MHz  re-scoring  network ratio  total ratio ...
 * teacher  ...
 * </pre>
 */
public final class ListeningCostTable {
    private static final List<String> HEADER = List.of("model", "front end", "network", "detection", "engine",
            "total", "% of 80 MHz", "re-scoring", "network ratio", "total ratio", "flash", "RAM", "stack");

    private ListeningCostTable() {
    }

    /**
     * @param title what was measured where (board, library, audio), the table's first line
     * @throws IllegalArgumentException if there is no row
     */
    public static String format(String title, List<ListeningCost> costs) {
        if (costs.isEmpty()) {
            throw new IllegalArgumentException("a cost table needs at least one model");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ListeningCost c : costs) {
            rows.add(row(c));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        ListeningCost first = costs.get(0);
        out.append(legend(first.rescoreHopFrames()));
        return out.toString();
    }

    private static List<String> row(ListeningCost c) {
        return List.of(c.model(), instructions(c.frontEndPerSecond()), instructions(c.networkPerSecond()),
                instructions(c.detectionPerSecond()), instructions(c.engineOverheadPerSecond()),
                instructions(c.totalPerSecond()),
                String.format(Locale.ROOT, "%.1f %%", 100 * c.shareOf(ListeningCost.CORTEX_M4_HZ)),
                instructions(c.rescoringPerSecond()), fraction(c.networkRatio()), fraction(c.totalRatio()),
                String.format(Locale.ROOT, "%,d", c.flash()), String.format(Locale.ROOT, "%,d", c.ram()),
                String.format(Locale.ROOT, "%,d", c.stackPeak()));
    }

    /** Instructions per second, whole, with thousands separators. */
    static String instructions(double perSecond) {
        return String.format(Locale.ROOT, "%,d", Math.round(perSecond));
    }

    /** A ratio below 1 as "1/x" (one decimal), which reads against a goal such as 1/8. */
    static String fraction(double ratio) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("a work ratio must be positive and finite, got " + ratio);
        }
        return String.format(Locale.ROOT, "1/%.1f", 1 / ratio);
    }

    private static String legend(long rescoreHopFrames) {
        return String.join("\n",
                "Instructions per second of audio, counted by QEMU (-icount shift=0), not cycles: a Cortex-M4 needs "
                        + "one cycle or more per instruction,",
                "  so '% of 80 MHz' (total / 80e6) is a lower bound of the CPU share.",
                "front end, network, detection: hark_frontend_push, hark_network_step, hark_detector_push each alone; "
                        + "engine: what hark_kws adds to them",
                "  (frame window, callbacks); total: hark_kws_process end to end.",
                "re-scoring: the whole-clip network (hark_network_run) on the last clip of frames every "
                        + rescoreHopFrames + " frames (" + rescoreHopFrames * 1000 * FrontendConfig.HOP_SAMPLES
                        / FrontendConfig.SAMPLE_RATE_HZ + " ms);",
                "  network ratio = network / re-scoring; total ratio = total / (front end + re-scoring).",
                "flash (text + data), RAM (data + bss): arm-none-eabi-size of the lean listening firmware (no "
                        + "semihosting, no stdio, no heap);",
                "  stack: its peak, painted at start and scanned after listening.",
                "");
    }
}
