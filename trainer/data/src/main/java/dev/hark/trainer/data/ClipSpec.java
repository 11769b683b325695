package dev.hark.trainer.data;

/**
 * Everything needed to render one corpus clip, fixed by the plan before any audio exists (so a resumed build
 * renders exactly the same clip).
 *
 * @param word        folder name: a word, or {@link CorpusPlan#NOISE_WORD} for a noise-only clip
 * @param speaker     speaker id for the file name
 * @param index       the n of {@code <speaker>_nohash_<n>.wav}, counting this speaker's clips of this word
 * @param request     what to synthesize; null for a noise-only clip
 * @param levelDb     speech: peak level in dBFS; noise-only clip: noise RMS level in dBFS
 * @param snrDb       speech RMS over noise RMS, in dB (unused for noise-only clips)
 * @param noiseIndex  which of {@link BackgroundNoise#NAMES} to mix in
 * @param noiseOffset where in the noise recording the segment starts, as a fraction in [0, 1)
 * @param placement   where in the clip the word starts, as a fraction of the free room in [0, 1)
 */
record ClipSpec(String word, String speaker, int index, TtsRequest request, double levelDb, double snrDb,
                int noiseIndex, double noiseOffset, double placement) {

    /** {@code <word>/<speaker>_nohash_<n>.wav} */
    String relativePath() {
        return word + "/" + speaker + "_nohash_" + index + ".wav";
    }
}
