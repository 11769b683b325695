package dev.hark.pipeline.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@Fast
class StudentZooTest {
    @Test
    void theStandardZooStartsWithTheBaselineTeacherAndShrinks() {
        List<Student> zoo = StudentZoo.standard();
        assertEquals("teacher", zoo.get(0).name());
        assertEquals(CrnnConfig.defaults(), zoo.get(0).config());
        assertEquals(Optional.empty(), zoo.get(0).teacher());
        for (Student s : zoo.subList(1, zoo.size())) {
            assertTrue(s.config().parameterCount() < zoo.get(0).config().parameterCount(), s.name());
            assertTrue(s.teacher().isPresent(), s.name() + " is distilled");
        }
    }

    @Test
    void aSelectionKeepsTheTeacherAndEveryModelThatTeachesAChosenOne() {
        List<Student> zoo = StudentZoo.standard();
        assertEquals(List.of("teacher", "c4-h32", "c2-h16-s6<-c4-h32"), StudentZoo.select(zoo,
                List.of("c2-h16-s6<-c4-h32")).stream().map(Student::name).toList());
        assertEquals(List.of("teacher", "c4-h24", "c2-h20"), StudentZoo.select(zoo, List.of("c2-h20", "c4-h24"))
                .stream().map(Student::name).toList());
        assertEquals(List.of("teacher"), StudentZoo.select(zoo, List.of("teacher")).stream().map(Student::name)
                .toList());
        assertEquals(zoo, StudentZoo.select(zoo, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentZoo.select(zoo, List.of("c3")));
        assertTrue(e.getMessage().startsWith("no model 'c3' in the student zoo; its models: teacher, c8-h32"),
                e.getMessage());
    }

    @Test
    void theChainIsTaughtByAStudentAndTheSmallestShapeDropsAttentionOnce() {
        List<Student> zoo = StudentZoo.standard();
        Student chained = zoo.get(zoo.size() - 1);
        assertEquals(Optional.of("c4-h32"), chained.teacher());
        assertEquals("c2-h16-s6-from-c4-h32", chained.directoryName());
        CrnnConfig smallest = CrnnConfig.builder().optConvChannels(2).optKernelMel(5).optKernelTime(20)
                .optStrideMel(2).optStrideTime(6).optGruHidden(16).optGruLayers(1).build();
        assertEquals(smallest, chained.config());
        assertEquals(2, zoo.stream().filter(s -> s.config().equals(smallest)).count());
        assertEquals(1, zoo.stream().filter(s -> s.config().equals(smallest.toBuilder().optAttention(false).build()))
                .count());
    }

    @Test
    void aLineIsReadWithCommentsAndSpacing() {
        List<Student> zoo = StudentZoo.parse("# reference\nbig - 8 20x5 8x2 64 2 attention\n\n"
                + "  small\tbig 2 10x3 4x1 16 1 last  # a comment\n", "zoo.txt");
        assertEquals(2, zoo.size());
        CrnnConfig small = zoo.get(1).config();
        assertEquals(List.of(2, 10, 3, 4, 1, 16, 1), List.of(small.convChannels(), small.kernelTime(),
                small.kernelMel(), small.strideTime(), small.strideMel(), small.gruHidden(), small.gruLayers()));
        assertEquals(false, small.attention());
    }

    @Test
    void aBadTableNamesTheSourceTheLineAndTheProblem() {
        String head = "big - 8 20x5 8x2 64 2 attention\n";
        assertMessage("zoo.txt: line 2: teacher 'nobody' is not an earlier model",
                head + "s nobody 2 20x5 8x2 16 1 last\n");
        assertMessage("zoo.txt: line 2: model 'big' appears twice", head + "big big 2 20x5 8x2 16 1 last\n");
        assertMessage("zoo.txt: line 1: the first model is the table's reference",
                "s big 2 20x5 8x2 16 1 last\n");
        assertMessage("zoo.txt: line 2: 8 columns expected, found 7", head + "s big 2 20x5 8x2 16 1\n");
        assertMessage("zoo.txt: line 2: kernel '20' is not time x mel", head + "s big 2 20 8x2 16 1 last\n");
        assertMessage("zoo.txt: line 2: hidden 'x' is not a whole number", head + "s big 2 20x5 8x2 x 1 last\n");
        assertMessage("zoo.txt: line 2: pooling 'mean' is not attention or last", head + "s big 2 20x5 8x2 16 1 mean\n");
        assertMessage("zoo.txt: line 2: CRNN config: kernel 200x5 does not fit", head + "s big 2 200x5 8x2 16 1 last\n");
        assertMessage("zoo.txt: no model", "# nothing\n");
    }

    private static void assertMessage(String start, String table) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentZoo.parse(table, "zoo.txt"));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
