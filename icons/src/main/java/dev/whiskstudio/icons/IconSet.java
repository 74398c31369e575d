package dev.whiskstudio.icons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/** Loads icons from the classpath, each once; safe to share between threads. */
public final class IconSet {
    private final IconReader reader = new IconReader();
    private final Map<Icon, IconGlyph> loaded = new EnumMap<>(Icon.class);

    /** The icon's path data and view box; throws {@link IconFormatException} if its file is missing or malformed. */
    public synchronized IconGlyph glyph(Icon icon) {
        IconGlyph glyph = loaded.get(icon);
        if (glyph == null) {
            glyph = load(icon);
            loaded.put(icon, glyph);
        }
        return glyph;
    }

    private IconGlyph load(Icon icon) {
        try (InputStream in = IconSet.class.getResourceAsStream(icon.resourcePath())) {
            if (in == null) {
                throw new IconFormatException("no icon resource " + icon.resourcePath());
            }
            return reader.read(icon, in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + icon.resourcePath(), e);
        }
    }
}
