package dev.hark.test;

import dev.hark.sim.audio.WavFile;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.listen.KeywordListener;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.Lowering;
import dev.hark.trainer.features.ClipFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A quantized model (a {@code .hark} file) and what the simulator computes with it: a clip's int8 features through
 * the network, every layer traced; or PCM through the streaming listener (integer front end, one network step every
 * hop, detector), every frame, step and detection kept. The firmware computes the same bytes; {@link Firmware}
 * compares them.
 *
 * <pre>
 * HarkModel model = HarkModel.load(Path.of("model.hark"));
 * Listening heard = model.listen(Path.of("src/test/resources/stream.wav"));
 * assertEquals(2, heard.detections().size());
 * </pre>
 */
public final class HarkModel {
    private final QuantizedModel model;
    private final Path file;

    private HarkModel(QuantizedModel model, Path file) {
        this.model = model;
        this.file = file;
    }

    /**
     * Reads and checks a model file.
     *
     * @throws IOException naming the file, if it is missing, not a hark model, corrupted or of another format version
     */
    public static HarkModel load(Path file) throws IOException {
        return new HarkModel(ModelFile.read(file), file);
    }

    /** A model already in memory. */
    public static HarkModel of(QuantizedModel model) {
        return new HarkModel(model, null);
    }

    public QuantizedModel quantized() {
        return model;
    }

    /** The model's name and, when it was read from one, its file: for messages. */
    public String describe() {
        return model.info().name() + (file != null ? " (" + file + ")" : "");
    }

    /**
     * One clip through the network, every layer traced.
     *
     * @param features the model's int8 input: {@code frames x mel bins} bytes, frame by frame
     * @throws IllegalArgumentException if the clip is not the model's input size
     */
    public Trace simulate(byte[] features) {
        int size = model.info().inputSize();
        if (features.length != size) {
            throw new IllegalArgumentException(describe() + " takes " + model.info().frames() + " frames x "
                    + model.info().melBins() + " mel bins = " + size + " int8 features, got " + features.length);
        }
        return new NetworkSimulator(model).run(features);
    }

    /**
     * The clips of a folder as {@code hark verify --clips} and the plugin's verify goal read them: {@code .wav}
     * files (16 kHz mono 16-bit, padded or cropped to one second, through the integer front end as in training) and
     * {@code .features} files (the int8 features), in file-name order.
     *
     * @throws IllegalArgumentException naming the folder or the file, if there is no clip or one does not fit the
     *                                  model
     * @throws IOException              if a file cannot be read or a WAV file is in another format
     */
    public List<ClipFolder.NamedFeatures> clips(Path folder) throws IOException {
        return ClipFolder.read(folder, model.info().frames(), model.info().melBins());
    }

    /** The steps the listener's attention pools over: the model's clip steps ({@link Lowering#defaultAttentionWindow}). */
    public int attentionWindow() {
        return Lowering.defaultAttentionWindow(model);
    }

    /** {@link #listen(short[], DetectionSettings)} with the detector's defaults ({@link DetectionSettings#DEFAULT}). */
    public Listening listen(short[] pcm) {
        return listen(pcm, DetectionSettings.DEFAULT);
    }

    /**
     * A 16 kHz mono 16-bit WAV file through the listener, with the detector's defaults.
     *
     * @throws IOException naming the file, if it cannot be read or is in another format
     */
    public Listening listen(Path wav) throws IOException {
        return listen(wav, DetectionSettings.DEFAULT);
    }

    /**
     * A 16 kHz mono 16-bit WAV file through the listener.
     *
     * @throws IOException naming the file, if it cannot be read or is in another format
     */
    public Listening listen(Path wav, DetectionSettings settings) throws IOException {
        return listen(WavFile.read(wav), settings);
    }

    /**
     * PCM through the listener from silence, as the firmware's {@code hark_kws} hears it.
     *
     * @param pcm      16 kHz mono samples
     * @param settings the detector's smoothing, threshold and refractory period
     * @throws IllegalArgumentException if the model cannot stream or was made for another front end
     */
    public Listening listen(short[] pcm, DetectionSettings settings) {
        if (!model.info().frontend().equals(FrontendConfig.ID)) {
            throw new IllegalArgumentException(describe() + " was made for the front end '" + model.info().frontend()
                    + "', the listener computes '" + FrontendConfig.ID + "'");
        }
        KeywordListener.Heard heard = KeywordListener.hear(Lowering.lowerStreaming(model, attentionWindow()),
                settings, pcm);
        return new Listening(pcm.clone(), settings, heard.frames(), heard.steps(), heard.scores(),
                heard.detections());
    }
}
