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
            widths[c] = columns.get(c).name().length();
        }
        for (int r : rows.indices()) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = CellFormat.format(columns.get(c), r);
                widths[c] = Math.max(widths[c], line[c].length());
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

    private static void line(StringBuilder out, String[] cells, int[] widths, List<Column<?>> columns) {
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c];
            String pad = " ".repeat(widths[c] - s.length());
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
