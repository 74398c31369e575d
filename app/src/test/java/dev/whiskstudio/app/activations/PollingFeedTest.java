package dev.whiskstudio.app.activations;

import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.explorer.LiveSimulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.whiskstudio.app.explorer.LiveSimulator.GUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling feed and the history pages against a real simulator running the actions in Node.js. */
class PollingFeedTest {
    private static final String QUICK = "function main(p) { return { n: p.n }; }";
    /** Takes about a quarter of a second: a steady stream of activations that stays under 60 a minute. */
    private static final String PACED = "function main(p) { return new Promise(r => setTimeout(() => r({ n: p.n }), 250)); }";
    private static final String SLOW = "function main() { return new Promise(r => setTimeout(() => r({ slow: true }), 2500)); }";

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final List<ActivationRow> delivered = new CopyOnWriteArrayList<>();
    private final List<List<ActivationRow>> batches = new CopyOnWriteArrayList<>();
    private final List<FeedState> states = new CopyOnWriteArrayList<>();
    private final ActivationFeed.FeedListener listener = new ActivationFeed.FeedListener() {
        @Override
        public void arrived(List<ActivationRow> rows) {
            delivered.addAll(rows);
            batches.add(List.copyOf(rows));
        }

        @Override
        public void stateChanged(FeedState state) {
            states.add(state);
        }
    };

    @AfterEach
    void close() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    private LiveSimulator sim() throws Exception {
        return sim(0, Profile.OPENWHISK);
    }

    private LiveSimulator sim(int port, Profile profile) throws Exception {
        LiveSimulator sim = LiveSimulator.start(tempDir.resolve("sim-" + closeAfter.size()), port, c -> c.withProfile(profile));
        closeAfter.add(sim);
        return sim;
    }

    private ActivationFeed.FeedSubscription subscribe(PollingFeed feed, long resumeFrom) {
        ActivationFeed.FeedSubscription s = feed.subscribe(listener, resumeFrom);
        closeAfter.add(s);
        return s;
    }

    private static PollingSettings fast() {
        return PollingSettings.defaults().withInterval(Duration.ofMillis(200));
    }

    private String invoke(LiveSimulator sim, String action, int n) throws IOException {
        return sim.client().invoke(GUEST, action, LiveSimulator.JSON.createObjectNode().put("n", n), true,
                Duration.ofSeconds(30)).activationId();
    }

    private List<String> deliveredIds() {
        return delivered.stream().map(ActivationRow::activationId).toList();
    }

    private void waitUntilDelivered(Set<String> ids) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> deliveredIds().containsAll(ids));
    }

    @Test
    void activationsLandingDuringPollingAreDeliveredOnceEach() throws Exception {
        LiveSimulator sim = sim();
        sim.action("quick", QUICK);
        PollingFeed feed = new PollingFeed(new ActivationReader(sim.client(), GUEST), InsightSource.NONE, fast());
        subscribe(feed, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> states.stream().anyMatch(s -> s.phase() == FeedState.Phase.LIVE));

        Set<String> invoked = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            invoked.add(invoke(sim, "quick", i));
        }
        waitUntilDelivered(invoked);
        // one more, later: by the time it arrives the earlier ones were in the overlap of several polls
        String last = invoke(sim, "quick", 99);
        waitUntilDelivered(Set.of(last));

        List<String> ids = deliveredIds();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "each activation once: " + ids);
        assertEquals(9, ids.size());
        ActivationRow row = delivered.stream().filter(r -> r.activationId().equals(last)).findFirst().orElseThrow();
        assertEquals("quick", row.path());
        assertEquals(StartKind.WARM, row.startKind());
        assertEquals(ActivationStatus.SUCCESS, row.status());
        assertTrue(states.get(states.size() - 1).message().startsWith("Polling every 0.2 s"), states.toString());
    }

    @Test
    void aLongActivationRecordedAfterNewerOnesIsStillDelivered() throws Exception {
        LiveSimulator sim = sim();
        sim.action("paced", PACED);
        sim.action("slow", SLOW);
        // a short overlap: the ordinary polls move past the slow one's start, the sweep looks back far enough
        PollingSettings settings = fast().withOverlap(Duration.ofMillis(300), 4, Duration.ofMinutes(1));
        PollingFeed feed = new PollingFeed(new ActivationReader(sim.client(), GUEST), InsightSource.NONE, settings);
        subscribe(feed, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> states.stream().anyMatch(s -> s.phase() == FeedState.Phase.LIVE));

        String slow = sim.client().invoke(GUEST, "slow", null, false, null).activationId();
        Set<String> quick = new HashSet<>();
        long until = System.currentTimeMillis() + 3_000;
        int n = 0;
        while (System.currentTimeMillis() < until) {
            quick.add(invoke(sim, "paced", n++));
        }
        waitUntilDelivered(quick);
        waitUntilDelivered(Set.of(slow));

        ActivationRow slowRow = delivered.stream().filter(r -> r.activationId().equals(slow)).findFirst().orElseThrow();
        int slowBatch = -1;
        int firstNewerBatch = -1;
        for (int i = 0; i < batches.size(); i++) {
            for (ActivationRow r : batches.get(i)) {
                if (r.activationId().equals(slow)) {
                    slowBatch = i;
                }
                if (firstNewerBatch < 0 && r.start() > slowRow.start() + 300) {
                    firstNewerBatch = i;
                }
            }
        }
        // an ordinary poll after that batch asked for a since past the slow one's start
        assertTrue(firstNewerBatch >= 0 && firstNewerBatch < slowBatch,
                "rows that started well after the slow one were delivered in an earlier poll");
        assertEquals(1, deliveredIds().stream().filter(slow::equals).count());
        assertTrue(slowRow.duration() >= 2500, "duration " + slowRow.duration());
    }

    @Test
    void morePagesThanOneArePagedThrough() throws Exception {
        LiveSimulator sim = sim();
        sim.action("quick", QUICK);
        long before = System.currentTimeMillis();
        List<String> invoked = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            invoked.add(invoke(sim, "quick", i));
        }
        ActivationReader reader = new ActivationReader(sim.client(), GUEST, 3);
        // resuming from before them: the first poll lists 10 rows in pages of 3
        subscribe(new PollingFeed(reader, InsightSource.NONE, fast()), before);
        waitUntilDelivered(new HashSet<>(invoked));
        assertEquals(10, delivered.size());

        ActivationHistory history = new ActivationHistory(reader, InsightSource.NONE);
        List<String> walked = new ArrayList<>();
        while (!history.exhausted()) {
            history.nextPage().forEach(r -> walked.add(r.activationId()));
        }
        assertEquals(10, history.walked());
        List<String> newestFirst = new ArrayList<>(invoked);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, walked);
    }

    @Test
    void aTargetWithSmallerPagesIsAskedForItsOwnSize() throws Exception {
        LiveSimulator sim = sim(0, Profile.ADOBE_IO_RUNTIME);
        sim.action("quick", QUICK);
        ActivationReader reader = new ActivationReader(sim.client(), GUEST);
        assertEquals(200, reader.pageSize());
        assertEquals(List.of(), reader.rows(0, 0));
        assertEquals(50, reader.pageSize());
        // Adobe I/O Runtime records a successful blocking activation only on request: a non-blocking one it records
        String id = sim.client().invoke(GUEST, "quick", null, false, null).activationId();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> reader.records(0, 0).size() == 1);
        assertEquals(id, reader.rows(0, 0).get(0).activationId());
    }

    @Test
    void failuresAreReportedWithBackoffAndPollingRecovers() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        OpenWhiskClient client = new OpenWhiskClient("http://127.0.0.1:" + port, Credential.GUEST.auth());
        closeAfter.add(client);
        PollingSettings settings = PollingSettings.defaults().withInterval(Duration.ofMillis(100))
                .withMaxBackoff(Duration.ofMillis(800));
        subscribe(new PollingFeed(new ActivationReader(client, GUEST), InsightSource.NONE, settings), 0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> states.stream().filter(FeedState::failing).count() >= 3);
        List<String> failing = states.stream().filter(FeedState::failing).map(FeedState::message).toList();
        assertTrue(failing.get(0).startsWith("Polling failed: "), failing.get(0));
        assertTrue(failing.get(0).endsWith("Retrying in 0.2 s."), failing.get(0));
        assertTrue(failing.get(1).endsWith("Retrying in 0.4 s."), failing.get(1));

        LiveSimulator sim = sim(port, Profile.OPENWHISK);
        sim.action("quick", QUICK);
        String id = invoke(sim, "quick", 1);
        waitUntilDelivered(Set.of(id));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> states.get(states.size() - 1).phase() == FeedState.Phase.LIVE);
    }

    @Test
    void aClosedSubscriptionDeliversNothingMore() throws Exception {
        LiveSimulator sim = sim();
        sim.action("quick", QUICK);
        ActivationFeed.FeedSubscription s = subscribe(
                new PollingFeed(new ActivationReader(sim.client(), GUEST), InsightSource.NONE, fast()), 0);
        String first = invoke(sim, "quick", 1);
        waitUntilDelivered(Set.of(first));
        s.close();
        int count = delivered.size();
        invoke(sim, "quick", 2);
        // a second subscription sees the new one: the first one, closed, must not have
        List<ActivationRow> second = new CopyOnWriteArrayList<>();
        ActivationFeed.FeedSubscription again = new PollingFeed(new ActivationReader(sim.client(), GUEST),
                InsightSource.NONE, fast()).subscribe(new ActivationFeed.FeedListener() {
            @Override
            public void arrived(List<ActivationRow> rows) {
                second.addAll(rows);
            }

            @Override
            public void stateChanged(FeedState state) {
            }
        }, 0);
        closeAfter.add(again);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second.size() >= 2);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> second.size() >= 2);
        assertEquals(count, delivered.size());
    }
}
