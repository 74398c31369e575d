package dev.whiskstudio.sim.backend.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root file system of a runtime image, taken from this machine: a program found on the PATH (its real file),
 * the shared libraries and loader {@code ldd} lists for it, the runtime plugin's proxy files under {@code /proxy},
 * and an empty {@code /tmp}. Its {@link #digest()} changes exactly when one of those files does.
 */
final class RuntimeRootFs {
    static final String PROXY_DIR = "/proxy";
    private static final String FORMAT = "whisk-studio-rootfs-1";
    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)} or {@code /lib64/ld-linux-x86-64.so.2 (0x...)}. */
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:(\\S+)\\s+=>\\s+)?(\\S+)\\s+\\(0x[0-9a-fA-F]+\\)\\s*$");

    /** What one archive entry holds: a file of this machine or bytes. */
    private record Entry(int mode, Path source, byte[] bytes) {
        long size() throws IOException {
            return bytes != null ? bytes.length : Files.size(source);
        }

        InputStream open() throws IOException {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(source);
        }
    }

    private final String programPath;
    private final TreeMap<String, Entry> files;
    private final TreeMap<String, Integer> directories;
    private final String digest;

    private RuntimeRootFs(String programPath, TreeMap<String, Entry> files, TreeMap<String, Integer> directories)
            throws IOException {
        this.programPath = programPath;
        this.files = files;
        this.directories = directories;
        this.digest = computeDigest();
    }

    /**
     * Collects the root file system for {@code program} (such as {@code node}), looked up in {@code searchPath}
     * (a PATH value), with {@code proxyFiles} by path relative to {@code /proxy}.
     */
    static RuntimeRootFs collect(String program, String searchPath, Map<String, byte[]> proxyFiles) throws IOException {
        Path real = findOnPath(program, searchPath).toRealPath();
        TreeMap<String, Entry> files = new TreeMap<>();
        files.put(real.toString(), new Entry(0755, real, null));
        for (String library : sharedLibraries(real)) {
            // The path ldd names may pass through symlinks (/lib -> usr/lib, libstdc++.so.6 -> ...so.6.0.30): the
            // image gets a regular file at that path with the final target's bytes.
            Path target = Path.of(library).toRealPath();
            files.put(Path.of(library).normalize().toString(), new Entry(0755, target, null));
        }
        for (Map.Entry<String, byte[]> proxyFile : proxyFiles.entrySet()) {
            String relative = proxyFile.getKey().replace('\\', '/');
            Path inProxy = Path.of(PROXY_DIR).resolve(relative).normalize();
            if (relative.isEmpty() || relative.startsWith("/") || !inProxy.startsWith(PROXY_DIR)
                    || inProxy.toString().equals(PROXY_DIR)) {
                throw new IOException("proxy file path is not inside the proxy directory: " + proxyFile.getKey());
            }
            files.put(inProxy.toString(), new Entry(0644, null, proxyFile.getValue().clone()));
        }
        TreeMap<String, Integer> directories = new TreeMap<>();
        directories.put("/tmp", 01777);
        directories.put(PROXY_DIR, 0755);
        for (String file : files.keySet()) {
            for (Path dir = Path.of(file).getParent(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
                directories.putIfAbsent(dir.toString(), 0755);
            }
        }
        for (String file : files.keySet()) {
            if (directories.containsKey(file)) {
                throw new IOException(file + " would be both a file and a directory in the image");
            }
        }
        return new RuntimeRootFs(real.toString(), files, directories);
    }

    /** Where the program is inside the image (its real path on this machine). */
    String programPath() {
        return programPath;
    }

    /** SHA-256 over every path, mode and content, hex. */
    String digest() {
        return digest;
    }

    /** Paths of the files, sorted (for tests and messages). */
    List<String> filePaths() {
        return List.copyOf(files.keySet());
    }

    /** Writes the archive, directories first, each in path order. */
    void writeTar(OutputStream out) throws IOException {
        try (TarWriter tar = new TarWriter(out)) {
            for (Map.Entry<String, Integer> dir : directories.entrySet()) {
                tar.directory(dir.getKey(), dir.getValue());
            }
            for (Map.Entry<String, Entry> file : files.entrySet()) {
                Entry entry = file.getValue();
                try (InputStream in = entry.open()) {
                    tar.file(file.getKey(), entry.mode(), entry.size(), in);
                }
            }
        }
    }

    private String computeDigest() throws IOException {
        MessageDigest all = sha256();
        all.update((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Integer> dir : directories.entrySet()) {
            all.update(("d " + Integer.toOctalString(dir.getValue()) + " " + dir.getKey() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] buffer = new byte[256 * 1024];
        for (Map.Entry<String, Entry> file : files.entrySet()) {
            MessageDigest one = sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(file.getValue().open(), one)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                }
            }
            all.update(("f " + Integer.toOctalString(file.getValue().mode()) + " " + size + " "
                    + HexFormat.of().formatHex(one.digest()) + " " + file.getKey() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(all.digest());
    }

    static Path findOnPath(String program, String searchPath) throws IOException {
        if (program.contains("/")) {
            Path direct = Path.of(program);
            if (Files.isExecutable(direct)) {
                return direct;
            }
            throw new IOException(program + " is not an executable file");
        }
        if (searchPath != null) {
            for (String dir : searchPath.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IOException(program + " was not found on the PATH (" + searchPath + ")");
    }

    /** The absolute paths {@code ldd} lists for a program, loader included; none for a static one. */
    static List<String> sharedLibraries(Path program) throws IOException {
        Process ldd = new ProcessBuilder("ldd", program.toString()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = ldd.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!ldd.waitFor(30, TimeUnit.SECONDS)) {
                ldd.destroyForcibly();
                throw new IOException("ldd " + program + " did not finish");
            }
        } catch (InterruptedException e) {
            ldd.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ldd", e);
        }
        if (ldd.exitValue() != 0) {
            if (output.contains("not a dynamic executable") || output.contains("statically linked")) {
                return List.of();
            }
            throw new IOException("ldd " + program + " failed (" + ldd.exitValue() + "): " + output.strip());
        }
        return parseLdd(output);
    }

    static List<String> parseLdd(String output) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.contains("=> not found")) {
                missing.add(line.strip());
                continue;
            }
            if (line.strip().equals("statically linked")) {
                continue;
            }
            Matcher m = LDD_LINE.matcher(line);
            if (m.matches() && m.group(2).startsWith("/")) {
                found.add(m.group(2));
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("shared libraries not found: " + String.join(", ", missing));
        }
        return List.copyOf(found);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
