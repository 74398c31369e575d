/** The simulator's configuration: profiles with the platform's limits, credentials, and the YAML loader. */
package dev.whiskstudio.sim.config;
