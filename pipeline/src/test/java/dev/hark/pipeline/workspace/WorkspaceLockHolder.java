package dev.hark.pipeline.workspace;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another process holding a workspace, for {@link WorkspaceLockTest}: takes the lock of the folder it is given, says
 * "held" on stdout, and lets go when its stdin closes, so that the test decides every step and never waits on time.
 */
public final class WorkspaceLockHolder {
    private WorkspaceLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (WorkspaceLock lock = WorkspaceLock.acquire(Path.of(args[0]));
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("held");
            System.out.flush();
            while (in.readLine() != null) {
                // holds until the test closes the pipe
            }
            if (args.length > 1 && args[1].equals("crash")) {
                Runtime.getRuntime().halt(9); // ends without closing the lock, as kill -9 would
            }
        }
    }
}
