package dev.whiskstudio.app.debug;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * File paths as the Node.js inspector writes them in script URLs ({@code file://} and the path with spaces, controls,
 * non-ASCII, {@code %}, {@code "}, {@code #}, {@code <}, {@code >}, {@code ?}, the backquote and braces
 * percent-encoded: fewer than {@code url.pathToFileURL} encodes), and back; and JavaScript regular-expression escaping for the
 * inspector's {@code urlRegex} (Java's {@code \Q...\E} means nothing to it).
 */
public final class FileUrls {
    private static final String HEX = "0123456789ABCDEF";

    private FileUrls() {
    }

    /**
     * The URL of an absolute path as the process sees it ({@code /work/action.js}, or {@code C:\work\action.js} on
     * Windows, written {@code file:///C:/work/action.js}).
     */
    public static String of(String absolutePath) {
        // as the inspector writes them: backslashes become slashes (also on POSIX), a drive letter gets a leading slash
        String path = absolutePath.replace('\\', '/');
        if (path.length() > 1 && path.charAt(1) == ':') {
            path = "/" + path;
        }
        StringBuilder url = new StringBuilder("file://");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x21 || c > 0x7e || "%\"#<>?`{}".indexOf(c) >= 0) {
                url.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            } else {
                url.append((char) c);
            }
        }
        return url.toString();
    }

    /** The path of a {@code file://} URL, decoded; empty for any other URL ({@code node:fs}, {@code evalmachine}). */
    public static Optional<String> pathOf(String url) {
        if (url == null || !url.startsWith("file://")) {
            return Optional.empty();
        }
        String encoded = url.substring("file://".length());
        if (encoded.length() > 2 && encoded.charAt(0) == '/' && encoded.charAt(2) == ':') {
            encoded = encoded.substring(1); // file:///C:/x -> C:/x
        }
        return Optional.of(decode(encoded));
    }

    /** Percent-decoding as UTF-8; a malformed escape stays as it is. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int hi = i + 2 < text.length() && text.charAt(i) == '%' ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = text.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code text} as a JavaScript regular expression that matches exactly it. */
    public static String jsRegexLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\^$.|?*+()[]{}/-".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
