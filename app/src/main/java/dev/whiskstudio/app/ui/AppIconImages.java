package dev.whiskstudio.app.ui;

import dev.whiskstudio.icons.AppIconPng;
import javafx.scene.image.Image;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** The app icon at every size shipped, for a stage: the desktop picks the size it needs. */
public final class AppIconImages {
    private AppIconImages() {
    }

    /** The biggest one, for showing the icon in the window itself (scaled down smoothly). */
    public static Image largest() {
        URL url = AppIconPng.ALL.get(AppIconPng.ALL.size() - 1).url();
        return url == null ? null : new Image(url.toExternalForm());
    }

    public static List<Image> all() {
        List<Image> images = new ArrayList<>();
        for (AppIconPng png : AppIconPng.ALL) {
            URL url = png.url();
            if (url != null) {
                images.add(new Image(url.toExternalForm()));
            }
        }
        return images;
    }
}
