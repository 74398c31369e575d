package dev.whiskstudio.app.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.explorer.ActionRef;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The code of an action on a target, copied into a file under the app's folder so the editor can show it:
 * {@code ~/.whisk-studio/remote/HOST/NAMESPACE/[PACKAGE/]NAME.js}. The copy is the target's code as fetched; editing
 * it changes only the copy.
 */
final class RemoteCode {
    private final Path root;

    RemoteCode(Path root) {
        this.root = root;
    }

    /** Fetches the action and writes its code; fails with a readable message for a sequence or a zip action. */
    Path fetch(OpenWhiskClient client, String apiHost, ActionRef action) throws IOException {
        return write(client.get(action.namespace(), EntityCollection.ACTIONS, action.path()), apiHost, action);
    }

    /** Writes the code of an action entity already read; fails as {@link #fetch} does. */
    Path write(JsonNode entity, String apiHost, ActionRef action) throws IOException {
        JsonNode exec = entity.path("exec");
        if ("sequence".equals(exec.path("kind").asText())) {
            throw new IOException(action.qualifiedName() + " is a sequence of " + exec.path("components")
                    + ": it has no code of its own.");
        }
        if (exec.path("binary").asBoolean(false)) {
            throw new IOException(action.qualifiedName() + " is a zip action: open its project folder to edit its code.");
        }
        String namespace = entity.path("namespace").asText(action.namespace());
        Path file = root.resolve(safe(host(apiHost))).resolve(safe(namespace.replace('/', '_')));
        if (action.packageName() != null) {
            file = file.resolve(safe(action.packageName()));
        }
        file = file.resolve(safe(action.name()) + ".js");
        Files.createDirectories(file.getParent());
        String code = exec.path("code").asText("");
        // an unchanged copy is left as it is: an editor showing it sees no change on disk
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(code)) {
            Files.writeString(file, code, StandardCharsets.UTF_8);
        }
        return file;
    }

    private static String host(String apiHost) {
        try {
            URI uri = URI.create(apiHost.contains("://") ? apiHost : "https://" + apiHost);
            return uri.getHost() + (uri.getPort() > 0 ? "_" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return apiHost;
        }
    }

    /** A name as a path segment: entity names may hold spaces and {@code @}, never a separator after this. */
    private static String safe(String segment) {
        String s = segment.replaceAll("[\\\\/:*?\"<>|]", "_");
        return s.isBlank() || s.equals(".") || s.equals("..") ? "_" + s : s;
    }
}
