package dev.whiskstudio.plugin.nodejs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds action archives in memory, as a deployer would send them: base64 of a zip or a tar.gz. */
final class ActionArchives {
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, Boolean> stored = new LinkedHashMap<>();

    /** A file, deflated. */
    ActionArchives file(String path, String content) {
        files.put(path, content);
        stored.put(path, false);
        return this;
    }

    /** A file kept uncompressed (zip method 0). */
    ActionArchives storedFile(String path, String content) {
        file(path, content);
        stored.put(path, true);
        return this;
    }

    /** A directory entry (a name ending in '/'). */
    ActionArchives directory(String path) {
        files.put(path.endsWith("/") ? path : path + "/", null);
        return this;
    }

    String zipBase64() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                if (file.getValue() != null && stored.get(file.getKey())) {
                    byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                if (file.getValue() != null) {
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** A ustar archive, gzipped. */
    String tarGzBase64() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue() == null ? new byte[0] : file.getValue().getBytes(StandardCharsets.UTF_8);
                gzip.write(tarHeader(file.getKey(), content.length, file.getValue() == null ? '5' : '0'));
                gzip.write(content);
                gzip.write(new byte[(512 - content.length % 512) % 512]);
            }
            gzip.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static byte[] tarHeader(String name, int size, char type) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, type == '5' ? "0000755" : "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", 0));
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        return header;
    }

    private static void put(byte[] header, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }
}
