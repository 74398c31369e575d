/**
 * The nodejs kinds ({@code nodejs:18}, {@code nodejs:20}, {@code nodejs:22}): our own action proxy, a Node.js
 * program with no dependencies kept as resources under {@code proxy/}, and how to start it with the {@code node}
 * found on the PATH. {@link dev.whiskstudio.plugin.nodejs.NodejsRuntime} is the plugin;
 * {@link dev.whiskstudio.plugin.nodejs.ProxyScripts} holds the proxy's files and
 * {@link dev.whiskstudio.plugin.nodejs.ProxyInstaller} puts them on disk once per content.
 */
package dev.whiskstudio.plugin.nodejs;
