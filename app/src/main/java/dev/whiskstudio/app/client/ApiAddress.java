package dev.whiskstudio.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

import java.nio.charset.StandardCharsets;

/**
 * How the app's clients ({@link OpenWhiskClient}, {@link SimulatorInsightClient}) reach a target and read its errors:
 * an API host as the wsk CLI reads it, a {@code uuid:key} as basic auth, and the platform's {@code {"error","code"}}.
 */
final class ApiAddress {
    private ApiAddress() {
    }

    /** {@code https://host[:port]} or {@code host[:port]} (read as https), without a trailing slash. */
    static HttpUrl base(String apiHost) {
        String host = apiHost.strip();
        int scheme = host.indexOf("://");
        String address = scheme < 0 ? host : host.substring(scheme + 3);
        while (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        HttpUrl url = address.isEmpty() ? null
                : HttpUrl.parse((scheme < 0 ? "https" : host.substring(0, scheme)) + "://" + address);
        if (url == null) {
            throw new IllegalArgumentException("not an API host: '" + apiHost + "' (expected https://host or http://host:port)");
        }
        return url;
    }

    static String basicAuthorization(String auth) {
        int colon = auth == null ? -1 : auth.indexOf(':');
        if (colon <= 0 || colon == auth.length() - 1) {
            // the value itself stays out of the message: it is a secret even when malformed
            throw new IllegalArgumentException("an API key has the form uuid:key");
        }
        return Credentials.basic(auth.substring(0, colon), auth.substring(colon + 1), StandardCharsets.UTF_8);
    }

    /** A failing answer: the platform's {"error","code"}, else the HTTP reason. */
    static OpenWhiskException failure(ObjectMapper json, int status, String reason, String body) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : json.readTree(body);
            JsonNode error = answer == null ? null : answer.get("error");
            if (error != null && error.isTextual()) {
                JsonNode code = answer.get("code");
                return new OpenWhiskException(status, error.asText(), code == null || code.isNull() ? null : code.asText());
            }
        } catch (JsonProcessingException notJson) {
            // a proxy or load balancer answered with its own page; the status line says what happened
        }
        return new OpenWhiskException(status, reason == null || reason.isBlank() ? "The server gave no reason" : reason, null);
    }
}
