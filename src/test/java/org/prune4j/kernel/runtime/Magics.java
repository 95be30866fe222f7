package org.prune4j.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;
import java.util.List;

/**
 * {@code lineMagic} and {@code cellMagic}: what {@code %name args} and {@code %%name args} lines are
 * rewritten to (see {@code MagicsTransformer}), callable directly as in IJava.
 */
public final class Magics {
    private Magics() {
    }

    /**
     * Runs a line magic.
     *
     * @param name the magic's name, without {@code %}
     * @param args its arguments
     * @param <T>  whatever the magic returns ({@code %jars} returns the list of paths added)
     * @return the magic's result
     */
    public static <T> T lineMagic(String name, List<String> args) {
        try {
            return Kernel.requireKernel().getMagics().applyLineMagic(name, args);
        } catch (UndefinedMagicException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(String.format("Exception occurred while running line magic '%s': %s",
                    name, e.getMessage()), e);
        }
    }

    /**
     * Runs a cell magic.
     *
     * @param name the magic's name, without {@code %%}
     * @param args its arguments
     * @param body the rest of the cell
     * @param <T>  whatever the magic returns
     * @return the magic's result
     */
    public static <T> T cellMagic(String name, List<String> args, String body) {
        try {
            return Kernel.requireKernel().getMagics().applyCellMagic(name, args, body);
        } catch (UndefinedMagicException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(String.format("Exception occurred while running cell magic '%s': %s",
                    name, e.getMessage()), e);
        }
    }
}
