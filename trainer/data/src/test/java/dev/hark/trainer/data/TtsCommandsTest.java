package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class TtsCommandsTest {
    @Test
    void espeakGetsVoiceVariantSpeedAndPitch() {
        TtsRequest r = new TtsRequest(TtsVoice.espeak("en-gb-scotland", "f2"), "sheila", 0.8, 0.4);
        assertEquals(List.of("espeak-ng", "-v", "en-gb-scotland+f2", "-s", "116", "-p", "60", "-w", "/c/o.wav", "sheila"),
                TtsCommands.espeak(r, Path.of("/c/o.wav")));
    }

    @Test
    void fliteStretchesDurationInverselyToTempo() {
        List<String> cmd = TtsCommands.flite(new TtsRequest(TtsVoice.flite("kal16"), "go", 0.8, 0), Path.of("o.wav"));
        assertTrue(cmd.contains("duration_stretch=1.2500"), cmd.toString());
        assertTrue(cmd.contains("int_f0_target_mean=95.0000"), cmd.toString());
    }

    @Test
    void festivalScriptSelectsVoiceSetsProsodyAndSavesEachUtterance() {
        TtsRequest diphone = new TtsRequest(TtsVoice.festival("kal_diphone"), "sheila", 1.25, 0);
        TtsRequest hts = new TtsRequest(TtsVoice.festivalHts("cmu_us_slt_arctic_hts", 0.4), "she", 0.9, -1);
        String s = TtsCommands.festivalScript(List.of(diphone, hts), List.of(Path.of("/a/1.wav"), Path.of("/a/2.wav")));
        assertTrue(s.contains("(voice_kal_diphone)\n(Parameter.set 'Duration_Stretch 0.8000)"), s);
        assertTrue(s.contains("(list 'target_f0_mean 105.0000)"), s);
        assertTrue(s.contains("(voice_cmu_us_slt_arctic_hts)"), s);
        assertTrue(s.contains("(list \"-r\" 0.9000) (list \"-fm\" -3.0000) (list \"-a\" 0.40)"), s);
        assertTrue(s.contains("(Utterance Text \"sheila\")") && s.contains("(utt.save.wave hark_utt \"/a/2.wav\" 'riff)"), s);
    }

    @Test
    void speakerIdsAreStableHexAndDistinguishVariants() {
        TtsVoice a = TtsVoice.espeak("en-us", "m3");
        assertEquals("espeak-ng en-us+m3", a.description());
        assertTrue(a.speakerId().matches("[0-9a-f]{8}"));
        assertEquals(a.speakerId(), TtsVoice.espeak("en-us", "m3").speakerId());
        assertNotEquals(a.speakerId(), TtsVoice.espeak("en-us", "m4").speakerId());
        assertEquals("festival cmu_us_slt_arctic_hts alpha=0.45", TtsVoice.festivalHts("cmu_us_slt_arctic_hts", 0.45).description());
    }

    @Test
    void unsafeTextAndNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TtsVoice.espeak("en; rm -rf /", ""));
        assertThrows(IllegalArgumentException.class, () -> new TtsRequest(TtsVoice.flite("slt"), "\") (system \"x", 1, 0));
    }
}
