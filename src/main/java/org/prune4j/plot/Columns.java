package org.prune4j.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;

/**
 * Reads the columns a chart's data contract names, failing early with the contract and the columns the table
 * really has, so a wrong table gives a clear message instead of a blank chart.
 */
final class Columns {
    private Columns() {
    }

    static void require(Table table, String chart, String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!table.containsColumn(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(chart + " needs columns " + List.of(names) + "; the table '"
                    + table.name() + "' has " + table.columnNames() + " (missing " + missing + ")");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(chart + ": the table '" + table.name() + "' has no rows");
        }
    }

    static double[] doubles(Table table, String name) {
        Column<?> column = table.column(name);
        if (!(column instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("column '" + name + "' must be numeric, it is " + column.type());
        }
        double[] out = new double[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numbers.isMissing(i) ? Double.NaN : numbers.getDouble(i);
        }
        return out;
    }

    static String[] strings(Table table, String name) {
        Column<?> column = table.column(name);
        String[] out = new String[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.getString(i);
        }
        return out;
    }

    /** @return the distinct values of a column in order of first appearance (the order series are drawn in) */
    static List<String> distinct(String[] values) {
        return List.copyOf(new LinkedHashSet<>(List.of(values)));
    }
}
