package dev.whiskstudio.sim.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.sim.config.SystemLimits;

/** An action's limits: timeout (ms), memory (MB), logs (MB) and per-container concurrency. */
public record ActionLimits(long timeout, long memory, long logs, long concurrency) {

    public static ActionLimits defaults(SystemLimits system) {
        return new ActionLimits(system.timeoutMs().std(), system.memoryMb().std(), system.logsMb().std(),
                system.concurrency().std());
    }

    /**
     * The limits of a PUT body: each given field replaces the one of {@code base}. Out-of-range values throw
     * {@link LimitOutOfRangeException} with the platform's message; values of the wrong type are malformed.
     */
    public static ActionLimits parse(JsonNode node, ActionLimits base, SystemLimits system) {
        if (node == null || node.isNull()) {
            return base;
        }
        if (!node.isObject()) {
            throw new MalformedEntityException("'limits' must be an object");
        }
        long timeout = field(node, "timeout", base.timeout, "time limit");
        long memory = field(node, "memory", base.memory, "memory limit");
        long logs = field(node, "logs", base.logs, "log limit");
        long concurrency = field(node, "concurrency", base.concurrency, "concurrency limit");
        ActionLimits limits = new ActionLimits(timeout, memory, logs, concurrency);
        limits.check(system);
        return limits;
    }

    private static long field(JsonNode node, String name, long fallback, String what) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new MalformedEntityException(what + " malformed");
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new MalformedEntityException("requirement failed: " + what + " must be whole number");
        }
        return v.longValue();
    }

    /** Checks each limit against the system's ranges, in the platform's order (memory, timeout, logs, concurrency). */
    public void check(SystemLimits system) {
        if (memory > system.memoryMb().max()) {
            throw new LimitOutOfRangeException("requirement failed: " + sizeMessage("memory", memory, system.memoryMb().max(), true));
        }
        if (memory < system.memoryMb().min()) {
            throw new LimitOutOfRangeException("requirement failed: " + sizeMessage("memory", memory, system.memoryMb().min(), false));
        }
        if (timeout > system.timeoutMs().max()) {
            throw new LimitOutOfRangeException("requirement failed: " + "duration " + timeout + " milliseconds exceeds allowed threshold of "
                    + system.timeoutMs().max() + " milliseconds");
        }
        if (timeout < system.timeoutMs().min()) {
            throw new LimitOutOfRangeException("requirement failed: " + "duration " + timeout + " milliseconds below allowed threshold of "
                    + system.timeoutMs().min() + " milliseconds");
        }
        if (logs > system.logsMb().max()) {
            throw new LimitOutOfRangeException("requirement failed: " + sizeMessage("log", logs, system.logsMb().max(), true));
        }
        if (logs < system.logsMb().min()) {
            throw new LimitOutOfRangeException("requirement failed: " + sizeMessage("log", logs, system.logsMb().min(), false));
        }
        if (concurrency > system.concurrency().max()) {
            throw new LimitOutOfRangeException("requirement failed: " + "concurrency " + concurrency + " exceeds allowed threshold of "
                    + system.concurrency().max());
        }
        if (concurrency < system.concurrency().min()) {
            throw new LimitOutOfRangeException("requirement failed: " + "concurrency " + concurrency + " below allowed threshold of "
                    + system.concurrency().min());
        }
    }

    private static String sizeMessage(String field, long is, long allowed, boolean exceeds) {
        return field + " size " + is + " MB " + (exceeds ? "exceeds" : "below") + " allowed threshold of " + allowed + " MB";
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("timeout", timeout);
        o.put("memory", memory);
        o.put("logs", logs);
        o.put("concurrency", concurrency);
        return o;
    }

    public static ActionLimits fromJson(JsonNode o) {
        return new ActionLimits(o.path("timeout").asLong(), o.path("memory").asLong(), o.path("logs").asLong(),
                o.path("concurrency").asLong(1));
    }
}
