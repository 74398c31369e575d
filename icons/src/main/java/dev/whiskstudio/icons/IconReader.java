package dev.whiskstudio.icons;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;

/** Reads one icon file and holds it to the set's rules: an {@code <svg>} with a view box and exactly one path. */
final class IconReader {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private final DocumentBuilderFactory factory;

    IconReader() {
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            // icons are plain files of our own; nothing in them should reach for a DTD or another file
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
    }

    IconGlyph read(Icon icon, InputStream svg) {
        Document doc;
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints to stderr before throwing; the exception says it all
            builder.setErrorHandler(new DefaultHandler());
            doc = builder.parse(svg);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IconFormatException(icon.fileName() + " is not well-formed XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new IconFormatException(icon.fileName() + ": the root element must be <svg xmlns=\"" + SVG_NS + "\">");
        }
        if (!root.hasAttribute("viewBox")) {
            throw new IconFormatException(icon.fileName() + ": <svg> has no viewBox");
        }
        ViewBox viewBox;
        try {
            viewBox = ViewBox.parse(root.getAttribute("viewBox"));
        } catch (IllegalArgumentException e) {
            throw new IconFormatException(icon.fileName() + ": " + e.getMessage(), e);
        }
        NodeList all = root.getElementsByTagNameNS("*", "*");
        if (all.getLength() != 1 || !"path".equals(all.item(0).getLocalName())) {
            throw new IconFormatException(icon.fileName() + ": an icon holds exactly one <path> and nothing else");
        }
        Element path = (Element) all.item(0);
        String rule = path.getAttribute("fill-rule");
        if (!rule.isEmpty() && !"nonzero".equals(rule)) {
            throw new IconFormatException(icon.fileName() + ": the set is drawn with the nonzero fill rule, not " + rule);
        }
        String d = path.getAttribute("d").strip();
        try {
            PathData.requireWellFormed(d);
        } catch (IllegalArgumentException e) {
            throw new IconFormatException(icon.fileName() + ": malformed path data: " + e.getMessage(), e);
        }
        return new IconGlyph(icon, d, viewBox);
    }
}
