package dev.hark.pipeline.bench;

import dev.hark.firmware.run.LeanRun;
import dev.hark.firmware.run.SizeReport;
import dev.hark.firmware.run.Target;
import java.util.List;
import java.util.Locale;

/**
 * What the lean listening firmware costs a model on one board: the image's flash and static RAM, its peak stack,
 * and, where the board's counter counts instructions, instructions per inference (one network step) and per second
 * of audio (front end, network steps and detector: {@code hark_kws_process}).
 *
 * @param model  the model's name in the table
 * @param target the board
 * @param size   the lean image's sections
 * @param run    what it reported
 */
public record LeanCost(String model, Target target, SizeReport size, LeanRun run) {
    /** The table's heading rows. */
    private static final String HEADER = """
            | model | board | core | flash (bytes) | RAM (bytes) | stack (bytes) | instructions per inference \
            | instructions per second of audio | share of its clock, at least |
            |---|---|---|---:|---:|---:|---:|---:|---:|
            """;

    /** The costs as a Markdown table, one row each, in their order. */
    public static String table(List<LeanCost> costs) {
        StringBuilder table = new StringBuilder(HEADER);
        costs.forEach(cost -> table.append(cost.row()).append('\n'));
        return table.toString();
    }

    /**
     * One row. A board whose counter QEMU does not model (the STM32F4's cycle counter) has its sizes but no
     * instructions, said in the cells.
     */
    String row() {
        String counted = run.instructions().map(i -> String.format(Locale.ROOT, "%,d | %,d | %.1f%%",
                i.perInference(), i.perSecondOfAudio(run.seconds()), 100.0 * i.perSecondOfAudio(run.seconds())
                        / target.board().orElseThrow().clockHz())).orElse("not counted | not counted | -");
        return String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %,d | %s |", model, target.makeName(),
                target.core(), size.flash(), size.ram(), run.stackPeak(), counted);
    }
}
