package dev.hark.sim.model.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be used: its message is one line naming the file and the problem. */
public class ModelFormatException extends IOException {
    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
