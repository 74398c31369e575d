package dev.whiskstudio.app.client;

import dev.whiskstudio.app.client.debug.DebugEvent;
import dev.whiskstudio.app.client.insight.ActivationEvent;
import dev.whiskstudio.app.client.insight.PoolView;
import dev.whiskstudio.app.client.insight.SimulatorEventListener;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps everything a subscription tells it, in order, for a test to wait on with a bound. */
final class RecordingListener implements SimulatorEventListener {
    /** One call: its name and its argument (null for none). */
    record Heard(String what, Object value) {
    }

    private final LinkedBlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

    @Override
    public void onOpen() {
        heard.add(new Heard("open", null));
    }

    @Override
    public void onActivationStarted(ActivationEvent event) {
        heard.add(new Heard("started", event));
    }

    @Override
    public void onActivationRecorded(ActivationEvent event) {
        heard.add(new Heard("recorded", event));
    }

    @Override
    public void onPool(PoolView pool) {
        heard.add(new Heard("pool", pool));
    }

    @Override
    public void onDebug(DebugEvent event) {
        heard.add(new Heard("debug", event));
    }

    @Override
    public void onClosed() {
        heard.add(new Heard("closed", null));
    }

    @Override
    public void onError(IOException error) {
        heard.add(new Heard("error", error));
    }

    /** The next call that matches, waiting at most {@code limit}; the ones before it are passed over. */
    Heard next(Duration limit, String description, Predicate<Heard> matches) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Heard> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Heard h = left > 0 ? heard.poll(left, TimeUnit.NANOSECONDS) : null;
            if (h == null) {
                throw new AssertionError("did not hear " + description + " within " + limit.toMillis() + " ms; heard "
                        + skipped);
            }
            if (matches.test(h)) {
                return h;
            }
            skipped.add(h);
        }
    }

    /** Everything heard and not yet passed over. */
    List<Heard> drain() {
        List<Heard> out = new ArrayList<>();
        heard.drainTo(out);
        return out;
    }
}
