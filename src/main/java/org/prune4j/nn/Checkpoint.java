package org.prune4j.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;

import org.prune4j.data.ImageDataset;
import org.prune4j.io.AtomicFile;

/**
 * A trained network kept in a file, so that later notebooks reuse what an earlier one trained:
 * {@code Checkpoint.at(path).loadOrTrain(() -> Networks.lenet300100(42), mnist, recipe)} loads the file when it was
 * trained with that very recipe and otherwise trains a new network with it and saves it there. The recipe (training
 * hyper-parameters and listeners, the data, the starting network's layers and initial parameters) is kept beside the
 * network ({@code <file>.recipe}), so a changed recipe never silently reuses an old network. Dropout rates and
 * masks of the starting network count, and a schedule without a description of its own is recorded by its rates.
 * A network made another way (pruned from a trained one, say) is kept with a recipe text of the caller's
 * ({@link #save(Network, String)}) and reloaded only for the same text ({@link #loadOr(String, Supplier)}).
 * It says in one line on standard output what it did (loaded the file, or why it trains), as a notebook cell
 * should; training's own progress follows {@link Training#progress}.
 *
 * @param file where the network is kept
 */
public record Checkpoint(Path file) {
    /** The recipe file's last line: the checksum of the network file it belongs to. */
    private static final String NETWORK_CRC = "network file CRC32 ";

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

    /**
     * @return the recipe the kept network was made with (trained, or as the caller described it), if it was saved
     *         with one; empty too if the network file
     *         is not the one saved with the recipe (the recipe records the file's checksum: the network and its recipe
     *         are written one after the other, and a crash between the two, or a network saved there by other means,
     *         must not pair a network with another's recipe)
     */
    public Optional<String> recipe() {
        return Optional.ofNullable(kept().recipe());
    }

    /**
     * The kept network's recipe, or (null recipe) why there is none to match, and the network file's bytes that
     * matched it (null without a recipe): the network is decoded from these very bytes, so a file replaced between
     * the check and the load cannot pair with the recipe.
     */
    private record Kept(String recipe, String why, byte[] network) {
    }

    private Kept kept() {
        Path recipe = recipeFile();
        if (!exists() || !Files.isRegularFile(recipe)) {
            return new Kept(null, "none recorded", null);
        }
        String text;
        try {
            text = Files.readString(recipe, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recipe, e);
        }
        int cut = text.lastIndexOf("\n" + NETWORK_CRC);
        if (cut < 0) {
            return new Kept(null, "its recipe was written without the network file's checksum, by an older prune4j",
                    null);
        }
        byte[] network;
        try {
            network = NetworkFile.read(file);
        } catch (ModelFileException e) {
            // gone, unreadable or too big since exists(): no network to pair with the recipe
            return new Kept(null, "the network file cannot be read: " + e.getMessage(), null);
        }
        if (!text.substring(cut + 1 + NETWORK_CRC.length()).equals(crc(network))) {
            // the bytes are not kept: loadOrTrain trains next, and they would stay reachable throughout
            return new Kept(null, "the network file changed after its recipe was written", null);
        }
        return new Kept(text.substring(0, cut), null, network);
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
     * Keeps a network trained in the notebook itself, so that later {@link #loadOrTrain} calls with the same recipe
     * load it: {@code Checkpoint.at(path).save(net, net.fit(mnist, recipe))}.
     *
     * @param network a network trained by {@link Network#fit} (saved atomically)
     * @param history what that {@code fit} returned: the recipe it records (training, data, starting network) is
     *                kept beside the network
     * @return the network
     */
    public Network save(Network network, History history) {
        return save(network, history.recipe());
    }

    /**
     * Keeps a network made by other means than {@link #loadOrTrain} (pruned, say) with a recipe of the caller's:
     * {@link #loadOr(String, Supplier)} with the same text loads it. {@code IterativePruning.recipe(net, data)} is
     * one: {@code Checkpoint.at(path).save(run.network(), schedule.recipe(net, mnist))}.
     *
     * @param network the network (saved atomically)
     * @param recipe  what decides it, as text (kept beside the network, with the checksum of its file)
     * @return the network
     */
    public Network save(Network network, String recipe) {
        if (recipe == null || recipe.isBlank()) {
            throw new IllegalArgumentException("a recipe must say what made the network; use save(network) to keep"
                    + " one without");
        }
        return keep(network, normalised(recipe));
    }

    /** The recipe as the recipe file gives it back: line ends as LF, no surrounding blanks. */
    private static String normalised(String recipe) {
        return recipe.replace("\r\n", "\n").strip();
    }

    private Network keep(Network network, String recipe) {
        byte[] written = NetworkFile.write(network, file);
        try {
            AtomicFile.write(recipeFile(), (recipe + "\n" + NETWORK_CRC + crc(written) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + recipeFile(), e);
        }
        return network;
    }

    /**
     * Loads whatever network is kept, however it was made; {@link #loadOr(String, Supplier)} loads it only for the
     * same recipe.
     *
     * @param make makes the network when there is no file (e.g. trains and prunes it); it is then saved
     * @return the loaded or newly made network
     */
    public Network loadOr(Supplier<Network> make) {
        if (exists()) {
            return loaded(NetworkFile.read(file));
        }
        System.out.println("No " + file + " yet: making it");
        return save(make.get());
    }

    /**
     * Loads the kept network if it was saved with exactly this recipe ({@link #save(Network, String)}), else makes
     * it, keeps it with the recipe and says in one line why: a network derived from another (pruned from a trained
     * one, say) is not reused once what it was derived from has changed.
     *
     * @param recipe what decides the network, e.g. {@code schedule.recipe(net, mnist)} for a pruned one
     * @param make   makes it when the kept one does not match
     * @return the loaded or newly made network
     */
    public Network loadOr(String recipe, Supplier<Network> make) {
        if (recipe == null || recipe.isBlank()) {
            throw new IllegalArgumentException("a recipe must say what makes the network; use loadOr(make) to load"
                    + " whatever is kept");
        }
        String wanted = normalised(recipe);
        Kept kept = exists() ? kept() : null;
        if (kept != null && wanted.equals(kept.recipe())) {
            return loaded(kept.network());
        }
        System.out.println(whyNotLoaded(kept, wanted) + ": making it");
        return keep(make.get(), wanted);
    }

    /**
     * @param fresh    makes the untrained network (called every time: its layers and initial parameters are part
     *                 of the recipe a kept network is matched against)
     * @param data     data to train on
     * @param training the recipe
     * @return the loaded or newly trained network
     */
    public Network loadOrTrain(Supplier<Network> fresh, ImageDataset data, Training training) {
        Network network = fresh.get();
        String wanted = recipe(network, data, training);
        Kept kept = exists() ? kept() : null;
        if (kept != null && wanted.equals(kept.recipe())) {
            return loaded(kept.network());
        }
        System.out.println(whyNotLoaded(kept, wanted) + ": training " + training);
        network.fit(data, training);
        return save(network, wanted);
    }

    /**
     * Everything that decides the trained network: the training recipe (optimizer with all its hyper-parameters,
     * schedule, epochs, batch, seed, listeners), the data (name and sizes) and the starting network (layers and a
     * checksum of its initial parameters, so another initialisation seed counts as another recipe).
     *
     * @param start    the network training starts from
     * @param data     the data it trains on
     * @param training the recipe
     * @return the text {@link #loadOrTrain} matches (also the start of a recipe for a network derived by training)
     */
    public static String recipe(Network start, ImageDataset data, Training training) {
        return recipe(start, data.train().name(), data.train().size(), data.test().size(), training);
    }

    /**
     * {@link #recipe(Network, ImageDataset, Training)} from the training split's name and the sizes (the split's
     * name, so that {@code fit(data, ...)} and {@code fit(data.train(), data.test(), ...)} record the same data).
     */
    static String recipe(Network start, String data, int trainSize, int testSize, Training training) {
        StringBuilder s = new StringBuilder(training.describe(describe(training.optimizer()), schedule(training)));
        for (TrainingListener l : training.listeners()) {
            s.append("; listener ").append(describe(l));
        }
        return s.append('\n').append(origin(start, data, trainSize, testSize)).toString();
    }

    /**
     * The part of a recipe that is not training: the data (name and sizes) and the starting network (layers and a
     * checksum of its parameters), for a network derived from another by other means than training alone.
     *
     * @param start the network it starts from
     * @param data  the data it uses
     * @return two lines, "data ..." and "starting from ..."
     */
    public static String origin(Network start, ImageDataset data) {
        return origin(start, data.train().name(), data.train().size(), data.test().size());
    }

    private static String origin(Network start, String data, int trainSize, int testSize) {
        StringBuilder s = new StringBuilder("data ").append(data).append(" (").append(trainSize).append(" train, ")
                .append(testSize).append(" test)");
        CRC32 crc = new CRC32();
        StringBuilder layers = new StringBuilder();
        for (DenseLayer layer : start.layers()) {
            layers.append(' ').append(layer.name()).append(' ').append(layer.inputs()).append('x')
                    .append(layer.outputs()).append(' ').append(layer.activation().name());
            if (layer.dropout() > 0) {
                layers.append(" dropout ").append(layer.dropout());
            }
            update(crc, layer.weightArray());
            update(crc, layer.biasArray());
            if (layer.hasMask()) {
                // the mask holds pruned weights at zero through training: another mask is another recipe
                CRC32 maskCrc = new CRC32();
                update(maskCrc, layer.mask().map(HostCopy::toFloats).orElseThrow());
                layers.append(String.format(" masked (CRC32 %08x)", maskCrc.getValue()));
            }
        }
        s.append("\nstarting from ").append(start.name()).append(':').append(layers)
                .append(String.format(", initial parameters CRC32 %08x", crc.getValue()));
        return s.toString();
    }

    /** Adds the values' float32 bits, big-endian, to the checksum. */
    private static void update(CRC32 crc, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
        bytes.asFloatBuffer().put(values);
        crc.update(bytes.array());
    }

    /** @return why the kept network (null: no file) is not the one wanted, as the start of a line */
    private String whyNotLoaded(Kept kept, String wanted) {
        return kept == null ? "No " + file + " yet"
                : kept.recipe() != null ? file + " was made by another recipe (" + difference(kept.recipe(), wanted) + ")"
                : file + " has no recipe to match (" + kept.why() + ")";
    }

    /** @return the first line where two recipes differ, as "kept ..., now ..." */
    private static String difference(String kept, String wanted) {
        String[] a = kept.split("\n");
        String[] b = wanted.split("\n");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equals(y)) {
                return "kept: " + (x.isEmpty() ? "nothing" : x) + "; now: " + (y.isEmpty() ? "nothing" : y);
            }
        }
        return "same";
    }

    /**
     * An object's own description if it has one, else its class: an object's default text, and a lambda's class
     * name, change from run to run, so they would never match a kept recipe. A lambda is named by the class that
     * wrote it.
     */
    private static String describe(Object o) {
        Class<?> type = o.getClass();
        if (lambda(type)) {
            String name = type.getName();
            int cut = name.indexOf("$$Lambda");
            return "a lambda of " + (cut > 0 ? name.substring(0, cut) : name);
        }
        return describesItself(o) ? o.toString() : type.getName();
    }

    private static boolean lambda(Class<?> type) {
        return type.isHidden() || type.isSynthetic();
    }

    /**
     * @param o an object a recipe would name by its {@code toString}
     * @return whether that text describes it the same way in every run: not a lambda, and a {@code toString} of its
     *         own (Object's names the instance)
     */
    public static boolean describesItself(Object o) {
        if (lambda(o.getClass())) {
            return false;
        }
        try {
            return o.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * The schedule by its own description, or, for one without (a lambda, say), by the rates it gives each epoch of
     * this run: exactly what decides the training, and the same text in every run.
     */
    private static String schedule(Training training) {
        LearningRate schedule = training.schedule();
        if (describesItself(schedule)) {
            return schedule.toString();
        }
        StringBuilder rates = new StringBuilder("rates");
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            rates.append(epoch == 0 ? " " : ", ")
                    .append(schedule.at(training.optimizer().learningRate(), epoch, training.epochs()));
        }
        return rates.toString();
    }

    private Network loaded(byte[] bytes) {
        Network network = NetworkFile.decode(bytes, file);
        System.out.println("Loaded " + network.name() + " from " + file);
        return network;
    }

    /** @return the CRC32 of a network file's bytes, as 8 hex digits */
    private static String crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }

    private Path recipeFile() {
        return file.resolveSibling(file.getFileName() + ".recipe");
    }
}
