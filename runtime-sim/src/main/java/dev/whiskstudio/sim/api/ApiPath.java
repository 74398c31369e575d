package dev.whiskstudio.sim.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a request path under {@code /api/v1/namespaces/}, each URL-decoded, with a trailing slash kept as
 * an empty last segment (it means "list", as in {@code actions/pkg/}).
 */
public record ApiPath(List<String> segments) {
    private static final String PREFIX = "/api/v1/namespaces";

    /** The segments of a raw (still encoded) request URI, or null if it is not under the namespaces root. */
    public static ApiPath parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return null;
        }
        String rest = rawPath.substring(PREFIX.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return new ApiPath(List.of());
        }
        if (rest.charAt(0) != '/') {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String s : rest.substring(1).split("/", -1)) {
            segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return new ApiPath(List.copyOf(segments));
    }

    public int size() {
        return segments.size();
    }

    public String get(int i) {
        return segments.get(i);
    }
}
