/**
 * Finding Node.js on this machine: the simulator runs {@code nodejs} actions with the {@code node} on the PATH, so
 * the app checks for one (and its version) and tells the user how to get it when it is missing or too old.
 */
package dev.whiskstudio.app.node;
