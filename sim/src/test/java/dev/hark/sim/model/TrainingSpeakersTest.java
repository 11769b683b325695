package dev.hark.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.io.Checksums;
import dev.hark.testing.Fast;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class TrainingSpeakersTest {
    @Test
    void theSameSpeakersGiveTheSameRecordAndOthersAnotherSalt() {
        TrainingSpeakers a = TrainingSpeakers.ofDeterministicSalt(List.of("anna", "bob", ""));
        assertEquals(a, TrainingSpeakers.ofDeterministicSalt(List.of("bob", "anna", "bob")));
        assertEquals(2, a.size(), "the blank speaker (noise) is left out");
        assertNotEquals(a.salt(), TrainingSpeakers.ofDeterministicSalt(List.of("anna", "carl")).salt());
        assertTrue(a.hashes().stream().allMatch(h -> h.length() == TrainingSpeakers.HASH_DIGITS));
    }

    @Test
    void aRecordOfWholeSha256sIsComparedAtItsLength() {
        String whole = Checksums.sha256Hex("00ff:anna".getBytes(StandardCharsets.UTF_8));
        TrainingSpeakers old = new TrainingSpeakers("00ff", List.of(whole));
        assertTrue(old.contains("anna"));
        assertFalse(old.contains("bob") || old.contains(""));
    }

    @Test
    void hashesOfTwoLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingSpeakers("00ff", List.of("0123456789abcdef", "0123")));
        assertEquals("training speakers: 0123456789abcdef is not a hash of 4 hex digits like the others",
                e.getMessage());
    }
}
