package org.prune4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class TrainingCurvesTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void lossAndAccuracyPanelsFromTheHistoryContract() {
        Table history = Table.create("Training history", IntColumn.create("epoch", 1, 2, 3),
                DoubleColumn.create("loss", 0.5, 0.3, 0.2), DoubleColumn.create("train_accuracy", 0.9, 0.95, 0.97),
                DoubleColumn.create("test_accuracy", 0.91, 0.95, 0.96), DoubleColumn.create("test_loss", 0.4, 0.3, 0.25),
                DoubleColumn.create("seconds", 1, 1, 1), DoubleColumn.create("learning_rate", 0.1, 0.1, 0.1));
        Plot p = Charts.training(history);
        Images.assertRendered(p, 900, 400);
        assertEquals(history.print(), p.data().print());
        history.doubleColumn("loss").set(0, 9.0); // the caller's table changes; the chart's data does not
        assertEquals(0.5, p.data().doubleColumn("loss").get(0));
        assertEquals("Training", p.title());
    }

    @Test
    void aDivergedOrEmptyHistoryIsNamedAndOneEpochDraws() {
        Table diverged = Table.create("h", IntColumn.create("epoch", 1, 2),
                DoubleColumn.create("loss", Double.NaN, Double.NaN), DoubleColumn.create("train_accuracy", 0.1, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.training(diverged));
        assertTrue(e.getMessage().contains("loss is missing or NaN in every epoch"), e.getMessage());
        Table empty = Table.create("h", IntColumn.create("epoch"), DoubleColumn.create("loss"),
                DoubleColumn.create("train_accuracy"));
        e = assertThrows(IllegalArgumentException.class, () -> Charts.training(empty));
        assertTrue(e.getMessage().contains("has no rows"), e.getMessage());
        Table one = Table.create("h", IntColumn.create("epoch", new int[] {1}), DoubleColumn.create("loss", 0.4),
                DoubleColumn.create("train_accuracy", 0.9));
        Images.assertRendered(Charts.training(one), 900, 400);
        // IntColumn.create(name, 1) is one row with no epoch: said so, not drawn as a line at no epoch
        Table unnumbered = Table.create("h", IntColumn.create("epoch", 1), DoubleColumn.create("loss", 0.4),
                DoubleColumn.create("train_accuracy", 0.9));
        e = assertThrows(IllegalArgumentException.class, () -> Charts.training(unnumbered));
        assertTrue(e.getMessage().contains("epoch is missing in every row"), e.getMessage());
    }

    @Test
    void withoutATestSetOnlyTrainingCurvesAreDrawn() {
        Table history = Table.create("h", IntColumn.create("epoch", 1, 2), DoubleColumn.create("loss", 0.5, 0.3),
                DoubleColumn.create("train_accuracy", 0.9, 0.95),
                DoubleColumn.create("test_accuracy", Double.NaN, Double.NaN));
        Images.assertRendered(Charts.training(history).size(600, 300), 600, 300);
    }
}
