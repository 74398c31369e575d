package dev.whiskstudio.icons;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IconSetTest {
    /** The source folder, so that a file nobody refers to is caught too (surefire runs in the module's folder). */
    private static final Path SOURCE_FOLDER = Path.of("src/main/resources/dev/whiskstudio/icons");

    private final IconSet icons = new IconSet();

    @Test
    void everyIconHasAWellFormedSixteenPixelGlyph() {
        for (Icon icon : Icon.values()) {
            IconGlyph glyph = icons.glyph(icon);
            assertEquals(icon, glyph.icon());
            assertEquals(ViewBox.SQUARE_16, glyph.viewBox(), icon.fileName());
            assertFalse(glyph.pathData().isBlank(), icon.fileName());
        }
    }

    @Test
    void aGlyphIsReadOnceAndShared() {
        assertSame(icons.glyph(Icon.ACTION), icons.glyph(Icon.ACTION));
    }

    @Test
    void fileNamesFollowTheConstantsInKebabCase() {
        assertEquals("package-binding.svg", Icon.PACKAGE_BINDING.fileName());
        assertEquals("/dev/whiskstudio/icons/web-action.svg", Icon.WEB_ACTION.resourcePath());
        assertEquals("whisk-studio-64.png", new AppIconPng(64).fileName());
    }

    @Test
    void theIconFolderHoldsOnlyFilesTheSetNames() throws IOException {
        Set<String> named = Stream.concat(Arrays.stream(Icon.values()).map(Icon::fileName),
                AppIconPng.ALL.stream().map(AppIconPng::fileName)).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(SOURCE_FOLDER)) {
            List<String> stray = files.map(p -> p.getFileName().toString()).filter(n -> !named.contains(n)).toList();
            assertTrue(stray.isEmpty(), "files no Icon or AppIconPng names: " + stray);
        }
    }

    @Test
    void appIconPngsAreOnTheClasspathAtTheirSize() throws IOException {
        assertTrue(AppIconPng.ALL.stream().anyMatch(png -> png.size() >= 64), "a large icon for docks and task bars");
        for (AppIconPng png : AppIconPng.ALL) {
            assertNotNull(png.url(), png.fileName());
            try (InputStream in = png.url().openStream()) {
                BufferedImage image = ImageIO.read(in);
                assertNotNull(image, png.fileName() + " is not a readable PNG");
                assertEquals(png.size(), image.getWidth(), png.fileName());
                assertEquals(png.size(), image.getHeight(), png.fileName());
                assertTrue(image.getColorModel().hasAlpha(), png.fileName() + " needs transparent corners");
            }
        }
    }
}
