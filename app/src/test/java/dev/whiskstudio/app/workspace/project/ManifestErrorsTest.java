package dev.whiskstudio.app.workspace.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.whiskstudio.app.workspace.Samples.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Manifests a user gets wrong: each gives a readable error naming the file and, where known, line and column. */
class ManifestErrorsTest {
    @TempDir
    Path dir;

    private ProjectLoadException failing(String manifest) {
        write(dir, "manifest.yml", manifest);
        return assertThrows(ProjectLoadException.class, () -> ProjectLoader.load(dir));
    }

    private void assertAt(ProjectLoadException e, int line, String text) {
        assertEquals(dir.resolve("manifest.yml"), e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("manifest.yml") + " line " + line), e.getMessage());
    }

    @Test
    void badYamlNamesTheLineAndColumn() {
        ProjectLoadException e = failing("""
                packages:
                  demo:
                    actions:
                      hello: {function: a.js
                      other: x
                """);
        assertAt(e, 5, "not valid YAML: while parsing a flow mapping; expected ',' or '}'");
        assertEquals(12, e.column(), e.getMessage());
    }

    @Test
    void aTabIndentIsReportedAtTheTab() {
        ProjectLoadException e = failing("packages:\n\tdemo: {}\n");
        assertAt(e, 2, "Do not use \\t(TAB) for indentation");
        assertEquals(1, e.column(), e.getMessage());
    }

    @Test
    void aMappingValueWhereNoneIsAllowedIsReportedWhereItIs() {
        ProjectLoadException e = failing("packages:\n  demo:\n    actions:\n      hello: web: yes\n");
        assertAt(e, 4, "not valid YAML");
        assertEquals(17, e.column(), e.getMessage());
    }

    @Test
    void aMissingFunctionFileNamesThePathItLookedFor() {
        ProjectLoadException e = failing("""
                packages:
                  demo:
                    actions:
                      hello:
                        function: src/missing.js
                """);
        assertAt(e, 5, "action 'demo/hello': its function 'src/missing.js' does not exist (looked for "
                + dir.resolve("src/missing.js") + ")");
    }

    @Test
    void anUnknownRuntimeIsReportedAtItsValue() {
        write(dir, "a.js", "");
        ProjectLoadException e = failing("""
                packages:
                  demo:
                    actions:
                      hello:
                        function: a.js
                        runtime: cobol:85
                """);
        assertAt(e, 6, "unknown runtime 'cobol:85'");
        assertEquals(18, e.column());
        ProjectLoadException noVersion = failing("packages:\n  d:\n    actions:\n      h: {function: a.js, runtime: 'nodejs:latest'}\n");
        assertTrue(noVersion.getMessage().contains("has no usable version"), noVersion.getMessage());
    }

    @Test
    void aWrongShapeSaysWhatWasExpectedAndWhere() {
        ProjectLoadException e = failing("""
                packages:
                  demo:
                    actions:
                      - hello
                      - world
                """);
        assertAt(e, 4, "'actions' of package 'demo' must be a map of names to settings, not a list");
    }

    @Test
    void aDuplicateKeyIsNotSilentlyDropped() {
        write(dir, "a.js", "");
        ProjectLoadException e = failing("""
                packages:
                  demo:
                    actions:
                      hello: {function: a.js}
                      hello: {function: a.js}
                """);
        assertAt(e, 5, "the key 'hello' is given twice (first at line 4)");
    }

    @Test
    void entitiesThatCannotBeCreatedAreRefusedWithReasons() {
        write(dir, "a.js", "");
        write(dir, "empty-folder/README.md", "");
        List<String[]> cases = List.of(
                new String[] {"packages:\n  d:\n    actions:\n      h: {main: x}\n", "has no 'function'"},
                new String[] {"packages:\n  d:\n    actions:\n      h: {function: empty-folder}\n",
                        "has neither package.json nor index.js"},
                new String[] {"packages:\n  d:\n    actions:\n      h: {function: a.js, web: sometimes}\n",
                        "'web' must be yes, no, true, false or raw"},
                new String[] {"packages:\n  d:\n    actions:\n      h: {function: a.js, limits: {memorySize: 512 kB}}\n",
                        "a size limit is whole megabytes"},
                new String[] {"packages:\n  d:\n    actions:\n      h: {function: a.js, limits: {timeout: fast}}\n",
                        "a timeout limit is milliseconds"},
                new String[] {"packages:\n  d:\n    actions:\n      h: {code: 'x'}\n", "needs a 'runtime'"},
                new String[] {"packages:\n  d:\n    actions:\n      h: {function: a.js, docker: img}\n",
                        "Docker actions are not supported"},
                new String[] {"packages:\n  d:\n    sequences:\n      s: {actions: ''}\n", "lists no actions"},
                new String[] {"packages:\n  d:\n    rules:\n      r: {trigger: t}\n", "needs both a 'trigger' and an 'action'"},
                new String[] {"packages:\n  d:\n    triggers:\n      t: {}\n  e:\n    triggers:\n      t: {}\n",
                        "the trigger 't' is declared twice"},
                new String[] {"packages:\n  d:\n    actions:\n      x: {function: a.js}\n    sequences:\n      x: {actions: x}\n",
                        "'x' is declared twice in package 'd'"},
                new String[] {"packages:\n  d/e:\n    actions: {}\n", "cannot be a package name (a name has no '/')"},
                new String[] {"name: nothing here\n", "the manifest has no 'packages:'"},
                new String[] {"", "the manifest is empty"},
                new String[] {"- a\n- b\n", "must be a map of names to settings, not a list"});
        for (String[] c : cases) {
            ProjectLoadException e = failing(c[0]);
            assertTrue(e.getMessage().contains(c[1]), "for\n" + c[0] + "expected '" + c[1] + "' in: " + e.getMessage());
        }
    }

    @Test
    void oddShapesAnywhereGiveALoadErrorNeverACrash() {
        List<String> manifests = List.of(
                "packages: 5\n", "packages: [a, b]\n", "packages:\n  d: 5\n", "packages:\n  d:\n    actions: 7\n",
                "packages:\n  d:\n    actions:\n      a: 5\n", "packages:\n  d:\n    actions:\n      a: [1]\n",
                "packages:\n  d:\n    actions:\n      a: {function: [x]}\n", "packages:\n  d:\n    actions:\n      a: {function: {x: 1}}\n",
                "packages:\n  d:\n    actions:\n      a: {function: a.js, limits: [1]}\n",
                "packages:\n  d:\n    actions:\n      a: {function: a.js, limits: {concurrency: -1}}\n",
                "packages:\n  d:\n    actions:\n      a: {function: a.js, inputs: [1]}\n",
                "packages:\n  d:\n    actions:\n      a: {function: a.js, annotations: x}\n",
                "packages:\n  d:\n    sequences:\n      s: {actions: {a: 1}}\n",
                "packages:\n  d:\n    sequences:\n      s: {actions: [{a: 1}]}\n",
                "packages:\n  d:\n    triggers:\n      t: {feed: [1]}\n", "packages:\n  d:\n    rules:\n      r: 3\n",
                "packages:\n  d:\n    rules:\n      r: {trigger: t, action: /x}\n", "project: 3\n", "package: {}\n");
        write(dir, "a.js", "");
        for (String manifest : manifests) {
            write(dir, "manifest.yml", manifest);
            try {
                ProjectLoader.load(dir);
                fail("loaded: " + manifest);
            } catch (ProjectLoadException expected) {
                assertTrue(expected.getMessage().startsWith(dir.resolve("manifest.yml").toString()), expected.getMessage());
            } catch (Exception other) {
                throw new AssertionError("for\n" + manifest + " a " + other.getClass().getSimpleName(), other);
            }
        }
    }

    @Test
    void includeProblemsNameTheDirective() {
        write(dir, "app.config.yaml", "extensions:\n  x/1:\n    $include: missing.yaml\n");
        ProjectLoadException missing = assertThrows(ProjectLoadException.class, () -> ProjectLoader.load(dir));
        assertEquals(3, missing.line());
        assertTrue(missing.getMessage().contains("$include 'missing.yaml' does not exist"), missing.getMessage());

        write(dir, "app.config.yaml", "extensions:\n  x/1:\n    $include: a.yaml\n");
        write(dir, "a.yaml", "$include: b.yaml\n");
        write(dir, "b.yaml", "$include: a.yaml\n");
        ProjectLoadException cycle = assertThrows(ProjectLoadException.class, () -> ProjectLoader.load(dir));
        assertTrue(cycle.getMessage().contains("includes itself"), cycle.getMessage());
        assertEquals(dir.resolve("b.yaml"), cycle.file());
    }

    @Test
    void aMalformedDotEnvStopsTheLoadAtItsLine() {
        write(dir, "a.js", "");
        write(dir, ".env", "GREETING=Hello\nbroken\n");
        ProjectLoadException e = assertThrows(ProjectLoadException.class, () -> ProjectLoader.load(dir));
        assertEquals(dir.resolve(".env"), e.file());
        assertEquals(2, e.line());
    }

    @Test
    void aFolderThatIsNotThereIsSaidSo() {
        ProjectLoadException e = assertThrows(ProjectLoadException.class, () -> ProjectLoader.load(dir.resolve("nope")));
        assertTrue(e.getMessage().endsWith(": not a folder"), e.getMessage());
    }
}
