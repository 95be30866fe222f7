package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prune4j.data.ImageDataset;
import org.prune4j.data.Mnist;

/** A checkpoint reloads a network only for the very recipe, data and starting network that made it. */
class CheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void loadsOnlyWhatTheSameRecipeTrained() throws IOException {
        ImageDataset full = Mnist.load();
        ImageDataset small = new ImageDataset("small", full.train().first(500), full.test().first(200), full.classNames());
        Path file = tmp.resolve("net.p4j");
        Checkpoint checkpoint = new Checkpoint(file);
        Training recipe = Training.sgd(0.1).epochs(1).batch(100).quiet();
        Network first = checkpoint.loadOrTrain(() -> Networks.mlp("m", 1, 784, 16, 10), small, recipe);
        assertTrue(checkpoint.recipe().orElseThrow().startsWith(recipe.toString()), checkpoint.recipe().orElseThrow());
        // training is deterministic, so "not trained again" shows in the file being left alone, not in the weights
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(file, old);
        Network again = checkpoint.loadOrTrain(() -> Networks.mlp("m", 1, 784, 16, 10), small, recipe);
        assertEquals(old, Files.getLastModifiedTime(file), "the same recipe loads the kept network");
        assertArrayEquals(first.layer(0).weightArray(), again.layer(0).weightArray());

        checkpoint.loadOrTrain(() -> Networks.mlp("m", 2, 784, 16, 10), small, recipe);
        assertNotEquals(old, Files.getLastModifiedTime(file), "another initialisation seed trains again");
        Files.setLastModifiedTime(file, old);
        checkpoint.loadOrTrain(() -> Networks.mlp("m", 2, 784, 16, 10), small, recipe.l2(1e-3));
        assertNotEquals(old, Files.getLastModifiedTime(file), "a changed recipe trains again");
        Files.setLastModifiedTime(file, old);
        ImageDataset other = new ImageDataset("small", full.train().first(400), full.test().first(200), full.classNames());
        checkpoint.loadOrTrain(() -> Networks.mlp("m", 2, 784, 16, 10), other, recipe.l2(1e-3));
        assertNotEquals(old, Files.getLastModifiedTime(file), "other data trains again");
        Files.setLastModifiedTime(file, old);
        checkpoint.loadOrTrain(() -> Networks.mlp("m", 2, 784, 16, 10), other,
                recipe.l2(1e-3).optimizer(new Adam(0.1, 0.8, 0.99, 1e-6)));
        assertNotEquals(old, Files.getLastModifiedTime(file), "an optimizer's other hyper-parameters train again");

        // a network trained in the notebook and saved with its history is what loadOrTrain looks for
        Network trained = Networks.mlp("m", 3, 784, 16, 10);
        History history = trained.fit(small, recipe);
        checkpoint.save(trained, history);
        Files.setLastModifiedTime(file, old);
        Network reloaded = checkpoint.loadOrTrain(() -> Networks.mlp("m", 3, 784, 16, 10), small, recipe);
        assertEquals(old, Files.getLastModifiedTime(file), "fit's history records the recipe loadOrTrain matches");
        assertArrayEquals(trained.layer(0).weightArray(), reloaded.layer(0).weightArray());
        assertEquals(Checkpoint.recipe(Networks.mlp("m", 3, 784, 16, 10), small, recipe), history.recipe());
        // training on goes on from trained parameters: another recipe than a fresh start's
        assertNotEquals(history.recipe(), trained.fit(small, recipe).recipe());

        checkpoint.save(first);
        assertFalse(checkpoint.recipe().isPresent(), "saved without a recipe: none recorded");
        assertTrue(checkpoint.exists());
    }
}
