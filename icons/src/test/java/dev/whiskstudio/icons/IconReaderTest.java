package dev.whiskstudio.icons;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IconReaderTest {
    private final IconReader reader = new IconReader();

    private IconGlyph read(String svg) {
        return reader.read(Icon.ACTION, new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String svg(String viewBox, String body) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + viewBox + ">" + body + "</svg>";
    }

    @Test
    void readsThePathDataAndViewBox() {
        IconGlyph glyph = read(svg(" viewBox=\"0 0 24 24\"", "<path d=\" M1 1h4v4H1z \"/>"));
        assertEquals("M1 1h4v4H1z", glyph.pathData());
        assertEquals(new ViewBox(0, 0, 24, 24), glyph.viewBox());
    }

    @Test
    void refusesAFileWithoutAViewBox() {
        IconFormatException e = assertThrows(IconFormatException.class, () -> read(svg("", "<path d=\"M1 1h4z\"/>")));
        assertTrue(e.getMessage().contains("viewBox"), e.getMessage());
    }

    @Test
    void refusesMoreThanOneElement() {
        assertThrows(IconFormatException.class, () -> read(svg(" viewBox=\"0 0 16 16\"",
                "<path d=\"M1 1h4z\"/><path d=\"M2 2h4z\"/>")));
        assertThrows(IconFormatException.class, () -> read(svg(" viewBox=\"0 0 16 16\"",
                "<g><path d=\"M1 1h4z\"/></g>")));
    }

    @Test
    void refusesTheEvenOddRuleTheAppDoesNotDraw() {
        assertThrows(IconFormatException.class, () -> read(svg(" viewBox=\"0 0 16 16\"",
                "<path fill-rule=\"evenodd\" d=\"M1 1h4z\"/>")));
    }

    @Test
    void refusesMalformedPathData() {
        IconFormatException e = assertThrows(IconFormatException.class,
                () -> read(svg(" viewBox=\"0 0 16 16\"", "<path d=\"M1 1L2\"/>")));
        assertTrue(e.getMessage().contains("action.svg"), e.getMessage());
    }

    @Test
    void refusesADoctype() {
        assertThrows(IconFormatException.class, () -> read("<!DOCTYPE svg [<!ENTITY x \"y\">]>"
                + svg(" viewBox=\"0 0 16 16\"", "<path d=\"M1 1h4z\"/>")));
    }

    @Test
    void refusesSomethingThatIsNotSvg() {
        assertThrows(IconFormatException.class, () -> read("<svg viewBox=\"0 0 16 16\"><path d=\"M1 1h4z\"/></svg>"));
        assertThrows(IconFormatException.class, () -> read("not xml"));
    }
}
