package dev.whiskstudio.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The actions routes over real HTTP: the platform's defaults, update rules, lists and every error. */
class ActionApiTest {
    private static final String CODE = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"}}";
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;

    @BeforeAll
    static void start() {
        sim = new SimHarness(SimConfig.defaults(dataDir, Profile.OPENWHISK));
        guest = sim.guest();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String actions(String name) {
        return "/api/v1/namespaces/_/actions/" + name;
    }

    private static JsonNode annotation(JsonNode entity, String key) {
        for (JsonNode a : entity.get("annotations")) {
            if (a.get("key").asText().equals(key)) {
                return a.get("value");
            }
        }
        return null;
    }

    @Test
    void createReturnsTheActionWithThePlatformDefaults() {
        Reply r = guest.put(actions("create1"), CODE);
        assertEquals(200, r.status(), r.text());
        JsonNode a = r.json();
        assertEquals("guest", a.get("namespace").asText());
        assertEquals("create1", a.get("name").asText());
        assertEquals("0.0.1", a.get("version").asText());
        assertFalse(a.get("publish").asBoolean());
        assertEquals("nodejs:20", a.at("/exec/kind").asText());
        assertFalse(a.at("/exec/binary").asBoolean());
        assertEquals(60000, a.at("/limits/timeout").asInt());
        assertEquals(256, a.at("/limits/memory").asInt());
        assertEquals(10, a.at("/limits/logs").asInt());
        assertEquals(1, a.at("/limits/concurrency").asInt());
        assertEquals("nodejs:20", annotation(a, "exec").asText());
        assertFalse(annotation(a, "provide-api-key").asBoolean());
        assertTrue(a.get("updated").asLong() > 0);
        assertEquals(a, guest.get(actions("create1")).json(), "GET shows what PUT stored");
    }

    @Test
    void defaultKindResolvesToTheFamilysDefault() {
        Reply r = guest.put(actions("defkind"), "{\"exec\":{\"kind\":\"nodejs:default\",\"code\":\"x\"}}");
        assertEquals("nodejs:20", r.json().at("/exec/kind").asText());
    }

    @Test
    void base64CodeIsMarkedBinary() {
        Reply r = guest.put(actions("zipped"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"UEsDBAoAAAAAAA==\"}}");
        assertTrue(r.json().at("/exec/binary").asBoolean(), r.text());
    }

    @Test
    void creatingAnExistingActionIsAConflict() {
        guest.put(actions("twice"), CODE);
        Reply r = guest.put(actions("twice"), CODE);
        assertEquals(409, r.status());
        assertEquals("resource already exists", r.error());
        assertEquals(32, r.json().get("code").asText().length());
    }

    @Test
    void updateBumpsVersionMergesAnnotationsAndLimitsAndReplacesParameters() {
        guest.put(actions("upd"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"a\"},"
                + "\"parameters\":[{\"key\":\"p1\",\"value\":1},{\"key\":\"p2\",\"value\":2}],"
                + "\"annotations\":[{\"key\":\"a1\",\"value\":\"x\"}],\"limits\":{\"timeout\":1000,\"memory\":128}}");
        Reply r = guest.put(actions("upd") + "?overwrite=true", "{\"parameters\":[{\"key\":\"p3\",\"value\":3}],"
                + "\"annotations\":[{\"key\":\"a2\",\"value\":\"y\"}],\"limits\":{\"memory\":512}}");
        assertEquals(200, r.status(), r.text());
        JsonNode a = r.json();
        assertEquals("0.0.2", a.get("version").asText());
        assertEquals("a", a.at("/exec/code").asText(), "exec kept when not given");
        assertEquals(1, a.get("parameters").size());
        assertEquals("p3", a.at("/parameters/0/key").asText());
        assertEquals("x", annotation(a, "a1").asText());
        assertEquals("y", annotation(a, "a2").asText());
        assertEquals(1000, a.at("/limits/timeout").asInt());
        assertEquals(512, a.at("/limits/memory").asInt());
        Reply again = guest.put(actions("upd") + "?overwrite=true", "{\"delAnnotations\":[\"a1\"]}");
        assertEquals("0.0.3", again.json().get("version").asText());
        assertEquals(null, annotation(again.json(), "a1"));
    }

    @Test
    void overwriteCreatesWhenMissing() {
        Reply r = guest.put(actions("fresh") + "?overwrite=true", CODE);
        assertEquals(200, r.status());
        assertEquals("0.0.1", r.json().get("version").asText());
    }

    @Test
    void getWithoutCodeOmitsTheCode() {
        guest.put(actions("nocode"), CODE);
        JsonNode a = guest.get(actions("nocode") + "?code=false").json();
        assertFalse(a.get("exec").has("code"));
        assertEquals("nodejs:20", a.at("/exec/kind").asText());
    }

    @Test
    void deleteReturnsTheActionThenItIsGone() {
        guest.put(actions("doomed"), CODE);
        Reply r = guest.delete(actions("doomed"));
        assertEquals(200, r.status());
        assertEquals("doomed", r.json().get("name").asText());
        Reply gone = guest.get(actions("doomed"));
        assertEquals(404, gone.status());
        assertEquals("The requested resource does not exist.", gone.error());
        assertEquals(404, guest.delete(actions("doomed")).status());
    }

    @Test
    void listPagesNewestFirstWithoutCodeAndCounts() {
        SimHarness.Client other = sim.guest();
        String prefix = "/api/v1/namespaces/_/packages/listpkg";
        other.put(prefix, "{}");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add("listed" + i);
            guest.put(actions("listpkg/listed" + i), CODE);
        }
        JsonNode page = guest.get("/api/v1/namespaces/_/actions/listpkg/?limit=2&skip=1").json();
        assertEquals(2, page.size());
        assertEquals("listed3", page.get(0).get("name").asText());
        assertEquals("listed2", page.get(1).get("name").asText());
        assertFalse(page.get(0).get("exec").has("code"));
        assertFalse(page.get(0).has("parameters"));
        assertEquals("guest/listpkg", page.get(0).get("namespace").asText());
        JsonNode all = guest.get("/api/v1/namespaces/_/actions?limit=0").json();
        assertTrue(all.size() >= 5, "the namespace list includes packaged actions");
        assertEquals(5, guest.get("/api/v1/namespaces/_/actions/listpkg/?count=true").json().get("actions").asInt());
    }

    @Test
    void listParametersOutOfRangeAreRefused() {
        Reply big = guest.get("/api/v1/namespaces/_/actions?limit=201");
        assertEquals(400, big.status());
        assertEquals("The query parameter 'limit' was malformed:\nThe value '201' is not in the range of 0 to 200 for actions.",
                big.error());
        Reply neg = guest.get("/api/v1/namespaces/_/actions?skip=-1");
        assertEquals("The query parameter 'skip' was malformed:\nThe value '-1' is not greater than or equal to 0 for actions.",
                neg.error());
        Reply word = guest.get("/api/v1/namespaces/_/actions?limit=abc");
        assertEquals(400, word.status());
        assertEquals("The query parameter 'limit' was malformed:\nThe value 'abc' is not an integer for actions.", word.error());
    }

    @Test
    void illegalAndOverlongNamesAreRefused() {
        Reply dash = guest.put(actions("-bad"), CODE);
        assertEquals(400, dash.status());
        assertEquals("The name of the entity contains illegal characters.", dash.error());
        Reply space = guest.put(actions("trailing%20"), CODE);
        assertEquals(400, space.status());
        Reply longName = guest.put(actions("a".repeat(257)), CODE);
        assertEquals(400, longName.status());
        assertEquals("Name segement longer than allowed: 257 > 256.", longName.error());
        assertEquals(200, guest.put(actions("ok%20name@x.y-z"), CODE).status(), "spaces, @, . and - are allowed inside");
        Reply ns = guest.get("/api/v1/namespaces/bad!ns/actions");
        assertEquals(400, ns.status());
        assertEquals("The namespace contains illegal characters.", ns.error());
    }

    @Test
    void badBodiesAreMalformedRequests() {
        Reply notJson = guest.put(actions("badjson"), "{nope");
        assertEquals(400, notJson.status());
        assertTrue(notJson.error().startsWith("The request content was malformed:\n"), notJson.error());
        Reply wrongType = guest.put(actions("badtype"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"publish\":\"yes\"}");
        assertEquals(400, wrongType.status());
        assertTrue(wrongType.error().startsWith("The request content was malformed:\n"));
        Reply params = guest.put(actions("badparams"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"parameters\":{\"a\":1}}");
        assertEquals("The request content was malformed:\nparameters malformed!", params.error());
        Reply array = guest.put(actions("array"), "[1,2]");
        assertEquals(400, array.status());
        Reply noExec = guest.put(actions("noexec"), "{}");
        assertEquals(400, noExec.status());
        assertEquals("exec undefined", noExec.error());
        Reply noCode = guest.put(actions("nocodefield"), "{\"exec\":{\"kind\":\"nodejs:20\"}}");
        assertEquals(400, noCode.status());
        Reply textPlain = guest.send("PUT", actions("plain"), CODE, "text/plain");
        assertEquals(415, textPlain.status());
    }

    @Test
    void unknownKindListsTheValidOnes() {
        Reply r = guest.put(actions("py"), "{\"exec\":{\"kind\":\"python:3\",\"code\":\"x\"}}");
        assertEquals(400, r.status());
        assertTrue(r.error().startsWith("The request content was malformed:\nThe specified runtime 'python:3' is not supported by this platform. Valid values are: "),
                r.error());
        assertTrue(r.error().contains("'nodejs:20'") && r.error().contains("'sequence'"));
    }

    @Test
    void limitsOutsideTheProfileRangesAreRefused() {
        String[][] cases = {
                {"{\"timeout\":50}", "requirement failed: duration 50 milliseconds below allowed threshold of 100 milliseconds"},
                {"{\"timeout\":300001}", "requirement failed: duration 300001 milliseconds exceeds allowed threshold of 300000 milliseconds"},
                {"{\"memory\":64}", "requirement failed: memory size 64 MB below allowed threshold of 128 MB"},
                {"{\"memory\":1024}", "requirement failed: memory size 1024 MB exceeds allowed threshold of 512 MB"},
                {"{\"logs\":11}", "requirement failed: log size 11 MB exceeds allowed threshold of 10 MB"},
                {"{\"concurrency\":2}", "requirement failed: concurrency 2 exceeds allowed threshold of 1"},
                {"{\"concurrency\":0}", "requirement failed: concurrency 0 below allowed threshold of 1"},
        };
        for (String[] c : cases) {
            Reply r = guest.put(actions("limits"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":" + c[0] + "}");
            assertEquals(400, r.status(), c[0]);
            assertEquals(c[1], r.error());
        }
        Reply fraction = guest.put(actions("limits"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},\"limits\":{\"memory\":200.5}}");
        assertEquals("The request content was malformed:\nrequirement failed: memory limit must be whole number", fraction.error());
        assertEquals(404, guest.get(actions("limits")).status(), "nothing was stored");
    }

    @Test
    void codeAndParametersOverTheirLimitsAre413() {
        String bigCode = "x".repeat(48 * 1024 * 1024 + 1);
        Reply code = guest.put(actions("huge"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"" + bigCode + "\"}}");
        assertEquals(413, code.status());
        assertEquals("exec larger than allowed: 50331649 > 50331648 bytes.", code.error());
        String bigValue = "y".repeat(1024 * 1024);
        Reply params = guest.put(actions("hugeparams"), "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"x\"},"
                + "\"parameters\":[{\"key\":\"k\",\"value\":\"" + bigValue + "\"}]}");
        assertEquals(413, params.status());
        assertEquals("parameters larger than allowed: 1048579 > 1048576 bytes.", params.error());
    }

    @Test
    void sequencesAreCheckedAsThePlatformChecksThem() {
        guest.put(actions("s1"), CODE);
        guest.put(actions("s2"), CODE);
        Reply seq = guest.put(actions("seq"), "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/_/s1\",\"/guest/s2\"]}}");
        assertEquals(200, seq.status(), seq.text());
        assertEquals("/guest/s1", seq.json().at("/exec/components/0").asText());
        assertEquals("_actions", seq.json().at("/parameters/0/key").asText());
        assertEquals("sequence", annotation(seq.json(), "exec").asText());

        Reply missing = guest.put(actions("seqmissing"), "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/_/nope\"]}}");
        assertEquals("Sequence component does not exist.", missing.error());
        Reply empty = guest.put(actions("seqempty"), "{\"exec\":{\"kind\":\"sequence\",\"components\":[]}}");
        assertEquals("No component specified for the sequence.", empty.error());
        Reply cyclic = guest.put(actions("seq") + "?overwrite=true",
                "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/_/s1\",\"/_/seq\"]}}");
        assertEquals("Sequence may not refer to itself.", cyclic.error());
        StringBuilder many = new StringBuilder("{\"exec\":{\"kind\":\"sequence\",\"components\":[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"/_/s1\"");
        }
        Reply tooLong = guest.put(actions("seqlong"), many.append("]}}").toString());
        assertEquals("Too many actions in the sequence.", tooLong.error());
        Reply bareName = guest.put(actions("seqbare"), "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"s1\"]}}");
        assertEquals(400, bareName.status());
    }

    @Test
    void aNameHoldsOneEntityAcrossCollections() {
        guest.put("/api/v1/namespaces/_/triggers/shared-name", "{}");
        Reply r = guest.put(actions("shared-name"), CODE);
        assertEquals(409, r.status());
        assertEquals("Resource by this name exists but is not in this collection.", r.error());
    }

    @Test
    void invokingAMissingActionIs404() {
        Reply r = guest.post(actions("absent") + "?blocking=true", "{}");
        assertEquals(404, r.status());
        assertEquals("The requested resource does not exist.", r.error());
    }

    @Test
    void unsupportedMethodIs405() {
        Reply r = guest.send("PATCH", actions("x"), "{}", "application/json");
        assertEquals(405, r.status());
        assertTrue(r.error().startsWith("HTTP method not allowed, supported methods: "));
    }
}
