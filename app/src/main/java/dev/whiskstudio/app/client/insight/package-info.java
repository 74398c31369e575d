/**
 * What the simulator's insight API ({@code /sim/v1}) answers, as values: what the simulator is
 * ({@link dev.whiskstudio.app.client.insight.SimulatorInfo}), its container pool
 * ({@link dev.whiskstudio.app.client.insight.PoolView}, {@link dev.whiskstudio.app.client.insight.ContainerView}),
 * one activation's insight ({@link dev.whiskstudio.app.client.insight.ActivationInsight}) and the live events
 * ({@link dev.whiskstudio.app.client.insight.ActivationEvent}, heard through a
 * {@link dev.whiskstudio.app.client.insight.SimulatorEventListener}). Fields keep the API's names and words
 * ({@code "cold"}, {@code "busy"}); the client that fetches them is
 * {@link dev.whiskstudio.app.client.SimulatorInsightClient}.
 */
package dev.whiskstudio.app.client.insight;
