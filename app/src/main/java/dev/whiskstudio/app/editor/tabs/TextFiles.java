package dev.whiskstudio.app.editor.tabs;

import dev.whiskstudio.app.io.AtomicReplace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reading and writing the editor's files: UTF-8 only (a file that is not is refused with a message, never
 * garbled), line endings and a byte order mark kept as found, and saving through a temporary file moved over the
 * original, so a crash mid-save leaves the old file or the new one, never half of it. Blocking: off the FX thread.
 */
public final class TextFiles {
    /** Files above this are refused: RichTextFX holds the whole text in memory, styled. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private TextFiles() {
    }

    public static FileText read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new ReadableIOException("it is a folder, not a file");
        }
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new ReadableIOException("at " + (size / (1024 * 1024)) + " MB it is larger than the editor opens ("
                    + (MAX_BYTES / (1024 * 1024)) + " MB)");
        }
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReadableIOException("it is not UTF-8 text");
        }
        boolean bom = text.startsWith("\uFEFF");
        if (bom) {
            text = text.substring(1);
        }
        int firstBreak = text.indexOf('\n');
        LineEnding ending = firstBreak > 0 && text.charAt(firstBreak - 1) == '\r' ? LineEnding.CRLF : LineEnding.LF;
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return new FileText(text, ending, bom);
    }

    /** Writes {@code text} (with {@code \n} breaks) to {@code path} atomically, in the given line ending. */
    public static void write(Path path, FileText content) throws IOException {
        Path target = Files.isSymbolicLink(path) ? path.toRealPath() : path.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        String text = content.lineEnding() == LineEnding.LF ? content.text()
                : content.text().replace("\n", content.lineEnding().separator());
        byte[] bytes = ((content.byteOrderMark() ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".saving");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            keepPermissions(target, temporary);
            AtomicReplace.move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void keepPermissions(Path original, Path replacement) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(original)
                    ? Files.getPosixFilePermissions(original) : NEW_FILE;
            Files.setPosixFilePermissions(replacement, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the temporary file's defaults are all we have
        }
    }

    /** "Cannot open /x/a.js: it is not UTF-8 text." — what a user reads for a failed read or write. */
    public static String describe(String doing, Path path, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why;
        if (cause instanceof ReadableIOException readable) {
            why = readable.getMessage();
        } else if (cause instanceof NoSuchFileException) {
            why = "the file does not exist";
        } else if (cause instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            why = fs.getReason();
        } else {
            why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
        return doing + " " + path + ": " + why + ".";
    }

    /** An I/O failure whose message is already the reason a user reads. */
    static final class ReadableIOException extends IOException {
        ReadableIOException(String reason) {
            super(reason);
        }
    }
}
