package dev.whiskstudio.app.node;

/** What a look for Node.js found. */
public sealed interface NodeCheck {

    /** The oldest major version the simulator's Node.js runtime supports. */
    int MINIMUM_MAJOR = 18;

    /** A {@code node} that answered {@code --version}; {@code major} is -1 when the answer was not a version. */
    record Found(String version, int major) implements NodeCheck {
        public boolean supported() {
            return major >= MINIMUM_MAJOR;
        }
    }

    /** No usable {@code node}: {@code reason} says what happened, for the user. */
    record Missing(String reason) implements NodeCheck {
    }
}
