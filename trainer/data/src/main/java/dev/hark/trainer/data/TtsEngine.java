package dev.hark.trainer.data;

/** The offline text-to-speech programs the synthetic corpus can use, by executable name. */
public enum TtsEngine {
    ESPEAK_NG("espeak-ng"),
    FLITE("flite"),
    FESTIVAL("festival");

    private final String executable;

    TtsEngine(String executable) {
        this.executable = executable;
    }

    /** The program looked up on PATH. */
    public String executable() {
        return executable;
    }
}
