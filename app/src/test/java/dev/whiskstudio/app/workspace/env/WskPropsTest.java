package dev.whiskstudio.app.workspace.env;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WskPropsTest {
    private static final String AUTH = "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP";
    @TempDir
    Path home;

    @Test
    void readsHostKeyAndNamespaceFromTheHomeFolder() throws IOException {
        Files.writeString(home.resolve(".wskprops"), "APIHOST=https://openwhisk.example.com\nAUTH=" + AUTH
                + "\nNAMESPACE=team-a\nAPIGW_ACCESS_TOKEN=token\n");
        WskProps props = WskProps.read(new UserEnvironment(home, Map.of())).orElseThrow();
        assertEquals("https://openwhisk.example.com", props.apiHost());
        assertEquals(AUTH, props.auth());
        assertEquals("team-a", props.namespace());
        assertEquals(home.resolve(".wskprops"), props.file());
        assertTrue(props.isComplete());
    }

    @Test
    void theConfigFileVariableWinsOverTheHomeFolder() throws IOException {
        Files.writeString(home.resolve(".wskprops"), "APIHOST=home.example.com\nAUTH=a:b\n");
        Path other = Files.writeString(home.resolve("other.props"), "APIHOST=other.example.com\nAUTH=c:d\n");
        UserEnvironment user = new UserEnvironment(home, Map.of(WskProps.CONFIG_FILE_VARIABLE, other.toString()));
        assertEquals(other, WskProps.location(user));
        assertEquals("other.example.com", WskProps.read(user).orElseThrow().apiHost());
    }

    @Test
    void noFileIsNoPropertiesAndMissingValuesAreNull() throws IOException {
        assertTrue(WskProps.read(new UserEnvironment(home, Map.of())).isEmpty());
        Files.writeString(home.resolve(".wskprops"), "AUTH=a:b\nNAMESPACE=\n");
        WskProps props = WskProps.read(new UserEnvironment(home, Map.of())).orElseThrow();
        assertNull(props.apiHost());
        assertNull(props.namespace());
        assertFalse(props.isComplete());
    }

    @Test
    void aMalformedFileNamesItsLine() throws IOException {
        Files.writeString(home.resolve(".wskprops"), "APIHOST=h\nthis line is broken\n");
        DotEnvException e = assertThrows(DotEnvException.class,
                () -> WskProps.read(new UserEnvironment(home, Map.of())));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(home.resolve(".wskprops") + " line 2:"), e.getMessage());
    }

    @Test
    void printsWithoutTheKey() throws IOException {
        Files.writeString(home.resolve(".wskprops"), "APIHOST=h\nAUTH=" + AUTH + "\n");
        WskProps props = WskProps.read(new UserEnvironment(home, Map.of())).orElseThrow();
        assertFalse(props.toString().contains(AUTH.substring(AUTH.indexOf(':') + 1)), props.toString());
        assertFalse(new UserEnvironment(home, Map.of("SECRET", "s3cr3t-value")).toString().contains("s3cr3t-value"));
    }
}
