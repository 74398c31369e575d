package dev.whiskstudio.app.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.io.AtomicReplace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the window remembers between runs: the theme and the last project folder, in
 * {@code ~/.whisk-studio/settings.json}. A missing or unreadable file means the defaults; writing replaces the file in
 * one step. Blocking file I/O: call it off the FX thread (or before the window exists).
 *
 * @param theme       the theme last chosen
 * @param lastProject the project folder last opened, or null
 */
public record AppSettings(ThemeChoice theme, Path lastProject) {
    public static final String FILE_NAME = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static AppSettings defaults() {
        return new AppSettings(ThemeChoice.LIGHT, null);
    }

    /** The settings in {@code configDir}, or the defaults when there are none or they cannot be read. */
    public static AppSettings load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file)) {
                return defaults();
            }
            JsonNode json = JSON.readTree(file.toFile());
            ThemeChoice theme = ThemeChoice.LIGHT;
            if (json.path("theme").isTextual()) {
                try {
                    theme = ThemeChoice.parse(json.path("theme").asText());
                } catch (IllegalArgumentException e) {
                    // a theme this version does not know: the default
                }
            }
            String project = json.path("lastProject").asText("");
            return new AppSettings(theme, project.isBlank() ? null : Path.of(project));
        } catch (IOException | RuntimeException e) {
            return defaults();
        }
    }

    public void save(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        ObjectNode json = JSON.createObjectNode();
        json.put("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
        if (lastProject != null) {
            json.put("lastProject", lastProject.toString());
        }
        Path temp = Files.createTempFile(configDir, "." + FILE_NAME, ".tmp");
        try {
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            AtomicReplace.move(temp, configDir.resolve(FILE_NAME));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public AppSettings withTheme(ThemeChoice next) {
        return new AppSettings(next, lastProject);
    }

    public AppSettings withLastProject(Path folder) {
        return new AppSettings(theme, folder);
    }
}
