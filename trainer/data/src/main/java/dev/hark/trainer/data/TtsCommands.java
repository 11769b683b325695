package dev.hark.trainer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How each engine is told to speak one request: command lines for espeak-ng and flite, a Scheme script for
 * festival (one process renders many requests, since starting festival costs far more than one word).
 * Tempo and pitch are mapped to each engine's own controls here.
 */
final class TtsCommands {
    /** espeak-ng speed at tempo 1, words per minute (its default is 175; single words sound natural slower). */
    static final int ESPEAK_BASE_WPM = 145;
    /** Semitones of pitch shift at |pitch| = 1. */
    static final double PITCH_RANGE_SEMITONES = 3.0;

    private TtsCommands() {
    }

    static List<String> espeak(TtsRequest r, Path out) {
        TtsVoice v = r.voice();
        String voice = v.variant().isEmpty() ? v.name() : v.name() + "+" + v.variant();
        int wpm = (int) Math.round(ESPEAK_BASE_WPM * r.tempo());
        int pitch = (int) Math.round(50 + 25 * r.pitch()); // espeak-ng -p: 0..99, 50 = voice default
        return List.of(TtsEngine.ESPEAK_NG.executable(), "-v", voice, "-s", Integer.toString(wpm),
                "-p", Integer.toString(pitch), "-w", out.toString(), r.text());
    }

    static List<String> flite(TtsRequest r, Path out) {
        List<String> cmd = new ArrayList<>(List.of(TtsEngine.FLITE.executable(), "-voice", r.voice().name(),
                "--setf", "duration_stretch=" + fmt(1.0 / r.tempo())));
        String name = r.voice().name();
        if (name.startsWith("kal")) {
            // Diphone voices take an absolute mean F0; 95 Hz is kal's own.
            cmd.addAll(List.of("--setf", "int_f0_target_mean=" + fmt(95 * semitoneFactor(r.pitch()))));
        } else {
            // Clustergen voices scale their predicted F0 (voices without F0 control ignore it).
            cmd.addAll(List.of("--setf", "f0_shift=" + fmt(semitoneFactor(r.pitch()))));
        }
        cmd.addAll(List.of("-t", r.text(), "-o", out.toString()));
        return cmd;
    }

    /** A festival --batch script that writes {@code requests.get(i)} to {@code outputs.get(i)} as RIFF WAV. */
    static String festivalScript(List<TtsRequest> requests, List<Path> outputs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < requests.size(); i++) {
            TtsRequest r = requests.get(i);
            TtsVoice v = r.voice();
            // Selecting the voice again resets every parameter the previous utterance changed.
            s.append("(voice_").append(v.name()).append(")\n");
            if (v.isHts()) {
                // hts_engine: -r speed factor, -fm pitch shift in semitones, -a all-pass constant (timbre).
                s.append("(set! hts_engine_params (append hts_engine_params (list (list \"-r\" ")
                        .append(fmt(r.tempo())).append(") (list \"-fm\" ").append(fmt(PITCH_RANGE_SEMITONES * r.pitch()))
                        .append(")");
                if (!v.variant().isEmpty()) {
                    s.append(" (list \"-a\" ").append(v.variant()).append(")");
                }
                s.append(")))\n");
            } else {
                s.append("(Parameter.set 'Duration_Stretch ").append(fmt(1.0 / r.tempo())).append(")\n");
                // Diphone voices: the linear-regression intonation model maps to this mean F0 (105 Hz is theirs).
                s.append("(set! int_lr_params (list (list 'target_f0_mean ").append(fmt(105 * semitoneFactor(r.pitch())))
                        .append(") (list 'target_f0_std 14) (list 'model_f0_mean 170) (list 'model_f0_std 34)))\n");
            }
            s.append("(set! hark_utt (Utterance Text \"").append(r.text()).append("\"))\n");
            s.append("(utt.synth hark_utt)\n");
            s.append("(utt.save.wave hark_utt \"").append(schemeString(outputs.get(i).toString())).append("\" 'riff)\n");
        }
        return s.toString();
    }

    /** A script that prints the names of the installed festival voices, one list. */
    static String festivalVoiceListScript() {
        return "(print (voice.list))\n";
    }

    static double semitoneFactor(double pitch) {
        return StrictMath.pow(2.0, PITCH_RANGE_SEMITONES * pitch / 12.0);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String schemeString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
