package dev.hark.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.logging.Log;

/** The progress a stage prints, as the build's log: every line an info line. */
final class LogLines {
    private LogLines() {
    }

    /** A stream whose every line goes to {@code log} as an info line. */
    static PrintStream of(Log log) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    flush();
                } else {
                    line.write(b);
                }
            }

            @Override
            public void flush() {
                if (line.size() > 0) {
                    log.info(line.toString(StandardCharsets.UTF_8).stripTrailing());
                    line.reset();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
