package dev.whiskstudio.sim.backend.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The image's root file system, without an engine. */
class RuntimeRootFsTest {
    private static final Map<String, byte[]> PROXY = Map.of(
            "proxy.js", "console.log('x')".getBytes(StandardCharsets.UTF_8),
            "lib/helper.js", "module.exports = 1".getBytes(StandardCharsets.UTF_8));

    @Test
    void lddOutputGivesLibrariesAndLoaderButNotTheVdso() throws IOException {
        String output = """
                \tlinux-vdso.so.1 (0x00007ffd5a9f4000)
                \tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f2647a00000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f264781e000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f2647d49000)
                """;
        assertEquals(List.of("/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/lib64/ld-linux-x86-64.so.2"), RuntimeRootFs.parseLdd(output));
    }

    @Test
    void aMissingLibraryIsAnError() {
        IOException e = assertThrows(IOException.class,
                () -> RuntimeRootFs.parseLdd("\tlibfoo.so.1 => not found\n"));
        assertTrue(e.getMessage().contains("libfoo.so.1"), e.getMessage());
    }

    @Test
    void rootFsHoldsNodeItsLibrariesTheProxyAndTmp(@TempDir Path dir) throws Exception {
        RuntimeRootFs rootFs = collectNode(PROXY);
        assertTrue(rootFs.filePaths().contains(rootFs.programPath()));
        assertTrue(rootFs.filePaths().contains("/proxy/proxy.js"));
        assertTrue(rootFs.filePaths().contains("/proxy/lib/helper.js"));
        assertTrue(rootFs.filePaths().stream().anyMatch(p -> p.contains("ld-linux") || p.contains("ld-musl")),
                rootFs.filePaths().toString());

        Path tar = dir.resolve("rootfs.tar");
        try (var out = Files.newOutputStream(tar)) {
            rootFs.writeTar(out);
        }
        String listing = run("tar", "-tvf", tar.toString());
        assertTrue(listing.lines().anyMatch(l -> l.startsWith("drwxrwxrwt") && l.endsWith(" tmp/")), listing);
        assertTrue(listing.lines().anyMatch(l -> l.endsWith(" proxy/lib/helper.js")), listing);
        assertTrue(listing.lines().anyMatch(l -> l.startsWith("-rwxr-xr-x") && l.endsWith(" " + rootFs.programPath().substring(1))),
                listing);
        // The archive's bytes of a file are the file's.
        Path extracted = dir.resolve("x");
        Files.createDirectories(extracted);
        run("tar", "-xf", tar.toString(), "-C", extracted.toString(), "proxy/lib/helper.js");
        assertEquals("module.exports = 1", Files.readString(extracted.resolve("proxy/lib/helper.js")));
    }

    @Test
    void digestChangesExactlyWhenAProxyFileDoes() throws IOException {
        String first = collectNode(PROXY).digest();
        assertEquals(first, collectNode(PROXY).digest());
        Map<String, byte[]> changed = Map.of(
                "proxy.js", "console.log('y')".getBytes(StandardCharsets.UTF_8),
                "lib/helper.js", "module.exports = 1".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(first, collectNode(changed).digest());
    }

    @Test
    void aProxyFileOutsideTheProxyDirectoryIsRefused() {
        assertThrows(IOException.class, () -> collectNode(Map.of("../etc/passwd", new byte[1])));
    }

    @Test
    void aLongPathIsSplitIntoTheUstarPrefix(@TempDir Path dir) throws Exception {
        String deep = "a".repeat(60) + "/" + "b".repeat(60) + "/" + "c".repeat(40) + ".js";
        Path tar = dir.resolve("long.tar");
        try (TarWriter writer = new TarWriter(Files.newOutputStream(tar))) {
            writer.file("/proxy/" + deep, 0644, "x".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("proxy/" + deep, run("tar", "-tf", tar.toString()).strip());
    }

    private static RuntimeRootFs collectNode(Map<String, byte[]> proxy) throws IOException {
        String path = System.getenv("PATH");
        try {
            RuntimeRootFs.findOnPath("node", path);
        } catch (IOException e) {
            assumeTrue(false, "node is not on the PATH");
        }
        return RuntimeRootFs.collect("node", path, proxy);
    }

    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, command[0] + " is not installed");
            throw e;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
