package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.SimHarness;
import dev.whiskstudio.sim.SimHarness.Reply;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Web actions over plain HTTP (no key), with real Node processes, as the platform serves them. */
class WebActionTest {
    @TempDir
    static Path dataDir;
    static SimHarness sim;
    static SimHarness.Client guest;
    static SimHarness.Client anyone;

    @BeforeAll
    static void start() {
        SimConfig config = SimConfig.defaults(dataDir, Profile.OPENWHISK);
        sim = new SimHarness(config.withLimits(config.limits().withInvocationsPerMinute(10_000)));
        guest = sim.guest();
        anyone = sim.anonymous();
        webAction("echo", "function main(p) { return p; }", "true", "");
        webAction("page", "function main(p) { return { statusCode: 201, headers: { 'X-Custom': ['a', 'b'] },"
                + " body: '<h1>hi ' + (p.name || 'there') + '</h1>' }; }", "true", "");
        guest.put("/api/v1/namespaces/_/packages/site", "{}");
        webAction("site/data", "function main(p) { return { items: [1, 2], name: p.name }; }", "true", "");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static void webAction(String name, String code, String web, String extraAnnotations) {
        String body = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":" + SimHarness.JSON.valueToTree(code) + "},"
                + "\"annotations\":[{\"key\":\"web-export\",\"value\":" + web + "}" + extraAnnotations + "]}";
        Reply r = guest.put("/api/v1/namespaces/_/actions/" + name + "?overwrite=true", body);
        assertEquals(200, r.status(), r.text());
    }

    static Reply web(String method, String path, String body, String contentType) {
        return anyone.send(method, "/api/v1/web/guest/" + path, body, contentType);
    }

    @Test
    void requestContextAndParametersReachTheAction() {
        Reply r = anyone.send("POST", "/api/v1/web/guest/default/echo.json/extra/path?q=1&name=query",
                "{\"name\":\"body\",\"n\":2}", "application/json", b -> b.header("X-Thing", "yes"));
        assertEquals(200, r.status(), r.text());
        JsonNode p = r.json();
        assertEquals("post", p.get("__ow_method").asText());
        assertEquals("/extra/path", p.get("__ow_path").asText());
        assertEquals("yes", p.at("/__ow_headers/x-thing").asText());
        assertEquals("1", p.get("q").asText());
        assertEquals("body", p.get("name").asText(), "the body wins over the query");
        assertEquals(2, p.get("n").asInt());
        assertFalse(p.has("__ow_user"), "nobody authenticated");
        assertTrue(r.headers().firstValue("x-openwhisk-activation-id").orElse("").matches("[0-9a-f]{32}"));
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void authenticatedCallerIsTheUser() {
        Reply r = guest.send("GET", "/api/v1/web/guest/default/echo.json", null, null);
        assertEquals("guest", r.json().get("__ow_user").asText());
    }

    @Test
    void httpExtensionIsTheDefaultAndObeysTheResult() {
        Reply r = web("GET", "default/page?name=ada", null, null);
        assertEquals(201, r.status());
        assertEquals("<h1>hi ada</h1>", r.text());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(java.util.List.of("a", "b"), r.headers().allValues("X-Custom"));
        assertEquals(201, web("GET", "default/page.http", null, null).status());
    }

    @Test
    void httpResultsWithJsonBinaryOrNoBody() {
        webAction("json-body", "function main() { return { body: { a: 1 } }; }", "true", "");
        Reply json = web("GET", "default/json-body", null, null);
        assertEquals(200, json.status());
        assertEquals("{\"a\":1}", json.text());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        String png = Base64.getEncoder().encodeToString(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
        webAction("image", "function main() { return { headers: { 'Content-Type': 'image/png' }, body: '" + png + "' }; }", "true", "");
        Reply image = anyone.send("GET", "/api/v1/web/guest/default/image", null, null);
        assertEquals(200, image.status());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));

        webAction("empty", "function main() { return {}; }", "true", "");
        assertEquals(204, web("GET", "default/empty", null, null).status());

        webAction("notobject", "function main() { return { body: 1, headers: 'nope' }; }", "true", "");
        Reply bad = web("GET", "default/notobject", null, null);
        assertEquals(400, bad.status());
        assertEquals("Response is not valid 'message/http'.", bad.error());
    }

    @Test
    void otherExtensions() {
        Reply json = web("GET", "site/data.json?name=x", null, null);
        assertEquals("[1,2]", json.json().get("items").toString());
        webAction("html", "function main() { return { html: '<p>ok</p>' }; }", "true", "");
        Reply html = web("GET", "default/html.html", null, null);
        assertEquals("<p>ok</p>", html.text());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        webAction("svg", "function main() { return { svg: '<svg/>' }; }", "true", "");
        assertEquals("image/svg+xml", web("GET", "default/svg.svg", null, null).headers().firstValue("Content-Type").orElse(""));
        webAction("text", "function main() { return { text: 'plain' }; }", "true", "");
        assertEquals("plain", web("GET", "default/text.text", null, null).text());
        Reply noText = web("GET", "default/html.text", null, null);
        assertEquals(404, noText.status());
        assertEquals("Response does not include requested property.", noText.error());
        Reply notJson = web("GET", "default/text.html", null, null);
        assertEquals(400, notJson.status());
        assertEquals("Response is not valid 'text/html'.", notJson.error());
    }

    @Test
    void rawHttpActionsGetTheQueryAndBodyAsTheyCame() {
        webAction("raw", "function main(p) { return { body: { q: p.__ow_query, b: p.__ow_body, name: p.name || null } }; }",
                "true", ",{\"key\":\"raw-http\",\"value\":true}");
        Reply r = web("POST", "default/raw.json?name=a&x=1", "{\"k\":1}", "application/json");
        JsonNode body = r.json().get("body");
        assertEquals("name=a&x=1", body.get("q").asText());
        assertEquals(Base64.getEncoder().encodeToString("{\"k\":1}".getBytes()), body.get("b").asText(),
                "a raw action gets a JSON body base64-encoded");
        assertTrue(body.get("name").isNull(), "nothing is merged");
        Reply text = web("POST", "default/raw.json", "hello", "text/plain");
        assertEquals("hello", text.json().at("/body/b").asText());
    }

    @Test
    void binaryBodiesArriveBase64Encoded() {
        Reply r = anyone.send("POST", "/api/v1/web/guest/default/echo.json", null, null,
                b -> b.header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{0, 1, 2, (byte) 255})));
        assertEquals(Base64.getEncoder().encodeToString(new byte[]{0, 1, 2, (byte) 255}), r.json().get("__ow_body").asText());
        Reply form = web("POST", "default/echo.json", "a=1&b=two+words", "application/x-www-form-urlencoded");
        assertEquals("two words", form.json().get("b").asText());
    }

    @Test
    void notExportedOrMissingIs404() {
        guest.put("/api/v1/namespaces/_/actions/private", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(){return {}}\"}}");
        Reply hidden = web("GET", "default/private.json", null, null);
        assertEquals(404, hidden.status());
        assertEquals("The requested resource does not exist.", hidden.error());
        assertEquals(404, web("GET", "default/nothing.json", null, null).status());
        assertEquals(404, anyone.send("GET", "/api/v1/web/nobody/default/echo.json", null, null).status());
    }

    @Test
    void reservedAndFinalParametersCannotBeOverridden() {
        Reply reserved = web("GET", "default/echo.json?__ow_method=put", null, null);
        assertEquals(400, reserved.status());
        assertEquals("Request defines parameters that are not allowed (e.g., reserved properties).", reserved.error());
        guest.put("/api/v1/namespaces/_/actions/sealed?overwrite=true", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p){return p}\"},"
                + "\"parameters\":[{\"key\":\"secret\",\"value\":\"s\"}],"
                + "\"annotations\":[{\"key\":\"web-export\",\"value\":true},{\"key\":\"final\",\"value\":true}]}");
        assertEquals(400, web("GET", "default/sealed.json?secret=x", null, null).status());
        assertEquals("s", web("GET", "default/sealed.json", null, null).json().get("secret").asText());
    }

    @Test
    void requireWhiskAuthWithASecretOrTheKey() {
        webAction("secret", "function main() { return { ok: true }; }", "true", ",{\"key\":\"require-whisk-auth\",\"value\":\"s3cret\"}");
        Reply without = web("GET", "default/secret.json", null, null);
        assertEquals(401, without.status());
        assertEquals("Authentication is possible but has failed or not yet been provided.", without.error());
        Reply with = anyone.send("GET", "/api/v1/web/guest/default/secret.json", null, null,
                b -> b.header("X-Require-Whisk-Auth", "s3cret"));
        assertEquals(200, with.status());
        webAction("keyed", "function main() { return { ok: true }; }", "true", ",{\"key\":\"require-whisk-auth\",\"value\":true}");
        assertEquals(401, web("GET", "default/keyed.json", null, null).status());
        assertEquals(200, guest.send("GET", "/api/v1/web/guest/default/keyed.json", null, null).status());
    }

    @Test
    void errorsAreRenderedAsThePlatformDoes() {
        webAction("apperr", "function main() { return { error: { statusCode: 418, body: 'teapot' } }; }", "true", "");
        Reply app = web("GET", "default/apperr", null, null);
        assertEquals(418, app.status(), "an application error renders its error field");
        assertEquals("teapot", app.text());
        webAction("crash", "function main() { throw new Error('x'); }", "true", "");
        Reply dev = web("GET", "default/crash.json", null, null);
        assertEquals(400, dev.status());
        assertEquals("There was an error processing your request.", dev.error());
    }

    @Test
    void optionsAnswersCorsUnlessTheActionHandlesIt() {
        Reply options = anyone.send("OPTIONS", "/api/v1/web/guest/default/echo.json", null, null,
                b -> b.header("Access-Control-Request-Headers", "X-Mine"));
        assertEquals(200, options.status());
        assertEquals("*", options.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("X-Mine", options.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
        assertTrue(options.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PATCH"));
        webAction("custom", "function main(p) { return { statusCode: 200, headers: { 'Allow': 'GET' }, body: p.__ow_method }; }",
                "true", ",{\"key\":\"web-custom-options\",\"value\":true}");
        Reply custom = anyone.send("OPTIONS", "/api/v1/web/guest/default/custom", null, null);
        assertEquals("options", custom.text(), "the action answers OPTIONS itself");
        assertFalse(custom.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void adobeProfileRequiresAnImsTokenWhenAsked(@TempDir Path otherDir) {
        try (SimHarness adobe = new SimHarness(SimConfig.defaults(otherDir, Profile.ADOBE_IO_RUNTIME))) {
            adobe.guest().put("/api/v1/namespaces/_/actions/ims", "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(){return {ok:true}}\"},"
                    + "\"annotations\":[{\"key\":\"web-export\",\"value\":true},{\"key\":\"require-adobe-auth\",\"value\":true}]}");
            Reply none = adobe.anonymous().get("/api/v1/web/guest/default/ims.json");
            assertEquals(401, none.status());
            assertEquals("cannot authorize request, reason: missing authorization header", none.error());
            Reply ok = adobe.anonymous().send("GET", "/api/v1/web/guest/default/ims.json", null, null,
                    b -> b.header("Authorization", "Bearer token").header("x-gw-ims-org-id", "ORG@AdobeOrg"));
            assertEquals(200, ok.status(), ok.text());
        }
        assertEquals(Credential.GUEST.namespace(), "guest");
    }
}
