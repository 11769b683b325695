package dev.hark.firmware.run;

/**
 * Memory use of a firmware image, from {@code arm-none-eabi-size} (Berkeley format):
 * <pre>
 *    text    data     bss     dec     hex filename
 *   56248    2500   17692   76440   12a98 hark_harness.elf
 * </pre>
 * {@code text} is code and constants (flash), {@code data} initialised variables (stored in flash, copied to RAM at
 * start), {@code bss} zeroed variables (RAM only).
 *
 * @param text bytes of code and read-only data
 * @param data bytes of initialised data
 * @param bss  bytes of zero-initialised data
 */
public record SizeReport(long text, long data, long bss) {
    public SizeReport {
        if (text < 0 || data < 0 || bss < 0) {
            throw new IllegalArgumentException("section sizes cannot be negative");
        }
    }

    /** Flash the image occupies: text + data. */
    public long flash() {
        return text + data;
    }

    /** RAM the image occupies statically (stack and heap not included): data + bss. */
    public long ram() {
        return data + bss;
    }

    /**
     * Parses the output of {@code arm-none-eabi-size <file>}: a header line starting with {@code text}, then one
     * line whose first three columns are the decimal text, data and bss sizes.
     *
     * @throws IllegalArgumentException naming the problem if the output has another form or several files
     */
    public static SizeReport parse(String output) {
        String[] lines = output.strip().split("\\R");
        if (lines.length != 2 || !lines[0].strip().startsWith("text")) {
            throw new IllegalArgumentException("size output is not a header plus one file line: " + output.strip());
        }
        String[] columns = lines[1].strip().split("\\s+");
        if (columns.length < 3) {
            throw new IllegalArgumentException("size output has fewer than three columns: " + lines[1].strip());
        }
        try {
            return new SizeReport(Long.parseLong(columns[0]), Long.parseLong(columns[1]), Long.parseLong(columns[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size output has a non-numeric size: " + lines[1].strip());
        }
    }

    @Override
    public String toString() {
        return "flash " + flash() + " bytes (text " + text + " + data " + data + "), RAM " + ram() + " bytes (data "
                + data + " + bss " + bss + ")";
    }
}
