package dev.whiskstudio.app.workspace.targets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.env.UserEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets the user added, kept in a JSON file ({@code ~/.whisk-studio/targets.json} by default):
 * {@code {"version":1,"targets":[{"name","apiHost","namespace","auth"}]}}. The file holds keys, so it is written
 * with owner-only permissions and replaced atomically (see {@link PrivateFiles}); a file others could read is
 * restricted again when it is read. A file that cannot be read is never overwritten: add, update and remove fail
 * instead, so nothing the user had is lost. Calls block on disk I/O.
 */
public final class UserTargets {
    public static final String FILE_NAME = "targets.json";
    static final int FORMAT_VERSION = 1;

    private final Path file;
    // the location of a syntax error is enough: Jackson must not quote the file, which holds keys
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    public UserTargets(Path file) {
        this.file = file;
    }

    /** The user's file in their config folder. */
    public static UserTargets in(UserEnvironment user) {
        return new UserTargets(user.configDir().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The targets in the file, in the order they were added; none when there is no file yet. */
    public synchronized List<TargetEntry> list() throws IOException {
        List<TargetEntry> entries = new ArrayList<>();
        for (TargetFields f : read()) {
            entries.add(entry(f));
        }
        return entries;
    }

    /**
     * Adds a target.
     *
     * @throws IllegalArgumentException with a readable message when a field is wrong or the name is taken
     */
    public synchronized TargetEntry add(TargetFields fields) throws IOException {
        check(fields);
        List<TargetFields> all = read();
        if (indexOf(all, fields.name()) >= 0) {
            throw new IllegalArgumentException("A target named '" + fields.name() + "' exists already.");
        }
        all.add(fields);
        write(all);
        return entry(fields);
    }

    /**
     * Changes the target now named {@code currentName}. A blank key keeps the stored one, so that a form need not
     * show the key to let the user edit the rest.
     */
    public synchronized TargetEntry update(String currentName, TargetFields fields) throws IOException {
        List<TargetFields> all = read();
        int index = indexOf(all, currentName);
        if (index < 0) {
            throw new IllegalArgumentException("There is no target named '" + currentName + "'.");
        }
        TargetFields updated = fields.auth().isEmpty()
                ? new TargetFields(fields.name(), fields.apiHost(), all.get(index).auth(), fields.namespace()) : fields;
        check(updated);
        int clash = indexOf(all, updated.name());
        if (clash >= 0 && clash != index) {
            throw new IllegalArgumentException("A target named '" + updated.name() + "' exists already.");
        }
        all.set(index, updated);
        write(all);
        return entry(updated);
    }

    /** Removes a target; false when there was none of that name. */
    public synchronized boolean remove(String name) throws IOException {
        List<TargetFields> all = read();
        int index = indexOf(all, name);
        if (index < 0) {
            return false;
        }
        all.remove(index);
        write(all);
        return true;
    }

    private static void check(TargetFields fields) {
        List<String> problems = fields.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }

    private static int indexOf(List<TargetFields> all, String name) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name == null ? "" : name.strip())) {
                return i;
            }
        }
        return -1;
    }

    private TargetEntry entry(TargetFields f) {
        return TargetEntry.of(new Target(f.name(), f.apiHost(), f.auth()), f.namespace(), TargetSource.USER, file);
    }

    private List<TargetFields> read() throws IOException {
        List<TargetFields> all = new ArrayList<>();
        if (!Files.exists(file)) {
            return all;
        }
        PrivateFiles.restrict(file);
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(file + (at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": not valid JSON; fix or remove the file to manage targets again");
        }
        JsonNode targets = root == null ? null : root.get("targets");
        if (targets == null || !targets.isArray()) {
            throw new IOException(file + ": has no \"targets\" list; fix or remove the file to manage targets again");
        }
        int n = 0;
        for (JsonNode t : targets) {
            n++;
            TargetFields f = new TargetFields(t.path("name").asText(""), t.path("apiHost").asText(""),
                    t.path("auth").asText(""), t.path("namespace").asText(""));
            List<String> problems = f.problems();
            if (!problems.isEmpty()) {
                throw new IOException(file + ": target " + n + (f.name().isEmpty() ? "" : " ('" + f.name() + "')")
                        + " is not usable: " + String.join(" ", problems));
            }
            all.add(f);
        }
        return all;
    }

    private void write(List<TargetFields> all) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode targets = root.putArray("targets");
        for (TargetFields f : all) {
            ObjectNode t = targets.addObject();
            t.put("name", f.name());
            t.put("apiHost", f.apiHost());
            if (!f.namespace().isEmpty()) {
                t.put("namespace", f.namespace());
            }
            t.put("auth", f.auth());
        }
        PrivateFiles.writeAtomically(file, json.writeValueAsBytes(root));
    }

    @Override
    public String toString() {
        return "UserTargets[" + file + "]";
    }
}
