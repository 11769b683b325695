package dev.hark.pipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class ListeningCostTableTest {
    @Test
    void oneAlignedRowPerModelUnderTheTitle() {
        String table = ListeningCostTable.format("mps2-an386, 10 s",
                List.of(ListeningCostTest.cost("teacher"), ListeningCostTest.cost("student-c2")));
        List<String> lines = table.lines().toList();
        assertEquals("mps2-an386, 10 s", lines.get(0));
        assertEquals("model       front end  network  detection  engine    total  % of 80 MHz  re-scoring  "
                + "network ratio  total ratio   flash     RAM  stack", lines.get(1));
        assertEquals("teacher       100,000   20,000         40     360  120,400        0.2 %     200,000  "
                + "       1/10.0        1/2.5  90,000  10,000    800", lines.get(2));
        assertTrue(lines.get(3).startsWith("student-c2    100,000"), lines.get(3));
        assertTrue(table.contains("not cycles"), table);
        assertTrue(table.contains("every 8 frames (80 ms)"), table);
        assertTrue(table.endsWith("\n"), table);
    }

    @Test
    void ratiosReadAsOneInN() {
        assertEquals("1/8.0", ListeningCostTable.fraction(0.125));
        assertEquals("1/0.5", ListeningCostTable.fraction(2));
        assertThrows(IllegalArgumentException.class, () -> ListeningCostTable.fraction(0));
        assertThrows(IllegalArgumentException.class, () -> ListeningCostTable.fraction(Double.NaN));
        assertEquals("12,814,644", ListeningCostTable.instructions(12_814_643.6));
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ListeningCostTable.format("t", List.of()));
    }
}
