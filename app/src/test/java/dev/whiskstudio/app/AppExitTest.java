package dev.whiskstudio.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app ended by a signal (a desktop's logout, kill, Ctrl+C) still stops its embedded simulator: the simulator's
 * containers are the app's child processes, and none may outlive it.
 */
class AppExitTest {
    @TempDir
    Path temp;

    @Test
    void aSignalledAppLeavesNoContainerProcessBehind() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + StartupReport.PROPERTY + "=true",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Duser.home=" + temp.resolve("home"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                Launcher.class.getName(), "--port=0", "--data-dir=" + temp.resolve("data")));
        Process app = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            boolean running = false;
            while (!running && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                running = line.startsWith(StartupReport.PREFIX + "simulator-running");
            }
            assertTrue(running, "the app's simulator did not start");
            // the openwhisk profile keeps stem cells: node processes that are the app's children
            List<ProcessHandle> containers = List.of();
            while (containers.size() < 2 && System.nanoTime() < deadline) {
                containers = app.descendants().filter(p -> p.info().command().orElse("").contains("node")).toList();
                Thread.sleep(100);
            }
            assertTrue(containers.size() >= 2, "stem cells: " + containers);

            app.destroy(); // SIGTERM
            assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the app did not end on SIGTERM");
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (containers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), containers.stream().filter(ProcessHandle::isAlive).toList(),
                    "container processes left running");
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }
}
