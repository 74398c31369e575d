package dev.whiskstudio.app.workspace.env;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a user's files are and which environment variables the app was started with. The app uses
 * {@link #current()}; tests pass a temporary home and their own variables.
 *
 * @param home      the user's home directory
 * @param variables the process environment
 */
public record UserEnvironment(Path home, Map<String, String> variables) {
    /** The app's own folder under the home directory. */
    public static final String CONFIG_DIR_NAME = ".whisk-studio";

    public UserEnvironment {
        Objects.requireNonNull(home, "home");
        variables = Map.copyOf(variables);
    }

    public static UserEnvironment current() {
        return new UserEnvironment(Path.of(System.getProperty("user.home")), System.getenv());
    }

    /** {@code ~/.whisk-studio}: the app's settings, user targets and simulator data. */
    public Path configDir() {
        return home.resolve(CONFIG_DIR_NAME);
    }

    /** A variable's value, empty when unset or blank. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The variables are the process's: printing them could print a secret. */
    @Override
    public String toString() {
        return "UserEnvironment[home=" + home + ", " + variables.size() + " variables]";
    }
}
