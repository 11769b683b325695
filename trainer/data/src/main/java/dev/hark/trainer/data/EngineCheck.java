package dev.hark.trainer.data;

import dev.hark.sim.io.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Fails fast, before any work, when a TTS engine or voice the corpus needs is not installed. This matters
 * because espeak-ng silently falls back to a default voice for an unknown variant, which would quietly make
 * several "speakers" identical.
 */
final class EngineCheck {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private EngineCheck() {
    }

    /** @throws IOException naming the missing engine or voice and pointing at scripts/install-deps */
    static void requireInstalled(List<TtsVoice> voices, Function<String, Path> findOnPath) throws IOException {
        Set<TtsEngine> engines = new LinkedHashSet<>();
        voices.forEach(v -> engines.add(v.engine()));
        for (TtsEngine e : engines) {
            if (findOnPath.apply(e.executable()) == null) {
                throw new IOException("TTS engine '" + e.executable() + "' is not installed (not found on PATH); run scripts/install-deps");
            }
        }
        Set<TtsVoice> installed = new HashSet<>(installed(voices, findOnPath));
        for (TtsVoice v : voices) {
            if (!installed.contains(v)) {
                throw missing(v);
            }
        }
    }

    /**
     * The voices whose engine is on the PATH and which that engine knows, in the given order.
     *
     * @throws IOException if an engine that is there fails to list its voices
     */
    static List<TtsVoice> installed(List<TtsVoice> voices, Function<String, Path> findOnPath) throws IOException {
        Set<TtsEngine> engines = new LinkedHashSet<>();
        voices.stream().map(TtsVoice::engine).filter(e -> findOnPath.apply(e.executable()) != null)
                .forEach(engines::add);
        List<TtsVoice> out = new ArrayList<>();
        Set<String> espeakVariants = engines.contains(TtsEngine.ESPEAK_NG)
                ? tokens(output("espeak-ng", "--voices=variant")) : Set.of();
        Map<String, Boolean> espeakLanguages = new HashMap<>();
        Set<String> fliteVoices = engines.contains(TtsEngine.FLITE) ? tokens(output("flite", "-lv")) : Set.of();
        Set<String> festivalVoices = engines.contains(TtsEngine.FESTIVAL) ? festivalVoices() : Set.of();
        for (TtsVoice v : voices) {
            if (!engines.contains(v.engine())) {
                continue;
            }
            boolean known = switch (v.engine()) {
                case ESPEAK_NG -> espeakKnowsLanguage(v.name(), espeakLanguages)
                        && (v.variant().isEmpty() || espeakVariants.contains("!v/" + v.variant()));
                case FLITE -> fliteVoices.contains(v.name());
                case FESTIVAL -> festivalVoices.contains(v.name());
            };
            if (known) {
                out.add(v);
            }
        }
        return out;
    }

    /** Whether espeak-ng has {@code language}, asked once per language ({@code asked} remembers the answers). */
    private static boolean espeakKnowsLanguage(String language, Map<String, Boolean> asked) throws IOException {
        Boolean known = asked.get(language);
        if (known == null) {
            // "--voices=<language>" lists the voices of that language, the language code in column 2.
            known = tokens(output("espeak-ng", "--voices=" + language)).contains(language);
            asked.put(language, known);
        }
        return known;
    }

    private static Set<String> festivalVoices() throws IOException {
        Path script = Files.createTempFile("hark-festival-voices-", ".scm");
        try {
            Files.writeString(script, TtsCommands.festivalVoiceListScript());
            String out = output("festival", "--batch", script.toString());
            return tokens(out.replace('(', ' ').replace(')', ' '));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static IOException missing(TtsVoice v) {
        return new IOException("TTS voice '" + v.description() + "' is not installed; run scripts/install-deps");
    }

    /** What {@code command} prints; it must exit with status 0. */
    private static String output(String... command) throws IOException {
        return ProcessRunner.runChecked(List.of(command), TIMEOUT).output();
    }

    private static Set<String> tokens(String output) {
        return new HashSet<>(Arrays.asList(output.split("\\s+")));
    }
}
