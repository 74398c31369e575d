package dev.whiskstudio.app.workspace.env;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DotEnvTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryFormOfDefinitionInFileOrder() throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, """
                # a comment line

                PLAIN=value
                export EXPORTED=yes
                  SPACED  =   padded value  \s
                WITH_EQUALS=a=b=c
                URL=https://example.com/path?x=1#fragment
                TRAILING=kept # a comment after a blank
                SINGLE='literal \\n $HOME # not a comment'
                DOUBLE="line1\\nline2\\t\\"quoted\\" \\\\ \\$5"
                EMPTY=
                EMPTY_QUOTED=""
                MULTI="first
                second"
                dotted.name-1=ok
                """);
        DotEnv env = DotEnv.read(file);
        assertEquals(List.of("PLAIN", "EXPORTED", "SPACED", "WITH_EQUALS", "URL", "TRAILING", "SINGLE", "DOUBLE", "EMPTY",
                "EMPTY_QUOTED", "MULTI", "dotted.name-1"), List.copyOf(env.asMap().keySet()));
        assertEquals("value", env.get("PLAIN").orElseThrow());
        assertEquals("yes", env.get("EXPORTED").orElseThrow());
        assertEquals("padded value", env.get("SPACED").orElseThrow());
        assertEquals("a=b=c", env.get("WITH_EQUALS").orElseThrow());
        assertEquals("https://example.com/path?x=1#fragment", env.get("URL").orElseThrow());
        assertEquals("kept", env.get("TRAILING").orElseThrow());
        assertEquals("literal \\n $HOME # not a comment", env.get("SINGLE").orElseThrow());
        assertEquals("line1\nline2\t\"quoted\" \\ $5", env.get("DOUBLE").orElseThrow());
        assertEquals("", env.get("EMPTY").orElseThrow());
        assertEquals("", env.get("EMPTY_QUOTED").orElseThrow());
        assertEquals("first\nsecond", env.get("MULTI").orElseThrow());
        assertEquals("ok", env.get("dotted.name-1").orElseThrow());
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreRead() throws IOException {
        DotEnv env = DotEnv.parse("\uFEFFA=1\r\nB=\"two\"\r\n", ".env");
        assertEquals(Map.of("A", "1", "B", "two"), env.asMap());
    }

    @Test
    void aLaterDefinitionWinsAndNamesCanBeLookedUpIgnoringCase() throws IOException {
        DotEnv env = DotEnv.parse("AIO_runtime_auth=first\nAIO_RUNTIME_AUTH=second\nOther=x\n", ".env");
        assertEquals("second", env.getIgnoreCase("aio_runtime_auth").orElseThrow());
        assertTrue(env.get("aio_runtime_auth").isEmpty());
        assertEquals("x", env.getIgnoreCase("OTHER").orElseThrow());
    }

    @Test
    void aLineWithoutEqualsNamesFileAndLineButNotItsText() {
        DotEnvException e = assertThrows(DotEnvException.class,
                () -> DotEnv.parse("GOOD=1\n\nsupersecretvalue\n", "/p/.env"));
        assertEquals(3, e.line());
        assertEquals("/p/.env line 3: expected KEY=VALUE, but the line has no '='", e.getMessage());
        assertFalse(e.getMessage().contains("supersecretvalue"));
    }

    @Test
    void aBadNameIsReportedWithItsFirstWordOnly() {
        DotEnvException e = assertThrows(DotEnvException.class,
                () -> DotEnv.parse("A=1\nMY KEY secret-part=value\n", ".env"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("'MY …' is not a variable name"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
        assertThrows(DotEnvException.class, () -> DotEnv.parse("1ABC=x\n", ".env"));
        assertThrows(DotEnvException.class, () -> DotEnv.parse("=x\n", ".env"));
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItOpens() {
        DotEnvException e = assertThrows(DotEnvException.class,
                () -> DotEnv.parse("A=1\nB=\"never closed\nC=3\n", ".env"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        DotEnvException e = assertThrows(DotEnvException.class, () -> DotEnv.parse("A='x' y\n", ".env"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("after the closing '"), e.getMessage());
    }

    @Test
    void printsWithoutValues() throws IOException {
        DotEnv env = DotEnv.parse("AIO_RUNTIME_AUTH=uuid:topsecret\n", "x/.env");
        assertEquals("DotEnv[x/.env, 1 variables]", env.toString());
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAsSuch() throws IOException {
        Path file = Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28});
        DotEnvException e = assertThrows(DotEnvException.class, () -> DotEnv.read(file));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }
}
