/**
 * The headless OpenWhisk simulator: {@link dev.whiskstudio.sim.Simulator} builds and runs it from a
 * {@link dev.whiskstudio.sim.config.SimConfig}; {@link dev.whiskstudio.sim.Main} is its command line.
 */
package dev.whiskstudio.sim;
