package dev.whiskstudio.app.debug;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder's files unpacked in the container, each at its relative path under one directory: see
 * {@link SourceMapping#archive} and {@link SourceMapping#archiveUnder}.
 */
final class ArchiveMapping implements SourceMapping {
    /** The directory our proxy unpacks an archive into: {@code fs.mkdtemp(workDir + '/action-')}. */
    private static final String UNPACK_DIR = "action-[^/]+/";

    private final Path root;
    /** The URL of the unpacked root, ending in a slash; null when it is only known as a pattern. */
    private final String urlPrefix;
    /** Otherwise: the work directory's URL with a slash, under which one unpack directory holds the files. */
    private final String workDirUrl;
    private final Pattern scriptUrl;

    private ArchiveMapping(Path root, String urlPrefix, String workDirUrl) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.urlPrefix = urlPrefix;
        this.workDirUrl = workDirUrl;
        this.scriptUrl = urlPrefix != null
                ? Pattern.compile(Pattern.quote(urlPrefix) + "(.+)")
                : Pattern.compile(Pattern.quote(workDirUrl) + UNPACK_DIR + "(.+)");
    }

    static ArchiveMapping withPrefix(Path root, String urlPrefix) {
        Objects.requireNonNull(urlPrefix, "urlPrefix");
        return new ArchiveMapping(root, urlPrefix.endsWith("/") ? urlPrefix : urlPrefix + "/", null);
    }

    static ArchiveMapping underWorkDir(Path root, String workDir) {
        Objects.requireNonNull(workDir, "workDir");
        String url = FileUrls.of(workDir);
        return new ArchiveMapping(root, null, url.endsWith("/") ? url : url + "/");
    }

    @Override
    public Optional<ScriptLocation> toScript(Path file, int line) {
        Path absolute = file.toAbsolutePath().normalize();
        if (line < 1 || !absolute.startsWith(root) || absolute.equals(root)) {
            return Optional.empty();
        }
        String relative = relativeUrl(root.relativize(absolute));
        if (urlPrefix != null) {
            return Optional.of(ScriptLocation.atUrl(urlPrefix + relative, line - 1, 0));
        }
        String regex = "^" + FileUrls.jsRegexLiteral(workDirUrl) + UNPACK_DIR + FileUrls.jsRegexLiteral(relative) + "$";
        return Optional.of(ScriptLocation.matching(regex, line - 1, 0));
    }

    @Override
    public Optional<UserLocation> toUser(String url, int line, int column) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = scriptUrl.matcher(url);
        if (!m.matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(FileUrls.decode(m.group(1))).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty(); // in the archive but not in the folder (installed modules, generated files)
        }
        return Optional.of(new UserLocation(file, line + 1, column + 1));
    }

    /** A relative path as it appears at the end of the script's URL. */
    private static String relativeUrl(Path relative) {
        StringJoiner joined = new StringJoiner("/");
        for (Path part : relative) {
            // FileUrls.of encodes a whole path; drop its "file://" and keep the encoded segment
            joined.add(FileUrls.of(part.toString()).substring("file://".length()));
        }
        return joined.toString();
    }

    @Override
    public String toString() {
        return "archive " + root + " -> " + (urlPrefix != null ? urlPrefix : workDirUrl + UNPACK_DIR);
    }
}
