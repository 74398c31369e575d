/**
 * The simulator's container pool as a live view: {@link dev.whiskstudio.app.activations.pool.PoolSnapshot} and
 * {@link dev.whiskstudio.app.activations.pool.PoolContainer} (the shape of {@code /sim/v1/pool}) shown by
 * {@link dev.whiskstudio.app.activations.pool.PoolView}, memory against capacity, the queue, and containers grouped
 * by action with their states, updated in place from one snapshot to the next.
 */
package dev.whiskstudio.app.activations.pool;
