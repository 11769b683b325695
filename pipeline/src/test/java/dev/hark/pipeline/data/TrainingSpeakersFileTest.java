package dev.hark.pipeline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class TrainingSpeakersFileTest {
    @TempDir
    Path dir;

    @Test
    void knowsItsSpeakersAfterARoundTripWithoutWritingTheirNames() throws Exception {
        Path file = dir.resolve("training-speakers.txt");
        TrainingSpeakersFile.write(TrainingSpeakers.of(List.of("0a2b4c6d", "anna", "")), file);
        String text = Files.readString(file);
        assertFalse(text.contains("anna") || text.contains("0a2b4c6d"), text);
        TrainingSpeakers read = TrainingSpeakersFile.read(file);
        assertTrue(read.contains("anna") && read.contains("0a2b4c6d"));
        assertFalse(read.contains("bob") || read.contains(""));
        assertEquals(2, read.hashes().size());
    }

    @Test
    void eachWorkspaceDrawsItsOwnSalt() {
        assertNotEquals(TrainingSpeakers.of(List.of("anna")).hashes(), TrainingSpeakers.of(List.of("anna")).hashes());
    }

    @Test
    void aVersionOneFileOfWholeSha256sIsStillRead() throws Exception {
        String whole = dev.hark.sim.io.Checksums.sha256Hex("00ff:anna".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        Path file = Files.writeString(dir.resolve("training-speakers.txt"), "hark-training-speakers/1\nsalt 00ff\n"
                + whole + "\n");
        TrainingSpeakers read = TrainingSpeakersFile.read(file);
        assertTrue(read.contains("anna"));
        assertFalse(read.contains("bob"));
    }

    @Test
    void anotherFileIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "anna\n");
        IOException e = assertThrows(IOException.class, () -> TrainingSpeakersFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
