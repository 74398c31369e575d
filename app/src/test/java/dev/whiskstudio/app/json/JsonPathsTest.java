package dev.whiskstudio.app.json;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonPathsTest {

    @Test
    void identifiersUseDotsAndOtherKeysBrackets() {
        assertEquals("$.payload", JsonPaths.field(JsonPaths.ROOT, "payload"));
        assertEquals("$['a b']", JsonPaths.field(JsonPaths.ROOT, "a b"));
        assertEquals("$['it\\'s']", JsonPaths.field(JsonPaths.ROOT, "it's"));
        assertEquals("$['1st']", JsonPaths.field(JsonPaths.ROOT, "1st"));
        assertEquals("$.items[3]", JsonPaths.index(JsonPaths.field(JsonPaths.ROOT, "items"), 3));
    }
}
