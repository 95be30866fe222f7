package org.prune4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TextTableTest {

    @Test
    void widthCountsTerminalColumns() {
        assertEquals(3, TextTable.width("fc1"));
        assertEquals(4, TextTable.width("重量"), "two wide characters");
        assertEquals(4, TextTable.width("cafe\u0301"), "a combining accent takes no column");
        assertEquals(2, TextTable.width("\uD83C\uDF32"), "an emoji outside the BMP is one wide character, not two units");
        assertEquals(4, TextTable.width("ＡＢ"), "fullwidth Latin");
    }

    @Test
    void rowsWithWideOrCombiningTextStayAligned() {
        Table t = Table.create("layers", StringColumn.create("layer", "fc1", "重量层", "cafe\u0301"),
                DoubleColumn.create("kept", 0.051, 0.255, 0.768));
        String[] lines = TextTable.of(t).split("\n");
        // title, header, rule, three rows: the numbers end in the same terminal column as the header on every row
        assertEquals(6, lines.length, String.join("\n", lines));
        int end = TextTable.width(lines[1]);
        for (int i = 3; i < lines.length; i++) {
            assertEquals(end, TextTable.width(lines[i]), "row " + (i - 2) + ": " + lines[i]);
        }
        assertEquals("layer    kept", lines[1]); // "layer" padded to the 6 columns of the widest name
        assertEquals("重量层  0.255", lines[4]);
    }
}
