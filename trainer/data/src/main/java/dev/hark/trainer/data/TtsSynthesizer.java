package dev.hark.trainer.data;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the TTS engines, keeping every output in a cache folder under its request's {@link TtsRequest#cacheKey()}.
 * A cached file is complete by construction: engines write to a hidden temporary name that is renamed
 * atomically once the engine has exited successfully, so a killed build never leaves a half-written utterance.
 * Safe to use from several threads (distinct temporary names; renames are atomic).
 */
final class TtsSynthesizer {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration FESTIVAL_TIMEOUT = Duration.ofMinutes(10);
    private static final int FESTIVAL_BATCH = 40;

    private final Path cacheDir;

    TtsSynthesizer(Path cacheDir) throws IOException {
        this.cacheDir = Files.createDirectories(cacheDir);
    }

    Path cacheDir() {
        return cacheDir;
    }

    Path cached(TtsRequest r) {
        return cacheDir.resolve(r.cacheKey() + ".wav");
    }

    boolean isCached(TtsRequest r) {
        return Files.isRegularFile(cached(r));
    }

    /** Makes sure {@code r} is in the cache, synthesizing it if needed, and returns the cached WAV file. */
    Path synthesize(TtsRequest r) throws IOException {
        Path out = cached(r);
        if (Files.isRegularFile(out)) {
            return out;
        }
        if (r.voice().engine() == TtsEngine.FESTIVAL) {
            synthesizeFestival(List.of(r));
            return out;
        }
        Path temp = tempFile(r);
        try {
            List<String> cmd = r.voice().engine() == TtsEngine.ESPEAK_NG
                    ? TtsCommands.espeak(r, temp) : TtsCommands.flite(r, temp);
            ProcessRunner.runChecked(cmd, TIMEOUT);
            publish(r, temp, out);
        } finally {
            Files.deleteIfExists(temp);
        }
        return out;
    }

    /** Synthesizes festival requests (any voices) in one festival process; requests already cached are skipped. */
    void synthesizeFestival(List<TtsRequest> requests) throws IOException {
        List<TtsRequest> todo = requests.stream().filter(r -> !isCached(r)).distinct().toList();
        if (todo.isEmpty()) {
            return;
        }
        List<Path> temps = new ArrayList<>();
        Path script = Files.createTempFile(cacheDir, ".festival-", ".scm.tmp");
        try {
            for (TtsRequest r : todo) {
                temps.add(tempFile(r));
            }
            AtomicFiles.writeString(script, TtsCommands.festivalScript(todo, temps));
            ProcessRunner.Finished festival = ProcessRunner.runChecked(
                    List.of(TtsEngine.FESTIVAL.executable(), "--batch", script.toString()), FESTIVAL_TIMEOUT);
            for (int i = 0; i < todo.size(); i++) {
                if (Files.size(temps.get(i)) <= 44) {
                    throw new IOException("festival produced no audio for " + todo.get(i) + ": "
                            + festival.lastLine() + " (is the voice installed? run scripts/install-deps)");
                }
                publish(todo.get(i), temps.get(i), cached(todo.get(i)));
            }
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
            Files.deleteIfExists(script);
        }
    }

    /**
     * Festival starts slowly, so its utterances are made up front, many per process, per voice, on {@code jobs}
     * threads; requests of other engines and those already cached are left alone.
     */
    void prefetchFestival(Stream<TtsRequest> requests, int jobs, ProgressListener progress) throws IOException {
        Map<TtsVoice, List<TtsRequest>> byVoice = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        requests.filter(Objects::nonNull)
                .filter(r -> r.voice().engine() == TtsEngine.FESTIVAL)
                .filter(r -> seen.add(r.cacheKey()) && !isCached(r))
                .forEach(r -> byVoice.computeIfAbsent(r.voice(), k -> new ArrayList<>()).add(r));
        List<List<TtsRequest>> batches = new ArrayList<>();
        for (List<TtsRequest> rs : byVoice.values()) {
            for (int i = 0; i < rs.size(); i += FESTIVAL_BATCH) {
                batches.add(rs.subList(i, Math.min(rs.size(), i + FESTIVAL_BATCH)));
            }
        }
        Parallel.forEach(batches, jobs, "synthesizing festival batches", progress, this::synthesizeFestival);
    }

    private Path tempFile(TtsRequest r) throws IOException {
        // Hidden, unique per call; the engine overwrites the empty placeholder.
        return Files.createTempFile(cacheDir, "." + r.cacheKey() + "-", ".wav.tmp");
    }

    private static void publish(TtsRequest r, Path temp, Path out) throws IOException {
        if (!Files.isRegularFile(temp) || Files.size(temp) <= 44) {
            throw new IOException(r.voice().engine().executable() + " produced no audio for " + r);
        }
        AtomicFiles.publish(temp, out);
    }
}
