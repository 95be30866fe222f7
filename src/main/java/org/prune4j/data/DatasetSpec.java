package org.prune4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to find, fetch and verify an IDX image data set with a train and a test split.
 *
 * @param name        display name, e.g. "MNIST"
 * @param envVariable environment variable that may name the folder holding the files
 * @param cacheFolder folder name under the default cache ({@code ~/.prune4j/data/})
 * @param trainImages the training images file
 * @param trainLabels the training labels file
 * @param testImages  the test images file
 * @param testLabels  the test labels file
 * @param classNames  one name per class
 * @param systemDirs  read-only folders searched after the cache (e.g. a Debian package's data folder)
 * @param fetchers    ways to fetch the files when they are found nowhere, tried in order
 * @param howToGet    a sentence telling a user how to get the files by hand
 */
public record DatasetSpec(String name, String envVariable, String cacheFolder,
                          DataFile trainImages, DataFile trainLabels, DataFile testImages, DataFile testLabels,
                          List<String> classNames, List<Path> systemDirs, List<Fetcher> fetchers, String howToGet) {

    /** Copies the lists. */
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        systemDirs = List.copyOf(systemDirs);
        fetchers = List.copyOf(fetchers);
    }

    /** @return the four files: train images, train labels, test images, test labels */
    public List<DataFile> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** @return the default cache folder, {@code ~/.prune4j/data/<cacheFolder>} */
    public Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".prune4j", "data", cacheFolder);
    }
}
