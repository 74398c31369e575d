package dev.whiskstudio.sim.controller;

import dev.whiskstudio.sim.entity.ActivationRecord;

import java.util.concurrent.CompletableFuture;

/**
 * An activation under way: its id at once, its record when it ends (completing after the record is stored, or
 * after it was decided not to store it).
 */
public record Invocation(String activationId, CompletableFuture<ActivationRecord> done) {
}
