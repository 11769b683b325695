package dev.hark.trainer.data;

import com.google.gson.GsonBuilder;
import dev.hark.sim.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus's closing files. {@value #CSV} lists every clip with how it was made and its SHA-256 (tempo
 * is the planned one: a word that came out longer than 0.95 s was re-synthesized faster, see
 * {@link UtteranceSource}; level is the word's peak in dBFS, or the noise RMS for noise-only clips);
 * {@value #JSON} holds the configuration and counts and is written very last, so its presence means the
 * corpus is complete.
 */
final class CorpusManifest {
    static final String CSV = "manifest.csv";
    static final String JSON = "corpus.json";

    private CorpusManifest() {
    }

    static void writeCsv(Path dir, List<ClipSpec> specs) throws IOException {
        StringBuilder csv = new StringBuilder("file,word,speaker,voice,tempo,pitch,level_dbfs,snr_db,noise,sha256\n");
        for (ClipSpec s : specs) {
            TtsRequest r = s.request();
            String sha = HexFormat.of().formatHex(Hashes.digest("SHA-256", Files.readAllBytes(dir.resolve(s.relativePath()))));
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%.2f,%s,%s,%s%n",
                    s.relativePath(), s.word(), s.speaker(),
                    r == null ? "" : r.voice().description(),
                    r == null ? "" : String.format(Locale.ROOT, "%.2f", r.tempo()),
                    r == null ? "" : String.format(Locale.ROOT, "%.2f", r.pitch()),
                    s.levelDb(),
                    r == null ? "" : String.format(Locale.ROOT, "%.2f", s.snrDb()),
                    BackgroundNoise.NAMES.get(s.noiseIndex()), sha));
        }
        AtomicFiles.writeString(dir.resolve(CSV), csv.toString());
    }

    static void writeJson(Path dir, String configFingerprint, Map<String, Integer> clipsPerWord,
                          Map<String, String> voicesBySpeaker) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "hark-synthetic-corpus/1");
        json.put("complete", true);
        json.put("clips", clipsPerWord.values().stream().mapToInt(Integer::intValue).sum());
        json.put("clipsPerWord", new TreeMap<>(clipsPerWord));
        json.put("speakers", new TreeMap<>(voicesBySpeaker));
        json.put("backgroundNoise", BackgroundNoise.NAMES);
        json.put("config", configFingerprint);
        AtomicFiles.writeString(dir.resolve(JSON), new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n");
    }
}
