package org.prune4j.notebook;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table as a self-contained HTML fragment: caption with the name and size, numbers right-aligned in a tabular
 * font, long tables cut with a marker row. Everything is escaped, so cell text cannot inject markup into the
 * notebook.
 */
final class HtmlTable {
    private HtmlTable() {
    }

    static String of(Table table) {
        Rows rows = Rows.of(table.rowCount());
        StringBuilder h = new StringBuilder(256 + 64 * rows.head() * Math.max(1, table.columnCount()));
        h.append("<table class=\"prune4j\" style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\">");
        h.append("<caption style=\"caption-side:top;text-align:left;font-weight:bold\">")
                .append(escape(table.name() == null ? "" : table.name()))
                .append(" <span style=\"font-weight:normal;color:#666\">(")
                .append(table.rowCount()).append(table.rowCount() == 1 ? " row" : " rows").append(")</span></caption>");
        h.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            h.append("<th style=\"text-align:").append(CellFormat.numeric(c) ? "right" : "left")
                    .append(";padding:2px 8px;border-bottom:1px solid #999\">").append(escape(c.name())).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        int shown = 0;
        for (int r : rows.indices()) {
            if (rows.cut() && shown == rows.head()) {
                h.append("<tr><td colspan=\"").append(table.columnCount())
                        .append("\" style=\"text-align:center;color:#666\">… ")
                        .append(rows.total() - rows.head() - rows.tail()).append(" more rows …</td></tr>");
            }
            h.append("<tr>");
            for (Column<?> c : table.columns()) {
                h.append("<td style=\"text-align:").append(CellFormat.numeric(c) ? "right" : "left")
                        .append(";padding:2px 8px\">").append(escape(CellFormat.format(c, r))).append("</td>");
            }
            h.append("</tr>");
            shown++;
        }
        return h.append("</tbody></table>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
