package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.workspace.env.DotEnv;
import dev.whiskstudio.app.workspace.env.DotEnvException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens a project folder. Which file declares the project, in order: {@code app.config.yaml} (aio App Builder:
 * the {@code runtimeManifest} of {@code application} and of each entry of {@code extensions}, following
 * {@code $include}; a legacy aio app without one uses its {@code manifest.yml}), {@code manifest.yml} or
 * {@code manifest.yaml} (wskdeploy: {@code packages:} at the root or under {@code project:}, or the old single
 * {@code package:}), else the folder's top-level {@code .js} files (dot-files aside), each an action of the default
 * package. The
 * folder's {@code .env} is read too. Blocking file I/O.
 */
public final class ProjectLoader {
    public static final String APP_CONFIG = "app.config.yaml";
    public static final List<String> MANIFESTS = List.of("manifest.yml", "manifest.yaml");
    public static final String DOT_ENV = ".env";

    private ProjectLoader() {
    }

    public static Project load(Path folder) throws ProjectLoadException {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ProjectLoadException(dir, "not a folder");
        }
        DotEnv env = dotEnv(dir);
        Path appConfig = dir.resolve(APP_CONFIG);
        Path manifest = MANIFESTS.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
        if (Files.isRegularFile(appConfig)) {
            ManifestReader reader = new ManifestReader(() -> appPackageName(dir));
            if (readAppConfig(appConfig, reader) || manifest == null) {
                return new Project(dir, ProjectFormat.AIO_APP_CONFIG, appConfig, reader.packages(), env);
            }
            return manifestProject(dir, manifest, env, new ManifestReader(() -> appPackageName(dir)));
        }
        if (manifest != null) {
            return manifestProject(dir, manifest, env, new ManifestReader(() -> appPackageName(dir)));
        }
        return plainProject(dir, env);
    }

    private static DotEnv dotEnv(Path dir) throws ProjectLoadException {
        Path file = dir.resolve(DOT_ENV);
        if (!Files.isRegularFile(file)) {
            return DotEnv.empty();
        }
        try {
            return DotEnv.read(file);
        } catch (DotEnvException e) {
            throw new ProjectLoadException(new SourcePosition(file, e.line(), 0), e.problem());
        } catch (IOException e) {
            throw new ProjectLoadException(file, "cannot be read: " + e.getMessage());
        }
    }

    /** Reads every {@code runtimeManifest}; false when there is none. */
    private static boolean readAppConfig(Path file, ManifestReader reader) throws ProjectLoadException {
        YamlNode root = YamlReader.read(file);
        if (root == null) {
            return false;
        }
        root = YamlIncludes.resolve(root, file);
        YamlNode.Mapping config = ManifestReader.mapping(root, SourcePosition.of(file), APP_CONFIG);
        boolean found = false;
        if (config.get("application") != null) {
            YamlNode.Mapping app = ManifestReader.mapping(config.get("application"), config.keyAt("application"),
                    "'application'");
            found |= readRuntimeManifest(app, reader);
        }
        if (config.get("extensions") != null) {
            YamlNode.Mapping extensions = ManifestReader.mapping(config.get("extensions"), config.keyAt("extensions"),
                    "'extensions'");
            for (Map.Entry<String, YamlNode> e : extensions.entries().entrySet()) {
                YamlNode.Mapping extension = ManifestReader.mapping(e.getValue(), extensions.keyAt(e.getKey()),
                        "extension '" + e.getKey() + "'");
                found |= readRuntimeManifest(extension, reader);
            }
        }
        return found;
    }

    private static boolean readRuntimeManifest(YamlNode.Mapping owner, ManifestReader reader)
            throws ProjectLoadException {
        YamlNode manifest = owner.get("runtimeManifest");
        if (manifest == null) {
            return false;
        }
        YamlNode.Mapping m = ManifestReader.mapping(manifest, owner.keyAt("runtimeManifest"), "'runtimeManifest'");
        if (m.get("packages") != null) {
            reader.readPackages(m.get("packages"), m.keyAt("packages"));
        }
        return true;
    }

    private static Project manifestProject(Path dir, Path file, DotEnv env, ManifestReader reader)
            throws ProjectLoadException {
        YamlNode root = YamlReader.read(file);
        if (root == null) {
            throw new ProjectLoadException(file, "the manifest is empty (it needs 'packages:')");
        }
        YamlNode.Mapping m = ManifestReader.mapping(root, SourcePosition.of(file), file.getFileName().toString());
        if (m.get("project") != null) {
            YamlNode.Mapping project = ManifestReader.mapping(m.get("project"), m.keyAt("project"), "'project'");
            if (project.get("packages") != null) {
                reader.readPackages(project.get("packages"), project.keyAt("packages"));
            }
        }
        if (m.get("packages") != null) {
            reader.readPackages(m.get("packages"), m.keyAt("packages"));
        }
        if (m.get("package") instanceof YamlNode.Mapping single) {
            // wskdeploy's oldest form: one package, named by its 'name' field
            YamlNode name = single.get("name");
            if (!(name instanceof YamlNode.Scalar s) || s.isNull()) {
                throw new ProjectLoadException(m.keyAt("package"), "'package' needs a 'name'");
            }
            Map<String, YamlNode> entries = new java.util.LinkedHashMap<>(single.entries());
            entries.remove("name");
            YamlNode.Mapping body = new YamlNode.Mapping(entries, single.keys(), single.at());
            reader.readPackages(new YamlNode.Mapping(Map.of(s.text(), body), Map.of(s.text(), s.at()), m.at()),
                    m.keyAt("package"));
        }
        if (!m.has("packages") && !m.has("project") && !m.has("package")) {
            throw new ProjectLoadException(SourcePosition.of(file), "the manifest has no 'packages:'");
        }
        return new Project(dir, ProjectFormat.WSKDEPLOY_MANIFEST, file, reader.packages(), env);
    }

    /** Each top-level {@code .js} file is an action of the default package, named after the file. */
    private static Project plainProject(Path dir, DotEnv env) throws ProjectLoadException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> js = Files.newDirectoryStream(dir, "*.js")) {
            js.forEach(f -> {
                // dot-files are tool settings (.eslintrc.js), not actions
                if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                    files.add(f);
                }
            });
        } catch (IOException e) {
            throw new ProjectLoadException(dir, "the folder cannot be listed: " + e.getMessage());
        }
        files.sort(null);
        List<ProjectAction> actions = new ArrayList<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            String name = file.substring(0, file.length() - ".js".length());
            if (name.isEmpty()) {
                continue;
            }
            actions.add(new ProjectAction(ProjectPackage.DEFAULT, name, ActionSource.file(f), RuntimeKinds.NODEJS_DEFAULT,
                    null, Map.of(), WebExport.NO, Map.of(), ActionLimits.NONE, SourcePosition.of(f)));
        }
        List<ProjectPackage> packages = actions.isEmpty() ? List.of()
                : List.of(new ProjectPackage(ProjectPackage.DEFAULT, Map.of(), Map.of(), actions, List.of(), List.of(),
                        List.of(), SourcePosition.of(dir)));
        return new Project(dir, ProjectFormat.PLAIN_JS, null, packages, env);
    }

    /**
     * What aio puts in place of {@code __APP_PACKAGE__}: the package.json name (its last part: {@code @org/app} is
     * {@code app}) and version, {@code unnamed-app-0.1.0} without them.
     */
    private static String appPackageName(Path dir) throws ProjectLoadException {
        Path file = dir.resolve("package.json");
        String name = "unnamed-app";
        String version = "0.1.0";
        if (Files.isRegularFile(file)) {
            JsonNode pkg;
            try {
                pkg = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new ProjectLoadException(file, "not valid JSON, so the name of __APP_PACKAGE__ is unknown");
            }
            String n = pkg == null ? "" : pkg.path("name").asText("");
            if (!n.isBlank()) {
                name = n.substring(n.lastIndexOf('/') + 1);
            }
            String v = pkg == null ? "" : pkg.path("version").asText("");
            if (!v.isBlank()) {
                version = v;
            }
        }
        return name + "-" + version;
    }
}
