package dev.hark.firmware.run;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the output files of the firmware programs share: little-endian integers, and a header of a 4-byte magic and
 * a u32 format version. Reading one checks the header and turns every problem into a {@link FirmwareRunException}
 * naming the file.
 */
final class OutputFile {
    /** Reads the data after the header; a {@link BufferUnderflowException} means the file is truncated. */
    @FunctionalInterface
    interface Body<T> {
        T read(ByteBuffer in) throws FirmwareRunException;
    }

    private OutputFile() {
    }

    /**
     * @param writer the program that writes the file, for the message ("the harness")
     * @throws FirmwareRunException naming the file and the problem: missing, bad magic or version, truncated, or
     *                              what {@code body} finds
     */
    static <T> T read(Path file, String writer, byte[] magic, int version, Body<T> body) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FirmwareRunException(file + ": no output file (" + writer + " did not write one)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] found = new byte[magic.length];
            in.get(found);
            if (!Arrays.equals(found, magic)) {
                throw new FirmwareRunException(file + ": not an output file of " + writer + " (magic is not "
                        + new String(magic, StandardCharsets.US_ASCII) + ")");
            }
            int foundVersion = in.getInt();
            if (foundVersion != version) {
                throw new FirmwareRunException(file + ": format version " + foundVersion + ", expected " + version);
            }
            return body.read(in);
        } catch (BufferUnderflowException e) {
            throw new FirmwareRunException(file + ": truncated (" + bytes.length + " bytes)");
        }
    }

    /** A little-endian buffer of {@code size} bytes, for writing an input file. */
    static ByteBuffer littleEndian(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
