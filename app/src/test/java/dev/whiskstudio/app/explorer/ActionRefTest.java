package dev.whiskstudio.app.explorer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActionRefTest {

    @Test
    void namesAnActionWithAndWithoutAPackage() {
        ActionRef packaged = ActionRef.parse("/guest/tools/greet");
        assertEquals(new ActionRef("guest", "tools", "greet"), packaged);
        assertEquals("tools/greet", packaged.path());
        assertEquals("/guest/tools/greet", packaged.qualifiedName());
        ActionRef plain = ActionRef.parse("guest/hello");
        assertEquals("hello", plain.path());
        assertEquals("/guest/hello", plain.qualifiedName());
        assertEquals(plain, new ActionRef("guest", "", "hello"));
        assertThrows(IllegalArgumentException.class, () -> ActionRef.parse("/just-one"));
    }

    @Test
    void webUrlsUseDefaultForTheDefaultPackageAndEncodeSegments() {
        assertEquals("http://127.0.0.1:3233/api/v1/web/guest/default/page",
                EntityCommands.webUrl("http://127.0.0.1:3233/", new ActionRef("guest", null, "page")));
        assertEquals("https://adobeioruntime.net/api/v1/web/ns/site/my%20page",
                EntityCommands.webUrl("adobeioruntime.net", new ActionRef("ns", "site", "my page")));
    }
}
