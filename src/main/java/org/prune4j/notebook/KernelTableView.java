package org.prune4j.notebook;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

/**
 * The {@link TableView} handed out inside a Jupyter JVM kernel: basekernel's {@code Renderer} finds
 * {@link DisplayDataRenderable} with an {@code instanceof} test before any type registration, and asks it for
 * {@code text/html} (preferred) and {@code text/plain}.
 *
 * <p>This is the only class of the library compiled against basekernel. It is loaded only after
 * {@link KernelDisplay} has seen basekernel's interface on the class path, so outside a kernel nothing here is
 * touched and nothing fails.
 */
final class KernelTableView extends TableView implements DisplayDataRenderable {
    // handed to the kernel on every display: unmodifiable, so no caller can change what every table offers
    private static final Set<MIMEType> TYPES = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)));

    private KernelTableView(Table table) {
        super(table);
    }

    /** Called through a static method so that the caller's bytecode never names this class as a value type. */
    static TableView create(Table table) {
        return new KernelTableView(table);
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return TYPES;
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return TYPES;
    }

    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html());
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text());
    }
}
