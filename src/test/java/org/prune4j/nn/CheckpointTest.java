package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prune4j.data.ImageDataset;
import org.prune4j.data.Mnist;

class CheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void loadsOnlyWhatTheSameRecipeTrained() {
        ImageDataset full = Mnist.load();
        ImageDataset small = new ImageDataset("small", full.train().first(500), full.test().first(200), full.classNames());
        Checkpoint checkpoint = new Checkpoint(tmp.resolve("net.p4j"));
        AtomicInteger made = new AtomicInteger();
        Training recipe = Training.sgd(0.1).epochs(1).batch(100).quiet();
        Network first = checkpoint.loadOrTrain(() -> {
            made.incrementAndGet();
            return Networks.mlp("m", 1, 784, 16, 10);
        }, small, recipe);
        assertEquals(recipe.toString(), checkpoint.recipe().orElseThrow());
        Network again = checkpoint.loadOrTrain(() -> {
            made.incrementAndGet();
            return Networks.mlp("m", 1, 784, 16, 10);
        }, small, recipe);
        assertEquals(1, made.get(), "the same recipe loads the kept network");
        assertArrayEquals(first.layer(0).weightArray(), again.layer(0).weightArray());
        checkpoint.loadOrTrain(() -> {
            made.incrementAndGet();
            return Networks.mlp("m", 1, 784, 16, 10);
        }, small, recipe.l2(1e-3));
        assertEquals(2, made.get(), "a changed recipe trains again");
        checkpoint.save(first);
        assertFalse(checkpoint.recipe().isPresent(), "saved without a recipe: none recorded");
        assertTrue(checkpoint.exists());
    }
}
