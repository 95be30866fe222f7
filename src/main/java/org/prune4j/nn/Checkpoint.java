package org.prune4j.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.prune4j.data.ImageDataset;
import org.prune4j.io.AtomicFile;

/**
 * A trained network kept in a file, so that later notebooks reuse what an earlier one trained:
 * {@code Checkpoint.at(path).loadOrTrain(() -> Networks.lenet300100(42), mnist, recipe)} loads the file when it was
 * trained with that very recipe and otherwise trains a new network with it and saves it there. The recipe is kept
 * beside the network ({@code <file>.recipe}), so a changed recipe never silently reuses an old network.
 *
 * @param file where the network is kept
 */
public record Checkpoint(Path file) {

    /**
     * @param file where the network is kept
     * @return the checkpoint
     */
    public static Checkpoint at(String file) {
        return new Checkpoint(Path.of(file));
    }

    /** @return whether the network's file exists */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** @return the recipe the kept network was trained with, if it was saved with one */
    public Optional<String> recipe() {
        Path recipe = recipeFile();
        try {
            return Files.isRegularFile(recipe) ? Optional.of(Files.readString(recipe, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recipe, e);
        }
    }

    /**
     * @param network a network to keep (saved atomically), with no recipe recorded
     * @return the network
     */
    public Network save(Network network) {
        network.save(file);
        try {
            Files.deleteIfExists(recipeFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale " + recipeFile(), e);
        }
        return network;
    }

    /**
     * @param network  a network to keep (saved atomically)
     * @param training the recipe it was trained with, recorded beside it
     * @return the network
     */
    public Network save(Network network, Training training) {
        network.save(file);
        try {
            AtomicFile.write(recipeFile(), (training + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + recipeFile(), e);
        }
        return network;
    }

    /**
     * @param make makes the network when there is no file (e.g. trains and prunes it); it is then saved
     * @return the loaded or newly made network
     */
    public Network loadOr(Supplier<Network> make) {
        if (exists()) {
            return loaded();
        }
        System.out.println("No " + file + " yet: making it");
        return save(make.get());
    }

    /**
     * @param fresh    makes the untrained network when there is no file for this recipe
     * @param data     data to train on
     * @param training the recipe
     * @return the loaded or newly trained network
     */
    public Network loadOrTrain(Supplier<Network> fresh, ImageDataset data, Training training) {
        String wanted = training.toString();
        Optional<String> kept = exists() ? recipe() : Optional.empty();
        if (kept.isPresent() && kept.get().equals(wanted)) {
            return loaded();
        }
        System.out.println((exists() ? file + " was trained with " + kept.orElse("an unrecorded recipe") : "No " + file + " yet")
                + ": training " + wanted);
        Network network = fresh.get();
        network.fit(data, training);
        return save(network, training);
    }

    private Network loaded() {
        Network network = Network.load(file);
        System.out.println("Loaded " + network.name() + " from " + file);
        return network;
    }

    private Path recipeFile() {
        return file.resolveSibling(file.getFileName() + ".recipe");
    }
}
