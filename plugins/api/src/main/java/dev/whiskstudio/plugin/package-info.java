/**
 * The plugin SPI of Whisk Studio. Plugins are jars on the class path that register implementations of these
 * interfaces in {@code META-INF/services}; {@link dev.whiskstudio.plugin.PluginRegistry} finds them with
 * {@link java.util.ServiceLoader}. This module depends on nothing, so a plugin needs nothing but it.
 */
package dev.whiskstudio.plugin;
