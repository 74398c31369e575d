package dev.whiskstudio.app.workspace.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The manifest's {@code runtime} as the platform's action kind: {@code nodejs:20} stays, {@code nodejs@20}
 * (wskdeploy's spelling) becomes {@code nodejs:20}, a family alone ({@code nodejs}) becomes its default
 * ({@code nodejs:default}). Without a runtime the kind follows the file (a {@code .js} file, a Node.js folder or
 * zip: {@code nodejs:default}). Only OpenWhisk's language families are known; whether a cluster has a given
 * version is for the cluster to say.
 */
public final class RuntimeKinds {
    public static final String NODEJS_DEFAULT = "nodejs:default";
    /** The language families OpenWhisk has runtimes for. */
    public static final List<String> FAMILIES =
            List.of("nodejs", "python", "java", "php", "ruby", "swift", "go", "dotnet", "rust", "ballerina");
    private static final Pattern VERSION = Pattern.compile("default|\\d+(\\.\\d+)*");
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("js", NODEJS_DEFAULT), Map.entry("mjs", NODEJS_DEFAULT), Map.entry("cjs", NODEJS_DEFAULT),
            Map.entry("py", "python:default"), Map.entry("php", "php:default"), Map.entry("rb", "ruby:default"),
            Map.entry("swift", "swift:default"), Map.entry("go", "go:default"), Map.entry("java", "java:default"),
            Map.entry("jar", "java:default"));

    private RuntimeKinds() {
    }

    /**
     * The kind a runtime name stands for, or null for {@code language:default} (then it follows the file).
     *
     * @throws IllegalArgumentException with a readable message for an unknown runtime
     */
    public static String parse(String runtime) {
        String r = runtime.strip().toLowerCase(Locale.ROOT);
        if (r.isEmpty() || r.equals("language:default")) {
            return null;
        }
        r = r.replace('@', ':');
        int colon = r.indexOf(':');
        String family = colon < 0 ? r : r.substring(0, colon);
        String version = colon < 0 ? "default" : r.substring(colon + 1);
        if (!FAMILIES.contains(family)) {
            throw new IllegalArgumentException("unknown runtime '" + runtime.strip() + "' (known: "
                    + String.join(", ", FAMILIES) + ", e.g. nodejs:20 or nodejs)");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("runtime '" + runtime.strip() + "' has no usable version (write e.g. "
                    + family + ":20, or " + family + " for the default)");
        }
        return family + ":" + version;
    }

    /** The kind a source implies when the manifest names none; null when it cannot be told. */
    public static String infer(ActionSource source) {
        return switch (source.kind()) {
            case DIRECTORY -> NODEJS_DEFAULT;
            case FILE -> BY_EXTENSION.get(extension(source.path()));
            case ZIP, INLINE -> null;
        };
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
