package dev.hark.firmware.board;

import java.util.Locale;
import java.util.Properties;

/**
 * The values of one board descriptor, read key by key; a missing or malformed value is an
 * {@link IllegalArgumentException} naming the descriptor and the key.
 *
 * @param source the descriptor, as error messages name it
 */
record BoardProperties(String source, Properties properties) {
    /** A value that must be present and not blank. */
    String text(String key) {
        String value = optionalText(key);
        if (value.isEmpty()) {
            throw bad(key, "is missing");
        }
        return value;
    }

    /** A value that must be present and may be empty ("none of this"). */
    String optionalText(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw bad(key, "is missing (write it with an empty value if the board has none)");
        }
        return value.strip();
    }

    /** A count or a frequency: a decimal number above zero. */
    long positive(String key) {
        String value = text(key);
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "is '" + value + "', not a whole number above zero");
    }

    /** An address: hexadecimal with 0x, or decimal. */
    long address(String key) {
        String value = text(key);
        try {
            return value.startsWith("0x") || value.startsWith("0X") ? Long.parseLong(value.substring(2), 16)
                    : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad(key, "is '" + value + "', not an address (0x... or decimal)");
        }
    }

    /** A size in bytes as the linker reads it: decimal or 0x hexadecimal, optionally with a K or M suffix. */
    long size(String key) {
        String value = text(key);
        long unit = 1;
        String digits = value;
        if (value.endsWith("K") || value.endsWith("M")) {
            unit = value.endsWith("K") ? 1024 : 1024 * 1024;
            digits = value.substring(0, value.length() - 1);
        }
        try {
            long number = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
            if (number >= 0) {
                return number * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "is '" + value + "', not a size (bytes, with an optional K or M)");
    }

    /** yes or no. */
    boolean yesNo(String key) {
        String value = text(key);
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw bad(key, "is '" + value + "', expected yes or no");
        };
    }

    /** A region from {@code <prefix>.origin} and {@code <prefix>.size}. */
    MemoryRegion region(String prefix) {
        long origin = address(prefix + ".origin");
        long size = size(prefix + ".size");
        try {
            return new MemoryRegion(origin, size);
        } catch (IllegalArgumentException e) {
            throw bad(prefix, e.getMessage());
        }
    }

    IllegalArgumentException bad(String key, String problem) {
        return new IllegalArgumentException(source + ": " + key + " " + problem);
    }

    /** Bytes as the descriptors write them: {@code 16 KB}, {@code 4 MB}, or a plain count. */
    static String formatSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%d bytes", bytes);
    }
}
