package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * One kernel call of the program in {@code hark_network_run}, followed by the traces of the tensors it produced.
 *
 * @param call   the call's element ({@link ConvCall}, {@link FullyConnectedCall}, {@link GruCall}, ...)
 * @param traces the trace points right after it, often none
 */
public record CallBlock(ModelElement call, List<TracePoint> traces) implements ModelElement {
    public CallBlock {
        traces = List.copyOf(traces);
    }
}
