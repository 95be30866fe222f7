package org.prune4j.kernel;

import io.github.spencerpark.jupyter.kernel.magic.CellMagicParseContext;
import io.github.spencerpark.jupyter.kernel.magic.LineMagicParseContext;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites magics into ordinary Java calls before a cell reaches JShell, with IJava 1.3.0's syntax:
 * <ul>
 *   <li>a line magic is {@code %name args...} at the start of a line (or right after {@code =}, so
 *       {@code List<String> added = %jars lib/*.jar} works); it becomes a call to
 *       {@link org.prune4j.kernel.runtime.Magics#lineMagic} followed by an empty block, so a cell made of
 *       magics shows no output;</li>
 *   <li>a cell magic is a first line {@code %%name args...}; the rest of the cell is its body.</li>
 * </ul>
 * Arguments are split on blanks (double quotes group) and passed as Base64 literals, so no quoting
 * issue can reach the Java source. A {@code %} inside a string literal is left alone.
 *
 * <p>The generated text is IJava's, character for character: {@code lineMagic}, {@code List} and
 * {@code Base64} unqualified, decoded with the platform charset. So a cell that breaks IJava's magics breaks
 * them here too, and CI notices: after {@code import java.awt.*;} the {@code List} of the rewritten magic is
 * ambiguous (java.awt.List or java.util.List), and a user's own {@code List} or {@code lineMagic} shadows it.
 */
public final class MagicsTransformer {
    private static final Pattern UNESCAPED_QUOTE = Pattern.compile("(?<!\\\\)\"");

    private final MagicParser parser = new MagicParser("(?<=(?:^|=))\\s*%", "%%");

    /**
     * Transforms the magics of a cell.
     *
     * @param cell the cell source
     * @return Java source with every magic replaced by a runtime call
     */
    public String transform(String cell) {
        CellMagicParseContext cellMagic = parser.parseCellMagic(cell);
        if (cellMagic != null) {
            return String.format("cellMagic(%s,%s,%s);{};",
                    literal(cellMagic.getMagicCall().getName()), list(cellMagic.getMagicCall().getArgs()),
                    literal(cellMagic.getMagicCall().getBody()));
        }
        return parser.transformLineMagics(cell, this::transformLine);
    }

    private String transformLine(LineMagicParseContext ctx) {
        boolean inString = false;
        Matcher m = UNESCAPED_QUOTE.matcher(ctx.getLinePrefix());
        while (m.find()) {
            inString = !inString;
        }
        if (inString) {
            return ctx.getRaw();
        }
        return String.format("lineMagic(%s,%s);{};",
                literal(ctx.getMagicCall().getName()), list(ctx.getMagicCall().getArgs()));
    }

    private static String list(List<String> args) {
        return args.stream().map(MagicsTransformer::literal)
                .collect(Collectors.joining(",", "List.of(", ")"));
    }

    private static String literal(String s) {
        // the platform charset both ways, as IJava (the kernel and the snippets share one JVM)
        String b64 = Base64.getEncoder().encodeToString(s.getBytes());
        return "new String(Base64.getDecoder().decode(\"" + b64 + "\"))";
    }
}
