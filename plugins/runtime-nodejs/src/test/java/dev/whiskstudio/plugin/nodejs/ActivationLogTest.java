package dev.whiskstudio.plugin.nodejs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentinel line that ends each activation's logs on stdout and stderr, after the action's own output. */
class ActivationLogTest extends ProxyTestSupport {

    @Test
    void eachRunEndsWithSentinelsAfterTheActionsOutputOnBothStreams() {
        ProxyProcess proxy = startInitialized("let n = 0;\n"
                + "async function main() {\n"
                + "  n++; console.log('out ' + n); console.error('err ' + n);\n"
                + "  await new Promise(r => setTimeout(r, 5));\n"
                + "  console.log('out after await ' + n);\n"
                + "  return { n };\n}");

        for (int run = 1; run <= 3; run++) {
            assertEquals(run, proxy.post("/run", runBody(Map.of())).body().get("n").asInt());
            assertEquals(List.of("out " + run, "out after await " + run), proxy.stdoutUntilSentinel());
            assertEquals(List.of("err " + run), proxy.stderrUntilSentinel());
        }
    }

    @Test
    void successfulInitWritesNoSentinel() {
        ProxyProcess proxy = startInitialized("console.log('loading'); function main() { return {}; }");

        proxy.post("/run", runBody(Map.of()));

        assertEquals(List.of("loading"), proxy.stdoutUntilSentinel());
        assertEquals(List.of(), proxy.stderrUntilSentinel());
    }

    @Test
    void failedInitIsAnActivationWithItsReasonLogged() {
        ProxyProcess proxy = startProxy();

        proxy.post("/init", initBody("main", "function notMain() {}", false, Map.of()));

        assertEquals(List.of(), proxy.stdoutUntilSentinel());
        assertEquals(List.of("Error during initialization: Action entrypoint 'main' is not a function."),
                proxy.stderrUntilSentinel());
    }

    @Test
    void errorsAndBadResultsAreLoggedBeforeTheSentinel() {
        ProxyProcess proxy = startInitialized("function main(p) { if (p.throw) throw new Error('kaput'); return 3; }");

        proxy.post("/run", runBody(Map.of()));
        assertEquals(List.of(), proxy.stdoutUntilSentinel());
        assertEquals(List.of("Result must be of type object but has type \"number\": 3"), proxy.stderrUntilSentinel());

        proxy.post("/run", runBody(Map.of("throw", true)));
        assertEquals(List.of(), proxy.stdoutUntilSentinel());
        List<String> errorLines = proxy.stderrUntilSentinel();
        assertEquals("Error: kaput", errorLines.get(0));
        assertTrue(errorLines.size() > 1 && errorLines.get(1).trim().startsWith("at "), errorLines.toString());
    }

    @Test
    void refusedRequestsAreNotActivations() {
        ProxyProcess proxy = startProxy();
        proxy.post("/run", runBody(Map.of()));
        proxy.post("/init", initBody("main", "", false, Map.of()));
        proxy.post("/init", initBody("main", "function main() { console.log('ran'); return {}; }", false, Map.of()));

        proxy.post("/run", runBody(Map.of()));

        // The refused /run and /init wrote only their diagnostics, no sentinel: the first sentinel is the run's.
        assertEquals(List.of("ran"), proxy.stdoutUntilSentinel());
    }
}
