package dev.whiskstudio.app.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deploy engine and command run without JavaFX (the headless jar has none): only {@code deploy.ui} may use it,
 * and nothing it needs from {@code client} or {@code workspace} may either.
 */
class DeployLayeringTest {
    private static final Path MAIN = Path.of("src/main/java/dev/whiskstudio/app");

    @Test
    void nothingTheHeadlessCommandUsesImportsJavaFx() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the app module");
        List<String> offenders;
        try (Stream<Path> files = Stream.of("deploy", "client", "workspace", "io")
                .flatMap(dir -> walk(MAIN.resolve(dir)))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN.resolve("deploy/ui")))
                    .filter(DeployLayeringTest::usesFx)
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean usesFx(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("import javafx.") || text.contains("org.fxmisc") || text.contains("atlantafx");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
