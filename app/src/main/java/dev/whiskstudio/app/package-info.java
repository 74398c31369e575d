/**
 * The desktop app's entry points and composition: {@link dev.whiskstudio.app.Launcher} starts JavaFX,
 * {@link dev.whiskstudio.app.WhiskStudioApp} builds the window from an {@link dev.whiskstudio.app.AppConfig} and
 * stops everything it started when the window closes.
 */
package dev.whiskstudio.app;
