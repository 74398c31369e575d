package dev.whiskstudio.sim.backend.docker;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a POSIX ustar archive of directories and regular files, owned by root with a fixed time, so the same
 * contents always give the same bytes. Enough for a root file system that {@code docker import} reads.
 */
final class TarWriter implements Closeable {
    private static final int BLOCK = 512;
    private static final byte TYPE_FILE = '0';
    private static final byte TYPE_DIR = '5';

    private final OutputStream out;
    private boolean closed;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    /** A directory; {@code path} is absolute in the archive's root ({@code /tmp}). */
    void directory(String path, int mode) throws IOException {
        out.write(header(path.endsWith("/") ? path : path + "/", mode, 0, TYPE_DIR));
    }

    /** A regular file of exactly {@code size} bytes read from {@code content}. */
    void file(String path, int mode, long size, InputStream content) throws IOException {
        out.write(header(path, mode, size, TYPE_FILE));
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException(path + " ended " + left + " bytes early (did it change while being read?)");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        out.write(new byte[pad]);
    }

    void file(String path, int mode, byte[] content) throws IOException {
        file(path, mode, content.length, new java.io.ByteArrayInputStream(content));
    }

    /** Writes the end-of-archive marker and closes the stream. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write(new byte[2 * BLOCK]);
            out.close();
        }
    }

    private static byte[] header(String absolutePath, int mode, long size, byte type) throws IOException {
        String name = relative(absolutePath);
        byte[] block = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length <= 100) {
            System.arraycopy(nameBytes, 0, block, 0, nameBytes.length);
        } else {
            splitIntoPrefix(name, block);
        }
        octal(block, 100, 8, mode);
        octal(block, 108, 8, 0);               // uid
        octal(block, 116, 8, 0);               // gid
        octal(block, 124, 12, size);
        octal(block, 136, 12, 0);              // mtime: fixed, so the archive depends on the contents only
        block[156] = type;
        ascii(block, 257, "ustar\0");
        ascii(block, 263, "00");
        ascii(block, 265, "root");
        ascii(block, 297, "root");
        Arrays.fill(block, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        octal(block, 148, 7, sum);             // six digits and a NUL; the eighth byte stays a space
        return block;
    }

    private static String relative(String absolutePath) throws IOException {
        if (!absolutePath.startsWith("/") || absolutePath.contains("/../") || absolutePath.endsWith("/..")
                || absolutePath.contains("//") || absolutePath.indexOf('\0') >= 0) {
            throw new IOException("not a clean absolute path for the archive: " + absolutePath);
        }
        return absolutePath.substring(1);
    }

    /** ustar keeps paths up to 255 bytes as a prefix (up to 155) and a name (up to 100) split at a slash. */
    private static void splitIntoPrefix(String name, byte[] block) throws IOException {
        byte[] all = name.getBytes(StandardCharsets.UTF_8);
        for (int i = all.length - 1; i > 0; i--) {
            if (all[i] == '/' && i <= 155 && all.length - i - 1 <= 100 && all.length - i - 1 > 0) {
                System.arraycopy(all, i + 1, block, 0, all.length - i - 1);
                System.arraycopy(all, 0, block, 345, i);
                return;
            }
        }
        throw new IOException("path too long for a ustar archive: /" + name);
    }

    private static void octal(byte[] block, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("value " + value + " does not fit " + length + " bytes");
        }
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        ascii(block, offset, padded);
        block[offset + length - 1] = 0;
    }

    private static void ascii(byte[] block, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }
}
