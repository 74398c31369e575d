package dev.whiskstudio.app.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.explorer.ActionRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputHistoryTest {
    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        io.shutdown();
        assertTrue(io.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void keepsTheNewestInputsPerKeyAcrossInstances() throws Exception {
        Path file = dir.resolve("nested").resolve("inputs.json");
        InputHistory history = new InputHistory(file, 3, io);
        for (String input : List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":2}", "{\"n\":4}")) {
            history.remember("k", input).get(5, TimeUnit.SECONDS);
        }
        history.remember("other", "{}").get(5, TimeUnit.SECONDS);
        assertEquals(List.of("{\"n\":4}", "{\"n\":2}", "{\"n\":3}"), history.recent("k").get(5, TimeUnit.SECONDS));

        InputHistory again = new InputHistory(file, 3, io);
        assertEquals(List.of("{\"n\":4}", "{\"n\":2}", "{\"n\":3}"), again.recent("k").get(5, TimeUnit.SECONDS));
        assertEquals(List.of("{}"), again.recent("other").get(5, TimeUnit.SECONDS));
        assertEquals(List.of(), again.recent("none").get(5, TimeUnit.SECONDS));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aDamagedFileStartsAnEmptyHistoryAndIsReplaced() throws Exception {
        Path file = dir.resolve("inputs.json");
        Files.writeString(file, "{ not json");
        InputHistory history = new InputHistory(file, io);
        assertEquals(List.of(), history.recent("k").get(5, TimeUnit.SECONDS));
        history.remember("k", "{\"a\":1}").get(5, TimeUnit.SECONDS);
        assertEquals("{\"a\":1}", new ObjectMapper().readTree(file.toFile()).path("k").get(0).asText());
    }

    @Test
    void theKeyNamesHostAndActionButNotTheSecret() {
        String key = InputHistory.key(new Target("t", "http://127.0.0.1:3233", "uuid:secret"),
                new ActionRef("guest", "tools", "greet"));
        assertEquals("http://127.0.0.1:3233 /guest/tools/greet", key);
        assertFalse(key.contains("secret"));
    }

    @Test
    void theDefaultFileIsInTheUsersConfigFolder() {
        assertEquals(Path.of(System.getProperty("user.home"), ".whisk-studio", "inputs.json"), InputHistory.defaultFile());
    }
}
