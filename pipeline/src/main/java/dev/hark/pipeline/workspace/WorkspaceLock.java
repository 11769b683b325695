package dev.hark.pipeline.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run at a time in a workspace: {@code hark.lock} in its root, held with an operating-system lock
 * ({@link FileChannel#tryLock}) for as long as the run lasts, and holding the pid of the process that holds it, for
 * the message of a run that is refused. The operating system drops the lock when its process ends, however it ends,
 * so a lock file left by a killed run is stale and taken over without question; only a held lock refuses.
 *
 * <p>POSIX locks belong to the process and go when it closes any descriptor of the file, so the holder never opens
 * the file a second time, and this process's own holdings are kept in {@link #HELD} and refused before the file is
 * opened. Closing deletes the file (while still holding the lock) and the workspace folder when the run created it
 * and left it empty, so that a run refused for its input leaves nothing behind; a run that opened the file just
 * before it was deleted could lock the deleted file, so after locking it checks that the path still names the file
 * it opened (the same file key before and after) and tries again if not.
 */
public final class WorkspaceLock implements AutoCloseable {
    public static final String FILE_NAME = "hark.lock";
    private static final int ATTEMPTS = 10;
    /** The workspaces this process holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean createdRoot;

    private WorkspaceLock(Path root, FileChannel channel, FileLock lock, boolean createdRoot) {
        this.root = root;
        this.file = root.resolve(FILE_NAME);
        this.channel = channel;
        this.lock = lock;
        this.createdRoot = createdRoot;
    }

    /**
     * Takes the workspace for this process, creating its folder if needed.
     *
     * @throws WorkspaceConflictException (one line naming the workspace and the holder's pid) when another run holds it
     */
    public static WorkspaceLock acquire(Path root) throws IOException {
        Path key = root.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw conflict(root, "pid " + ProcessHandle.current().pid());
        }
        boolean acquired = false;
        try {
            WorkspaceLock lock = tryAcquire(root);
            acquired = true;
            return lock;
        } finally {
            if (!acquired) {
                HELD.remove(key);
            }
        }
    }

    private static WorkspaceLock tryAcquire(Path root) throws IOException {
        boolean createdRoot = !Files.exists(root);
        Files.createDirectories(root);
        Path file = root.resolve(FILE_NAME);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            Object opened = fileKey(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw conflict(root, holder(file));
            }
            if (opened != null && opened.equals(fileKey(file))) {
                byte[] pid = ("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(pid), 0);
                channel.force(true);
                return new WorkspaceLock(root, channel, lock, createdRoot);
            }
            lock.release(); // the file was deleted by the run that held it before us: lock the new one
            channel.close();
        }
        throw new IOException(file + ": could not take the workspace lock in " + ATTEMPTS + " attempts");
    }

    private static WorkspaceConflictException conflict(Path root, String holder) {
        return new WorkspaceConflictException(root + ": another hark run (" + holder
                + ") is using this workspace; wait for it to end or choose another --work");
    }

    /** The file's identity (device and inode), read without opening it; null when it is gone. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** "pid N" of the holder as its lock file says, or "pid unknown" while it is still writing it. */
    private static String holder(Path file) {
        String content = readQuietly(file);
        return content.lines().filter(l -> l.startsWith("pid=")).findFirst().map(l -> "pid " + l.substring(4))
                .orElse("pid unknown");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) { // gone (released meanwhile) or unreadable: no holder to name
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            try {
                Files.deleteIfExists(file);
            } finally {
                lock.release();
                channel.close();
            }
            if (createdRoot) {
                try (var entries = Files.list(root)) {
                    if (entries.findAny().isEmpty()) {
                        Files.deleteIfExists(root);
                    }
                }
            }
        } finally {
            HELD.remove(root.toAbsolutePath().normalize());
        }
    }
}
