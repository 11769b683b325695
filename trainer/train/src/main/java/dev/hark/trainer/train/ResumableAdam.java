package dev.hark.trainer.train;

import dev.hark.trainer.model.EngineArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with a state that can be saved and restored, so that a resumed run continues bit for bit. DJL's own
 * {@code Adam} keeps its moment estimates and update counts in private fields; this class applies exactly the
 * same update (the engine's fused {@code adamUpdate} with the same arguments: learning rate from the tracker at
 * the global update count {@code t}, bias correction {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, no weight
 * decay, no gradient clipping) but keeps its state where {@link #state()} and {@link #restore} reach it.
 *
 * <p>The update count follows DJL's rule: each parameter counts its own updates and {@code t} is the largest
 * count seen so far. State is keyed by parameter name ({@code conv_weight}, ...), taken from the block given at
 * construction, because DJL's parameter ids are random UUIDs that differ between processes.
 */
public final class ResumableAdam extends Optimizer {
    private final ParameterTracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, String> nameById = new HashMap<>();
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, Integer> updates = new HashMap<>();
    /** Restored moments not yet turned into engine arrays (that needs the weight's manager, known at update). */
    private final Map<String, AdamState.Moments> pending = new HashMap<>();
    private int numUpdate;

    /**
     * @param block        the block whose parameters this optimizer updates (for their names)
     * @param learningRate the learning rate as a function of the update count t (1-based)
     */
    public ResumableAdam(Block block, Tracker learningRate) {
        super(new NoOptions());
        this.learningRate = learningRate;
        this.beta1 = 0.9f;
        this.beta2 = 0.999f;
        this.epsilon = 1e-8f;
        for (Pair<String, Parameter> p : block.getParameters()) {
            nameById.put(p.getValue().getId(), p.getKey());
        }
    }

    @Override
    public synchronized void update(String parameterId, NDArray weight, NDArray grad) {
        String name = nameById.get(parameterId);
        if (name == null) {
            throw new IllegalStateException("Adam: parameter " + weight.getName() + " is not part of the block");
        }
        int count = updates.merge(name, 1, Integer::sum);
        numUpdate = Math.max(numUpdate, count);
        int t = numUpdate;
        double coef1 = 1.0 - Math.pow(beta1, t);
        double coef2 = 1.0 - Math.pow(beta2, t);
        float lr = learningRate.getNewValue(parameterId, t);
        float correctedLr = (float) (lr * Math.sqrt(coef2) / coef1);
        if (!Float.isFinite(correctedLr)) {
            throw new IllegalStateException("Adam: learning rate " + correctedLr + " at update " + t);
        }
        NDArray mean = moment(means, name, weight, true);
        NDArray variance = moment(variances, name, weight, false);
        pending.remove(name);
        // Same call and arguments as DJL's Adam: lazy update on, AdamW off, weight decay 0, no rescale or clip.
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight), lr,
                correctedLr, 0f, 1f, -1f, beta1, beta2, epsilon, true, false);
    }

    private NDArray moment(Map<String, NDArray> store, String name, NDArray weight, boolean first) {
        NDArray m = store.get(name);
        if (m == null) {
            AdamState.Moments restored = pending.get(name);
            if (restored == null) {
                m = weight.zerosLike();
            } else {
                float[] values = first ? restored.mean() : restored.variance();
                if (values.length != weight.size()) {
                    throw new IllegalStateException("Adam: restored moments of " + name + " hold " + values.length
                            + " values, the parameter " + weight.size());
                }
                m = EngineArrays.owned(weight.getManager(), values, weight.getShape());
            }
            m.detach(); // lives as long as the optimizer, not the batch
            store.put(name, m);
        }
        return m;
    }

    /** A copy of the current state, off the engine. */
    public synchronized AdamState state() {
        Map<String, AdamState.Moments> moments = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : updates.entrySet()) {
            String name = e.getKey();
            AdamState.Moments p = pending.get(name);
            moments.put(name, p != null ? new AdamState.Moments(e.getValue(), p.mean(), p.variance())
                    : new AdamState.Moments(e.getValue(), means.get(name).toFloatArray(),
                            variances.get(name).toFloatArray()));
        }
        return new AdamState(numUpdate, moments);
    }

    /**
     * Replaces the state with {@code state}; the next update continues as if this optimizer had made the
     * updates that produced it. Call before the first update.
     *
     * @throws IllegalArgumentException if the state names a parameter the block does not have
     */
    public synchronized void restore(AdamState state) {
        for (String name : state.moments().keySet()) {
            if (!nameById.containsValue(name)) {
                throw new IllegalArgumentException("Adam state names parameter " + name + ", which the model lacks");
            }
        }
        closeArrays();
        updates.clear();
        pending.clear();
        state.moments().forEach((name, m) -> {
            updates.put(name, m.updates());
            pending.put(name, m);
        });
        numUpdate = state.numUpdate();
    }

    private void closeArrays() {
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means.clear();
        variances.clear();
    }

    /** DJL's base options at their defaults: no rescaling, no weight decay, no clipping. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
