package dev.whiskstudio.app.status;

import dev.whiskstudio.app.client.OpenWhiskException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureTextTest {

    @Test
    void aPlatformErrorIsQuotedWithItsStatus() {
        assertEquals("The API answered 503: System is overloaded.",
                FailureText.of(new OpenWhiskException(503, "System is overloaded", "abc")));
    }

    @Test
    void wrappersAreLookedThrough() {
        assertEquals("Could not connect to the API: Connection refused.",
                FailureText.of(new ExecutionException(new ConnectException("Connection refused"))));
    }

    @Test
    void aFileWhereADirectoryShouldBeIsSaidInWords() {
        assertEquals("/tmp/x already exists and is not a directory.",
                FailureText.of(new java.nio.file.FileAlreadyExistsException("/tmp/x")));
        assertEquals("Permission denied: /data.", FailureText.of(new java.nio.file.AccessDeniedException("/data")));
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsCause() {
        assertEquals("Disk full.", FailureText.of(new IOException(null, new IOException("disk full"))));
        assertEquals("IOException.", FailureText.of(new IOException()));
    }
}
