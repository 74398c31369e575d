package dev.whiskstudio.icons;

import java.net.URL;
import java.util.List;

/**
 * The app icon rendered on its tile at one size, for window title bars, task bars and docks, which want bitmaps.
 * The files are made from {@code whisk-studio.svg} by the app's {@code AppIconRenderer}.
 */
public record AppIconPng(int size) {

    /** The sizes shipped: what desktops ask for, from a title bar's 16 px to a dock's 256 px. */
    public static final List<AppIconPng> ALL = List.of(new AppIconPng(16), new AppIconPng(24), new AppIconPng(32),
            new AppIconPng(48), new AppIconPng(64), new AppIconPng(128), new AppIconPng(256));

    public String fileName() {
        return Icon.WHISK_STUDIO.id() + "-" + size + ".png";
    }

    public String resourcePath() {
        return Icon.RESOURCE_FOLDER + fileName();
    }

    /** The file on the classpath, or null if it is missing. */
    public URL url() {
        return AppIconPng.class.getResource(resourcePath());
    }
}
