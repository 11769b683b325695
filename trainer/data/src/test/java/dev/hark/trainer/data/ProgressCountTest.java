package dev.hark.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@Fast
class ProgressCountTest {
    @Test
    void everyCountReachesTheListenerOnceAndInOrderWhateverThreadFinishes() {
        int total = 2_000;
        List<Integer> seen = new ArrayList<>();
        ProgressListener listener = (phase, done, t) -> seen.add(done); // not thread-safe itself: the count's lock is
        ProgressCount count = ProgressCount.start(listener, "work", total);
        IntStream.range(0, total).parallel().forEach(i -> count.oneDone());
        assertEquals(IntStream.rangeClosed(0, total).boxed().toList(), seen);
    }

    @Test
    void theListenerThatPrintsPrintsEveryLineItIsAskedForWhenCountsArriveInOrder() {
        List<String> lines = new ArrayList<>();
        PrintStream out = new PrintStream(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        }, true);
        ProgressCount count = ProgressCount.start(ProgressListener.printingTo(out), "features test", 6);
        IntStream.range(0, 6).parallel().forEach(i -> count.oneDone());
        assertEquals(List.of("features test 0/6", "features test 1/6", "features test 2/6", "features test 3/6",
                "features test 4/6", "features test 5/6", "features test 6/6"), lines);
    }
}
