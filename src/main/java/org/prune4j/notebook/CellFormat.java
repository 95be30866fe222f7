package org.prune4j.notebook;

import java.util.Locale;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * How one table cell is written, shared by the HTML and the text rendering so both show the same digits: whole
 * numbers as they are, fractions to four decimals without trailing zeros, tiny and huge magnitudes in scientific
 * notation, missing values blank.
 */
final class CellFormat {
    private CellFormat() {
    }

    static boolean numeric(Column<?> column) {
        ColumnType t = column.type();
        return t == ColumnType.DOUBLE || t == ColumnType.FLOAT || t == ColumnType.INTEGER || t == ColumnType.LONG
                || t == ColumnType.SHORT;
    }

    static String format(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        ColumnType t = column.type();
        if (t == ColumnType.DOUBLE || t == ColumnType.FLOAT) {
            return decimal(((Number) column.get(row)).doubleValue());
        }
        return column.getString(row);
    }

    static String decimal(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e9)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
