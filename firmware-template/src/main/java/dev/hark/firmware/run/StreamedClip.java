package dev.hark.firmware.run;

/**
 * The frames the C front end gave for one clip, in order.
 *
 * @param emittedAfter for each frame, how many of the clip's samples had been pushed when it came out, or
 *                     {@link #FROM_FINISH} for a frame of {@code hark_frontend_finish}
 * @param features     40 int8 codes per frame, row-major [frame][mel bin]
 */
public record StreamedClip(long[] emittedAfter, byte[] features) {
    /** Marks a frame that came out of {@code hark_frontend_finish}, after the last sample. */
    public static final long FROM_FINISH = -1;

    public StreamedClip {
        emittedAfter = emittedAfter.clone();
        features = features.clone();
    }

    @Override
    public long[] emittedAfter() {
        return emittedAfter.clone();
    }

    @Override
    public byte[] features() {
        return features.clone();
    }

    public int frames() {
        return emittedAfter.length;
    }
}
