package dev.hark.firmware.run;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The front-end runner's file formats (all integers little-endian), defined by {@code test/frontend_runner.c}:
 * <pre>
 * input  "HKPC", u32 version 1, u32 clip count, per clip: u32 sample count, u32 chunk count, the chunk sizes as
 *        u32, the samples as int16
 * output "HKFE", u32 version 1, u32 clip count, u32 mel bins, per clip: u32 frame count, per frame: u32 samples
 *        pushed when the frame came out (0xFFFFFFFF for a frame of hark_frontend_finish), mel bins int8 codes
 * </pre>
 * Nothing may follow the data in either file.
 */
public final class FrontendFiles {
    static final byte[] INPUT_MAGIC = "HKPC".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OUTPUT_MAGIC = "HKFE".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int FROM_FINISH_CODE = 0xFFFFFFFF;

    private FrontendFiles() {
    }

    /** Writes an input file atomically. */
    public static void writeInput(Path file, List<PcmClip> clips) throws IOException {
        ByteBuffer header = OutputFile.littleEndian(12).put(INPUT_MAGIC).putInt(VERSION).putInt(clips.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        for (PcmClip clip : clips) {
            short[] samples = clip.samples();
            int[] chunks = clip.chunkSizes();
            ByteBuffer data = OutputFile.littleEndian(8 + 4 * chunks.length + 2 * samples.length).putInt(samples.length)
                    .putInt(chunks.length);
            for (int size : chunks) {
                data.putInt(size);
            }
            for (short sample : samples) {
                data.putShort(sample);
            }
            out.writeBytes(data.array());
        }
        AtomicFiles.write(file, out.toByteArray());
    }

    /**
     * Reads and validates an output file.
     *
     * @throws FirmwareRunException naming the file and the problem: missing, bad magic or version, another number of
     *                              mel bins, truncated, trailing bytes, or an impossible count
     */
    public static List<StreamedClip> readOutput(Path file) throws IOException {
        return OutputFile.read(file, "the front-end runner", OUTPUT_MAGIC, VERSION, in -> {
            long clipCount = Integer.toUnsignedLong(in.getInt());
            int melBins = in.getInt();
            if (melBins != FrontendConfig.MEL_BINS) {
                throw new FirmwareRunException(file + ": " + melBins + " mel bins per frame, the front end has "
                        + FrontendConfig.MEL_BINS);
            }
            List<StreamedClip> clips = new ArrayList<>();
            for (long c = 0; c < clipCount; c++) {
                long frames = Integer.toUnsignedLong(in.getInt());
                if (frames > in.remaining() / (4 + melBins)) {
                    throw new FirmwareRunException(file + ": clip " + c + " claims " + frames + " frames, more than"
                            + " the file holds");
                }
                long[] emittedAfter = new long[(int) frames];
                byte[] features = new byte[(int) frames * melBins];
                for (int f = 0; f < frames; f++) {
                    int after = in.getInt();
                    emittedAfter[f] = after == FROM_FINISH_CODE ? StreamedClip.FROM_FINISH
                            : Integer.toUnsignedLong(after);
                    in.get(features, f * melBins, melBins);
                }
                clips.add(new StreamedClip(emittedAfter, features));
            }
            if (in.hasRemaining()) {
                throw new FirmwareRunException(file + ": " + in.remaining() + " trailing bytes after " + clipCount
                        + " clips");
            }
            return clips;
        });
    }
}
