package dev.whiskstudio.app.activations;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedFiltersTest {
    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        io.shutdown();
        assertTrue(io.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void filtersAreKeptByNameAcrossInstances() throws Exception {
        Path file = dir.resolve("config").resolve("activation-filters.json");
        SavedFilters first = new SavedFilters(file, io);
        ActivationFilter errors = ActivationFilter.ALL.withStatus(StatusChoice.FAILED);
        ActivationFilter shop = ActivationFilter.ALL.withAction("shop/").withText("checkout");
        first.save("errors", errors).get(5, TimeUnit.SECONDS);
        first.save("shop", shop).get(5, TimeUnit.SECONDS);
        first.save("errors", errors.withStart(StartChoice.COLD)).get(5, TimeUnit.SECONDS);

        SavedFilters again = new SavedFilters(file, io);
        assertEquals(List.of(new SavedFilters.Saved("errors", errors.withStart(StartChoice.COLD)),
                new SavedFilters.Saved("shop", shop)), again.all().get(5, TimeUnit.SECONDS));
        again.delete("errors").get(5, TimeUnit.SECONDS);
        assertEquals(List.of("shop"), new SavedFilters(file, io).all().get(5, TimeUnit.SECONDS).stream()
                .map(SavedFilters.Saved::name).toList());
    }

    @Test
    void anUnreadableFileIsSetAsideNotOverwritten() throws Exception {
        Path file = dir.resolve("activation-filters.json");
        Files.writeString(file, "{ this is not json");
        SavedFilters saved = new SavedFilters(file, io);
        assertEquals(List.of(), saved.all().get(5, TimeUnit.SECONDS));
        assertTrue(saved.problem().contains("could not be read"), saved.problem());
        saved.save("mine", ActivationFilter.ALL).get(5, TimeUnit.SECONDS);
        assertEquals("{ this is not json", Files.readString(dir.resolve("activation-filters.json.unreadable")));
        assertEquals(1, new SavedFilters(file, io).all().get(5, TimeUnit.SECONDS).size());
    }

    @Test
    void aNameIsRequired() {
        SavedFilters saved = new SavedFilters(dir.resolve("f.json"), io);
        Exception e = assertThrows(Exception.class, () -> saved.save("  ", ActivationFilter.ALL).get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("needs a name"));
    }
}
