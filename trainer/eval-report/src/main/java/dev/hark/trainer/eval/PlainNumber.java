package dev.hark.trainer.eval;

/** A setting's number as a person writes it in a table or a log line: 2 rather than 2.0, 0.5 as it is. */
public final class PlainNumber {
    private PlainNumber() {
    }

    public static String of(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
