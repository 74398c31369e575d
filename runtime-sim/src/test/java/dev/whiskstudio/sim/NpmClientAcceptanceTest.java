package dev.whiskstudio.sim;

import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Acceptance: the official {@code openwhisk} npm client, at the version pinned in {@code src/test/npm-client}, works
 * against the simulator as against the platform. {@code crud.js} creates, reads, updates, lists and deletes entities
 * and checks the platform's errors; {@code invoke.js} invokes actions (blocking, non-blocking, failing, too large,
 * throttled) and reads their activations, logs and results; {@code compose.js} runs a sequence, fetches a web action
 * with plain HTTP and fires a trigger through a rule. Needs Node.js 18+ and npm on the PATH, as the README says.
 * <p>
 * The client is installed once into {@code target/npm-client} and again only when its lock file changes, so reruns
 * need no registry.
 */
class NpmClientAcceptanceTest {
    private static final int MIN_NODE_MAJOR = 18;
    private static final Duration VERSION_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    /** crud.js makes a few dozen requests, one of them with 48 MB of code; it takes seconds. */
    private static final Duration CRUD_SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final String LOCK = "package-lock.json";
    /** The lock of the last successful {@code npm ci}, kept beside {@code node_modules} to tell whether it is stale. */
    private static final String INSTALLED_LOCK = ".installed-package-lock.json";
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");

    /**
     * invoke.js's throttle checks make this many activations in one namespace within a clock minute; its main
     * namespace makes about fifteen. Low enough to reach in a second or two, high enough for the rest of the script.
     */
    private static final int INVOCATIONS_PER_MINUTE = 30;
    /** invoke.js holds this many activations in flight to see the next one refused. */
    private static final int CONCURRENT_INVOCATIONS = 3;
    /**
     * invoke.js makes about a hundred requests, which take seconds; besides it may wait up to 10 s for room in the
     * clock minute (twice), once for a fresh minute when the minute turns during a throttle check (at most 60 s), for
     * activations held in flight 4 s each, and, when records do not show up, up to 15 s per record it looks for.
     */
    private static final Duration INVOKE_SCRIPT_TIMEOUT = Duration.ofMinutes(5);
    /** The throttle checks' namespaces: the throttles count per namespace, so each check has one to itself. */
    private static final Credential THROTTLED = Credential.parse("acc-throttled",
            "6a1f6f0e-5d2b-4c57-9a3e-0c0f1b6d7a01:throttled-key-for-acceptance-tests");
    private static final Credential CROWDED = Credential.parse("acc-crowded",
            "6a1f6f0e-5d2b-4c57-9a3e-0c0f1b6d7a02:crowded-key-for-acceptance-tests");
    private static final Credential COUNTED = Credential.parse("acc-counted",
            "6a1f6f0e-5d2b-4c57-9a3e-0c0f1b6d7a03:counted-key-for-acceptance-tests");

    @TempDir
    Path dataDir;
    @TempDir
    Path logDir;
    private Simulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void officialClientManagesEntitiesAndSeesThePlatformsErrors() throws Exception {
        requireNode();
        Path clientDir = installClient();
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        runScript(clientDir, "crud.js", CRUD_SCRIPT_TIMEOUT,
                Map.of("APIHOST", sim.apiHost(), "AUTH", Credential.GUEST.auth()));
    }

    @Test
    void officialClientInvokesActionsAndReadsTheirActivations() throws Exception {
        requireNode();
        Path clientDir = installClient();
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0)
                .withCredentials(List.of(Credential.GUEST, THROTTLED, CROWDED, COUNTED));
        config = config.withLimits(config.limits().withInvocationsPerMinute(INVOCATIONS_PER_MINUTE)
                .withConcurrentInvocations(CONCURRENT_INVOCATIONS));
        sim = Simulator.start(config);
        runScript(clientDir, "invoke.js", INVOKE_SCRIPT_TIMEOUT, Map.of(
                "APIHOST", sim.apiHost(),
                "AUTH", Credential.GUEST.auth(),
                "THROTTLED_AUTH", THROTTLED.auth(),
                "CROWDED_AUTH", CROWDED.auth(),
                "COUNTED_AUTH", COUNTED.auth(),
                "PER_MINUTE_LIMIT", Integer.toString(INVOCATIONS_PER_MINUTE),
                "CONCURRENT_LIMIT", Integer.toString(CONCURRENT_INVOCATIONS)));
    }

    @Test
    void officialClientRunsSequencesWebActionsAndTriggers() throws Exception {
        requireNode();
        Path clientDir = installClient();
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        runScript(clientDir, "compose.js", CRUD_SCRIPT_TIMEOUT,
                Map.of("APIHOST", sim.apiHost(), "AUTH", Credential.GUEST.auth()));
    }

    /** Runs one of the client scripts with node; it must exit 0 (it prints every failed step otherwise). */
    private void runScript(Path clientDir, String script, Duration timeout, Map<String, String> env) throws Exception {
        Result run = run(clientDir, timeout, env, "node", script);
        System.out.println(script + " output:\n" + run.output());
        assertEquals(0, run.exitCode(), () -> script + " failed against " + sim.apiHost() + ":\n" + run.output());
    }

    /** Fails with what to install when {@code node} or {@code npm} is missing or Node.js is too old. */
    private void requireNode() throws Exception {
        String version = toolVersion("node");
        Matcher major = Pattern.compile("^v?(\\d+)\\.").matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < MIN_NODE_MAJOR) {
            fail("Node.js " + MIN_NODE_MAJOR + "+ is required (see README); found node " + version);
        }
        toolVersion(npm());
    }

    private String toolVersion(String tool) throws Exception {
        Result result;
        try {
            result = run(logDir, VERSION_CHECK_TIMEOUT, Map.of(), tool, "--version");
        } catch (IOException e) {
            return fail("'" + tool + "' was not found on the PATH: this test needs Node.js " + MIN_NODE_MAJOR
                    + "+ with npm (see README). " + e.getMessage());
        }
        if (result.exitCode() != 0) {
            fail("'" + tool + " --version' exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output().trim();
    }

    /**
     * Copies the client's files (not a {@code node_modules} a developer may have made there) into the build
     * directory and runs {@code npm ci} unless the installed modules match the lock.
     */
    private Path installClient() throws Exception {
        Path source = Path.of(System.getProperty("sim.npmClientSource", "src/test/npm-client"));
        Path target = Path.of(System.getProperty("sim.testNodeDir", "target/npm-client"));
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path installedLock = target.resolve("node_modules").resolve(INSTALLED_LOCK);
        boolean upToDate = Files.exists(installedLock) && Files.mismatch(installedLock, target.resolve(LOCK)) == -1;
        if (!upToDate) {
            Result install = run(target, NPM_CI_TIMEOUT, Map.of(), npm(), "ci", "--no-audit", "--no-fund");
            assertEquals(0, install.exitCode(), () -> "npm ci failed in " + target + ":\n" + install.output());
            Files.copy(target.resolve(LOCK), installedLock, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    /**
     * Runs a program and waits at most {@code timeout}; past it the program and its children are killed and the
     * test fails with what they printed. Output goes to a file, so a chatty program never blocks on a full pipe.
     */
    private Result run(Path dir, Duration timeout, Map<String, String> env, String... command) throws Exception {
        Path output = Files.createTempFile(logDir, "process-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s; it printed:\n"
                    + read(output));
        }
        return new Result(process.exitValue(), read(output));
    }

    /** A process's output as text; bytes that are not UTF-8 become replacement characters instead of an error. */
    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    private record Result(int exitCode, String output) {
    }
}
