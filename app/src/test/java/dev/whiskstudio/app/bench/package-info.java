/**
 * Benchmarks of the app, run as main classes through the {@code bench} Maven profile (never by surefire: their names
 * end in {@code Benchmark}, not {@code Test}).
 */
package dev.whiskstudio.app.bench;
