package dev.whiskstudio.plugin.nodejs;

import dev.whiskstudio.plugin.nodejs.ProxyProcess.Reply;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Actions sent as base64 archives: unpacked, then required like a package. */
class ArchiveActionTest extends ProxyTestSupport {

    private static final String TINY_DEPENDENCY = "module.exports.shout = s => s.toUpperCase() + '!';";

    @Test
    void zipWithPackageMainAndNodeModules() {
        String archive = new ActionArchives()
                .file("package.json", "{\"name\":\"zipped\",\"version\":\"1.0.0\",\"main\":\"lib/entry.js\"}")
                .directory("lib")
                .file("lib/entry.js", "const tiny = require('tiny-dep');\n"
                        + "const words = require('./words.json');\n"
                        + "const fs = require('fs');\n"
                        + "exports.main = p => ({ said: tiny.shout(words.hello + ' ' + p.name),\n"
                        + "  readme: fs.readFileSync('data/readme.txt', 'utf8') });\n")
                .storedFile("lib/words.json", "{\"hello\":\"hello\"}")
                .file("data/readme.txt", "relative reads work")
                .file("node_modules/tiny-dep/package.json", "{\"name\":\"tiny-dep\",\"main\":\"src/index.js\"}")
                .file("node_modules/tiny-dep/src/index.js", TINY_DEPENDENCY)
                .zipBase64();
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", archive, true, Map.of()));
        Reply run = proxy.post("/run", runBody(Map.of("name", "zip")));

        assertEquals(200, init.status(), () -> init.body().toString());
        assertEquals("HELLO ZIP!", run.body().get("said").asText());
        assertEquals("relative reads work", run.body().get("readme").asText());
    }

    @Test
    void zipWithIndexJsAndNoPackageJson() {
        String archive = new ActionArchives()
                .file("index.js", "let runs = 0;\nmodule.exports.main = () => ({ runs: ++runs });")
                .zipBase64();
        ProxyProcess proxy = startProxy();

        proxy.post("/init", initBody("main", archive, true, Map.of()));
        proxy.post("/run", runBody(Map.of()));

        assertEquals(2, proxy.post("/run", runBody(Map.of())).body().get("runs").asInt());
    }

    @Test
    void mainNamingAModuleAndAFunction() {
        String archive = new ActionArchives()
                .file("index.js", "exports.main = () => ({ from: 'index' });")
                .file("other.js", "exports.handlers = { niam: () => ({ from: 'other' }) };")
                .zipBase64();
        ProxyProcess proxy = startProxy();

        assertEquals(200, proxy.post("/init", initBody("other.handlers.niam", archive, true, Map.of())).status());

        assertEquals("other", proxy.post("/run", runBody(Map.of())).body().get("from").asText());
    }

    @Test
    void tarGzArchiveWorksToo() {
        String archive = new ActionArchives()
                .directory("node_modules/tiny-dep")
                .file("node_modules/tiny-dep/index.js", TINY_DEPENDENCY)
                .file("index.js", "exports.main = () => ({ said: require('tiny-dep').shout('tar') });")
                .tarGzBase64();
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", archive, true, Map.of()));

        assertEquals(200, init.status(), () -> init.body().toString());
        assertEquals("TAR!", proxy.post("/run", runBody(Map.of())).body().get("said").asText());
    }

    @Test
    void zipEntryLeavingTheActionDirectoryIsRejected() throws Exception {
        String archive = new ActionArchives()
                .file("index.js", "exports.main = () => ({});")
                .file("../escaped.js", "pwned")
                .zipBase64();
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", archive, true, Map.of()));

        assertEquals(502, init.status());
        assertEquals("Initialization has failed due to: There was an error uncompressing the action Zip archive. "
                + "Entry '../escaped.js' points outside the action directory.", init.error());
        try (var files = Files.walk(temp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().equals("escaped.js")));
        }
    }

    @Test
    void zipWithoutPackageJsonOrIndexIsRejected() {
        String archive = new ActionArchives().file("hello", "Hello world!").zipBase64();
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", archive, true, Map.of()));

        assertEquals(502, init.status());
        assertEquals("Initialization has failed due to: "
                + "Zipped actions must contain either package.json or index.js at the root.", init.error());
    }

    @Test
    void archiveOfUnknownTypeIsRejected() {
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", "bm90IGFuIGFyY2hpdmU=", true, Map.of()));

        assertEquals(502, init.status());
        assertTrue(init.error().contains("The file type is unsupported"), init.error());
    }

    @Test
    void archiveWhoseModuleDoesNotExportMainFailsInit() {
        String archive = new ActionArchives().file("index.js", "exports.other = () => ({});").zipBase64();
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", archive, true, Map.of()));

        assertEquals("Initialization has failed due to: Action entrypoint 'main' is not a function.", init.error());
    }
}
