package dev.hark.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class SyntheticSpeechTest {
    @Test
    void sentencesAreBroughtToOneLevel() {
        for (float amplitude : new float[] {100, 20000}) {
            float[] audio = new float[16000];
            for (int i = 0; i < audio.length; i++) {
                audio[i] = (float) (amplitude * Math.sin(2 * Math.PI * 300 * i / 16000.0));
            }
            short[] out = SyntheticSpeech.atLevel(audio);
            double sum = 0;
            for (short s : out) {
                sum += (double) s * s;
            }
            double dbfs = 20 * Math.log10(Math.sqrt(sum / out.length) / 32768);
            assertEquals(SyntheticSpeech.LEVEL_DBFS, dbfs, 0.01, "amplitude " + amplitude);
        }
    }

    @Test
    void withoutEnginesNoVoiceIsInstalled() throws Exception {
        SyntheticSpeech none = new SyntheticSpeech(SyntheticCorpus.defaultVoices(), name -> null);
        assertTrue(none.installedVoices().isEmpty());
        SyntheticSpeech onlyFlite = new SyntheticSpeech(List.of(TtsVoice.espeak("en-us", "m3")),
                name -> name.equals("flite") ? Path.of("/usr/bin/flite") : null);
        assertTrue(onlyFlite.installedVoices().isEmpty(), "espeak-ng voices need espeak-ng");
    }
}
