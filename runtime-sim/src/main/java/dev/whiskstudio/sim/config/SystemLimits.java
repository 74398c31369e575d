package dev.whiskstudio.sim.config;

import java.time.Duration;

/**
 * The platform limits the simulator enforces: per-action ranges, per-namespace throttles, sizes and list pages.
 * Each profile brings its own defaults; a config file may override single values.
 */
public record SystemLimits(
        LimitRange timeoutMs,
        LimitRange memoryMb,
        LimitRange logsMb,
        LimitRange concurrency,
        int concurrentInvocations,
        int invocationsPerMinute,
        long payloadBytes,
        long resultBytes,
        long parameterBytes,
        long codeSizeBytes,
        int sequenceMaxLength,
        int entityListDefault,
        int entityListMax,
        int activationListDefault,
        int activationListMax,
        Duration activationRetention) {

    public SystemLimits withConcurrentInvocations(int value) {
        return new SystemLimits(timeoutMs, memoryMb, logsMb, concurrency, value, invocationsPerMinute, payloadBytes,
                resultBytes, parameterBytes, codeSizeBytes, sequenceMaxLength, entityListDefault, entityListMax,
                activationListDefault, activationListMax, activationRetention);
    }

    public SystemLimits withInvocationsPerMinute(int value) {
        return new SystemLimits(timeoutMs, memoryMb, logsMb, concurrency, concurrentInvocations, value, payloadBytes,
                resultBytes, parameterBytes, codeSizeBytes, sequenceMaxLength, entityListDefault, entityListMax,
                activationListDefault, activationListMax, activationRetention);
    }

    public SystemLimits withActivationRetention(Duration value) {
        return new SystemLimits(timeoutMs, memoryMb, logsMb, concurrency, concurrentInvocations, invocationsPerMinute,
                payloadBytes, resultBytes, parameterBytes, codeSizeBytes, sequenceMaxLength, entityListDefault,
                entityListMax, activationListDefault, activationListMax, value);
    }
}
