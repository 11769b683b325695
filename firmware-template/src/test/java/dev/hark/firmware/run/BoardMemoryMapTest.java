package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.run.MemoryMap.Component;
import dev.hark.testing.Qemu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linker maps of real board images: the harness with the stand-in network (test/fake-network) built for boards
 * with three memory maps, its components adding up to what {@code arm-none-eabi-size} says.
 */
@Qemu
class BoardMemoryMapTest {
    @TempDir
    Path dir;

    @Test
    void theComponentsOfABoardImageAddUpToItsSize() throws Exception {
        Path fake = dir.resolve("template");
        FirmwareTemplate.extractTo(fake);
        for (String name : List.of("mps2-an386", "mps2-an505", "nucleo-f446re")) {
            Target target = Target.named(name);
            BoardDescriptor board = target.board().orElseThrow();
            FirmwareProject project = FirmwareProject.create(dir.resolve(name))
                    .copyGeneratedSources(fake.resolve("test/fake-network"));
            FirmwareBuild.Result built;
            try {
                built = FirmwareBuild.of(project, target).build();
            } catch (MissingToolException e) {
                Assumptions.abort(e.getMessage());
                return;
            }
            SizeReport size = built.size().orElseThrow();
            MemoryMap map = built.memoryMap().orElseThrow();
            assertEquals(size.flash(), map.flash(), name + ":\n" + String.join("\n", map.table()));
            // Berkeley's data also counts writable tables that stay in flash (.init_array): at most that much more.
            assertTrue(map.ram() >= size.bss() && map.ram() <= size.ram(), name + ": " + size + " against "
                    + map.ram());
            assertEquals(board.harnessHeapSize(), map.components().get(Component.HEAP).ram(), name);
            for (Component component : List.of(Component.WEIGHTS, Component.NETWORK, Component.KERNELS,
                    Component.PROGRAM, Component.STARTUP, Component.C_LIBRARY)) {
                assertTrue(map.components().get(component).flash() > 0, name + ": " + component);
            }
            assertTrue(Files.isRegularFile(built.executable().resolveSibling(built.executable().getFileName()
                    + ".map")));
        }
    }
}
