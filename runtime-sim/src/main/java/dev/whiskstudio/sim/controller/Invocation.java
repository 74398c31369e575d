package dev.whiskstudio.sim.controller;

import dev.whiskstudio.sim.entity.ActivationRecord;

import java.util.concurrent.CompletableFuture;

/**
 * An activation under way: its id at once, its record when it ends (completing after the record is stored, or
 * after it was decided not to store it).
 *
 * @param startedNanos {@link System#nanoTime()} when it was started (a caller's wait runs from then)
 */
public record Invocation(String activationId, CompletableFuture<ActivationRecord> done, long startedNanos) {
}
