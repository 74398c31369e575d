package dev.whiskstudio.app.debug;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User files to script URLs and back, for each kind of action. */
class SourceMappingTest {
    @TempDir
    Path dir;

    @Test
    void fileUrlsAreWrittenAsTheNodeInspectorWritesThem() {
        // what Node.js 20's inspector reported for these paths
        assertEquals("file:///tmp/scratch/we%20ird^|[x]~%C3%A9%25%23/action.js",
                FileUrls.of("/tmp/scratch/we ird^|[x]~é%#/action.js"));
        assertEquals("file:///tmp/scratch/q%22%3C%3E%3F%60%7B%7D/x/m.js", FileUrls.of("/tmp/scratch/q\"<>?`{}\\x/m.js"));
        assertEquals("file:///C:/work/action.js", FileUrls.of("C:\\work\\action.js"));
        assertEquals(Optional.of("/tmp/scratch/we ird^|[x]~é%#/action.js"),
                FileUrls.pathOf("file:///tmp/scratch/we%20ird^|[x]~%C3%A9%25%23/action.js"));
        assertEquals(Optional.of("C:/work/action.js"), FileUrls.pathOf("file:///C:/work/action.js"));
        assertEquals(Optional.empty(), FileUrls.pathOf("node:internal/timers"));
        assertEquals("100%", FileUrls.decode("100%"), "a lone percent sign stays");
        assertEquals("a\\.b\\/c\\-\\[1\\]", FileUrls.jsRegexLiteral("a.b/c-[1]"));
    }

    @Test
    void inlineActionIsItsScriptLineForLine() {
        Path file = dir.resolve("hello.js");
        String url = "file:///work/c1/action.js";
        SourceMapping m = SourceMapping.inlineAction(file, url);
        assertEquals(Optional.of(ScriptLocation.atUrl(url, 6, 0)), m.toScript(file, 7));
        assertEquals(Optional.of(new UserLocation(file, 7, 3)), m.toUser(url, 6, 2));
        assertEquals(Optional.empty(), m.toScript(dir.resolve("other.js"), 7));
        assertEquals(Optional.empty(), m.toUser("file:///work/c1/proxy.js", 6, 2));
        assertEquals(Optional.empty(), m.toUser("file:///work/c2/action.js", 6, 2), "another container's code");
    }

    @Test
    void inlineActionWithoutAKnownUrlMatchesTheProxysFileName() {
        Path file = dir.resolve("hello.js");
        SourceMapping m = SourceMapping.inlineAction(file, null);
        ScriptLocation at = m.toScript(file, 3).orElseThrow();
        assertEquals(2, at.line());
        assertTrue(Pattern.compile(at.urlRegex()).matcher("file:///any/dir/action.js").find());
        assertFalse(Pattern.compile(at.urlRegex()).matcher("file:///any/dir/action.jsx").find());
        assertEquals(3, m.toUser("file:///any/dir/action.js", 2, 0).orElseThrow().line());
    }

    @Test
    void archiveFilesMapByTheirRelativePath() throws Exception {
        Path root = Files.createDirectories(dir.resolve("my project"));
        Path lib = Files.createDirectories(root.resolve("lib"));
        Path calc = Files.writeString(lib.resolve("calc.js"), "exports.add = (a, b) => a + b;\n");

        SourceMapping prefixed = SourceMapping.archive(root, "file:///work/action-x");
        assertEquals(Optional.of(ScriptLocation.atUrl("file:///work/action-x/lib/calc.js", 0, 0)),
                prefixed.toScript(calc, 1));
        assertEquals(Optional.of(new UserLocation(calc, 1, 15)), prefixed.toUser("file:///work/action-x/lib/calc.js",
                0, 14));
        assertEquals(Optional.empty(), prefixed.toUser("file:///work/action-x/node_modules/x/index.js", 0, 0),
                "a file of the archive that the folder does not have");
        assertEquals(Optional.empty(), prefixed.toScript(dir.resolve("outside.js"), 1));

        SourceMapping unpacked = SourceMapping.archiveUnder(root, "/work/dir with space");
        ScriptLocation at = unpacked.toScript(calc, 2).orElseThrow();
        assertEquals(1, at.line());
        Pattern js = Pattern.compile(at.urlRegex()); // the subset of JavaScript regular expressions we write
        assertTrue(js.matcher("file:///work/dir%20with%20space/action-Ab12Cd/lib/calc.js").matches());
        assertFalse(js.matcher("file:///work/dir%20with%20space/lib/calc.js").matches());
        assertFalse(js.matcher("file:///work/dir%20with%20space/action-Ab12Cd/lib/calc.jsx").matches());
        assertEquals(Optional.of(new UserLocation(calc, 2, 1)),
                unpacked.toUser("file:///work/dir%20with%20space/action-Ab12Cd/lib/calc.js", 1, 0));
    }

    @Test
    void mappingsCombineInOrder() {
        Path a = dir.resolve("a.js");
        Path b = dir.resolve("b.js");
        SourceMapping both = SourceMapping.script(a).orElse(SourceMapping.script(b));
        assertEquals(FileUrls.of(b.toString()), both.toScript(b, 1).orElseThrow().url());
        assertEquals(a, both.toUser(FileUrls.of(a.toString()), 0, 0).orElseThrow().file());
        assertEquals(Optional.empty(), SourceMapping.none().toScript(a, 1));
    }
}
