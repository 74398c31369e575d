package dev.whiskstudio.icons;

import java.util.Locale;

/** Every icon of the set. The constant's name, in kebab case, is the file's: {@code PACKAGE_BINDING} is {@code package-binding.svg}. */
public enum Icon {
    // the OpenWhisk entities
    NAMESPACE,
    PACKAGE,
    PACKAGE_BINDING,
    ACTION,
    SEQUENCE,
    WEB_ACTION,
    TRIGGER,
    RULE,
    ACTIVATION,
    // states
    STATUS_OK,
    STATUS_WARNING,
    STATUS_ERROR,
    COLD_START,
    WARM_START,
    // targets and runtimes
    SIMULATOR,
    CLUSTER,
    NODEJS,
    // commands
    FOLDER,
    SAVE,
    REFRESH,
    PLAY,
    DEBUG,
    DEPLOY,
    /** The app's own mark; {@link AppIconPng} has it rendered on its tile. */
    WHISK_STUDIO;

    /** Where the icon files live on the classpath, with a trailing slash. */
    public static final String RESOURCE_FOLDER = "/dev/whiskstudio/icons/";

    /** The kebab-case name shared by the file and any style class derived from it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String fileName() {
        return id() + ".svg";
    }

    /** Absolute classpath resource name, usable with {@link Class#getResource(String)}. */
    public String resourcePath() {
        return RESOURCE_FOLDER + fileName();
    }
}
