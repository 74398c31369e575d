/**
 * The simulator's own small API beside OpenWhisk's, under {@code /sim/v1}: what a local simulator can show and a
 * cluster cannot. Per activation, the container it ran in, how that container was found (cold, prewarm, warm), its
 * queue, wait and init times and the payload it was invoked with ({@link dev.whiskstudio.sim.insight.InsightRecorder},
 * stored beside the record); the container pool as it is now; and a live event stream of activations and pool
 * changes ({@link dev.whiskstudio.sim.insight.EventHub}), in which a slow client can never hold the invoker up.
 * Every answer is scoped to the namespaces of the caller's key.
 */
package dev.whiskstudio.sim.insight;
