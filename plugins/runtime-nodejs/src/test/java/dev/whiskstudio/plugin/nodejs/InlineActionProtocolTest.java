package dev.whiskstudio.plugin.nodejs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.plugin.nodejs.ProxyProcess.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /init and /run protocol with inline source, against real proxy processes. */
class InlineActionProtocolTest extends ProxyTestSupport {

    @Test
    void inlineActionRunsWithItsParameters() {
        ProxyProcess proxy = startInitialized("function main(params) { return { greeting: 'Hello, ' + params.name }; }");

        Reply run = proxy.post("/run", runBody(Map.of("name", "Ada")));

        assertEquals(200, run.status());
        assertEquals("Hello, Ada", run.body().get("greeting").asText());
    }

    @Test
    void initAnswersOkTrue() {
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", "function main() { return {}; }", false, Map.of()));

        assertEquals(200, init.status());
        assertEquals("{\"OK\":true}", init.body().toString());
    }

    @Test
    void moduleLevelStateSurvivesAcrossRuns() {
        ProxyProcess proxy = startInitialized("let count = 0;\nfunction main() { count++; return { count }; }");

        for (int expected = 1; expected <= 3; expected++) {
            Reply run = proxy.post("/run", runBody(Map.of()));
            assertEquals(200, run.status());
            assertEquals(expected, run.body().get("count").asInt());
        }
    }

    @Test
    void moduleExportsMainIsTheEntry() {
        ProxyProcess proxy = startInitialized("module.exports = { main: params => ({ echoed: params.x }) };");

        assertEquals(7, proxy.post("/run", runBody(Map.of("x", 7))).body().get("echoed").asInt());
    }

    @Test
    void exportsMainIsTheEntry() {
        ProxyProcess proxy = startInitialized("exports.main = function (params) { return { style: 'exports' }; };");

        assertEquals("exports", proxy.post("/run", runBody(Map.of())).body().get("style").asText());
    }

    @Test
    void nodeBuiltInsCanBeRequired() {
        ProxyProcess proxy = startInitialized("const crypto = require('crypto');\n"
                + "function main(p) { return { hash: crypto.createHash('sha1').update(p.text).digest('hex') }; }");

        Reply run = proxy.post("/run", runBody(Map.of("text", "abc")));

        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", run.body().get("hash").asText());
    }

    @Test
    void mainMayHaveAnotherName() {
        ProxyProcess proxy = startProxy();
        String code = "function main() { return { which: 'main' }; }\nfunction handler() { return { which: 'handler' }; }";

        assertEquals(200, proxy.post("/init", initBody("handler", code, false, Map.of())).status());

        assertEquals("handler", proxy.post("/run", runBody(Map.of())).body().get("which").asText());
    }

    @Test
    void exportedEntryWithAnotherName() {
        ProxyProcess proxy = startProxy();

        proxy.post("/init", initBody("go", "module.exports.go = () => ({ went: true });", false, Map.of()));

        assertTrue(proxy.post("/run", runBody(Map.of())).body().get("went").asBoolean());
    }

    @Test
    void promiseResultIsAwaited() {
        ProxyProcess proxy = startInitialized("function main(p) {\n"
                + "  return new Promise(resolve => setTimeout(() => resolve({ late: p.n * 2 }), 20));\n}");

        Reply run = proxy.post("/run", runBody(Map.of("n", 21)));

        assertEquals(200, run.status());
        assertEquals(42, run.body().get("late").asInt());
    }

    @Test
    void asyncFunctionResultIsAwaited() {
        ProxyProcess proxy = startInitialized("async function main() { await null; return { async: true }; }");

        assertTrue(proxy.post("/run", runBody(Map.of())).body().get("async").asBoolean());
    }

    @Test
    void rejectedPromiseWithAnErrorIsAnApplicationErrorWithItsFields() {
        ProxyProcess proxy = startInitialized("async function main() {\n"
                + "  const e = new TypeError('no such thing'); e.code = 'E_NOPE'; e.detail = { n: 1 }; throw e;\n}");

        Reply run = proxy.post("/run", runBody(Map.of()));

        assertEquals(200, run.status());
        JsonNode error = run.body().get("error");
        assertEquals("TypeError", error.get("name").asText());
        assertEquals("no such thing", error.get("message").asText());
        assertEquals("E_NOPE", error.get("code").asText());
        assertEquals(1, error.get("detail").get("n").asInt());
        assertTrue(error.get("stack").asText().startsWith("TypeError: no such thing\n"));
    }

    @Test
    void rejectedPromiseWithAValueKeepsTheValue() {
        ProxyProcess proxy = startInitialized("function main(p) {\n"
                + "  if (p.kind === 'object') return Promise.reject({ reason: 'quota', left: 0 });\n"
                + "  if (p.kind === 'string') return Promise.reject('plain words');\n"
                + "  if (p.kind === 'cycle') { const o = { a: 1 }; o.self = o; return Promise.reject(o); }\n"
                + "  return Promise.reject();\n}");

        assertEquals("{\"error\":{\"reason\":\"quota\",\"left\":0}}",
                proxy.post("/run", runBody(Map.of("kind", "object"))).body().toString());
        assertEquals("{\"error\":\"plain words\"}",
                proxy.post("/run", runBody(Map.of("kind", "string"))).body().toString());
        assertEquals("{\"error\":{\"a\":1,\"self\":\"[Circular]\"}}",
                proxy.post("/run", runBody(Map.of("kind", "cycle"))).body().toString());
        Reply empty = proxy.post("/run", runBody(Map.of("kind", "nothing")));
        assertEquals(200, empty.status());
        assertEquals("{\"error\":{}}", empty.body().toString());
    }

    @Test
    void reasonsThatCannotBeSerializedStillAnswer() {
        ProxyProcess proxy = startInitialized("function main(p) {\n"
                + "  if (p.kind === 'toJSON') return Promise.reject({ toJSON() { throw new Error('no'); },"
                + " toString() { return 'odd reason'; } });\n"
                + "  return { get then() { throw new Error('bad then'); } };\n}");

        Reply badToJson = proxy.post("/run", runBody(Map.of("kind", "toJSON")));
        Reply badThen = proxy.post("/run", runBody(Map.of("kind", "then")));

        assertEquals(200, badToJson.status());
        assertEquals("odd reason", badToJson.error());
        assertEquals(200, badThen.status());
        assertEquals("bad then", badThen.body().get("error").get("message").asText());
    }

    @Test
    void resultWithAnErrorFieldIsStillOk() {
        ProxyProcess proxy = startInitialized("function main() { return { error: 'told you' }; }");

        Reply run = proxy.post("/run", runBody(Map.of()));

        assertEquals(200, run.status());
        assertEquals("told you", run.error());
    }

    @Test
    void thrownExceptionIsA502AndEndsTheContainer() {
        ProxyProcess proxy = startInitialized("function main() { throw new Error('boom'); }");

        Reply run = proxy.post("/run", runBody(Map.of()));

        assertEquals(502, run.status());
        assertEquals("An error has occurred: Error: boom", run.error());
        Reply next = proxy.post("/run", runBody(Map.of()));
        assertEquals(403, next.status());
        assertEquals("System not ready, status is stopped.", next.error());
    }

    @Test
    void thrownNonErrorIsStringified() {
        ProxyProcess proxy = startInitialized("function main() { throw 'nooooo'; }");

        assertEquals("An error has occurred: nooooo", proxy.post("/run", runBody(Map.of())).error());
    }

    @Test
    void primitiveResultsAreNotADictionary() {
        ProxyProcess proxy = startInitialized("function main(p) {\n"
                + "  return { number: 42, string: 'text', boolean: true }[p.kind];\n}");

        for (String kind : List.of("number", "string", "boolean")) {
            Reply run = proxy.post("/run", runBody(Map.of("kind", kind)));
            assertEquals(502, run.status(), kind);
            assertEquals("The action did not return a dictionary.", run.error(), kind);
        }
        // Not a dictionary is the action's failure, not the container's: it keeps serving.
        assertEquals(502, proxy.post("/run", runBody(Map.of("kind", "number"))).status());
    }

    @Test
    void resolvedPrimitiveIsNotADictionary() {
        ProxyProcess proxy = startInitialized("async function main() { return 5; }");

        Reply run = proxy.post("/run", runBody(Map.of()));

        assertEquals(502, run.status());
        assertEquals("The action did not return a dictionary.", run.error());
    }

    /** As the platform's runtime: undefined is an empty result; arrays and null (typeof 'object') pass through. */
    @Test
    void undefinedArrayAndNullResultsAreAnsweredAsThePlatformDoes() {
        ProxyProcess proxy = startInitialized("function main(p) {\n"
                + "  if (p.kind === 'array') return [1, 'two'];\n"
                + "  if (p.kind === 'null') return null;\n"
                + "}");

        Reply undefinedResult = proxy.post("/run", runBody(Map.of("kind", "undefined")));
        assertEquals(200, undefinedResult.status());
        assertEquals("{}", undefinedResult.body().toString());
        Reply array = proxy.post("/run", runBody(Map.of("kind", "array")));
        assertEquals(200, array.status());
        assertEquals("[1,\"two\"]", array.body().toString());
        Reply nullResult = proxy.post("/run", runBody(Map.of("kind", "null")));
        assertEquals(200, nullResult.status());
        assertTrue(nullResult.body().isNull());
    }

    @Test
    void unserializableResultIsADeveloperError() {
        ProxyProcess proxy = startInitialized("function main() { const o = {}; o.o = o; return o; }");

        Reply run = proxy.post("/run", runBody(Map.of()));

        assertEquals(502, run.status());
        assertTrue(run.error().startsWith("An error has occurred: TypeError: Converting circular structure to JSON"),
                run.error());
    }

    @Test
    void syntaxErrorFailsInit() {
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", "function main( { return {}; }", false, Map.of()));

        assertEquals(502, init.status());
        assertTrue(init.error().startsWith("Initialization has failed due to: "), init.error());
        assertTrue(init.error().contains("SyntaxError"), init.error());
    }

    @Test
    void exceptionWhileLoadingFailsInitWithMessageAndStack() {
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main",
                "throw new Error('cannot load');\nfunction main() { return {}; }", false, Map.of()));

        assertEquals(502, init.status());
        assertTrue(init.error().startsWith("Initialization has failed due to: Error: cannot load\n    at "),
                init.error());
        assertTrue(init.error().contains("action.js:1"), init.error());
    }

    @Test
    void missingEntryFunctionFailsInit() {
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", "function notMain() { return {}; }", false, Map.of()));

        assertEquals(502, init.status());
        assertEquals("Initialization has failed due to: Action entrypoint 'main' is not a function.", init.error());
    }

    @Test
    void entryThatIsNotAFunctionFailsInit() {
        ProxyProcess proxy = startProxy();

        Reply init = proxy.post("/init", initBody("main", "const main = { not: 'callable' };", false, Map.of()));

        assertEquals("Initialization has failed due to: Action entrypoint 'main' is not a function.", init.error());
    }

    @Test
    void failedInitRefusesLaterRequests() {
        ProxyProcess proxy = startProxy();
        proxy.post("/init", initBody("main", "throw new Error('x');", false, Map.of()));

        Reply again = proxy.post("/init", initBody("main", "function main() { return {}; }", false, Map.of()));
        Reply run = proxy.post("/run", runBody(Map.of()));

        assertEquals(403, again.status());
        assertEquals("System not ready, status is stopped.", again.error());
        assertEquals(403, run.status());
        assertEquals("System not initialized.", run.error());
    }

    @Test
    void missingCodeOrMainIsRefusedAndInitCanBeRetried() {
        ProxyProcess proxy = startProxy();

        Reply noCode = proxy.post("/init", initBody("main", "", false, Map.of()));
        Reply noMain = proxy.post("/init", json(Map.of("value", Map.of("code", "function main() {}"))));
        Reply noValue = proxy.post("/init", "{}");

        for (Reply refused : List.of(noCode, noMain, noValue)) {
            assertEquals(403, refused.status());
            assertEquals("Missing main/no code to execute.", refused.error());
        }
        assertEquals(200, proxy.post("/init", initBody("main", "function main() { return {}; }", false, Map.of()))
                .status());
    }

    @Test
    void secondInitIsRefused() {
        ProxyProcess proxy = startInitialized("function main() { return { first: true }; }");

        Reply second = proxy.post("/init", initBody("main", "function main() { return { second: true }; }", false,
                Map.of()));

        assertEquals(403, second.status());
        assertEquals("Cannot initialize the action more than once.", second.error());
        assertTrue(proxy.post("/run", runBody(Map.of())).body().get("first").asBoolean());
    }

    @Test
    void runBeforeInitIsRefused() {
        ProxyProcess proxy = startProxy();

        Reply run = proxy.post("/run", runBody(Map.of()));

        assertEquals(403, run.status());
        assertEquals("System not initialized.", run.error());
    }

    @Test
    void malformedRequestsAreBadRequests() {
        ProxyProcess proxy = startProxy();

        assertEquals("Bad request.", proxy.post("/init", "{not json").error());
        assertEquals(500, proxy.post("/other", "{}").status());
    }

    @Test
    void activationFieldsAndInitEnvReachTheAction() {
        ProxyProcess proxy = startProxy(Map.of("__OW_API_HOST", "http://127.0.0.1:3233"));
        String code = "function main() {\n"
                + "  const e = process.env;\n"
                + "  return { namespace: e.__OW_NAMESPACE, actionName: e.__OW_ACTION_NAME,\n"
                + "    actionVersion: e.__OW_ACTION_VERSION, activationId: e.__OW_ACTIVATION_ID,\n"
                + "    deadline: e.__OW_DEADLINE, apiKey: e.__OW_API_KEY, transactionId: e.__OW_TRANSACTION_ID,\n"
                + "    apiHost: e.__OW_API_HOST, plain: e.PLAIN, nested: e.NESTED, empty: e.EMPTY };\n"
                + "}";
        Map<String, Object> env = Map.of("PLAIN", "text", "NESTED", Map.of("a", 1), "EMPTY", "");
        assertEquals(200, proxy.post("/init", initBody("main", code, false, env)).status());

        JsonNode seen = proxy.post("/run", runBody(Map.of())).body();

        assertEquals("guest", seen.get("namespace").asText());
        assertEquals("/guest/test-action", seen.get("actionName").asText());
        assertEquals("0.0.1", seen.get("actionVersion").asText());
        assertEquals("0123456789abcdef0123456789abcdef", seen.get("activationId").asText());
        assertEquals("4102444800000", seen.get("deadline").asText());
        assertEquals("uuid:key", seen.get("apiKey").asText());
        assertEquals("tid-1", seen.get("transactionId").asText());
        assertEquals("http://127.0.0.1:3233", seen.get("apiHost").asText());
        assertEquals("text", seen.get("plain").asText());
        assertEquals("{\"a\":1}", seen.get("nested").asText());
        assertEquals("", seen.get("empty").asText());
    }

    @Test
    void concurrentRunsInterleaveInOneProcess() throws Exception {
        ProxyProcess proxy = startInitialized("async function main(p) {\n"
                + "  await new Promise(resolve => setTimeout(resolve, 300 - p.i * 10));\n"
                + "  return { i: p.i, doubled: p.i * 2 };\n}");
        int count = 20;

        long startNanos = System.nanoTime();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(proxy.postAsync("/run", runBody(Map.of("i", i))));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;

        for (int i = 0; i < count; i++) {
            Reply reply = replies.get(i).join();
            assertEquals(200, reply.status());
            assertEquals(i, reply.body().get("i").asInt());
            assertEquals(i * 2, reply.body().get("doubled").asInt());
        }
        // One after the other they would take about 3.9 s.
        assertTrue(elapsedMs < 2_000, "20 activations of up to 300 ms took " + elapsedMs + " ms");
    }
}
