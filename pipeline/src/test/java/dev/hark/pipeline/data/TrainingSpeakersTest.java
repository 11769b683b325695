package dev.hark.pipeline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class TrainingSpeakersTest {
    @TempDir
    Path dir;

    @Test
    void knowsItsSpeakersAfterARoundTripWithoutWritingTheirNames() throws Exception {
        Path file = dir.resolve("training-speakers.txt");
        TrainingSpeakers.of(List.of("0a2b4c6d", "anna", "")).write(file);
        String text = Files.readString(file);
        assertFalse(text.contains("anna") || text.contains("0a2b4c6d"), text);
        TrainingSpeakers read = TrainingSpeakers.read(file);
        assertTrue(read.contains("anna") && read.contains("0a2b4c6d"));
        assertFalse(read.contains("bob") || read.contains(""));
        assertEquals(2, read.hashes().size());
    }

    @Test
    void eachWorkspaceDrawsItsOwnSalt() {
        assertNotEquals(TrainingSpeakers.of(List.of("anna")).hashes(), TrainingSpeakers.of(List.of("anna")).hashes());
    }

    @Test
    void anotherFileIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "anna\n");
        IOException e = assertThrows(IOException.class, () -> TrainingSpeakers.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
