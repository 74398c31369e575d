package dev.whiskstudio.app.workspace.project;

import dev.whiskstudio.app.workspace.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three sample projects, loaded from real files. */
class ProjectLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aWskdeployManifestGivesItsPackageActionsSequenceTriggerAndRule() throws IOException {
        Path folder = Samples.copy(Samples.MANIFEST_DEMO, dir);
        Project project = ProjectLoader.load(folder);

        assertEquals(ProjectFormat.WSKDEPLOY_MANIFEST, project.format());
        assertEquals(folder.resolve("manifest.yml"), project.manifest());
        assertEquals(List.of("demo"), project.packages().stream().map(ProjectPackage::name).toList());
        ProjectPackage demo = project.packages().get(0);
        assertEquals("world", demo.inputs().get("audience").asText());

        ProjectAction hello = project.findAction("demo/hello").orElseThrow();
        assertEquals(SourceKind.FILE, hello.source().kind());
        assertEquals(folder.resolve("src/hello.js"), hello.sourceFile());
        assertEquals("nodejs:20", hello.runtime());
        assertEquals("$GREETING", hello.inputs().get("greeting").asText());
        assertEquals("!", hello.inputs().get("punctuation").asText());
        assertEquals(WebExport.NO, hello.web());
        assertNull(hello.main());
        assertEquals(new SourcePosition(folder.resolve("manifest.yml"), 8, 7), hello.declaredAt());

        ProjectAction shout = project.findAction("demo/shout").orElseThrow();
        assertEquals("nodejs:default", shout.runtime());
        assertEquals(WebExport.YES, shout.web());
        assertEquals(new ActionLimits(5000, 128, null, null), shout.limits());

        ProjectSequence sequence = project.sequences().get(0);
        assertEquals("demo/hello-loud", sequence.qualifiedName());
        assertEquals(List.of("demo/hello", "demo/shout"), sequence.components());

        ProjectTrigger trigger = project.triggers().get(0);
        assertEquals("greeting-requested", trigger.name());
        assertNull(trigger.feed());
        assertEquals("trigger", trigger.inputs().get("name").asText());

        ProjectRule rule = project.rules().get(0);
        assertEquals(new ProjectRule("greet-on-request", "greeting-requested", "demo/hello", rule.declaredAt()), rule);

        assertEquals("Hello", project.env().get("GREETING").orElseThrow());
        assertEquals(List.of(folder.resolve("manifest.yml"), folder.resolve("src/hello.js"), folder.resolve("src/shout.js")),
                project.sourceFiles());
    }

    @Test
    void anAioAppConfigGivesTheApplicationsAndTheIncludedExtensionsPackages() throws IOException {
        Path folder = Samples.copy(Samples.AIO_DEMO, dir);
        Project project = ProjectLoader.load(folder);

        assertEquals(ProjectFormat.AIO_APP_CONFIG, project.format());
        // __APP_PACKAGE__ is package.json's name without its scope, and its version
        assertEquals(List.of("aio-demo-1.2.0", "dx-excshell-1"),
                project.packages().stream().map(ProjectPackage::name).toList());

        ProjectAction generic = project.findAction("aio-demo-1.2.0/generic").orElseThrow();
        assertEquals(SourceKind.DIRECTORY, generic.source().kind());
        assertEquals(folder.resolve("actions/generic"), generic.source().path());
        assertEquals(folder.resolve("actions/generic/index.js"), generic.sourceFile());
        assertEquals(WebExport.YES, generic.web());
        assertEquals("$LOG_LEVEL", generic.inputs().get("LOG_LEVEL").asText());
        assertTrue(generic.annotations().get("final").asBoolean());

        ProjectAction raw = project.findAction("aio-demo-1.2.0/echo-raw").orElseThrow();
        assertEquals(WebExport.RAW, raw.web());
        assertEquals(10, raw.limits().concurrency());

        // the extension's function path is relative to ext.config.yaml, where it is written
        ProjectAction ping = project.findAction("dx-excshell-1/ping").orElseThrow();
        assertEquals(folder.resolve("src/dx-excshell-1/actions/ping/index.js"), ping.sourceFile());
        assertEquals(folder.resolve("src/dx-excshell-1/ext.config.yaml"), ping.declaredAt().file());

        ProjectTrigger newYear = project.triggers().get(0);
        assertEquals("/whisk.system/alarms/once", newYear.feed());
        assertEquals("2099-01-01T00:00:00.000Z", newYear.inputs().get("date").asText());
        assertEquals("aio-demo-1.2.0/generic", project.rules().get(0).action());
    }

    @Test
    void aFolderWithoutManifestHasAnActionPerTopLevelJsFile() throws IOException {
        Path folder = Samples.copy(Samples.PLAIN_JS, dir);
        Samples.write(folder, ".eslintrc.js", "module.exports = {};");
        Project project = ProjectLoader.load(folder);

        assertEquals(ProjectFormat.PLAIN_JS, project.format());
        assertNull(project.manifest());
        ProjectPackage pkg = project.packages().get(0);
        assertTrue(pkg.isDefault());
        assertEquals(List.of("add", "hello"), pkg.actions().stream().map(ProjectAction::name).toList());
        ProjectAction add = pkg.actions().get(0);
        assertEquals("add", add.qualifiedName());
        assertEquals(folder.resolve("add.js"), add.sourceFile());
        assertEquals(RuntimeKinds.NODEJS_DEFAULT, add.runtime());
        assertTrue(project.env().isEmpty());
    }

    @Test
    void anEmptyFolderIsAProjectWithNothingInIt() throws IOException {
        Project project = ProjectLoader.load(Files.createDirectories(dir.resolve("empty")));
        assertEquals(ProjectFormat.PLAIN_JS, project.format());
        assertTrue(project.packages().isEmpty());
    }
}
