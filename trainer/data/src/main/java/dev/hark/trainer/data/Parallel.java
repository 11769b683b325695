package dev.hark.trainer.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one IO task per item on a fixed number of threads; the first failure stops the rest and is rethrown. */
final class Parallel {
    @FunctionalInterface
    interface IoTask<T> {
        void run(T item) throws IOException;
    }

    private Parallel() {
    }

    static <T> void forEach(List<T> items, int threads, String phase, ProgressListener progress, IoTask<T> task)
            throws IOException {
        int total = items.size();
        ProgressCount count = ProgressCount.start(progress, phase, total);
        if (total == 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)), r -> {
            Thread t = new Thread(r, "hark-corpus");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    task.run(item);
                    count.oneDone();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(phase + " interrupted");
        } finally {
            pool.shutdownNow();
        }
    }
}
