package dev.whiskstudio.app.workspace.targets;

import dev.whiskstudio.sim.config.Credential;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyMaskTest {

    @Test
    void theGuestKeyShowsItsUuidStartAndTheEndOfItsSecretOnly() {
        String masked = KeyMask.mask(Credential.GUEST.auth());
        assertEquals("23bc46b1…:••••uMDGIwP".length() + 1, masked.length(), masked);
        assertTrue(masked.startsWith("23bc46b1…:" + KeyMask.HIDDEN), masked);
        assertTrue(Credential.GUEST.key().endsWith(masked.substring(masked.lastIndexOf('•') + 1)), masked);
    }

    @Test
    void aMaskNeverHoldsTheSecretPart() {
        List<String> keys = List.of(Credential.GUEST.auth(),
                "4a1f0c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b:a-long-secret-key",
                "u:short",
                "9f8e7d6c-0000-4e7f-8a9b-0c1d2e3f4a5b:0123456789abcdef",
                "no-colon-at-all-but-a-secret-anyway-0123456789");
        for (String auth : keys) {
            String secret = auth.contains(":") ? auth.substring(auth.indexOf(':') + 1) : auth;
            String masked = KeyMask.mask(auth);
            assertNotEquals(auth, masked);
            assertFalse(masked.contains(secret), masked + " shows " + secret);
            assertTrue(masked.contains(KeyMask.HIDDEN), masked);
        }
    }

    @Test
    void shortSecretsShowNothingOfThemselves() {
        assertEquals("u:" + KeyMask.HIDDEN, KeyMask.mask("u:short"));
        assertEquals("(no key)", KeyMask.mask(""));
    }
}
