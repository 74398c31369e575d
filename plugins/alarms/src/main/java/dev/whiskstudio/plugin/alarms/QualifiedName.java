package dev.whiskstudio.plugin.alarms;

/** A trigger's namespace and name, read from {@code /ns/name} as the platform's feed reads it. */
record QualifiedName(String namespace, String name) {

    /** {@code /ns/name}; a name without the leading slash is in the default namespace {@code _}. */
    static QualifiedName parse(String qualified) {
        if (qualified.startsWith("/")) {
            String[] parts = qualified.split("/", -1);
            String name = parts.length > 2
                    ? String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : "";
            return new QualifiedName(parts[1], name);
        }
        return new QualifiedName("_", qualified);
    }
}
