package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.workspace.project.ProjectPackage;

import java.util.Objects;

/**
 * What a deploy covers: the whole project, one package (with its actions, sequences, and the triggers and rules the
 * manifest lists under it), or one action or sequence (with its package, which it needs).
 *
 * @param name the package's name, or the action's {@code pkg/name} ({@code name} in the default package); empty
 *             for the project
 */
public record DeployScope(Kind kind, String name) {
    public enum Kind { PROJECT, PACKAGE, ACTION }

    public DeployScope {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name.strip();
        if (kind != Kind.PROJECT && name.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " scope needs a name");
        }
    }

    public static DeployScope project() {
        return new DeployScope(Kind.PROJECT, "");
    }

    public static DeployScope ofPackage(String name) {
        return new DeployScope(Kind.PACKAGE, name);
    }

    public static DeployScope ofAction(String qualifiedName) {
        return new DeployScope(Kind.ACTION, qualifiedName);
    }

    /** {@code project}, {@code package:P} or {@code action:P/A} (as the command line takes it). */
    public static DeployScope parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("project")) {
            return project();
        }
        if (t.startsWith("package:")) {
            return ofPackage(t.substring("package:".length()));
        }
        if (t.startsWith("action:")) {
            return ofAction(t.substring("action:".length()));
        }
        throw new IllegalArgumentException("--scope is project, package:NAME or action:PACKAGE/NAME, not '" + text + "'");
    }

    /** The package an action scope's action is in ({@link ProjectPackage#DEFAULT} when none). */
    String actionPackage() {
        int slash = name.indexOf('/');
        return slash < 0 ? ProjectPackage.DEFAULT : name.substring(0, slash);
    }

    /** For a person: "the whole project", "package demo", "action demo/hello". */
    public String describe() {
        return switch (kind) {
            case PROJECT -> "the whole project";
            case PACKAGE -> "package " + name;
            case ACTION -> "action " + name;
        };
    }

    @Override
    public String toString() {
        return kind == Kind.PROJECT ? "project" : kind.name().toLowerCase() + ":" + name;
    }
}
