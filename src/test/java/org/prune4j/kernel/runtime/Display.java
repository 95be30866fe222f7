package org.prune4j.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;
import org.prune4j.kernel.JavaKernel;

/**
 * {@code display}, {@code render} and {@code updateDisplay}, with the signatures and behaviour of
 * IJava's runtime {@code Display}: objects are rendered by the kernel's basekernel {@code Renderer}
 * ({@code RenderedImage} as {@code image/png}, {@code DisplayDataRenderable} as the bundle it fills,
 * {@code CharSequence} as text, anything else as {@code text/plain} of {@code String.valueOf}).
 */
public final class Display {
    private Display() {
    }

    /**
     * Renders an object as its preferred types without publishing it.
     *
     * @param o the object
     * @return the mime bundle
     */
    public static DisplayData render(Object o) {
        return Kernel.requireKernel().getRenderer().render(o);
    }

    /**
     * Renders an object as the requested mime types without publishing it.
     *
     * @param o  the object
     * @param as mime types such as {@code "text/html"}
     * @return the mime bundle
     */
    public static DisplayData render(Object o, String... as) {
        return Kernel.requireKernel().getRenderer().renderAs(o, as);
    }

    /**
     * Renders an object as its preferred types and publishes it as {@code display_data} now, in the
     * middle of the cell.
     *
     * @param o the object
     * @return the display id, usable with {@link #updateDisplay(String, Object)}
     */
    public static String display(Object o) {
        return publish(Kernel.requireKernel(), render(o));
    }

    /**
     * Renders an object as the requested mime types and publishes it as {@code display_data}.
     *
     * @param o  the object
     * @param as mime types such as {@code "text/html"}
     * @return the display id
     */
    public static String display(Object o, String... as) {
        return publish(Kernel.requireKernel(), render(o, as));
    }

    /**
     * Replaces a previous display with a new rendering of an object.
     *
     * @param id the id {@code display} returned
     * @param o  the object
     */
    public static void updateDisplay(String id, Object o) {
        Kernel.requireKernel().getIO().display.updateDisplay(id, render(o));
    }

    /**
     * Replaces a previous display with a rendering of an object as the requested mime types.
     *
     * @param id the id {@code display} returned
     * @param o  the object
     * @param as mime types
     */
    public static void updateDisplay(String id, Object o, String... as) {
        Kernel.requireKernel().getIO().display.updateDisplay(id, render(o, as));
    }

    private static String publish(JavaKernel kernel, DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        kernel.display(data);
        return id;
    }
}
