package org.prune4j.notebook;

import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table as aligned plain text for terminals, logs and the {@code text/plain} part of a notebook output: numbers
 * right-aligned, text left-aligned, long tables cut with a marker line.
 */
final class TextTable {
    private TextTable() {
    }

    static String of(Table table) {
        Rows rows = Rows.of(table.rowCount());
        List<Column<?>> columns = table.columns();
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = width(columns.get(c).name());
        }
        for (int r : rows.indices()) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = CellFormat.format(columns.get(c), r);
                widths[c] = Math.max(widths[c], width(line[c]));
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        out.append(table.name() == null ? "" : table.name()).append(" (").append(table.rowCount())
                .append(table.rowCount() == 1 ? " row" : " rows").append(")\n");
        String[] header = columns.stream().map(Column::name).toArray(String[]::new);
        line(out, header, widths, columns);
        int total = 0;
        for (int w : widths) {
            total += w + 2;
        }
        out.append("-".repeat(Math.max(0, total - 2))).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            if (rows.cut() && i == rows.head()) {
                out.append("… ").append(rows.total() - rows.head() - rows.tail()).append(" more rows …\n");
            }
            line(out, cells.get(i), widths, columns);
        }
        return out.toString();
    }

    /**
     * Columns a monospaced terminal gives the text: 2 for East Asian wide and fullwidth characters (and emoji), 0 for
     * combining marks and invisible format characters, 1 otherwise (String.length would count UTF-16 units, so a
     * name in Chinese or with accents written as combining marks would push its row out of line).
     */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || cp == 0x200B) {
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    /** East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W and F) and the main emoji blocks. */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x1F680 && cp <= 0x1F6FF || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x1FA70 && cp <= 0x1FAFF
                || cp >= 0x20000 && cp <= 0x3FFFD;
    }

    private static void line(StringBuilder out, String[] cells, int[] widths, List<Column<?>> columns) {
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c];
            String pad = " ".repeat(widths[c] - width(s));
            out.append(CellFormat.numeric(columns.get(c)) ? pad + s : s + pad);
            if (c < cells.length - 1) {
                out.append("  ");
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }
}
