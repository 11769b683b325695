package dev.hark.trainer.model;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Provokes what a garbage collection at the wrong moment does to a tensor whose storage is a Java direct buffer
 * nobody references any more: the JVM frees the buffer and the memory is handed out again, here filled with
 * {@code 1e30}. A tensor still reading that memory then sees garbage.
 */
public final class FreedDirectBuffers {
    private static final int ROUNDS = 3;

    private FreedDirectBuffers() {
    }

    /**
     * Collects garbage until unreachable direct buffers are freed, and reuses their memory. No timing: each round
     * waits for its collection's references to be processed (a sentinel's phantom reference enqueued); the JDK's
     * reference handler takes one collection's pending references as a batch and frees the direct buffers among
     * them as it goes, so by the second round every buffer the first collection found is freed.
     */
    public static void freeAndReuse() throws InterruptedException {
        List<ByteBuffer> reuse = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            collectAndAwaitReferenceProcessing();
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

    private static void collectAndAwaitReferenceProcessing() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> sentinel = new PhantomReference<>(new Object(), queue);
        do {
            System.gc();
        } while (queue.remove(1000) == null);
        sentinel.clear();
    }
}
