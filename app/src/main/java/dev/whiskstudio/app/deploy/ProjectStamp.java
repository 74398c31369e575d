package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.whiskstudio.app.workspace.project.Project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The mark a deploy leaves on every entity it writes, under the annotation wskdeploy's managed deployments use
 * ({@code whisk-managed}), so that both tools know which entities belong to which project and neither offers
 * another's as extra. Its value has wskdeploy's fields: {@code projectName} (the manifest's {@code project.name},
 * else the project folder's name), {@code projectHash} (as wskdeploy computes it: SHA-1 of {@code "OpenWhisk "},
 * the manifest's size, a NUL and its bytes; the same for the same manifest), {@code projectDeps} (none) and
 * {@code file} (the manifest, relative to the project). Only the name is compared: a manifest edited elsewhere
 * must not make every unchanged entity an update.
 */
record ProjectStamp(String projectName, String projectHash, String file) {
    static final String KEY = "whisk-managed";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static ProjectStamp of(Project project) {
        Path manifest = project.manifest();
        String name = null;
        String hash = "";
        String file = "";
        if (manifest != null && Files.isRegularFile(manifest)) {
            try {
                byte[] bytes = Files.readAllBytes(manifest);
                hash = hash(bytes);
                JsonNode declared = YAML.readTree(bytes).path("project").path("name");
                name = declared.isTextual() && !declared.asText().isBlank() ? declared.asText().strip() : null;
            } catch (IOException unreadable) {
                // the loader read it a moment ago; without it the folder names the project and the hash is empty
            }
            file = project.folder().relativize(manifest).toString().replace('\\', '/');
        }
        if (name == null) {
            Path folderName = project.folder().getFileName();
            name = folderName == null ? project.folder().toString() : folderName.toString();
        }
        return new ProjectStamp(name, hash, file);
    }

    /** wskdeploy's {@code projectHash}. */
    static String hash(byte[] manifest) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("OpenWhisk " + manifest.length).getBytes(StandardCharsets.UTF_8));
            sha1.update((byte) 0);
            sha1.update(manifest);
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-1", e);
        }
    }

    /** The annotation's value. */
    JsonNode value() {
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.put("projectName", projectName);
        v.put("projectHash", projectHash);
        v.putArray("projectDeps");
        v.put("file", file);
        return v;
    }

    /** Whether an entity with these annotations ({@code [{"key","value"}]}) is this project's. */
    boolean owns(JsonNode annotations) {
        return projectOf(annotations).filter(projectName::equals).isPresent();
    }

    /** The project an entity's stamp names, if it has one. */
    static Optional<String> projectOf(JsonNode annotations) {
        JsonNode v = EntityDiff.keyValues(annotations).get(KEY);
        return v == null || !v.path("projectName").isTextual() ? Optional.empty()
                : Optional.of(v.path("projectName").asText());
    }
}
