package dev.whiskstudio.app.editor.tabs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFilesTest {
    @TempDir
    Path temp;

    @Test
    void crlfAndByteOrderMarkSurviveARoundTrip() throws Exception {
        Path file = temp.resolve("win.js");
        byte[] original = "\uFEFFa\r\nb\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, original);
        FileText read = TextFiles.read(file);
        assertEquals("a\nb\n", read.text());
        assertEquals(LineEnding.CRLF, read.lineEnding());
        assertTrue(read.byteOrderMark());
        TextFiles.write(file, read);
        assertArrayEquals(original, Files.readAllBytes(file));
    }

    @Test
    void notUtf8IsRefusedWithAReason() throws Exception {
        Path file = temp.resolve("latin1.js");
        Files.write(file, new byte[] {'a', (byte) 0xE9, 'b'});
        IOException error = assertThrows(IOException.class, () -> TextFiles.read(file));
        assertEquals("Cannot open " + file + ": it is not UTF-8 text.", TextFiles.describe("Cannot open", file, error));
        IOException folder = assertThrows(IOException.class, () -> TextFiles.read(temp));
        assertEquals("Cannot open " + temp + ": it is a folder, not a file.", TextFiles.describe("Cannot open", temp, folder));
        IOException missing = assertThrows(IOException.class, () -> TextFiles.read(temp.resolve("none.js")));
        assertTrue(TextFiles.describe("Cannot open", temp, missing).endsWith(": the file does not exist."));
    }

    @Test
    void savingKeepsThePermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path file = temp.resolve("run.sh");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        TextFiles.write(file, new FileText("new", LineEnding.LF, false));
        assertEquals("new", Files.readString(file));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(temp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void savingThroughASymbolicLinkWritesItsTarget() throws Exception {
        Path target = Files.writeString(temp.resolve("real.js"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.js"), target);
        TextFiles.write(link, new FileText("new", LineEnding.LF, false));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
    }
}
