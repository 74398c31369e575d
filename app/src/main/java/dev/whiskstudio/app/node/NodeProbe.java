package dev.whiskstudio.app.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code node --version} and reads the answer. Blocks up to its timeout: call it off the UI thread. */
public final class NodeProbe {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.\\d+\\.\\d+\\S*");

    private final String command;
    private final Duration timeout;

    /** Looks for {@code node} on the PATH. */
    public NodeProbe() {
        this("node", Duration.ofSeconds(10));
    }

    public NodeProbe(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    public NodeCheck check() throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            return new NodeCheck.Missing("'" + command + "' is not on the PATH");
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new NodeCheck.Missing("'" + command + " --version' did not answer within " + timeout.toSeconds() + " s");
            }
            String answer = read(process.getInputStream());
            if (process.exitValue() != 0) {
                return new NodeCheck.Missing("'" + command + " --version' failed with exit code " + process.exitValue());
            }
            return parse(answer);
        } catch (IOException e) {
            return new NodeCheck.Missing("could not read the answer of '" + command + " --version': " + e.getMessage());
        } finally {
            process.destroyForcibly();
        }
    }

    /** Reads {@code v20.11.1} (what node prints) as major version 20. */
    static NodeCheck.Found parse(String answer) {
        String version = answer.strip();
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return new NodeCheck.Found(version, -1);
        }
        try {
            return new NodeCheck.Found(version, Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
            return new NodeCheck.Found(version, -1);
        }
    }

    private static String read(InputStream in) throws IOException {
        // a version line is short; reading more would only let a misbehaving program fill memory
        return new String(in.readNBytes(1024), StandardCharsets.UTF_8);
    }
}
