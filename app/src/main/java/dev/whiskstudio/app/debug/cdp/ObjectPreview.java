package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/** A few properties of an object, for a one-line summary: {@code Runtime.ObjectPreview}. */
public record ObjectPreview(String type, String subtype, String description, boolean overflow,
                            List<PropertyPreview> properties) {

    /** One previewed property; {@code value} is text, {@code valuePreview} a nested preview when there is one. */
    public record PropertyPreview(String name, String type, String value, ObjectPreview valuePreview, String subtype) {
    }
}
