package dev.whiskstudio.app.debug;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A bundle's source map in front of the mapping of the bundle itself: see {@link SourceMapping#sourceMapped}. */
final class SourceMappedBundle implements SourceMapping {
    private static final String[] COMMENTS = {"//# sourceMappingURL=", "//@ sourceMappingURL="};

    private final Path bundle;
    private final SourceMapping bundleMapping;
    private final SourceMap map;
    /** The map's sources as files, by the map's source index. */
    private final List<Path> sourceFiles;

    private SourceMappedBundle(Path bundle, SourceMapping bundleMapping, SourceMap map, List<Path> sourceFiles) {
        this.bundle = bundle;
        this.bundleMapping = bundleMapping;
        this.map = map;
        this.sourceFiles = sourceFiles;
    }

    static SourceMappedBundle load(Path bundleFile, SourceMapping bundleMapping, Path sourceBase) throws IOException {
        Objects.requireNonNull(bundleMapping, "bundleMapping");
        Path bundle = bundleFile.toAbsolutePath().normalize();
        String code = Files.readString(bundle, StandardCharsets.UTF_8);
        String reference = lastReference(code);
        String mapText;
        Path mapDir = bundle.getParent();
        if (reference != null && reference.startsWith("data:")) {
            mapText = dataUrlText(reference);
        } else {
            Path mapFile = reference != null ? resolveReference(mapDir, reference) : Path.of(bundle + ".map");
            if (!Files.isRegularFile(mapFile)) {
                throw new IOException(reference != null
                        ? "The source map " + mapFile + " named by " + bundle.getFileName() + " does not exist."
                        : bundle.getFileName() + " has no //# sourceMappingURL comment and no "
                          + mapFile.getFileName() + " beside it.");
            }
            mapText = Files.readString(mapFile, StandardCharsets.UTF_8);
            mapDir = mapFile.getParent();
        }
        SourceMap map;
        try {
            map = SourceMap.parse(mapText);
        } catch (IllegalArgumentException e) {
            throw new IOException("The source map of " + bundle.getFileName() + " cannot be used: " + e.getMessage(), e);
        }
        Path base = sourceBase == null ? mapDir : sourceBase.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (String source : map.sources()) {
            files.add(sourceFile(source, mapDir, base));
        }
        return new SourceMappedBundle(bundle, bundleMapping, map, List.copyOf(files));
    }

    /** The last source map comment's value, or null: bundlers put it on the last line, and only the last counts. */
    private static String lastReference(String code) {
        for (String comment : COMMENTS) {
            int at = code.lastIndexOf(comment);
            if (at >= 0 && (at == 0 || code.charAt(at - 1) == '\n' || code.charAt(at - 1) == '\r')) {
                int end = at + comment.length();
                while (end < code.length() && !Character.isWhitespace(code.charAt(end))) {
                    end++;
                }
                return code.substring(at + comment.length(), end);
            }
        }
        return null;
    }

    private static Path resolveReference(Path dir, String reference) {
        if (reference.startsWith("file:")) {
            return Path.of(URI.create(reference)).normalize();
        }
        return dir.resolve(FileUrls.decode(reference)).normalize();
    }

    private static String dataUrlText(String url) throws IOException {
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IOException("The inline source map is not a valid data: URL.");
        }
        String header = url.substring("data:".length(), comma);
        String payload = url.substring(comma + 1);
        if (header.endsWith(";base64")) {
            try {
                return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IOException("The inline source map is not valid Base64: " + e.getMessage(), e);
            }
        }
        return FileUrls.decode(payload);
    }

    /**
     * A source as a file: a {@code file:} URL as its path; a name with another scheme ({@code webpack://app/./src/a.js})
     * by its path after the scheme and authority, under {@code base}; a relative name under the map's folder.
     */
    static Path sourceFile(String source, Path mapDir, Path base) {
        if (source.startsWith("file://")) {
            return Path.of(FileUrls.pathOf(source).orElse(source)).toAbsolutePath().normalize();
        }
        int scheme = source.indexOf("://");
        if (scheme > 0 && source.substring(0, scheme).chars().allMatch(Character::isLetterOrDigit)) {
            String rest = source.substring(scheme + 3);
            int slash = rest.indexOf('/');
            String path = slash < 0 ? rest : rest.substring(slash + 1);
            while (path.startsWith("./") || path.startsWith("/")) {
                path = path.substring(path.startsWith("./") ? 2 : 1);
            }
            return base.resolve(FileUrls.decode(path)).normalize();
        }
        return mapDir.resolve(FileUrls.decode(source)).normalize();
    }

    List<Path> sourceFiles() {
        return sourceFiles;
    }

    @Override
    public Optional<ScriptLocation> toScript(Path file, int line) {
        Path absolute = file.toAbsolutePath().normalize();
        int source = sourceFiles.indexOf(absolute);
        if (source < 0 || line < 1) {
            return bundleMapping.toScript(file, line);
        }
        return map.generatedFor(source, line - 1).flatMap(segment ->
                bundleMapping.toScript(bundle, segment.generatedLine() + 1)
                        .map(at -> at.at(at.line(), at.column() + segment.generatedColumn())));
    }

    @Override
    public Optional<UserLocation> toUser(String scriptUrl, int line, int column) {
        Optional<UserLocation> inBundle = bundleMapping.toUser(scriptUrl, line, column);
        if (inBundle.isEmpty() || !inBundle.get().file().equals(bundle)) {
            return inBundle;
        }
        UserLocation generated = inBundle.get();
        Optional<SourceMap.Segment> original = map.originalFor(generated.line() - 1, generated.column() - 1);
        if (original.isEmpty()) {
            return inBundle; // code the bundler added: shown in the bundle itself
        }
        SourceMap.Segment s = original.get();
        return Optional.of(new UserLocation(sourceFiles.get(s.source()), s.originalLine() + 1,
                s.originalColumn() + 1));
    }

    @Override
    public String toString() {
        return "source map of " + bundle + " over " + bundleMapping;
    }
}
