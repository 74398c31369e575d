package dev.whiskstudio.app.client;

import java.util.Objects;

/**
 * A platform to talk to: a name for people, the API host ({@code https://host} or {@code http://127.0.0.1:3233})
 * and the {@code uuid:key} that opens it. {@link #toString()} hides the key, so a target can be logged.
 */
public record Target(String name, String apiHost, String auth) {

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiHost, "apiHost");
        Objects.requireNonNull(auth, "auth");
    }

    @Override
    public String toString() {
        return "Target[name=" + name + ", apiHost=" + apiHost + ", auth=***]";
    }
}
