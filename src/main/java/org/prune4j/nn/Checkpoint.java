package org.prune4j.nn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.prune4j.data.ImageDataset;

/**
 * A trained network kept in a file, so that later notebooks reuse what an earlier one trained:
 * {@code Checkpoint.at(path).loadOrTrain(() -> Networks.lenet300100(42), mnist, recipe)} loads the file when it
 * exists and otherwise trains a new network with the recipe and saves it there.
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

    /** @return whether the file exists */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * @param network a network to keep (saved atomically)
     * @return the network
     */
    public Network save(Network network) {
        return network.save(file);
    }

    /**
     * @param make makes the network when there is no file (e.g. trains and prunes it); it is then saved
     * @return the loaded or newly made network
     */
    public Network loadOr(Supplier<Network> make) {
        if (exists()) {
            Network network = Network.load(file);
            System.out.println("Loaded " + network.name() + " from " + file);
            return network;
        }
        System.out.println("No " + file + " yet: making it");
        return save(make.get());
    }

    /**
     * @param fresh    makes the untrained network when there is no file
     * @param data     data to train on
     * @param training the recipe
     * @return the loaded or newly trained network
     */
    public Network loadOrTrain(Supplier<Network> fresh, ImageDataset data, Training training) {
        return loadOr(() -> {
            System.out.println("Training " + training);
            Network network = fresh.get();
            network.fit(data, training);
            return network;
        });
    }
}
