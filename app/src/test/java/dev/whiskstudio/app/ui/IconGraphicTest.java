package dev.whiskstudio.app.ui;

import dev.whiskstudio.icons.Icon;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every icon, drawn the way the app draws it, lands inside its box and is not empty. */
class IconGraphicTest {
    private static final double SIZE = 32;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyIconDrawsInsideItsBox() throws Exception {
        for (Icon icon : Icon.values()) {
            Bounds bounds = WaitForAsyncUtils.asyncFx(() -> {
                IconGraphic graphic = new IconGraphic(icon, SIZE);
                return graphic.shape().getBoundsInParent();
            }).get(5, TimeUnit.SECONDS);
            String name = icon.fileName() + " " + bounds;
            assertFalse(bounds.isEmpty(), name);
            assertTrue(bounds.getWidth() > SIZE / 4 && bounds.getHeight() > SIZE / 4, name);
            assertTrue(bounds.getMinX() >= -0.01 && bounds.getMinY() >= -0.01, name);
            assertTrue(bounds.getMaxX() <= SIZE + 0.01 && bounds.getMaxY() <= SIZE + 0.01, name);
        }
    }

    @Test
    void theShapeCarriesStyleClassesForTheStyleSheet() throws Exception {
        IconGraphic graphic = WaitForAsyncUtils.asyncFx(() -> new IconGraphic(Icon.PACKAGE_BINDING, 16))
                .get(5, TimeUnit.SECONDS);
        assertTrue(graphic.getStyleClass().contains("icon"));
        assertTrue(graphic.shape().getStyleClass().containsAll(java.util.List.of("icon-shape", "icon-package-binding")));
        assertEquals(16, graphic.getPrefWidth());
    }

    @Test
    void theAppIconComesInSeveralSizes() throws Exception {
        var images = WaitForAsyncUtils.asyncFx(AppIconImages::all).get(5, TimeUnit.SECONDS);
        assertTrue(images.size() >= 4);
        assertTrue(images.stream().anyMatch(i -> i.getWidth() >= 64 && !i.isError()));
    }
}
