package dev.whiskstudio.app.debug;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our source map reader: the VLQ numbers, the segments both ways, and how a bundle finds its map and sources. */
class SourceMapTest {
    @TempDir
    Path dir;

    private static int decodeOne(String vlq) {
        return new Base64Vlq.Reader(vlq, 0).next();
    }

    @Test
    void vlqNumbersDecodeAsTheSpecWritesThem() {
        assertEquals(0, decodeOne("A"));
        assertEquals(1, decodeOne("C"));
        assertEquals(-1, decodeOne("D"));
        assertEquals(15, decodeOne("e"));
        assertEquals(16, decodeOne("gB"));
        assertEquals(123, decodeOne("2H"));
        assertEquals(-123, decodeOne("3H"));
        for (int n : new int[]{0, 1, -1, 31, 32, -32, 1000, -4096, 123_456_789, Integer.MAX_VALUE, -Integer.MAX_VALUE}) {
            assertEquals(n, decodeOne(Base64Vlq.encode(n)), "round trip of " + n);
        }
        Base64Vlq.Reader reader = new Base64Vlq.Reader("AAgBC", 0);
        assertEquals(List.of(0, 0, 16, 1), List.of(reader.next(), reader.next(), reader.next(), reader.next()));
        assertThrows(IllegalArgumentException.class, () -> decodeOne("g"), "ends inside a number");
        assertThrows(IllegalArgumentException.class, () -> decodeOne("!"));
    }

    @Test
    void segmentsAreFoundFromEitherSide() {
        // line 0: col 0 -> a.js 0:0, col 10 -> a.js 2:4, col 20 -> unmapped; line 1 empty; line 2: col 4 -> b.js 0:0
        String json = new SourceMapWriter(List.of("a.js", "b.js"))
                .map(0, 0, 0, 0, 0).map(0, 10, 0, 2, 4).map(0, 20, -1, -1, -1).map(2, 4, 1, 0, 0).json();
        SourceMap map = SourceMap.parse(json);
        assertEquals(List.of("a.js", "b.js"), map.sources());

        assertEquals(Optional.of(new SourceMap.Segment(0, 10, 0, 2, 4)), map.originalFor(0, 15));
        assertEquals(0, map.originalFor(0, 9).orElseThrow().originalLine());
        assertEquals(Optional.empty(), map.originalFor(0, 25), "code the bundler added");
        assertEquals(Optional.empty(), map.originalFor(1, 0), "a line without segments");
        assertEquals(1, map.originalFor(2, 0).orElseThrow().source(), "before the first segment: the line's first");

        assertEquals(new SourceMap.Segment(0, 10, 0, 2, 4), map.generatedFor(0, 2).orElseThrow());
        assertEquals(new SourceMap.Segment(0, 10, 0, 2, 4), map.generatedFor(0, 1).orElseThrow(),
                "a line without code moves to the next one that has some");
        assertEquals(Optional.empty(), map.generatedFor(0, 3), "nothing after the last mapped line");
        assertEquals(new SourceMap.Segment(2, 4, 1, 0, 0), map.generatedFor(1, 0).orElseThrow());
    }

    @Test
    void unsupportedMapsSayWhy() {
        assertEquals("Indexed source maps (with \"sections\") are not supported.", assertThrows(
                IllegalArgumentException.class, () -> SourceMap.parse("{\"version\":3,\"sections\":[]}"))
                .getMessage());
        assertEquals("Only version 3 source maps are supported, not version 2.", assertThrows(
                IllegalArgumentException.class, () -> SourceMap.parse("{\"version\":2,\"mappings\":\"\"}"))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SourceMap.parse(
                "{\"version\":3,\"sources\":[\"a.js\"],\"mappings\":\"AACA,AEAA\"}")).getMessage()
                .contains("outside its sources"));
    }

    @Test
    void aBundleFindsAMapFileBesideItAndResolvesItsSources() throws IOException {
        Path dist = Files.createDirectories(dir.resolve("dist"));
        Path bundle = dist.resolve("app.js");
        Files.writeString(bundle, "x();\n//# sourceMappingURL=app.js.map\n");
        String json = "{\"version\":3,\"sourceRoot\":\"../src\",\"sources\":[\"a.js\",\"webpack://app/./lib/b.js\","
                + "\"" + FileUrls.of(dir.resolve("abs.js").toString()) + "\"],\"mappings\":\"AAAA\"}";
        Files.writeString(dist.resolve("app.js.map"), json);

        SourceMappedBundle mapped = SourceMappedBundle.load(bundle, SourceMapping.script(bundle), null);
        assertEquals(List.of(dir.resolve("src/a.js"), dist.resolve("lib/b.js"), dir.resolve("abs.js")),
                mapped.sourceFiles(), "sourceRoot for the relative name, the map's folder for the scheme's path,"
                        + " a file URL's own path");

        SourceMappedBundle withBase = SourceMappedBundle.load(bundle, SourceMapping.script(bundle), dir);
        assertEquals(dir.resolve("lib/b.js"), withBase.sourceFiles().get(1), "under the bundler's context");
    }

    @Test
    void aBundleWithoutAMapSaysSo() throws IOException {
        Path bundle = dir.resolve("plain.js");
        Files.writeString(bundle, "console.log(1);\n");
        IOException e = assertThrows(IOException.class,
                () -> SourceMapping.sourceMapped(bundle, SourceMapping.script(bundle)));
        assertEquals("plain.js has no //# sourceMappingURL comment and no plain.js.map beside it.", e.getMessage());

        Files.writeString(bundle, "x();\n//# sourceMappingURL=missing.map\n");
        assertTrue(assertThrows(IOException.class, () -> SourceMapping.sourceMapped(bundle,
                SourceMapping.script(bundle))).getMessage().endsWith("does not exist."));
    }
}
