package dev.whiskstudio.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample projects of {@code src/test/resources/projects}, copied into a test's own folder before use. */
public final class Samples {
    public static final String MANIFEST_DEMO = "manifest-demo";
    public static final String AIO_DEMO = "aio-demo";
    public static final String PLAIN_JS = "plain-js";

    private Samples() {
    }

    /** Copies sample {@code name} to {@code parent/name} and answers that folder. */
    public static Path copy(String name, Path parent) {
        URL url = Samples.class.getResource("/projects/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no sample project " + name);
        }
        try {
            Path source = Path.of(url.toURI());
            Path target = parent.resolve(name);
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file (and its folders) in a test's folder. */
    public static Path write(Path dir, String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
