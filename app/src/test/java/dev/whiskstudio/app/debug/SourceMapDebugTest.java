package dev.whiskstudio.app.debug;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Breakpoints in the original sources of a bundle that carries an inline source map (written here, with a known
 * mapping), and the paused location shown back in them: a real Node.js process runs the bundle.
 */
class SourceMapDebugTest {
    private static final long WAIT = 10;

    private static final String MATH = String.join("\n",
            "// math helpers",                      // 1
            "function square(n) {",                 // 2
            "  const product = n * n;",             // 3
            "  return product;",                    // 4
            "}",                                    // 5
            "module.exports = { square };",         // 6
            "");
    private static final String MAIN = String.join("\n",
            "const { square } = require('./math');",    // 1
            "function main() {",                        // 2
            "  const result = square(7);",              // 3
            "  console.log('square', result);",         // 4
            "  return result;",                         // 5
            "}",                                        // 6
            "main();",                                  // 7
            "");
    /** The bundle: both files on a few lines, as a minifier leaves them. */
    private static final List<String> BUNDLE = List.of(
            "(function () {",
            "function square(n) { const product = n * n; return product; }",
            "function main() { const result = square(7); console.log('square', result); return result; }",
            "main();",
            "})();");

    @TempDir
    Path dir;
    private NodeScript node;
    private DebugSession session;

    @BeforeEach
    void needsNode() {
        assumeTrue(NodeScript.nodeOnPath(), "node is not on the PATH");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (session != null) {
            session.close().get(WAIT, TimeUnit.SECONDS);
        }
        if (node != null) {
            node.close();
        }
    }

    private static int col(int line, String text) {
        int at = BUNDLE.get(line).indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException(text);
        }
        return at;
    }

    @Test
    void breakpointInAnOriginalSourceStopsTheBundleThereAndShowsItBack() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path math = Files.writeString(src.resolve("math.js"), MATH);
        Path main = Files.writeString(src.resolve("main.js"), MAIN);
        SourceMapWriter map = new SourceMapWriter(List.of("../src/math.js", "../src/main.js"))
                .map(1, 0, 0, 1, 0)
                .map(1, col(1, "const product"), 0, 2, 2)
                .map(1, col(1, "return product"), 0, 3, 2)
                .map(2, 0, 1, 1, 0)
                .map(2, col(2, "const result"), 1, 2, 2)
                .map(2, col(2, "console.log"), 1, 3, 2)
                .map(2, col(2, "return result"), 1, 4, 2)
                .map(3, 0, 1, 6, 0);
        Path dist = Files.createDirectories(dir.resolve("dist"));
        Path bundle = Files.writeString(dist.resolve("bundle.js"),
                String.join("\n", BUNDLE) + "\n" + map.inlineComment() + "\n");
        SourceMapping mapping = SourceMapping.sourceMapped(bundle, SourceMapping.script(bundle));

        node = NodeScript.start(bundle);
        session = new DebugSession(DebugSessionOptions.defaults(Runnable::run));
        session.setBreakpoint(Breakpoint.at(math, 4)).get(WAIT, TimeUnit.SECONDS);
        CompletableFuture<PausedState> pause = session.nextPause();
        session.attach(node.inspectorUrl(), mapping).get(WAIT, TimeUnit.SECONDS);
        PausedState paused = pause.get(WAIT, TimeUnit.SECONDS);

        assertEquals(new UserLocation(math, 4, 3), paused.location().orElseThrow());
        assertEquals(1, paused.topFrame().line(), "the bundle's line");
        assertEquals(new UserLocation(main, 3, 3), paused.frames().get(1).userLocation());
        assertEquals(new UserLocation(main, 7, 1), paused.frames().get(2).userLocation());
        BreakpointStatus status = session.breakpointStatuses().get(0);
        assertEquals(BreakpointStatus.State.BOUND, status.state());
        assertEquals(4, status.line());
        assertEquals("49", session.evaluate("product", paused.topFrame(), EvalPurpose.HOVER)
                .get(WAIT, TimeUnit.SECONDS).text());

        CompletableFuture<PausedState> out = session.nextPause();
        session.stepOut().get(WAIT, TimeUnit.SECONDS);
        assertEquals(new UserLocation(main, 4, 3), out.get(WAIT, TimeUnit.SECONDS).location().orElseThrow());
    }
}
