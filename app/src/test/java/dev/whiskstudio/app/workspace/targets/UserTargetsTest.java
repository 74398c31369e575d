package dev.whiskstudio.app.workspace.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.sim.config.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTargetsTest {
    private static final String AUTH = Credential.GUEST.auth();
    @TempDir
    Path home;

    private UserTargets targets() {
        return new UserTargets(home.resolve(".whisk-studio").resolve(UserTargets.FILE_NAME));
    }

    private static TargetFields staging() {
        return new TargetFields("staging", "https://staging.example.com", AUTH, "team-a");
    }

    @Test
    void theFileAndItsFolderAreOwnerOnly() throws IOException {
        UserTargets targets = targets();
        targets.add(staging());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(targets.file()));
        assertEquals(PosixFilePermissions.fromString("rwx------"),
                Files.getPosixFilePermissions(targets.file().getParent()));
        targets.add(new TargetFields("prod", "https://prod.example.com", AUTH, ""));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(targets.file()));
    }

    @Test
    void aFileOthersCouldReadIsRestrictedWhenRead() throws IOException {
        UserTargets targets = targets();
        targets.add(staging());
        Files.setPosixFilePermissions(targets.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, targets.list().size());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(targets.file()));
    }

    @Test
    void addedTargetsAreListedAgainByANewStore() throws IOException {
        targets().add(staging());
        targets().add(new TargetFields("prod", "https://prod.example.com", AUTH, ""));
        List<TargetEntry> listed = targets().list();
        assertEquals(List.of("staging", "prod"), listed.stream().map(TargetEntry::name).toList());
        TargetEntry first = listed.get(0);
        assertEquals(TargetSource.USER, first.source());
        assertEquals("user:staging", first.id());
        assertEquals("team-a", first.namespace());
        assertEquals(AUTH, first.target().auth());
        assertEquals(targets().file(), first.origin());
        assertEquals("_", listed.get(1).namespaceOrDefault());
    }

    @Test
    void updateChangesFieldsAndABlankKeyKeepsTheStoredOne() throws IOException {
        UserTargets targets = targets();
        targets.add(staging());
        TargetEntry renamed = targets.update("staging", new TargetFields("stage", "http://127.0.0.1:9999", "", ""));
        assertEquals("stage", renamed.name());
        assertEquals(AUTH, renamed.target().auth());
        assertEquals(List.of("stage"), targets.list().stream().map(TargetEntry::name).toList());
        assertEquals("http://127.0.0.1:9999", targets.list().get(0).apiHost());
        assertThrows(IllegalArgumentException.class, () -> targets.update("nope", staging()));
    }

    @Test
    void removeTakesOneTargetAway() throws IOException {
        UserTargets targets = targets();
        targets.add(staging());
        targets.add(new TargetFields("prod", "https://prod.example.com", AUTH, ""));
        assertTrue(targets.remove("staging"));
        assertFalse(targets.remove("staging"));
        assertEquals(List.of("prod"), targets.list().stream().map(TargetEntry::name).toList());
    }

    @Test
    void wrongFieldsAndTakenNamesAreRefusedWithReadableMessages() throws IOException {
        UserTargets targets = targets();
        targets.add(staging());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> targets.add(staging()));
        assertEquals("A target named 'staging' exists already.", taken.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> targets.add(new TargetFields("", "not a url", "no-colon-secret", "")));
        assertTrue(wrong.getMessage().contains("The name is empty."), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("The API host is not a URL"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("The key has the form uuid:key."), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("no-colon-secret"), wrong.getMessage());
        assertEquals(1, targets.list().size());
    }

    @Test
    void theFileHoldsTheFieldsAndNoTemporaryFileIsLeft() throws IOException {
        UserTargets targets = targets();
        targets.add(staging());
        JsonNode root = new ObjectMapper().readTree(targets.file().toFile());
        assertEquals(1, root.get("version").asInt());
        JsonNode t = root.get("targets").get(0);
        assertEquals("staging", t.get("name").asText());
        assertEquals("https://staging.example.com", t.get("apiHost").asText());
        assertEquals("team-a", t.get("namespace").asText());
        assertEquals(AUTH, t.get("auth").asText());
        try (Stream<Path> files = Files.list(targets.file().getParent())) {
            assertEquals(List.of(targets.file()), files.toList());
        }
    }

    @Test
    void aBrokenFileIsReportedAndNeverOverwritten() throws IOException {
        UserTargets targets = targets();
        Files.createDirectories(targets.file().getParent());
        String broken = "{\"targets\": [ {\"name\": \"x\", \"auth\": \"uuid:secretvalue\" ";
        Files.writeString(targets.file(), broken);
        IOException read = assertThrows(IOException.class, targets::list);
        assertTrue(read.getMessage().contains(targets.file() + " line 1"), read.getMessage());
        assertFalse(read.getMessage().contains("secretvalue"), read.getMessage());
        assertThrows(IOException.class, () -> targets.add(staging()));
        assertEquals(broken, Files.readString(targets.file()));
    }

    @Test
    void entriesAndFieldsPrintWithoutTheKey() throws IOException {
        TargetEntry entry = targets().add(staging());
        String secret = AUTH.substring(AUTH.indexOf(':') + 1);
        assertFalse(entry.toString().contains(secret), entry.toString());
        assertFalse(staging().toString().contains(secret), staging().toString());
        assertFalse(entry.maskedAuth().contains(secret));
    }
}
