package dev.whiskstudio.plugin.nodejs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action proxy's files, read from this module's resources, and a digest of their contents that names the
 * directory they are installed in.
 */
public final class ProxyScripts {

    /** The program node runs; the other files are modules it requires. */
    public static final String ENTRY = "proxy.js";

    /** Every file of the proxy, relative to the proxy's directory (resources cannot be listed from a jar). */
    static final List<String> FILE_NAMES = List.of(ENTRY, "action-host.js", "action-loader.js", "archive.js");

    private static final String RESOURCE_DIR = "proxy/";
    private static final int DIGEST_HEX_CHARS = 20;

    private final Map<String, byte[]> files;
    private final String digest;

    private ProxyScripts(Map<String, byte[]> files) {
        this.files = files;
        this.digest = digestOf(files);
    }

    /** Reads the files from the class path. */
    public static ProxyScripts fromClassPath() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILE_NAMES) {
            try (InputStream in = ProxyScripts.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("proxy resource missing from the class path: " + RESOURCE_DIR + name);
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read proxy resource " + name, e);
            }
        }
        return new ProxyScripts(files);
    }

    /** The files by relative path; the arrays are copies. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return copy;
    }

    /** A short hex digest of every name and content: equal digests mean equal files. */
    public String digest() {
        return digest;
    }

    private static String digestOf(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.keySet().stream().sorted().forEach(name -> {
                byte[] content = files.get(name);
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, DIGEST_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
