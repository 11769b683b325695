package dev.hark.firmware.run;

import dev.hark.sim.listen.KeywordEvent;
import java.util.List;

/**
 * What the listening harness recorded of one stream, in the order it happened.
 *
 * @param layers the network's traced tensors, as its layer table lists them
 * @param frames every feature frame, 40 int8 codes each
 * @param steps  every network step: its traced tensors in layer order
 * @param events every detection
 */
public record ListenTrace(List<HarnessTrace.Layer> layers, List<byte[]> frames, List<List<byte[]>> steps,
                          List<KeywordEvent> events) {
    public ListenTrace {
        layers = List.copyOf(layers);
        frames = List.copyOf(frames);
        steps = List.copyOf(steps);
        events = List.copyOf(events);
    }
}
