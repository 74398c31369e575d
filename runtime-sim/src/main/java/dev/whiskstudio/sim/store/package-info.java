/**
 * Durable state in one SQLite file (WAL): entities, kept in memory and written through, and activation records,
 * indexed for the list queries, with the simulator's insight into each beside it.
 */
package dev.whiskstudio.sim.store;
