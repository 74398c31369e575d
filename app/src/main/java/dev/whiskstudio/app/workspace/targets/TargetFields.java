package dev.whiskstudio.app.workspace.targets;

import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user types to add or change a target, before it is checked. {@link #problems()} says what is wrong in
 * words a form can show under its fields; {@link #toString()} leaves the key out.
 *
 * @param namespace may be blank: the key's own namespace is used then
 */
public record TargetFields(String name, String apiHost, String auth, String namespace) {
    static final int MAX_NAME_LENGTH = 100;

    public TargetFields {
        name = strip(name);
        apiHost = strip(apiHost);
        auth = strip(auth);
        namespace = strip(namespace);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** Empty when the fields make a usable target. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add("The name is empty.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add("The name is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        if (apiHost.isEmpty()) {
            problems.add("The API host is empty.");
        } else if (!isApiHost(apiHost)) {
            problems.add("The API host is not a URL like https://host or http://host:port.");
        }
        if (auth.isEmpty()) {
            problems.add("The key is empty.");
        } else if (!isKey(auth)) {
            problems.add("The key has the form uuid:key.");
        }
        if (!namespace.isEmpty() && namespace.contains("/")) {
            problems.add("A namespace has no '/'.");
        }
        return problems;
    }

    /** {@code https://host[:port]}, {@code http://...} or a bare host, which the wsk CLI reads as https. */
    static boolean isApiHost(String host) {
        int scheme = host.indexOf("://");
        String url = scheme < 0 ? "https://" + host : host;
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed != null && !parsed.host().isEmpty();
    }

    static boolean isKey(String auth) {
        int colon = auth.indexOf(':');
        return colon > 0 && colon < auth.length() - 1 && auth.chars().noneMatch(Character::isWhitespace);
    }

    @Override
    public String toString() {
        return "TargetFields[name=" + name + ", apiHost=" + apiHost + ", namespace=" + namespace + ", auth="
                + KeyMask.mask(auth) + "]";
    }
}
