package dev.whiskstudio.app.workspace.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.whiskstudio.app.workspace.Samples.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest forms wskdeploy and aio accept, each written to a real folder and loaded. */
class ManifestFormsTest {
    @TempDir
    Path dir;

    private Project load(String manifest) throws IOException {
        write(dir, "manifest.yml", manifest);
        return ProjectLoader.load(dir);
    }

    @Test
    void packagesMayBeUnderProjectOrTheOldSinglePackage() throws IOException {
        write(dir, "a.js", "function main() { return {}; }");
        Project underProject = load("""
                project:
                  name: p
                  packages:
                    tools:
                      actions:
                        a:
                          function: a.js
                """);
        assertEquals("tools/a", underProject.actions().get(0).qualifiedName());
        Project single = load("""
                package:
                  name: legacy
                  actions:
                    a:
                      function: a.js
                """);
        assertEquals("legacy/a", single.actions().get(0).qualifiedName());
    }

    @Test
    void runtimeNamesMapToKinds() throws IOException {
        write(dir, "a.js", "function main() { return {}; }");
        write(dir, "b.py", "def main(args): return {}");
        Project p = load("""
                packages:
                  k:
                    actions:
                      at:        {function: a.js, runtime: nodejs@20}
                      family:    {function: a.js, runtime: nodejs}
                      exact:     {function: a.js, runtime: 'NodeJS:18'}
                      kind:      {function: a.js, kind: nodejs:22}
                      inferred:  {function: a.js}
                      language:  {function: a.js, runtime: 'language:default'}
                      python:    {function: b.py}
                """);
        assertEquals(List.of("nodejs:20", "nodejs:default", "nodejs:18", "nodejs:22", "nodejs:default",
                "nodejs:default", "python:default"), p.actions().stream().map(ProjectAction::runtime).toList());
    }

    @Test
    void inlineCodeAndAZipAreSourcesToo() throws IOException {
        write(dir, "bundle.zip", "PK");
        Project p = load("""
                packages:
                  k:
                    actions:
                      inline:
                        code: |
                          function main() { return { inline: true }; }
                        runtime: nodejs:20
                        main: main
                      zipped:
                        function: bundle.zip
                        runtime: nodejs:20
                """);
        ProjectAction inline = p.findAction("k/inline").orElseThrow();
        assertEquals(SourceKind.INLINE, inline.source().kind());
        assertTrue(inline.source().inlineCode().contains("inline: true"));
        assertEquals(dir.resolve("manifest.yml"), inline.sourceFile());
        assertEquals("main", inline.main());
        ProjectAction zipped = p.findAction("k/zipped").orElseThrow();
        assertEquals(SourceKind.ZIP, zipped.source().kind());
        assertTrue(zipped.source().binary());
    }

    @Test
    void typedInputsGiveTheirValueOrTheirTypesEmptyValue() throws IOException {
        write(dir, "a.js", "");
        Project p = load("""
                packages:
                  k:
                    actions:
                      a:
                        function: a.js
                        inputs:
                          plain: text
                          number: 42
                          object: {nested: [1, 2]}
                          typed: {type: string, value: given, description: a typed one}
                          defaulted: {type: integer, default: 7}
                          declared: {type: integer}
                          bare: string
                          empty:
                """);
        var inputs = p.actions().get(0).inputs();
        assertEquals("text", inputs.get("plain").asText());
        assertEquals(42, inputs.get("number").asInt());
        assertEquals(2, inputs.get("object").get("nested").get(1).asInt());
        assertEquals("given", inputs.get("typed").asText());
        assertEquals(7, inputs.get("defaulted").asInt());
        assertEquals(0, inputs.get("declared").asInt());
        assertEquals("", inputs.get("bare").asText());
        assertTrue(inputs.get("empty").isNull());
        assertEquals(List.of("plain", "number", "object", "typed", "defaulted", "declared", "bare", "empty"),
                List.copyOf(inputs.keySet()));
    }

    @Test
    void everySpellingOfWebIsRead() throws IOException {
        write(dir, "a.js", "");
        Project p = load("""
                packages:
                  k:
                    actions:
                      yes1:  {function: a.js, web: yes}
                      true1: {function: a.js, web: true}
                      raw1:  {function: a.js, web: raw}
                      no1:   {function: a.js, web: no}
                      false1: {function: a.js, web: 'false'}
                      export: {function: a.js, web-export: 'YES'}
                      annotated: {function: a.js, annotations: {web-export: true, raw-http: true, x: 1}}
                      rawflag: {function: a.js, web: yes, raw-http: true}
                      none:  {function: a.js}
                """);
        assertEquals(List.of(WebExport.YES, WebExport.YES, WebExport.RAW, WebExport.NO, WebExport.NO, WebExport.YES,
                WebExport.RAW, WebExport.RAW, WebExport.NO), p.actions().stream().map(ProjectAction::web).toList());
        assertEquals(List.of("x"), List.copyOf(p.findAction("k/annotated").orElseThrow().annotations().keySet()));
    }

    @Test
    void limitsAreReadWithOrWithoutUnits() throws IOException {
        write(dir, "a.js", "");
        Project p = load("""
                packages:
                  k:
                    actions:
                      numbers: {function: a.js, limits: {timeout: 3000, memorySize: 512, logSize: 0, concurrency: 5}}
                      units:   {function: a.js, limits: {timeout: 60 s, memorySize: 1 GB, logSize: 2MB, concurrentActivations: 2}}
                      aio:     {function: a.js, limits: {timeout: '2 min', memory: 256}}
                """);
        assertEquals(new ActionLimits(3000, 512, 0, 5), p.findAction("k/numbers").orElseThrow().limits());
        assertEquals(new ActionLimits(60_000, 1024, 2, 2), p.findAction("k/units").orElseThrow().limits());
        assertEquals(new ActionLimits(120_000, 256, null, null), p.findAction("k/aio").orElseThrow().limits());
    }

    @Test
    void sequenceComponentsAndRuleActionsAreRelativeToThePackageUnlessQualified() throws IOException {
        write(dir, "a.js", "");
        Project p = load("""
                packages:
                  k:
                    actions:
                      a: {function: a.js}
                    sequences:
                      listed:
                        actions: [a, other/b, /whisk.system/utils/echo, ns/pkg/c]
                    triggers:
                      t: {}
                    rules:
                      r: {trigger: t, action: listed}
                  default:
                    actions:
                      top: {function: a.js}
                    sequences:
                      top-seq: {actions: "top,  k/a"}
                """);
        assertEquals(List.of("k/a", "other/b", "/whisk.system/utils/echo", "/ns/pkg/c"),
                p.findPackage("k").orElseThrow().sequences().get(0).components());
        assertEquals("k/listed", p.rules().get(0).action());
        ProjectPackage top = p.findPackage("default").orElseThrow();
        assertTrue(top.isDefault());
        assertEquals("top", top.actions().get(0).qualifiedName());
        assertEquals(List.of("top", "k/a"), top.sequences().get(0).components());
    }

    @Test
    void anAppConfigWithExtensionsInlineAndAnEmptyApplicationLoads() throws IOException {
        write(dir, "ext/a.js", "");
        write(dir, "app.config.yaml", """
                application: {}
                extensions:
                  dx/asset-compute/worker/1:
                    runtimeManifest:
                      packages:
                        worker:
                          actions:
                            w: {function: ext/a.js}
                """);
        Project p = ProjectLoader.load(dir);
        assertEquals(ProjectFormat.AIO_APP_CONFIG, p.format());
        assertEquals("worker/w", p.actions().get(0).qualifiedName());
    }

    @Test
    void aLegacyAioAppWithoutRuntimeManifestUsesItsManifestYml() throws IOException {
        write(dir, "a.js", "");
        write(dir, "app.config.yaml", "application:\n  hooks: {}\n");
        write(dir, "manifest.yml", "packages:\n  legacy:\n    actions:\n      a: {function: a.js}\n");
        Project p = ProjectLoader.load(dir);
        assertEquals(ProjectFormat.WSKDEPLOY_MANIFEST, p.format());
        assertEquals("legacy/a", p.actions().get(0).qualifiedName());
    }
}
