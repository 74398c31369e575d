package dev.whiskstudio.icons;

/** An icon file that is missing or breaks the set's rules (one path, a view box, well-formed path data). */
public class IconFormatException extends RuntimeException {
    public IconFormatException(String message) {
        super(message);
    }

    public IconFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
