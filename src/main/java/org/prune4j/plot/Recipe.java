package org.prune4j.plot;

/** How to lay out a figure at a given size, so a {@link Plot} can be re-rendered bigger or retitled. */
@FunctionalInterface
interface Recipe {
    /**
     * @param width  pixels
     * @param height pixels
     * @param title  a title that replaces the default, or null for the default
     * @return the figure
     */
    Figure draw(int width, int height, String title);
}
