package dev.hark.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Builds a model's firmware once for the annotated test class and hands its tests a {@link Firmware} parameter (and
 * a {@link HarkModel} one) that runs clips or audio on it and compares them with the simulator:
 *
 * <pre>
 * &#64;HarkFirmware(model = "model.hark", target = "mps2-an386")
 * class ListeningTest {
 *     &#64;Test
 *     void theFirmwareHearsWhatTheSimulatorHears(Firmware firmware) throws IOException {
 *         Firmware.Heard heard = firmware.listen(Path.of("src/test/resources/stream.wav"));
 *         HarkAssertions.assertBitExact(heard);
 *         HarkAssertions.assertDetections(2, heard);
 *     }
 * }
 * </pre>
 *
 * The firmware is generated and built on first use in {@link #workDirectory()}{@code /<test class>/<target>}; the
 * host target needs make and gcc, a board the Arm toolchain and QEMU. A missing one fails the test naming the
 * program and the apt packages that install it, or skips it ({@link #missingTool()}).
 */
@java.lang.annotation.Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HarkFirmwareExtension.class)
public @interface HarkFirmware {
    /** The quantized model file (.hark), relative to the working directory (a Maven module's basedir in surefire). */
    String model();

    /**
     * Where the firmware runs: {@code host} (natively), or a board QEMU emulates, by its folder name in the firmware
     * template: {@code mps2-an386} (Cortex-M4F, the default) or another that {@code hark boards} lists.
     */
    String target() default "mps2-an386";

    /**
     * A checkout of ARM's CMSIS-NN to build against instead of hark's portable subset, relative to the working
     * directory; empty for the portable subset.
     */
    String cmsisNn() default "";

    /** The folder the firmware is built in, relative to the working directory. */
    String workDirectory() default "target/hark-test";

    /** What a missing compiler, make or QEMU does to the tests. */
    MissingTool missingTool() default MissingTool.FAIL;

    /** What a missing tool does to a test that needs the firmware. */
    enum MissingTool {
        /** The test fails, naming the program and the apt packages that install it. */
        FAIL,
        /** The test is skipped with the same reason, for machines where the firmware cannot be built. */
        SKIP
    }
}
