package dev.hark.trainer.model;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Provokes what a garbage collection at the wrong moment does to a tensor whose storage is a Java direct buffer
 * nobody references any more: the JVM frees the buffer and the memory is handed out again, here filled with
 * {@code 1e30}. A tensor still reading that memory then sees garbage.
 */
public final class FreedDirectBuffers {
    private FreedDirectBuffers() {
    }

    /** Collects garbage, gives the cleaner time to free unreachable direct buffers, and reuses their memory. */
    public static void freeAndReuse() throws InterruptedException {
        List<ByteBuffer> reuse = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(10);
            for (int i = 0; i < 1000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4 + 4 * (i % 4));
                while (b.remaining() >= 4) {
                    b.putFloat(1e30f);
                }
                reuse.add(b);
            }
        }
        reuse.clear();
    }
}
