package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@Fast
class FlashMojoTest {
    @Test
    void saysPlainlyThatFlashingIsNotThereYet() {
        FlashMojo mojo = new FlashMojo();
        mojo.setLog(new RecordingLog());
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("hark:flash is not available yet: flashing comes with board support, and hark supports no"
                + " physical board so far (the firmware runs on the host and on QEMU's mps2-an386).", e.getMessage());
    }
}
