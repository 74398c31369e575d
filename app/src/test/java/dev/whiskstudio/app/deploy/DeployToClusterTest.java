package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.Invocation;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.sync.EntityKind;
import dev.whiskstudio.sim.config.Credential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.whiskstudio.app.deploy.ClusterSimulator.GUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploying a project to a second simulator instance acting as the cluster, over real HTTP on loopback. */
class DeployToClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INVOKE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    @TempDir
    Path projects;
    private ClusterSimulator cluster;
    private Deployer deployer;

    @BeforeEach
    void start() throws Exception {
        cluster = new ClusterSimulator(dataDir);
        deployer = cluster.deployer();
    }

    @AfterEach
    void stop() {
        deployer.close();
        cluster.close();
    }

    private DeployPreview preview(Project project, DeployScope scope) throws IOException {
        return deployer.preview(project, scope, Map.of(), () -> false);
    }

    private DeployResult deploy(DeployPreview preview, boolean deleteExtra) {
        return deployer.deploy(preview, deleteExtra, DeployListener.NONE, () -> false);
    }

    private JsonNode result(String action) throws IOException {
        Invocation done = cluster.client.invoke(GUEST, action, JSON.createObjectNode(), true, INVOKE);
        assertEquals(200, done.status(), () -> "invoking " + action + ": " + done.record());
        return done.record().at("/response/result");
    }

    private static List<String> rows(DeployPreview preview) {
        return preview.items().stream().map(i -> i.change().word() + " " + i.describe()).toList();
    }

    @Test
    void aFirstDeployCreatesEverythingInOrderAndItAllRuns() throws Exception {
        Project project = ProjectLoader.load(DeployProjects.shop(projects));
        DeployPreview preview = preview(project, DeployScope.project());

        assertEquals(GUEST, preview.namespace(), "the key's namespace, asked of the target");
        assertEquals(List.of("create package shop", "create action shop/greet", "create action shop/price",
                "create action shop/echo", "create sequence shop/greet-priced", "create trigger nightly",
                "create feed nightly", "create rule nightly-greet"), rows(preview));
        assertEquals(8, preview.count(Change.CREATE));
        List<String> heard = new ArrayList<>();
        DeployResult result = deployer.deploy(preview, false, new DeployListener() {
            @Override
            public void started(int index, int total, DeployItem item) {
                heard.add((index + 1) + "/" + total + " " + item.describe());
            }

            @Override
            public void finished(int index, int total, ItemResult r) {
                heard.add(r.status().word());
            }
        }, () -> false);

        assertTrue(result.succeeded(), () -> result.summary() + " " + result.results());
        assertEquals("Deployed: 8 written, 0 unchanged", result.summary());
        assertEquals("1/8 package shop", heard.get(0));
        assertEquals(16, heard.size());

        assertEquals("Hello from eu", result("shop/greet").get("message").asText(), "$GREETING from .env, package input");
        assertEquals(12.0, result("shop/price").get("price").asDouble(), "the zip's node_modules are there");
        assertTrue(cluster.client.get(GUEST, EntityCollection.ACTIONS, "shop/price").at("/exec/binary").asBoolean());
        Invocation echo = cluster.client.invoke(GUEST, "shop/echo", JSON.createObjectNode().put("text", "hi"), true, INVOKE);
        assertEquals("hi", echo.record().at("/response/result/echo").asText());
        JsonNode chained = result("shop/greet-priced");
        assertEquals("Hello from eu", chained.get("message").asText());
        assertEquals(12.0, chained.get("price").asDouble());

        JsonNode read = JSON.createObjectNode().put("lifecycleEvent", "READ").put("triggerName", "/guest/nightly")
                .put("authKey", Credential.GUEST.auth());
        Invocation feed = cluster.client.invoke("whisk.system", "alarms/alarm", read, true, INVOKE);
        assertEquals(200, feed.status(), () -> String.valueOf(feed.record()));
        assertTrue(feed.record().at("/response/result").toString().contains("0 3 * * *"), feed.record().toString());
        JsonNode rule = cluster.client.get(GUEST, EntityCollection.RULES, "nightly-greet");
        assertEquals("active", rule.get("status").asText());
        assertEquals("greet", rule.at("/action/name").asText());
    }

    @Test
    void aSecondDeployOfTheSameProjectSendsNoWrite() throws Exception {
        Project project = ProjectLoader.load(DeployProjects.shop(projects));
        assertTrue(deploy(preview(project, DeployScope.project()), false).succeeded());
        String greetVersion = cluster.client.get(GUEST, EntityCollection.ACTIONS, "shop/greet").get("version").asText();
        cluster.counter.reset();

        DeployPreview again = preview(ProjectLoader.load(project.folder()), DeployScope.project());
        assertTrue(again.upToDate(), () -> String.valueOf(again.items()));
        assertEquals(8, again.count(Change.UNCHANGED), () -> String.valueOf(again.items()));
        DeployResult result = deploy(again, true);

        assertTrue(result.succeeded(), result::summary);
        assertEquals("Deployed: 0 written, 8 unchanged", result.summary());
        assertEquals(List.of(), cluster.counter.writes(), "no PUT, POST or DELETE on a redeploy");
        assertEquals(greetVersion, cluster.client.get(GUEST, EntityCollection.ACTIONS, "shop/greet").get("version").asText());

        // the stamp's hash follows the manifest's bytes: a comment changes it, and must change nothing else
        Files.writeString(project.folder().resolve("manifest.yml"), "# reviewed\n" + DeployProjects.MANIFEST);
        DeployPreview commented = preview(ProjectLoader.load(project.folder()), DeployScope.project());
        assertEquals(8, commented.count(Change.UNCHANGED), () -> String.valueOf(commented.items()));
    }

    @Test
    void everyEntityCarriesTheProjectsWhiskManagedStampAsWskdeployWritesIt() throws Exception {
        Project project = ProjectLoader.load(DeployProjects.shop(projects));
        assertTrue(deploy(preview(project, DeployScope.project()), false).succeeded());

        for (EntityCollection c : List.of(EntityCollection.PACKAGES, EntityCollection.ACTIONS, EntityCollection.TRIGGERS,
                EntityCollection.RULES)) {
            String name = switch (c) {
                case PACKAGES -> "shop";
                case ACTIONS -> "shop/greet-priced";
                case TRIGGERS -> "nightly";
                default -> "nightly-greet";
            };
            JsonNode stamp = EntityDiff.keyValues(cluster.client.get(GUEST, c, name).get("annotations"))
                    .get("whisk-managed");
            assertEquals("shop", stamp.path("projectName").asText(), c + " " + name);
            assertTrue(stamp.path("projectHash").asText().matches("[0-9a-f]{40}"), stamp::toString);
            assertEquals("manifest.yml", stamp.path("file").asText());
            assertTrue(stamp.path("projectDeps").isArray());
        }
    }

    @Test
    void aFeedThatFailedIsTriedAgainAndAFailedReplacementSaysTheOldOneIsGone() throws Exception {
        Path folder = DeployProjects.shop(projects);
        assertTrue(deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false).succeeded());

        Files.writeString(folder.resolve("manifest.yml"),
                DeployProjects.MANIFEST.replace("cron: \"0 3 * * *\"", "cron: \"not a cron\""));
        DeployResult broken = deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false);
        ItemResult feed = broken.results().stream().filter(r -> r.item().kind() == EntityKind.FEED).findFirst()
                .orElseThrow();
        assertEquals(ItemStatus.FAILED, feed.status(), () -> broken.results().toString());
        assertTrue(feed.message().contains("was deleted first, so the trigger has no feed now"), feed.message());

        DeployPreview again = preview(ProjectLoader.load(folder), DeployScope.project());
        assertTrue(rows(again).containsAll(List.of("update trigger nightly", "update feed nightly")),
                () -> rows(again).toString());

        Files.writeString(folder.resolve("manifest.yml"),
                DeployProjects.MANIFEST.replace("cron: \"0 3 * * *\"", "cron: \"0 5 * * *\""));
        DeployResult fixed = deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false);
        assertTrue(fixed.succeeded(), () -> fixed.results().toString());
        assertTrue(readFeed("alarm", "nightly").contains("0 5 * * *"));
        DeployPreview done = preview(ProjectLoader.load(folder), DeployScope.project());
        assertTrue(done.upToDate(), () -> rows(done).toString());
    }

    private String readFeed(String feed, String trigger) throws IOException {
        JsonNode read = JSON.createObjectNode().put("lifecycleEvent", "READ").put("triggerName", "/guest/" + trigger)
                .put("authKey", Credential.GUEST.auth());
        Invocation answer = cluster.client.invoke("whisk.system", "alarms/" + feed, read, true, INVOKE);
        return String.valueOf(answer.record());
    }

    @Test
    void aFeedDroppedFromTheManifestIsUnregisteredBeforeTheTriggerForgetsIt() throws Exception {
        Path folder = DeployProjects.shop(projects);
        assertTrue(deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false).succeeded());
        assertTrue(readFeed("alarm", "nightly").contains("0 3 * * *"));

        String dropped = DeployProjects.MANIFEST.replace(
                "        feed: /whisk.system/alarms/alarm\n        inputs:\n          cron: \"0 3 * * *\"\n",
                "        inputs:\n          fired-by: hand\n");
        assertFalse(dropped.contains("feed:"));
        Files.writeString(folder.resolve("manifest.yml"), dropped);
        DeployPreview preview = preview(ProjectLoader.load(folder), DeployScope.project());
        int unregister = rows(preview).indexOf("update feed nightly");
        assertTrue(unregister >= 0 && unregister < rows(preview).indexOf("update trigger nightly"),
                () -> rows(preview).toString());
        DeployResult result = deploy(preview, false);

        assertTrue(result.succeeded(), () -> result.results().toString());
        assertFalse(readFeed("alarm", "nightly").contains("0 3 * * *"), "the alarm no longer fires the trigger");
        assertTrue(preview(ProjectLoader.load(folder), DeployScope.project()).upToDate());
    }

    @Test
    void extrasAreThisProjectsMarkedEntitiesDeletedRulesFirstAndOneASequenceUsesIsKept() throws Exception {
        Path folder = DeployProjects.shop(projects);
        assertTrue(deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false).succeeded());
        // someone else's: an action in the same package, and a sequence of theirs using the project's price
        cluster.client.put(GUEST, EntityCollection.ACTIONS, "shop/theirs", JSON.readTree(
                "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main() { return {}; }\"}}"), true);
        cluster.client.put(GUEST, EntityCollection.ACTIONS, "priced", JSON.readTree(
                "{\"exec\":{\"kind\":\"sequence\",\"components\":[\"/guest/shop/price\"]}}"), true);

        Files.writeString(folder.resolve("manifest.yml"), """
                packages:
                  shop:
                    inputs:
                      region: eu
                    actions:
                      greet:
                        function: src/greet.js
                        runtime: nodejs:20
                        inputs:
                          greeting: $GREETING
                """);
        DeployPreview preview = preview(ProjectLoader.load(folder), DeployScope.project());
        List<String> deletes = preview.items().stream().filter(i -> i.change() == Change.DELETE)
                .map(i -> i.describe() + (i.blocked() == null ? "" : " (kept: " + i.blocked() + ")")).toList();
        assertEquals(List.of("rule nightly-greet", "trigger nightly", "sequence shop/greet-priced",
                "action shop/price (kept: the sequence priced uses it)", "action shop/echo").stream().sorted().toList(),
                deletes.stream().sorted().toList());
        assertTrue(deletes.indexOf("rule nightly-greet") < deletes.indexOf("trigger nightly")
                && deletes.indexOf("trigger nightly") < deletes.indexOf("sequence shop/greet-priced")
                && deletes.indexOf("sequence shop/greet-priced") < deletes.indexOf("action shop/echo"), deletes::toString);

        DeployResult result = deploy(preview, true);

        assertTrue(result.succeeded(), () -> result.results().toString());
        assertEquals("Kept: the sequence priced uses it.", result.results().stream()
                .filter(r -> r.item().name().equals("shop/price")).findFirst().orElseThrow().message());
        for (String[] gone : List.of(new String[]{"rules", "nightly-greet"}, new String[]{"triggers", "nightly"},
                new String[]{"actions", "shop/greet-priced"}, new String[]{"actions", "shop/echo"})) {
            EntityCollection c = EntityCollection.valueOf(gone[0].toUpperCase());
            assertEquals(404, assertThrows(OpenWhiskException.class, () -> cluster.client.get(GUEST, c, gone[1]))
                    .status(), gone[1]);
        }
        assertTrue(cluster.client.get(GUEST, EntityCollection.ACTIONS, "shop/theirs").has("exec"), "not ours: left");
        assertTrue(cluster.client.get(GUEST, EntityCollection.ACTIONS, "shop/price").has("exec"), "kept");
        assertFalse(readFeed("alarm", "nightly").contains("0 3 * * *"), "the deleted trigger's alarm is gone too");
    }

    @Test
    void anAnnotationRemovedFromTheManifestIsRemovedFromTheAction() throws Exception {
        Path folder = projects.resolve("keyed");
        Samples.write(folder, "ok.js", "function main() { return { key: !!process.env.__OW_API_KEY }; }");
        Samples.write(folder, "manifest.yml", """
                packages:
                  tools:
                    actions:
                      ok:
                        function: ok.js
                        annotations:
                          provide-api-key: true
                          description: says whether it has a key
                """);
        assertTrue(deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false).succeeded());
        assertTrue(result("tools/ok").path("key").asBoolean(), "the key is given while the annotation says so");
        Samples.write(folder, "manifest.yml", """
                packages:
                  tools:
                    actions:
                      ok:
                        function: ok.js
                """);

        DeployPreview preview = preview(ProjectLoader.load(folder), DeployScope.project());
        assertTrue(rows(preview).contains("update action tools/ok"), rows(preview)::toString);
        assertTrue(deploy(preview, false).succeeded());

        var annotations = EntityDiff.keyValues(cluster.client.get(GUEST, EntityCollection.ACTIONS, "tools/ok")
                .get("annotations"));
        assertFalse(annotations.containsKey("description"), annotations::toString);
        assertFalse(annotations.getOrDefault("provide-api-key", JSON.getNodeFactory().booleanNode(false)).asBoolean());
        assertFalse(result("tools/ok").path("key").asBoolean(), "no key once the annotation is gone");
        assertEquals(0, preview(ProjectLoader.load(folder), DeployScope.project()).count(Change.UPDATE),
                "then nothing more to do");
    }

    @Test
    void aPackageDroppedFromTheProjectIsDeletedAfterItsActionsAndOnlyInAProjectScope() throws Exception {
        Path folder = projects.resolve("two");
        Samples.write(folder, "ok.js", "function main() { return { ok: true }; }");
        Samples.write(folder, "manifest.yml", """
                project:
                  name: two-packages
                  packages:
                    keep:
                      actions:
                        ok: {function: ok.js}
                    old:
                      actions:
                        a: {function: ok.js}
                        b: {function: ok.js}
                """);
        assertTrue(deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false).succeeded());
        assertEquals("two-packages", EntityDiff.keyValues(cluster.client.get(GUEST, EntityCollection.PACKAGES, "old")
                .get("annotations")).get("whisk-managed").path("projectName").asText(), "the manifest's project.name");
        Files.writeString(folder.resolve("manifest.yml"), """
                project:
                  name: two-packages
                  packages:
                    keep:
                      actions:
                        ok: {function: ok.js}
                """);

        assertEquals(0, preview(ProjectLoader.load(folder), DeployScope.ofPackage("keep")).count(Change.DELETE),
                "a package scope looks for extras in its package only");
        DeployPreview preview = preview(ProjectLoader.load(folder), DeployScope.project());
        List<String> deletes = rows(preview).stream().filter(r -> r.startsWith("delete")).toList();
        assertEquals(3, deletes.size(), deletes::toString);
        assertEquals("delete package old", deletes.get(2));
        DeployResult result = deploy(preview, true);

        assertTrue(result.succeeded(), () -> result.results().toString());
        assertEquals(404, assertThrows(OpenWhiskException.class,
                () -> cluster.client.get(GUEST, EntityCollection.PACKAGES, "old")).status());
        assertTrue(cluster.client.get(GUEST, EntityCollection.PACKAGES, "keep").has("name"));
    }

    @Test
    void aForeignNamespaceRefusingTheKeyFailsOnlyTheEntityThatNeedsIt() throws Exception {
        Path folder = projects.resolve("foreign");
        Samples.write(folder, "ok.js", "function main() { return { ok: true }; }");
        Samples.write(folder, "manifest.yml", """
                packages:
                  demo:
                    actions:
                      ok: {function: ok.js}
                    sequences:
                      uses-theirs: {actions: "ok, /someone/private/thing"}
                    triggers:
                      fed:
                        feed: /someone/private/feed
                      plain: {}
                """);
        DeployPreview preview = preview(ProjectLoader.load(folder), DeployScope.project());
        DeployItem sequence = preview.items().stream().filter(i -> i.name().equals("demo/uses-theirs")).findFirst()
                .orElseThrow();
        assertTrue(sequence.blocked().startsWith("its component /someone/private/thing cannot be read with this key"
                + " (HTTP 403"), sequence.blocked());

        DeployResult result = deploy(preview, false);

        assertEquals(null, result.stopReason(), "a 403 on another namespace does not stop the deploy");
        Map<String, ItemResult> byId = new java.util.HashMap<>();
        result.results().forEach(r -> byId.put(r.item().describe(), r));
        assertEquals(ItemStatus.FAILED, byId.get("feed fed").status());
        assertTrue(byId.get("feed fed").message().startsWith("The key may not use the feed /someone/private/feed"
                + " (HTTP 403"), byId.get("feed fed").message());
        assertEquals(ItemStatus.SKIPPED, byId.get("sequence demo/uses-theirs").status());
        assertEquals(ItemStatus.DONE, byId.get("trigger plain").status());
        assertEquals(ItemStatus.DONE, byId.get("action demo/ok").status());
    }

    @Test
    void aChangedSourceShowsAsAnUpdateAndARemovedActionAsExtraDeletedOnlyWhenAsked() throws Exception {
        Path folder = DeployProjects.shop(projects);
        assertTrue(deploy(preview(ProjectLoader.load(folder), DeployScope.project()), false).succeeded());

        Files.writeString(folder.resolve("src/greet.js"),
                "function main(p) { return { message: p.greeting + ' again from ' + p.region }; }\n");
        Files.writeString(folder.resolve("manifest.yml"), DeployProjects.MANIFEST
                .replace("      echo:\n        code: \"function main(p) { return { echo: p.text }; }\"\n"
                        + "        runtime: nodejs:20\n", "")
                .replace("cron: \"0 3 * * *\"", "cron: \"0 4 * * *\""));
        DeployPreview preview = preview(ProjectLoader.load(folder), DeployScope.project());

        assertEquals(List.of("unchanged package shop", "update action shop/greet", "unchanged action shop/price",
                "unchanged sequence shop/greet-priced", "update trigger nightly", "update feed nightly",
                "unchanged rule nightly-greet", "delete action shop/echo"), rows(preview));
        assertEquals("code", preview.items().get(1).detail());
        assertEquals("1 to create".replace("1", "0") + ", 3 to update, 4 unchanged, 1 extra on the target",
                preview.summary());

        cluster.counter.reset();
        DeployResult kept = deploy(preview, false);
        assertTrue(kept.succeeded(), () -> kept.summary() + kept.results());
        assertEquals("Kept: deleting extra entities was not asked for.", kept.results().get(7).message());
        assertEquals("Hello again from eu", result("shop/greet").get("message").asText());
        assertTrue(cluster.client.get(GUEST, EntityCollection.ACTIONS, "shop/echo").has("exec"), "kept");
        assertTrue(cluster.counter.writes().stream().noneMatch(w -> w.contains("price")), cluster.counter.writes()::toString);

        DeployResult deleted = deploy(preview(ProjectLoader.load(folder), DeployScope.project()), true);
        assertTrue(deleted.succeeded(), deleted::summary);
        assertEquals("Deployed: 1 written, 7 unchanged", deleted.summary());
        OpenWhiskException gone = assertThrows(OpenWhiskException.class,
                () -> cluster.client.get(GUEST, EntityCollection.ACTIONS, "shop/echo"));
        assertEquals(404, gone.status());
    }

    @Test
    void anActionScopeDeploysTheActionAndItsPackageOnly() throws Exception {
        Project project = ProjectLoader.load(DeployProjects.shop(projects));
        DeployPreview preview = preview(project, DeployScope.ofAction("shop/greet"));
        assertEquals(List.of("create package shop", "create action shop/greet"), rows(preview));
        assertTrue(deploy(preview, true).succeeded());
        assertEquals(1, cluster.client.listActions(GUEST).size());

        DeployPreview pkg = preview(project, DeployScope.ofPackage("shop"));
        assertEquals(8, pkg.items().size(), () -> rows(pkg).toString());
        assertEquals(6, pkg.count(Change.CREATE));
        assertThrows(IllegalArgumentException.class, () -> preview(project, DeployScope.ofAction("shop/nope")));
    }

    @Test
    void aSequenceIsNotWrittenWhenAComponentFailsOrIsMissingOnTheTarget() throws Exception {
        Path folder = projects.resolve("broken");
        Samples.write(folder, "ok.js", "function main() { return { ok: true }; }");
        Samples.write(folder, "manifest.yml", """
                packages:
                  demo:
                    actions:
                      ok: {function: ok.js}
                      bad!: {function: ok.js}
                    sequences:
                      uses-bad: {actions: "ok, bad!"}
                      uses-elsewhere: {actions: "ok, /guest/other/missing"}
                      fine: {actions: ok}
                """);
        DeployPreview preview = preview(ProjectLoader.load(folder), DeployScope.project());
        DeployItem elsewhere = preview.items().stream().filter(i -> i.name().equals("demo/uses-elsewhere"))
                .findFirst().orElseThrow();
        assertEquals("its component /guest/other/missing is not on the target and not in this deploy",
                elsewhere.blocked());

        DeployResult result = deploy(preview, false);

        assertFalse(result.succeeded());
        Map<String, ItemResult> byName = new java.util.HashMap<>();
        result.results().forEach(r -> byName.put(r.item().name(), r));
        assertEquals(ItemStatus.FAILED, byName.get("demo/bad!").status());
        assertEquals(400, byName.get("demo/bad!").httpStatus());
        assertEquals(ItemStatus.SKIPPED, byName.get("demo/uses-bad").status());
        assertEquals("Not written: its component action demo/bad!, which failed (a sequence never points at a"
                + " missing action).", byName.get("demo/uses-bad").message());
        assertEquals(ItemStatus.SKIPPED, byName.get("demo/uses-elsewhere").status());
        assertEquals(ItemStatus.DONE, byName.get("demo/fine").status());
        for (String notThere : List.of("demo/uses-bad", "demo/uses-elsewhere")) {
            assertEquals(404, assertThrows(OpenWhiskException.class,
                    () -> cluster.client.get(GUEST, EntityCollection.ACTIONS, notThere)).status());
        }
        assertTrue(result("demo/fine").get("ok").asBoolean());
    }
}
