package dev.hark.trainer.eval;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.KeywordScore;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The int8 network listening, as the firmware runs it ({@link StreamingNetwork}): each step's keyword score is
 * computed from its int8 logits as the firmware's {@code hark_keyword_score} does ({@link KeywordScore}).
 */
public final class Int8StreamingModel implements StreamingModel {
    private final StreamingNetwork network;
    private final KeywordScore score;

    /**
     * @param attentionWindow steps the attention pools over (see {@code Lowering.lowerStreaming})
     * @throws IllegalArgumentException if the model cannot stream or its labels do not name its keyword
     */
    public Int8StreamingModel(QuantizedModel model, int attentionWindow) {
        this.network = new StreamingNetwork(model, attentionWindow);
        if (model.info().labels().indexOf(model.info().keyword()) < 0) {
            throw new IllegalArgumentException("model " + model.info().name() + ": its labels "
                    + model.info().labels() + " do not name its keyword '" + model.info().keyword() + "'");
        }
        this.score = network.program().streaming().keywordScore();
        if (score == null) {
            throw new IllegalArgumentException("model " + model.info().name() + " cannot listen: it does not end "
                    + "in a dense layer of logits and their softmax");
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
        return step.isEmpty() ? OptionalInt.empty() : OptionalInt.of(score.of(step.get().get(score.logits())));
    }
}
