package dev.whiskstudio.app.explorer;

import dev.whiskstudio.app.client.OpenWhiskException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTextTest {

    @Test
    void wordsEachKindOfFailure() {
        assertEquals("The target did not accept the key (401): The supplied authentication is invalid.",
                ProblemText.of(new OpenWhiskException(401, "The supplied authentication is invalid", "x"), "h"));
        assertEquals("The target answered 502: Bad gateway.",
                ProblemText.of(new OpenWhiskException(502, "Bad gateway", null), "h"));
        assertEquals("Could not connect to http://127.0.0.1:1 (Connection refused). Is it running?",
                ProblemText.of(new ExecutionException(new ConnectException("Connection refused")), "http://127.0.0.1:1"));
        assertEquals("http://h did not answer in time.", ProblemText.of(new SocketTimeoutException(), "http://h"));
        assertEquals("Taken.", ProblemText.of(new RefusedException("Taken."), "h"));
    }
}
