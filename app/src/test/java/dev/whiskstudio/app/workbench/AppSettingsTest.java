package dev.whiskstudio.app.workbench;

import dev.whiskstudio.app.ThemeChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AppSettingsTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsWhatTheNextRunReads() throws Exception {
        Path project = Files.createDirectories(dir.resolve("my project"));
        new AppSettings(ThemeChoice.DARK, project).save(dir.resolve("config"));
        AppSettings read = AppSettings.load(dir.resolve("config"));
        assertEquals(ThemeChoice.DARK, read.theme());
        assertEquals(project, read.lastProject());
    }

    @Test
    void noFileAnUnreadableOneOrAnUnknownThemeGiveTheDefaults() throws Exception {
        assertEquals(AppSettings.defaults(), AppSettings.load(dir.resolve("nothing-here")));
        Files.writeString(dir.resolve(AppSettings.FILE_NAME), "{ not json");
        assertEquals(AppSettings.defaults(), AppSettings.load(dir));
        Files.writeString(dir.resolve(AppSettings.FILE_NAME), "{\"theme\":\"sepia\"}");
        AppSettings read = AppSettings.load(dir);
        assertEquals(ThemeChoice.LIGHT, read.theme());
        assertNull(read.lastProject());
    }
}
