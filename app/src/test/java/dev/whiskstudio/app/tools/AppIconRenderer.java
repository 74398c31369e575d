package dev.whiskstudio.app.tools;

import dev.whiskstudio.icons.AppIconPng;
import dev.whiskstudio.icons.Icon;
import dev.whiskstudio.icons.IconGlyph;
import dev.whiskstudio.icons.IconSet;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Renders {@code whisk-studio.svg} on the app's tile (a rounded square in the brand gradient) into the PNG files
 * {@link AppIconPng} lists. Run it after changing the SVG, from the repository root, with a display or headless:
 * <pre>
 * mvn -q -pl app -am test-compile
 * mvn -q -pl app dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *      -cp app/target/test-classes:app/target/classes:icons/target/classes:$(cat /tmp/cp.txt) \
 *      dev.whiskstudio.app.tools.AppIconRenderer icons/src/main/resources/dev/whiskstudio/icons
 * </pre>
 * JavaFX draws the icon here exactly as it draws it in the app, which an SVG converter would not promise.
 */
public final class AppIconRenderer {
    /** The brand gradient: Primer's accent blue into a violet. */
    private static final Color FROM = Color.web("#1f6feb");
    private static final Color TO = Color.web("#8250df");
    /** Share of the tile the glyph's view box covers; the rest is margin. */
    private static final double GLYPH_SHARE = 0.74;

    private AppIconRenderer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: AppIconRenderer OUTPUT_FOLDER");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        IconGlyph glyph = new IconSet().glyph(Icon.WHISK_STUDIO);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                for (AppIconPng png : AppIconPng.ALL) {
                    write(render(glyph, png.size()), out.resolve(png.fileName()));
                }
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get();
        } finally {
            Platform.exit();
        }
        System.out.println("wrote " + AppIconPng.ALL.size() + " PNG files to " + out.toAbsolutePath());
    }

    static WritableImage render(IconGlyph glyph, int size) {
        Rectangle tile = new Rectangle(size, size);
        double corner = size * 0.45;
        tile.setArcWidth(corner);
        tile.setArcHeight(corner);
        tile.setFill(new LinearGradient(0, 0, 1, 1, true, CycleMethod.NO_CYCLE, new Stop(0, FROM), new Stop(1, TO)));

        SVGPath mark = new SVGPath();
        mark.setContent(glyph.pathData());
        mark.setFill(Color.WHITE);
        double scale = size * GLYPH_SHARE / glyph.viewBox().width();
        double margin = size * (1 - GLYPH_SHARE) / 2;
        mark.getTransforms().addAll(new Translate(margin, margin),
                new Scale(scale, scale, 0, 0),
                new Translate(-glyph.viewBox().minX(), -glyph.viewBox().minY()));

        Group icon = new Group(tile, mark);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        // the tile's bounds, not the group's: the glyph must not shift the frame
        params.setViewport(new Rectangle2D(0, 0, size, size));
        return icon.snapshot(params, new WritableImage(size, size));
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
