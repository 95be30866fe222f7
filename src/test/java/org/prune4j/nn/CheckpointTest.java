package org.prune4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void loadOrMakesOnceThenLoadsTheSavedNetwork() {
        Path file = tmp.resolve("made.p4j");
        Checkpoint checkpoint = new Checkpoint(file);
        int[] made = {0};
        Network first = checkpoint.loadOr(() -> {
            made[0]++;
            return Networks.mlp("made", 7, 20, 8, 3);
        });
        Network second = checkpoint.loadOr(() -> {
            made[0]++;
            return Networks.mlp("other", 8, 20, 8, 3);
        });
        assertEquals(1, made[0], "made when missing, loaded after");
        assertEquals("made", second.name());
        for (int l = 0; l < first.layers().size(); l++) {
            assertArrayEquals(first.layers().get(l).weightArray(), second.layers().get(l).weightArray(), "layer " + l);
        }
        assertFalse(checkpoint.recipe().isPresent(), "made by other means: no recipe recorded");
    }

    @Test
    void loadOrWithARecipeReloadsOnlyForThatRecipe() {
        Checkpoint checkpoint = new Checkpoint(tmp.resolve("derived.p4j"));
        int[] made = {0};
        java.util.function.Supplier<Network> make = () -> {
            made[0]++;
            return Networks.mlp("derived", 7, 20, 8, 3);
        };
        checkpoint.loadOr("pruned by A\nfrom X", make);
        checkpoint.loadOr("pruned by A\r\nfrom X\n", make); // the same text once read back (CRLF, trailing newline)
        assertEquals(1, made[0], "made once, then loaded");
        checkpoint.loadOr("pruned by B\nfrom X", make);
        assertEquals(2, made[0], "another recipe: made again");
        assertEquals("pruned by B\nfrom X", checkpoint.recipe().orElseThrow());
        checkpoint.save(Networks.mlp("derived", 8, 20, 8, 3));
        checkpoint.loadOr("pruned by B\nfrom X", make);
        assertEquals(3, made[0], "a network kept without a recipe matches none");
        // saved with a recipe as the caller wrote it (a trailing newline), loaded for the same text
        checkpoint.save(Networks.mlp("derived", 9, 20, 8, 3), "pruned by C\r\nfrom Y\n");
        checkpoint.loadOr("pruned by C\r\nfrom Y\n", make);
        assertEquals(3, made[0], "the recipe saved is the recipe matched");
        assertThrows(IllegalArgumentException.class, () -> checkpoint.loadOr(" ", make));
        assertThrows(IllegalArgumentException.class, () -> checkpoint.save(Networks.mlp("d", 8, 20, 8, 3), ""));
    }

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

        // the recipe belongs to the very file saved with it: a network written there afterwards by other means (or a
        // crash after the network and before its recipe) leaves the recipe unmatched, so it trains again
        checkpoint.save(trained, history);
        assertEquals(history.recipe(), checkpoint.recipe().orElseThrow());
        first.save(file);
        assertFalse(checkpoint.recipe().isPresent(), "another network under the recipe: not its recipe");
        Files.setLastModifiedTime(file, old);
        checkpoint.loadOrTrain(() -> Networks.mlp("m", 3, 784, 16, 10), small, recipe);
        assertNotEquals(old, Files.getLastModifiedTime(file), "so loadOrTrain trains rather than load it");
        assertEquals(history.recipe(), checkpoint.recipe().orElseThrow());

        // a recipe file edited on Windows (CRLF) still matches; one without the checksum line (an older prune4j's)
        // matches nothing
        Path recipeFile = tmp.resolve("net.p4j.recipe");
        String text = Files.readString(recipeFile);
        Files.writeString(recipeFile, text.replace("\n", "\r\n"));
        assertEquals(history.recipe(), checkpoint.recipe().orElseThrow());
        Files.writeString(recipeFile, history.recipe() + "\n");
        assertFalse(checkpoint.recipe().isPresent(), "a recipe without the network's checksum is not trusted");
    }

    @Test
    void theRecipeCoversDropoutMasksAndSchedulesWithoutNames() {
        ImageDataset full = Mnist.load();
        ImageDataset small = new ImageDataset("small", full.train().first(300), full.test().first(100), full.classNames());
        Training recipe = Training.sgd(0.1).epochs(3).batch(100).quiet();
        String plain = Checkpoint.recipe(Networks.mlp("m", 1, 784, 16, 10), small, recipe);

        Network dropped = Networks.mlp("m", 1, 784, 16, 10);
        dropped.layer(0).setDropout(0.5);
        assertNotEquals(plain, Checkpoint.recipe(dropped, small, recipe), "dropout is part of the recipe");
        Network masked = Networks.mlp("m", 1, 784, 16, 10);
        masked.layer(0).setMask(org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 784, 16));
        String maskedRecipe = Checkpoint.recipe(masked, small, recipe);
        assertNotEquals(plain, maskedRecipe, "a mask is part of the recipe, even one that keeps every weight");
        Network otherMask = Networks.mlp("m", 1, 784, 16, 10);
        otherMask.layer(0).setMask(org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 784, 16));
        assertNotEquals(maskedRecipe, Checkpoint.recipe(otherMask, small, recipe), "another mask, another recipe");

        // a lambda's text carries an address that changes every run: the rates it gives are recorded instead
        LearningRate halving = (base, epoch, epochs) -> base / (1 << epoch);
        String lambda = Checkpoint.recipe(Networks.mlp("m", 1, 784, 16, 10), small, recipe.schedule(halving));
        assertTrue(lambda.contains("rates 0.1, 0.05, 0.025"), lambda);
        assertFalse(lambda.contains("$$Lambda") || lambda.contains("@"), lambda);
        LearningRate same = (base, epoch, epochs) -> base / Math.pow(2, epoch);
        assertEquals(lambda, Checkpoint.recipe(Networks.mlp("m", 1, 784, 16, 10), small, recipe.schedule(same)),
                "two lambdas giving the same rates are the same recipe");

        // fit on the splits records the same data as fit on the data set, which loadOrTrain matches
        Network a = Networks.mlp("m", 4, 784, 16, 10);
        Network b = Networks.mlp("m", 4, 784, 16, 10);
        assertEquals(a.fit(small, recipe.epochs(1)).recipe(),
                b.fit(small.train(), small.test(), recipe.epochs(1)).recipe());
    }
}
