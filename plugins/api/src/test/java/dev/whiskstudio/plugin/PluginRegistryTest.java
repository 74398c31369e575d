package dev.whiskstudio.plugin;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PluginRegistryTest {

    @Test
    void findsRuntimesRegisteredInMetaInfServices() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
        RuntimeProvider echo = registry.runtimeFor("echo:1");
        assertEquals("echo", echo.id());
        ProxyLaunch launch = echo.launch(new ProxyRequest("echo:1", 4242, 256, Path.of("/tmp/x")));
        assertEquals("4242", launch.command().get(1));
        assertNull(registry.runtimeFor("nodejs:20"));
    }

    @Test
    void kindMustBelongToItsFamily() {
        assertThrows(IllegalArgumentException.class, () -> new RuntimeKind("python:3", "nodejs", false, false));
    }
}
