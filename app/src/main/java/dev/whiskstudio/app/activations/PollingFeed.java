package dev.whiskstudio.app.activations;

import dev.whiskstudio.app.ui.Failures;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * New activations of any target by polling its REST API ({@code GET /activations?since=}); see
 * {@link PollingSettings} for how {@code since} moves. A poll pages through when more than a page arrived. A failed
 * poll is reported ({@link FeedState.Phase#RETRYING} with the failure's words) and the next one waits longer, up to
 * the settings' maximum; a success brings the interval back. Each subscription polls on its own daemon thread.
 */
public final class PollingFeed implements ActivationFeed {
    private final ActivationReader reader;
    private final InsightSource insight;
    private final PollingSettings settings;

    public PollingFeed(ActivationReader reader, InsightSource insight, PollingSettings settings) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.insight = Objects.requireNonNull(insight, "insight");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PollingSettings settings() {
        return settings;
    }

    @Override
    public FeedSubscription subscribe(FeedListener listener, long resumeFrom) {
        Poller poller = new Poller(Objects.requireNonNull(listener, "listener"), resumeFrom);
        poller.start();
        return poller;
    }

    /** What one poll did: the rows it fetched (before dropping repeats) and whether it stopped at the page cap. */
    record PollResult(List<ActivationRow> fetched, int pages, boolean capped) {
    }

    /** One poll: everything since the window's {@code since}, page after page; only the newest page before anchoring. */
    PollResult poll(PollWindow window, boolean sweep) throws IOException {
        long since = window.since(sweep);
        List<ActivationRow> fetched = new ArrayList<>();
        int pages = 0;
        while (true) {
            int pageSize = reader.pageSize();
            List<ActivationRow> page = reader.rows(fetched.size(), since);
            pages++;
            fetched.addAll(page);
            if (page.size() < Math.min(pageSize, reader.pageSize()) || !window.anchored()) {
                return new PollResult(fetched, pages, false);
            }
            if (pages >= settings.maxPagesPerPoll()) {
                return new PollResult(fetched, pages, true);
            }
        }
    }

    private final class Poller implements FeedSubscription, Runnable {
        private final FeedListener listener;
        private final PollWindow window;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "activation-poll");
            t.setDaemon(true);
            return t;
        });
        private volatile boolean closed;
        private int polls;
        private int failures;
        private FeedState lastState;

        Poller(FeedListener listener, long resumeFrom) {
            this.listener = listener;
            this.window = new PollWindow(settings.overlap().toMillis(), settings.sweepOverlap().toMillis(), resumeFrom);
        }

        void start() {
            report(new FeedState(FeedState.Phase.STARTING, "Connecting…"));
            timer.execute(this);
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            Duration next;
            try {
                boolean sweep = polls % settings.sweepEvery() == 0;
                PollResult result = poll(window, sweep);
                polls++;
                List<ActivationRow> fresh = window.accept(result.fetched());
                failures = 0;
                if (!fresh.isEmpty() && !closed) {
                    listener.arrived(insight.enrich(reader.namespace(), fresh));
                }
                report(new FeedState(FeedState.Phase.LIVE, result.capped()
                        ? "More than " + result.fetched().size() + " activations arrived at once; the newest are shown."
                        : "Polling every " + seconds(settings.interval()) + "."));
                next = settings.interval();
            } catch (IOException | RuntimeException e) {
                failures++;
                next = settings.delayAfter(failures);
                report(new FeedState(FeedState.Phase.RETRYING, "Polling failed: "
                        + Failures.messageOf(Failures.unwrap(e)) + " Retrying in " + seconds(next) + "."));
            }
            if (!closed) {
                try {
                    timer.schedule(this, next.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closedMeanwhile) {
                    // closed between the check and the schedule: nothing more to do
                }
            }
        }

        private void report(FeedState state) {
            if (!closed && !state.equals(lastState)) {
                lastState = state;
                listener.stateChanged(state);
            }
        }

        @Override
        public void close() {
            closed = true;
            timer.shutdownNow();
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
