package dev.hark.trainer.qat;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.floatref.CrnnWeights;
import java.util.List;

/**
 * The outcome of quantization-aware training.
 *
 * @param history   epoch 0 (the post-training-quantized start) and every trained epoch
 * @param bestEpoch the epoch whose weights were kept (best dev int8 au_fa_fr, then accuracy; 0 means QAT did
 *                  not beat post-training quantization on dev)
 * @param weights   the kept float weights
 * @param model     the kept weights converted with the frozen grids: an ordinary int8 model
 * @param lastWeights the weights after the last epoch (equal to {@code weights} when that epoch was kept)
 */
public record QatResult(List<QatEpoch> history, int bestEpoch, CrnnWeights weights, QuantizedModel model,
                        CrnnWeights lastWeights) {
    public QatResult {
        history = List.copyOf(history);
    }
}
