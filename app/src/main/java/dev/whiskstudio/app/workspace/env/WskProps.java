package dev.whiskstudio.app.workspace.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the wsk CLI's properties file says: {@code APIHOST}, {@code AUTH} and {@code NAMESPACE}, each null when
 * absent or blank. The file is {@code ~/.wskprops}, or the one the {@code WSK_CONFIG_FILE} variable names.
 * {@link #toString()} leaves the key out.
 */
public record WskProps(Path file, String apiHost, String auth, String namespace) {
    public static final String CONFIG_FILE_VARIABLE = "WSK_CONFIG_FILE";
    public static final String FILE_NAME = ".wskprops";

    /** Where the CLI looks: {@code $WSK_CONFIG_FILE} if set, else {@code ~/.wskprops}. */
    public static Path location(UserEnvironment user) {
        return user.variable(CONFIG_FILE_VARIABLE).map(Path::of).orElse(user.home().resolve(FILE_NAME));
    }

    /** The user's properties; empty when there is no such file, which is the normal state without the CLI. */
    public static Optional<WskProps> read(UserEnvironment user) throws IOException {
        Path file = location(user);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Reads a properties file ({@code KEY=VALUE} lines, as a {@code .env} is written). */
    public static WskProps read(Path file) throws IOException {
        DotEnv props = DotEnv.read(file);
        return new WskProps(file, value(props, "APIHOST"), value(props, "AUTH"), value(props, "NAMESPACE"));
    }

    private static String value(DotEnv props, String name) {
        return props.get(name).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    /** Both a host and a key: enough to reach a cluster. */
    public boolean isComplete() {
        return apiHost != null && auth != null;
    }

    @Override
    public String toString() {
        return "WskProps[file=" + file + ", apiHost=" + apiHost + ", namespace=" + namespace
                + ", auth=" + (auth == null ? "none" : "***") + "]";
    }
}
