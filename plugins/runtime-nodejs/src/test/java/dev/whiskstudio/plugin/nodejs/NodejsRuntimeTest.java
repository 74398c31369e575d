package dev.whiskstudio.plugin.nodejs;

import dev.whiskstudio.plugin.PluginRegistry;
import dev.whiskstudio.plugin.ProxyLaunch;
import dev.whiskstudio.plugin.ProxyRequest;
import dev.whiskstudio.plugin.RuntimeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin's Java side: kinds, commands, and the proxy files' installation. No process is started here. */
class NodejsRuntimeTest {

    @TempDir
    Path temp;

    @Test
    void offersThreeNodeKindsWithTwentyAsDefault() {
        List<RuntimeKind> kinds = new NodejsRuntime("node", temp).kinds();

        assertEquals(List.of("nodejs:18", "nodejs:20", "nodejs:22"), kinds.stream().map(RuntimeKind::kind).toList());
        assertEquals(List.of("nodejs:20"), kinds.stream().filter(RuntimeKind::isDefault).map(RuntimeKind::kind).toList());
        assertTrue(kinds.stream().allMatch(k -> k.family().equals("nodejs")));
    }

    @Test
    void isFoundThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

        assertInstanceOf(NodejsRuntime.class, registry.runtimeFor("nodejs:22"));
    }

    @Test
    void launchRunsTheInstalledProxyWithAHeapLimitAndTheRequestsPortAndScratchDir() throws Exception {
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        NodejsRuntime runtime = new NodejsRuntime("/opt/node/bin/node", temp.resolve("cache"));

        ProxyLaunch launch = runtime.launch(new ProxyRequest("nodejs:18", 40123, 256, scratch));

        assertEquals(3, launch.command().size());
        assertEquals("/opt/node/bin/node", launch.command().get(0));
        assertEquals("--max-old-space-size=204", launch.command().get(1));
        Path proxy = Path.of(launch.command().get(2));
        assertEquals("proxy.js", proxy.getFileName().toString());
        assertTrue(proxy.startsWith(temp.resolve("cache")));
        assertArrayEquals(runtime.proxyFiles().get("proxy.js"), Files.readAllBytes(proxy));
        assertEquals(Map.of("__OW_PROXY_PORT", "40123", "__OW_PROXY_WORKDIR", scratch.toAbsolutePath().toString()),
                launch.environment());
        assertEquals(scratch, launch.workingDir());
    }

    @Test
    void heapLimitLeavesRoomForMemoryOutsideTheHeap() {
        assertEquals(102, NodejsRuntime.heapLimitMb(128));
        assertEquals(409, NodejsRuntime.heapLimitMb(512));
        assertEquals(16, NodejsRuntime.heapLimitMb(8));
        assertEquals(0, NodejsRuntime.heapLimitMb(0));
    }

    @Test
    void noHeapFlagWithoutAMemoryLimit() {
        ProxyLaunch launch = new NodejsRuntime("node", temp).launch(new ProxyRequest("nodejs:20", 0, 0, temp));

        assertEquals(2, launch.command().size());
    }

    @Test
    void refusesOtherKinds() {
        NodejsRuntime runtime = new NodejsRuntime("node", temp);
        ProxyRequest python = new ProxyRequest("python:3", 0, 256, temp);

        assertThrows(IllegalArgumentException.class, () -> runtime.launch(python));
        assertThrows(IllegalArgumentException.class, () -> runtime.containerCommand(python, "/usr/bin/node"));
    }

    @Test
    void containerCommandUsesTheImagesProxyAndListensOnTheContainersInterfaces() {
        List<String> command = new NodejsRuntime("node", temp)
                .containerCommand(new ProxyRequest("nodejs:22", 8080, 1024, temp), "/usr/local/bin/node");

        assertEquals(List.of("/usr/local/bin/node", "--max-old-space-size=819", "/proxy/proxy.js", "--host=127.0.0.1",
                "--port=8080"), command);
    }

    @Test
    void aDebugLaunchPutsTheInspectorOnALoopbackPortBeforeTheProxyScript() throws Exception {
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        NodejsRuntime runtime = new NodejsRuntime("node", temp.resolve("cache"));

        List<String> command = runtime.launch(new ProxyRequest("nodejs:20", 0, 256, scratch, true)).command();

        assertEquals(List.of("node", "--inspect=127.0.0.1:0", "--max-old-space-size=204"), command.subList(0, 3));
        assertTrue(command.get(3).endsWith("proxy.js"));
        assertTrue(runtime.supportsInspector());
    }

    @Test
    void aDebugContainerCommandAlsoKeepsTheActionInTheScratchDirectory() {
        List<String> command = new NodejsRuntime("node", temp)
                .containerCommand(new ProxyRequest("nodejs:20", 0, 256, Path.of("/tmp"), true), "/usr/local/bin/node");

        assertEquals(List.of("/usr/local/bin/node", "--inspect=127.0.0.1:0", "--max-old-space-size=204",
                "/proxy/proxy.js", "--host=127.0.0.1", "--port=0", "--workdir=/tmp"), command);
    }

    @Test
    void proxyFilesAreTheScriptsTheProxyRequires() {
        Map<String, byte[]> files = new NodejsRuntime("node", temp).proxyFiles();

        assertEquals(Set.of("proxy.js", "action-host.js", "action-loader.js", "archive.js"), files.keySet());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String text = new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            for (String required : requiredLocalModules(text)) {
                assertTrue(files.containsKey(required + ".js"), file.getKey() + " requires missing " + required);
            }
        }
    }

    @Test
    void installsOncePerContentAndReusesTheCopy() throws Exception {
        Path cache = temp.resolve("cache");
        Path first = Path.of(new NodejsRuntime("node", cache).launch(new ProxyRequest("nodejs:20", 0, 256, temp))
                .command().get(2));
        long modified = Files.getLastModifiedTime(first).toMillis();

        Path second = Path.of(new NodejsRuntime("node", cache).launch(new ProxyRequest("nodejs:20", 0, 256, temp))
                .command().get(2));

        assertEquals(first, second);
        assertEquals(modified, Files.getLastModifiedTime(second).toMillis());
        assertEquals(ProxyScripts.fromClassPath().digest(), first.getParent().getFileName().toString());
    }

    @Test
    void simultaneousInstallsEndWithOneCompleteCopy() throws Exception {
        Path cache = temp.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Path>> installs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                installs.add(() -> new ProxyInstaller(cache).install(ProxyScripts.fromClassPath()));
            }
            Set<Path> dirs = new java.util.HashSet<>();
            for (Future<Path> done : pool.invokeAll(installs, 30, TimeUnit.SECONDS)) {
                dirs.add(done.get());
            }

            assertEquals(1, dirs.size());
            try (Stream<Path> entries = Files.list(cache)) {
                assertEquals(List.of(dirs.iterator().next()), entries.toList(), "staging directories left behind");
            }
            try (Stream<Path> files = Files.list(dirs.iterator().next())) {
                assertEquals(4, files.count());
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void reinstallsWhenTheCacheWasCleared() throws Exception {
        Path cache = temp.resolve("cache");
        NodejsRuntime runtime = new NodejsRuntime("node", cache);
        Path proxy = Path.of(runtime.launch(new ProxyRequest("nodejs:20", 0, 256, temp)).command().get(2));
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        runtime.launch(new ProxyRequest("nodejs:20", 0, 256, temp));

        assertTrue(Files.isRegularFile(proxy));
    }

    private static Set<String> requiredLocalModules(String source) {
        return java.util.regex.Pattern.compile("require\\('\\./([\\w-]+)'\\)").matcher(source).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
    }
}
