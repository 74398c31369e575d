/**
 * Developer tools kept with the tests because they need the same JavaFX setup: they are run by hand, not by the
 * build. {@link dev.whiskstudio.app.tools.AppIconRenderer} makes the app icon PNG files of the icons module.
 */
package dev.whiskstudio.app.tools;
