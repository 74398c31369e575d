package dev.whiskstudio.sim.controller;

import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's per-namespace throttles: activations started in the current minute, and activations in flight.
 * A request over either is refused with 429, not queued. As on the platform, the minute is the clock's minute and
 * refused requests count toward it.
 */
public final class Throttle {
    private final int perMinute;
    private final int concurrent;
    private final Clock clock;
    private final ConcurrentHashMap<String, Counters> byNamespace = new ConcurrentHashMap<>();

    private static final class Counters {
        long minute = -1;
        int startedThisMinute;
        int inFlight;
    }

    public Throttle(int perMinute, int concurrent, Clock clock) {
        this.perMinute = perMinute;
        this.concurrent = concurrent;
        this.clock = clock;
    }

    /**
     * Charges one invocation request to the namespace, or throws 429. As on the platform, every request is charged
     * before anything else is checked: a request later refused (missing action, too large) still counts.
     */
    public void check(String namespace) {
        Counters c = counters(namespace);
        long minute = clock.millis() / 60_000;
        synchronized (c) {
            if (c.minute != minute) {
                c.minute = minute;
                c.startedThisMinute = 0;
            }
            c.startedThisMinute++;
            if (c.startedThisMinute > perMinute) {
                throw new ApiException(429, Messages.tooManyPerMinute(c.startedThisMinute, perMinute));
            }
            if (c.inFlight >= concurrent) {
                throw new ApiException(429, Messages.tooManyConcurrent(c.inFlight, concurrent));
            }
        }
    }

    /** A checked request became an activation; it must be {@link #finish}ed. */
    public void started(String namespace) {
        Counters c = counters(namespace);
        synchronized (c) {
            c.inFlight++;
        }
    }

    private Counters counters(String namespace) {
        return byNamespace.computeIfAbsent(namespace, n -> new Counters());
    }

    /** An admitted activation has ended. */
    public void finish(String namespace) {
        Counters c = byNamespace.get(namespace);
        if (c != null) {
            synchronized (c) {
                c.inFlight = Math.max(0, c.inFlight - 1);
            }
        }
    }

    /** Activations of the namespace in flight now. */
    public int inFlight(String namespace) {
        Counters c = byNamespace.get(namespace);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            return c.inFlight;
        }
    }

    /** Activations in flight now, in every namespace. */
    public int inFlightTotal() {
        int total = 0;
        for (String namespace : byNamespace.keySet()) {
            total += inFlight(namespace);
        }
        return total;
    }
}
