package dev.whiskstudio.app.workspace.project;

/** How a project folder declares its entities. */
public enum ProjectFormat {
    /** A wskdeploy {@code manifest.yml} (or {@code manifest.yaml}). */
    WSKDEPLOY_MANIFEST("manifest.yml"),
    /** An aio App Builder {@code app.config.yaml} with {@code runtimeManifest}s. */
    AIO_APP_CONFIG("app.config.yaml"),
    /** No manifest: each top-level {@code .js} file is an action of the default package. */
    PLAIN_JS("JavaScript files");

    private final String label;

    ProjectFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
