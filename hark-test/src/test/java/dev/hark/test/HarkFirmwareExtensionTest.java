package dev.hark.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Target;
import dev.hark.testing.Fast;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.TestAbortedException;

/** How the annotation's settings become a {@link Firmware}, and what a bad setting or a missing tool does. */
@Fast
class HarkFirmwareExtensionTest {
    @HarkFirmware(model = "target/hark-test-models/no-such-model.hark")
    static final class NoModel {
    }

    @HarkFirmware(model = "target/hark-test-models/student.hark", cmsisNn = "target/no-cmsis-nn")
    static final class NoCmsisNn {
    }

    @HarkFirmware(model = "target/hark-test-models/student.hark", target = "host")
    static final class OnTheHost {
    }

    @HarkFirmware(model = "target/hark-test-models/student.hark", missingTool = HarkFirmware.MissingTool.SKIP)
    static final class SkippingWithoutTools {
    }

    @BeforeAll
    static void writeModel() throws Exception {
        TestModels.writeStudent();
    }

    private static Firmware create(Class<?> testClass) {
        return HarkFirmwareExtension.create(testClass, testClass.getAnnotation(HarkFirmware.class));
    }

    @Test
    void theFirmwareIsTheAnnotatedModelOnItsTargetInAFolderOfItsOwn() {
        Firmware firmware = create(OnTheHost.class);

        assertEquals(Target.HOST, firmware.target());
        assertEquals(TestModels.student().info().name(), firmware.model().quantized().info().name());
        assertTrue(firmware.kernels().isPortable());
        assertEquals(Path.of("target/hark-test", OnTheHost.class.getName(), "host").toAbsolutePath(),
                firmware.directory());
        assertEquals(Target.MPS2_AN386, create(SkippingWithoutTools.class).target());
    }

    @Test
    void aMissingModelFileIsNamedWithTheFolderItIsRelativeTo() {
        ParameterResolutionException e = assertThrows(ParameterResolutionException.class,
                () -> create(NoModel.class));
        assertTrue(e.getMessage().startsWith("@HarkFirmware on " + NoModel.class.getName() + ": model ="
                + " \"target/hark-test-models/no-such-model.hark\": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (relative to " + Path.of("").toAbsolutePath() + ")"), e.getMessage());
    }

    @Test
    void aFolderThatIsNoCmsisNnCheckoutIsNamed() {
        ParameterResolutionException e = assertThrows(ParameterResolutionException.class,
                () -> create(NoCmsisNn.class));
        assertTrue(e.getMessage().startsWith("@HarkFirmware on " + NoCmsisNn.class.getName()
                + ": cmsisNn = \"target/no-cmsis-nn\": "), e.getMessage());
        assertTrue(e.getMessage().contains("is not a CMSIS-NN checkout"), e.getMessage());
    }

    @Test
    void aMissingToolFailsNamingItsPackagesOrSkipsWhenAsked() {
        MissingToolException missing = new MissingToolException("qemu-system-arm", "to run the firmware for mps2-an386");

        assertSame(missing, create(OnTheHost.class).missingTool(missing));
        assertTrue(missing.getMessage().contains("apt-get install qemu-system-arm"), missing.getMessage());
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> create(SkippingWithoutTools.class).missingTool(missing));
        assertEquals("skipped, the mps2-an386 firmware cannot be built or run: " + missing.getMessage(),
                skipped.getMessage());
    }
}
