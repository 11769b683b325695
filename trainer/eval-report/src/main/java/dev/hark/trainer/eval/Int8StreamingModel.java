package dev.hark.trainer.eval;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The int8 network listening, as the firmware runs it ({@link StreamingNetwork}): the posterior is the keyword's
 * entry of the network's softmax output plus 128.
 */
public final class Int8StreamingModel implements StreamingModel {
    private final StreamingNetwork network;
    private final int keywordClass;

    /**
     * @param attentionWindow steps the attention pools over (see {@code Lowering.lowerStreaming})
     * @throws IllegalArgumentException if the model cannot stream or its labels do not name its keyword
     */
    public Int8StreamingModel(QuantizedModel model, int attentionWindow) {
        this.network = new StreamingNetwork(model, attentionWindow);
        this.keywordClass = model.info().labels().indexOf(model.info().keyword());
        if (keywordClass < 0) {
            throw new IllegalArgumentException("model " + model.info().name() + ": its labels "
                    + model.info().labels() + " do not name its keyword '" + model.info().keyword() + "'");
        }
    }

    @Override
    public int frameSize() {
        return network.frameSize();
    }

    @Override
    public int windowFrames() {
        return network.program().streaming().windowFrames();
    }

    @Override
    public int hopFrames() {
        return network.program().streaming().hopFrames();
    }

    @Override
    public void reset() {
        network.reset();
    }

    @Override
    public OptionalInt pushFrame(byte[] frame) {
        Optional<Trace> step = network.pushFrame(frame);
        return step.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(KeywordPosterior.ofInt8Probability(step.get().output()[keywordClass]));
    }
}
