package dev.whiskstudio.app.explorer;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityNamesTest {

    @Test
    void acceptsThePlatformsNames() {
        for (String name : new String[] {"hello", "_private", "9lives", "my action", "a.b-c@d", "x".repeat(256)}) {
            assertTrue(EntityNames.isValid(name), name);
        }
    }

    @Test
    void saysWhatIsWrongWithOthers() {
        assertEquals(Optional.of("Enter a name."), EntityNames.problem(""));
        assertEquals(Optional.of("A name does not end with a space."), EntityNames.problem("trailing "));
        assertTrue(EntityNames.problem("-dash").orElseThrow().startsWith("A name starts with a letter"));
        assertTrue(EntityNames.problem("pkg/name").orElseThrow().contains("_ @ . -"));
        assertEquals(Optional.of("A name has at most 256 characters (this one has 257)."),
                EntityNames.problem("x".repeat(257)));
        assertFalse(EntityNames.isValid(" leading"));
    }
}
