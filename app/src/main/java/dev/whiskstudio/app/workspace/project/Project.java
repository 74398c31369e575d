package dev.whiskstudio.app.workspace.project;

import dev.whiskstudio.app.workspace.env.DotEnv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded project folder.
 *
 * @param folder   the folder that was opened
 * @param format   how it declares its entities
 * @param manifest the manifest read ({@code manifest.yml} or {@code app.config.yaml}), null for plain files
 * @param packages its packages in manifest order
 * @param env      the folder's {@code .env}, empty when there is none; it may hold keys and prints without values
 */
public record Project(Path folder, ProjectFormat format, Path manifest, List<ProjectPackage> packages, DotEnv env) {

    public Project {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(format, "format");
        packages = List.copyOf(packages);
        env = env == null ? DotEnv.empty() : env;
    }

    public List<ProjectAction> actions() {
        List<ProjectAction> all = new ArrayList<>();
        packages.forEach(p -> all.addAll(p.actions()));
        return all;
    }

    public List<ProjectSequence> sequences() {
        List<ProjectSequence> all = new ArrayList<>();
        packages.forEach(p -> all.addAll(p.sequences()));
        return all;
    }

    public List<ProjectTrigger> triggers() {
        List<ProjectTrigger> all = new ArrayList<>();
        packages.forEach(p -> all.addAll(p.triggers()));
        return all;
    }

    public List<ProjectRule> rules() {
        List<ProjectRule> all = new ArrayList<>();
        packages.forEach(p -> all.addAll(p.rules()));
        return all;
    }

    public Optional<ProjectPackage> findPackage(String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The action named {@code pkg/name} (or {@code name} in the default package). */
    public Optional<ProjectAction> findAction(String qualifiedName) {
        return actions().stream().filter(a -> a.qualifiedName().equals(qualifiedName)).findFirst();
    }

    /** Every file the editor may open for this project: the manifest, then each action's source. */
    public List<Path> sourceFiles() {
        Set<Path> files = new LinkedHashSet<>();
        if (manifest != null) {
            files.add(manifest);
        }
        actions().forEach(a -> {
            if (a.sourceFile() != null) {
                files.add(a.sourceFile());
            }
        });
        return List.copyOf(files);
    }
}
