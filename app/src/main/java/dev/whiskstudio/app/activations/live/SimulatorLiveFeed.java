package dev.whiskstudio.app.activations.live;

import dev.whiskstudio.app.activations.ActivationFeed;
import dev.whiskstudio.app.activations.ActivationReader;
import dev.whiskstudio.app.activations.ActivationRow;
import dev.whiskstudio.app.activations.FeedState;
import dev.whiskstudio.app.client.SimulatorInsightClient;
import dev.whiskstudio.app.client.insight.ActivationEvent;
import dev.whiskstudio.app.client.insight.EventSubscription;
import dev.whiskstudio.app.client.insight.PoolView;
import dev.whiskstudio.app.client.insight.SimulatorEventListener;
import dev.whiskstudio.app.ui.Failures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * New activations from the simulator's event stream ({@code /sim/v1/events}): each recorded activation arrives as
 * it is stored, with its container and start kind. On connecting (and on reconnecting after the stream broke) it
 * first reads over the REST API what was recorded since the caller's newest, so nothing falls between. The same
 * stream also tells when activations begin and how the container pool changes; those go to the consumers set here.
 */
public final class SimulatorLiveFeed implements ActivationFeed {
    /** A stream that broke is opened again after 1, 2, 4 ... at most 10 s. */
    private static final long MAX_RETRY_MS = 10_000;
    /** Records may be stored a little after their start: the catch-up reads this far back before the newest. */
    private static final long CATCH_UP_OVERLAP_MS = 5_000;
    /** The catch-up reads at most this many pages; older ones are the history's. */
    private static final int CATCH_UP_PAGES = 5;

    private final SimulatorInsightClient client;
    private final ActivationReader reader;
    private volatile Consumer<ActivationEvent> onStarted = e -> { };
    private volatile Consumer<PoolView> onPool = p -> { };
    private volatile Consumer<String> onEnded = id -> { };

    public SimulatorLiveFeed(SimulatorInsightClient client, ActivationReader reader) {
        this.client = client;
        this.reader = reader;
    }

    /** Hears each activation as it begins in its container (on the feed's thread). */
    public void setOnStarted(Consumer<ActivationEvent> onStarted) {
        this.onStarted = onStarted;
    }

    /** Hears the id of each activation that ended without a stored record (on the feed's thread). */
    public void setOnEnded(Consumer<String> onEnded) {
        this.onEnded = onEnded;
    }

    /** Hears each change of the container pool (on the feed's thread). */
    public void setOnPool(Consumer<PoolView> onPool) {
        this.onPool = onPool;
    }

    @Override
    public FeedSubscription subscribe(FeedListener listener, long resumeFrom) {
        Stream stream = new Stream(listener, resumeFrom);
        stream.connect();
        return stream;
    }

    /** One subscription: the event stream, opened again whenever it breaks, until closed. */
    private final class Stream implements FeedSubscription {
        private final FeedListener listener;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-feed");
            t.setDaemon(true);
            return t;
        });
        private volatile boolean closed;
        private volatile long newestStart;
        private volatile EventSubscription events;
        private int failures;

        Stream(FeedListener listener, long resumeFrom) {
            this.listener = listener;
            this.newestStart = resumeFrom;
        }

        void connect() {
            if (closed) {
                return;
            }
            listener.stateChanged(new FeedState(FeedState.Phase.STARTING, "Connecting to the simulator's events…"));
            events = client.events(reader.namespace(), new SimulatorEventListener() {
                @Override
                public void onOpen() {
                    failures = 0;
                    run(Stream.this::catchUp);
                }

                @Override
                public void onActivationStarted(ActivationEvent event) {
                    onStarted.accept(event);
                }

                @Override
                public void onActivationRecorded(ActivationEvent event) {
                    ActivationRow row = ActivationRow.of(event.summary());
                    if (event.insight() != null) {
                        row = row.withInsight(SimulatorInsightSource.rowInsight(event.insight()));
                    }
                    deliver(List.of(row));
                }

                @Override
                public void onActivationEnded(String activationId) {
                    onEnded.accept(activationId);
                }

                @Override
                public void onPool(PoolView pool) {
                    onPool.accept(pool);
                }

                @Override
                public void onClosed() {
                    retry("The simulator closed the event stream.");
                }

                @Override
                public void onError(IOException error) {
                    retry("The event stream failed: " + Failures.messageOf(Failures.unwrap(error)));
                }
            });
        }

        /** What was stored since the newest the caller has, read over the REST API, then "live". */
        private void catchUp() {
            long since = newestStart <= 0 ? 0 : Math.max(0, newestStart - CATCH_UP_OVERLAP_MS);
            try {
                if (since > 0) {
                    List<ActivationRow> missed = new ArrayList<>();
                    for (int page = 0; page < CATCH_UP_PAGES; page++) {
                        List<ActivationRow> rows = reader.rows(missed.size(), since);
                        missed.addAll(rows);
                        if (rows.size() < reader.pageSize()) {
                            break;
                        }
                    }
                    deliver(missed);
                }
                listener.stateChanged(new FeedState(FeedState.Phase.LIVE, "Live from the simulator's events."));
            } catch (IOException | RuntimeException e) {
                retry("Reading what was missed failed: " + Failures.messageOf(Failures.unwrap(e)));
            }
        }

        private void deliver(List<ActivationRow> rows) {
            if (closed || rows.isEmpty()) {
                return;
            }
            for (ActivationRow r : rows) {
                newestStart = Math.max(newestStart, r.start());
            }
            listener.arrived(rows);
        }

        private void retry(String why) {
            if (closed) {
                return;
            }
            EventSubscription broken = events;
            if (broken != null) {
                broken.close();
            }
            failures++;
            long delay = Math.min(MAX_RETRY_MS, 1000L << Math.min(failures - 1, 4));
            listener.stateChanged(new FeedState(FeedState.Phase.RETRYING, why + " Connecting again in "
                    + (delay / 1000) + " s."));
            try {
                timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closedMeanwhile) {
                // closed while failing: nothing more to do
            }
        }

        private void run(Runnable work) {
            try {
                timer.execute(work);
            } catch (RejectedExecutionException closedMeanwhile) {
                // closed
            }
        }

        @Override
        public void close() {
            closed = true;
            timer.shutdownNow();
            EventSubscription open = events;
            if (open != null) {
                open.close();
            }
        }
    }
}
