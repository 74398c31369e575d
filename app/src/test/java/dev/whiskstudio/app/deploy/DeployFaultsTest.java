package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import dev.whiskstudio.app.workspace.sync.EntityKind;
import dev.whiskstudio.sim.config.Credential;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cluster's faults, which a simulator does not produce on demand, from OkHttp's MockWebServer. */
class DeployFaultsTest {
    private static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1));
    private static final String A = "actions/demo/a";
    private static final String B = "actions/demo/b";
    private static final String AB = "actions/demo/ab";

    @TempDir
    Path folder;
    private final MockWebServer server = new MockWebServer();
    private final ScriptedCluster cluster = new ScriptedCluster();
    private Deployer deployer;
    private Project project;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(cluster);
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        TargetEntry entry = TargetEntry.of(new Target("mock cluster", server.url("/").toString(),
                Credential.GUEST.auth()), "guest", TargetSource.USER, null);
        deployer = Deployer.open(entry, FAST, List.of());
        Samples.write(folder, "a.js", "function main() { return { a: 1 }; }");
        Samples.write(folder, "manifest.yml", """
                packages:
                  demo:
                    actions:
                      a: {function: a.js}
                      b: {function: a.js}
                    sequences:
                      ab: {actions: "a, b"}
                """);
        project = ProjectLoader.load(folder);
    }

    @AfterEach
    void stop() {
        deployer.close();
        server.close();
    }

    private DeployResult deploy() throws IOException {
        DeployPreview preview = deployer.preview(project, DeployScope.project(), Map.of(), () -> false);
        assertEquals(4, preview.count(Change.CREATE));
        return deployer.deploy(preview, false, DeployListener.NONE, () -> false);
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterAndThenSucceeds() throws Exception {
        cluster.script("PUT", A, new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .body("{\"error\":\"Too many requests in the last minute (count: 61, allowed: 60).\"}").build());
        long start = System.nanoTime();
        DeployResult result = deploy();

        assertTrue(result.succeeded(), result::summary);
        assertEquals(2, cluster.count("PUT", A));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(900).toNanos(), "waited as Retry-After asked");
    }

    @Test
    void a503IsRetriedWithBackoffUntilItPasses() throws Exception {
        cluster.script("PUT", B, ScriptedCluster.status(503, "System is overloaded, try again later."),
                ScriptedCluster.status(503, "System is overloaded, try again later."));
        DeployResult result = deploy();

        assertTrue(result.succeeded(), result::summary);
        assertEquals(3, cluster.count("PUT", B));
        assertEquals(1, cluster.count("PUT", AB));
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        MockResponse drop = new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
        // three in a row: more than OkHttp's own silent retry of a stale connection would get past
        cluster.script("PUT", A, drop, drop, drop);
        DeployResult result = deploy();

        assertTrue(result.succeeded(), result::summary);
        assertTrue(cluster.count("PUT", A) >= 4, cluster.seen::toString);
    }

    @Test
    void a401StopsTheWholeDeployWithAClearMessage() throws Exception {
        cluster.script("PUT", "packages/demo", ScriptedCluster.status(401, "The supplied authentication is invalid"));
        DeployResult result = deploy();

        assertFalse(result.succeeded());
        assertEquals("The target refused the key (HTTP 401: The supplied authentication is invalid). Check the"
                + " target's key; the deploy stopped. (HTTP 401)", result.stopReason());
        assertEquals(ItemStatus.FAILED, result.results().get(0).status());
        assertEquals(List.of(ItemStatus.NOT_RUN, ItemStatus.NOT_RUN, ItemStatus.NOT_RUN),
                result.results().subList(1, 4).stream().map(ItemResult::status).toList());
        assertEquals(1, cluster.seen.stream().filter(s -> s.startsWith("PUT")).count(), "nothing sent after it");
        assertFalse(result.stopReason().contains(Credential.GUEST.key()), "the key is never in a message");
    }

    @Test
    void a403OnTheTargetsOwnNamespaceStillStopsTheWholeDeploy() throws Exception {
        cluster.script("PUT", "packages/demo", ScriptedCluster.status(403,
                "The supplied authentication is not authorized to access 'guest/demo'."));
        DeployResult result = deploy();

        assertTrue(result.stopReason().startsWith("The key may not change this namespace (HTTP 403"),
                result::stopReason);
        assertEquals(1, cluster.seen.stream().filter(s -> s.startsWith("PUT")).count(), "nothing sent after it");
    }

    @Test
    void a401OnThePreviewSaysSoBeforeAnythingIsSent() {
        cluster.script("GET", "packages/demo", ScriptedCluster.status(401, "The supplied authentication is invalid"));
        AuthFailure e = assertThrows(AuthFailure.class,
                () -> deployer.preview(project, DeployScope.project(), Map.of(), () -> false));
        assertTrue(e.error().startsWith("The target refused the key"), e.error());
    }

    @Test
    void whenAComponentKeepsFailingTheSequenceIsNotWrittenAndTheRestIs() throws Exception {
        MockResponse down = ScriptedCluster.status(500, "Internal server error");
        cluster.script("PUT", A, down, down, down, down);
        DeployResult result = deploy();

        assertEquals(List.of(ItemStatus.DONE, ItemStatus.FAILED, ItemStatus.DONE, ItemStatus.SKIPPED),
                result.results().stream().map(ItemResult::status).toList());
        assertEquals(4, cluster.count("PUT", A), "every attempt of the policy");
        assertEquals(500, result.results().get(1).httpStatus());
        assertEquals(0, cluster.count("PUT", AB), "the sequence is never written");
        assertEquals("Deployed with problems: 2 written, 0 unchanged, 1 failed, 1 skipped", result.summary());
    }

    @Test
    void cancellingStopsBetweenRequests() throws Exception {
        DeployPreview preview = deployer.preview(project, DeployScope.project(), Map.of(), () -> false);
        AtomicBoolean cancel = new AtomicBoolean();
        DeployResult result = deployer.deploy(preview, false, (index, total, r) -> cancel.set(index == 1),
                cancel::get);

        assertTrue(result.cancelled());
        assertEquals(List.of(ItemStatus.DONE, ItemStatus.DONE, ItemStatus.NOT_RUN, ItemStatus.NOT_RUN),
                result.results().stream().map(ItemResult::status).toList());
        assertEquals(0, cluster.count("PUT", B));
    }

    private static final String FEED = "actions/feeds/alarm";

    /** A trigger fed by {@code /guest/feeds/<feed>} (in the key's namespace, so the mock's paths hold it). */
    private Project fedProject(String feed) throws IOException {
        Path dir = folder.resolve("fed-" + feed);
        Samples.write(dir, "manifest.yml", """
                packages:
                  demo:
                    triggers:
                      nightly:
                        feed: /guest/feeds/%s
                        inputs:
                          cron: "0 3 * * *"
                """.formatted(feed));
        return ProjectLoader.load(dir);
    }

    private DeployResult deployAll(Project p) throws IOException {
        DeployPreview preview = deployer.preview(p, DeployScope.project(), Map.of(), () -> false);
        return deployer.deploy(preview, false, DeployListener.NONE, () -> false);
    }

    private static ItemResult feedResult(DeployResult result) {
        return result.results().stream().filter(r -> r.item().kind() == EntityKind.FEED).findFirst().orElseThrow();
    }

    @Test
    void aFeedCreateWhoseConnectionDropsIsNotSentAgain() throws Exception {
        MockResponse drop = new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
        cluster.script("POST", FEED, ScriptedCluster.activation(true), drop, ScriptedCluster.activation(true));
        DeployResult result = deployAll(fedProject("alarm"));

        assertEquals(List.of("feeds/alarm DELETE", "feeds/alarm CREATE"), cluster.feedEvents,
                "a CREATE that may have been carried out is never replayed, by OkHttp or by the retries");
        assertEquals(ItemStatus.FAILED, feedResult(result).status());
        assertEquals(1, cluster.count("PUT", "triggers/nightly"), "no digest recorded for a feed not known to exist");
    }

    @Test
    void aFeedCreateStillRunningAfter30SecondsMayHaveSucceeded() throws Exception {
        MockResponse accepted = new MockResponse.Builder().code(202).addHeader("Content-Type", "application/json")
                .body("{\"activationId\":\"a2\"}").build();
        cluster.script("POST", FEED, ScriptedCluster.activation(true), accepted);
        DeployResult result = deployAll(fedProject("alarm"));

        ItemResult feed = feedResult(result);
        assertEquals(ItemStatus.FAILED, feed.status());
        assertTrue(feed.message().contains("may have succeeded: check the trigger"), feed.message());
        assertFalse(feed.message().contains("did not accept"), feed.message());
    }

    @Test
    void aFailedFeedCreateAfterItsOldRegistrationWasDeletedSaysSo() throws Exception {
        cluster.script("POST", FEED, ScriptedCluster.activation(true), ScriptedCluster.activation(false));
        DeployResult result = deployAll(fedProject("alarm"));

        ItemResult feed = feedResult(result);
        assertEquals(ItemStatus.FAILED, feed.status());
        assertTrue(feed.message().startsWith("The feed /guest/feeds/alarm did not accept the trigger: no."),
                feed.message());
        assertTrue(feed.message().contains("Its earlier registration with /guest/feeds/alarm was deleted first, so"
                + " the trigger has no feed now."), feed.message());
        assertEquals(1, cluster.count("PUT", "triggers/nightly"), "no digest recorded");
    }

    @Test
    void aChangedFeedIsDeletedFromTheFeedTheTargetsTriggerRecords() throws Exception {
        cluster.script("GET", "triggers/nightly", new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"namespace\":\"guest\",\"name\":\"nightly\",\"parameters\":[],\"annotations\":"
                        + "[{\"key\":\"feed\",\"value\":\"/guest/feeds/old\"}]}").build());
        cluster.script("POST", "actions/feeds/old", ScriptedCluster.activation(true));
        cluster.script("POST", "actions/feeds/alarm", ScriptedCluster.activation(true));
        DeployPreview preview = deployer.preview(fedProject("alarm"), DeployScope.project(), Map.of(), () -> false);
        DeployItem feedItem = preview.items().stream().filter(i -> i.kind() == EntityKind.FEED).findFirst().orElseThrow();
        assertEquals("replaces /guest/feeds/old", feedItem.detail());

        DeployResult result = deployer.deploy(preview, false, DeployListener.NONE, () -> false);

        assertTrue(result.succeeded(), () -> result.summary() + result.results());
        assertEquals(List.of("feeds/old DELETE", "feeds/alarm CREATE"), cluster.feedEvents);
        assertEquals(2, cluster.count("PUT", "triggers/nightly"), "the trigger, then its digest once the feed exists");
    }
}
