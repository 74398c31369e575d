package dev.whiskstudio.icons;

/** The coordinate system an icon's path data is written in: SVG's {@code viewBox="minX minY width height"}. */
public record ViewBox(double minX, double minY, double width, double height) {

    /** The box every icon of the set uses. */
    public static final ViewBox SQUARE_16 = new ViewBox(0, 0, 16, 16);

    public ViewBox {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a view box needs a positive width and height, not " + width + "x" + height);
        }
    }

    /** Reads the attribute's four numbers, separated by spaces and/or commas. */
    public static ViewBox parse(String attribute) {
        String[] parts = attribute.trim().split("[\\s,]+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("a viewBox has four numbers, not '" + attribute + "'");
        }
        try {
            return new ViewBox(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a viewBox has four numbers, not '" + attribute + "'", e);
        }
    }
}
