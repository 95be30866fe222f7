package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SparsityCurvesTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static Table sweep() {
        // rows deliberately out of order: the chart sorts each series by sparsity
        return Table.create("sweep",
                StringColumn.create("series", "weight", "unit", "weight", "unit", "weight, retrained", "weight",
                        "weight, retrained"),
                DoubleColumn.create("sparsity", 0.9, 0.5, 0.0, 0.0, 0.9, 0.5, 0.0),
                DoubleColumn.create("accuracy", 0.60, 0.70, 0.98, 0.98, 0.97, 0.97, 0.98));
    }

    @Test
    void accuracyVsSparsityDrawsEverySeriesFromTheTable() {
        Plot p = Charts.accuracyVsSparsity(sweep());
        Images.assertRendered(p, 720, 460);
        Images.assertRendered(p.size(400, 300), 400, 300);
        Table data = p.data();
        assertEquals(List.of("weight", "unit", "weight, retrained"), List.copyOf(new LinkedHashSet<>(data.stringColumn("series").asList())));
        Table weight = data.where(data.stringColumn("series").isEqualTo("weight"));
        assertEquals(List.of(0.0, 0.5, 0.9), weight.doubleColumn("sparsity").asList());
        assertEquals(List.of(0.98, 0.97, 0.60), weight.doubleColumn("accuracy").asList());
    }

    @Test
    void sensitivityHasOneCurvePerLayer() {
        Table t = Table.create("sens", StringColumn.create("layer", "fc1", "fc1", "fc3", "fc3"),
                DoubleColumn.create("sparsity", 0.0, 0.9, 0.0, 0.9),
                DoubleColumn.create("accuracy", 0.98, 0.97, 0.98, 0.5));
        Plot p = Charts.sensitivity(t);
        Images.assertRendered(p, 720, 460);
        assertEquals(List.of("fc1", "fc3"), List.copyOf(new LinkedHashSet<>(p.data().stringColumn("layer").asList())));
    }

    @Test
    void refusesPercentAndTheWrongContract() {
        Table percent = Table.create("p", StringColumn.create("series", "weight"), DoubleColumn.create("sparsity", 90.0),
                DoubleColumn.create("accuracy", 0.9));
        assertThrows(IllegalArgumentException.class, () -> Charts.accuracyVsSparsity(percent));
        assertThrows(IllegalArgumentException.class, () -> Charts.sensitivity(sweep()));
    }
}
