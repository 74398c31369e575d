package dev.whiskstudio.app.client;

import dev.whiskstudio.sim.config.Credential;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {
    private static final String KEY = Credential.GUEST.key();

    @Test
    void aTargetPrintsWithoutItsKey() {
        Target target = new Target("Local simulator", "http://127.0.0.1:3233", Credential.GUEST.auth());
        assertFalse(target.toString().contains(KEY), target.toString());
        assertFalse(target.toString().contains(Credential.GUEST.uuid()), target.toString());
        assertTrue(target.toString().contains("http://127.0.0.1:3233"));
    }

    @Test
    void aClientPrintsItsHostOnly() {
        try (OpenWhiskClient client = new OpenWhiskClient("http://127.0.0.1:3233/", Credential.GUEST.auth())) {
            assertEquals("OpenWhiskClient[http://127.0.0.1:3233/api/v1]", client.toString());
        }
    }

    @Test
    void aHostWithoutSchemeIsHttpsAsForTheWskCli() {
        try (OpenWhiskClient client = new OpenWhiskClient("adobeioruntime.net", Credential.GUEST.auth())) {
            assertEquals("OpenWhiskClient[https://adobeioruntime.net/api/v1]", client.toString());
        }
    }

    @Test
    void aMalformedKeyIsRefusedWithoutRepeatingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OpenWhiskClient("http://127.0.0.1:3233", "secret-without-colon"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OpenWhiskClient("http://127.0.0.1:3233", "uuid:"));
    }

    @Test
    void aMalformedHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OpenWhiskClient("http://", Credential.GUEST.auth()));
    }
}
