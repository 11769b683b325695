package dev.hark.trainer.data;

import dev.hark.sim.io.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
        if (engines.contains(TtsEngine.ESPEAK_NG)) {
            Set<String> variants = tokens(output("espeak-ng", "--voices=variant"));
            Set<String> languagesFound = new HashSet<>();
            for (TtsVoice v : voices) {
                if (v.engine() != TtsEngine.ESPEAK_NG) {
                    continue;
                }
                if (!languagesFound.contains(v.name())) {
                    // "--voices=<language>" lists the voices of that language, the language code in column 2.
                    Set<String> langs = tokens(output("espeak-ng", "--voices=" + v.name()));
                    if (!langs.contains(v.name())) {
                        throw missing(v);
                    }
                    languagesFound.add(v.name());
                }
                if (!v.variant().isEmpty() && !variants.contains("!v/" + v.variant())) {
                    throw missing(v);
                }
            }
        }
        if (engines.contains(TtsEngine.FLITE)) {
            Set<String> fliteVoices = tokens(output("flite", "-lv"));
            for (TtsVoice v : voices) {
                if (v.engine() == TtsEngine.FLITE && !fliteVoices.contains(v.name())) {
                    throw missing(v);
                }
            }
        }
        if (engines.contains(TtsEngine.FESTIVAL)) {
            Path script = Files.createTempFile("hark-festival-voices-", ".scm");
            try {
                Files.writeString(script, TtsCommands.festivalVoiceListScript());
                String out = output("festival", "--batch", script.toString());
                Set<String> festivalVoices = tokens(out.replace('(', ' ').replace(')', ' '));
                for (TtsVoice v : voices) {
                    if (v.engine() == TtsEngine.FESTIVAL && !festivalVoices.contains(v.name())) {
                        throw missing(v);
                    }
                }
            } finally {
                Files.deleteIfExists(script);
            }
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
