package dev.whiskstudio.sim.config;

import java.time.Duration;
import java.util.Locale;

/**
 * A platform whose defaults and ranges the simulator takes on (the reference's limits table).
 */
public enum Profile {
    /** Apache OpenWhisk as deployed from its default configuration. */
    OPENWHISK("openwhisk", new SystemLimits(
            new LimitRange(100, 300_000, 60_000),
            new LimitRange(128, 512, 256),
            new LimitRange(0, 10, 10),
            new LimitRange(1, 1, 1),
            30, 60,
            1_048_576, 1_048_576, 1_048_576,
            48L * 1024 * 1024,
            50,
            30, 200,
            30, 200,
            Duration.ofDays(30))),
    /**
     * Adobe I/O Runtime. The timeout ceiling is the lowest plan's (30 min) so code that passes here passes on
     * every plan; records are kept 7 days.
     */
    ADOBE_IO_RUNTIME("adobe-io-runtime", new SystemLimits(
            new LimitRange(100, 1_800_000, 60_000),
            new LimitRange(128, 4096, 256),
            new LimitRange(0, 10, 10),
            new LimitRange(1, 500, 200),
            100, 600,
            1_048_576, 1_048_576, 1_048_576,
            22L * 1024 * 1024,
            50,
            30, 200,
            30, 50,
            Duration.ofDays(7)));

    private final String id;
    private final SystemLimits limits;

    Profile(String id, SystemLimits limits) {
        this.id = id;
        this.limits = limits;
    }

    public String id() {
        return id;
    }

    public SystemLimits limits() {
        return limits;
    }

    public static Profile parse(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        for (Profile p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "' (expected openwhisk or adobe-io-runtime)");
    }
}
