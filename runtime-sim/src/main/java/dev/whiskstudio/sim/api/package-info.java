/**
 * The REST layer: OpenWhisk API v1 routes, request parsing, JSON rendering, and the one place where errors become
 * the platform's status and {@code {"error","code"}} body. No domain rules live here.
 */
package dev.whiskstudio.sim.api;
