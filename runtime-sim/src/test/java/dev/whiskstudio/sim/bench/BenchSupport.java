package dev.whiskstudio.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Small helpers the benchmarks share: percentiles, formatting, Markdown tables, properties. */
final class BenchSupport {
    private static final long T0 = System.nanoTime();

    private BenchSupport() {
    }

    /** A progress line on stdout, prefixed with the seconds since the benchmark JVM loaded this class. */
    static void progress(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = (System.nanoTime() - T0) / 1e9;
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf(Locale.ROOT, "[%6.1f s] " + format, all);
    }

    static double elapsedSeconds() {
        return (System.nanoTime() - T0) / 1e9;
    }

    /** The nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Nanoseconds as milliseconds: two decimals under 10 ms, one above. */
    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    static String kb(int chars) {
        return chars < 1024 ? chars + " B" : String.format(Locale.ROOT, "%.1f KB", chars / 1024.0);
    }

    /** A Markdown table with the first column left-aligned and the others right-aligned. */
    static void printTable(String[] header, List<String[]> rows) {
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = header[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, w);
        sb.append('|');
        for (int i = 0; i < w.length; i++) {
            sb.append('-').append("-".repeat(w[i])).append(i == 0 ? "-|" : ":|");
        }
        sb.append('\n');
        for (String[] r : rows) {
            appendRow(sb, r, w);
        }
        System.out.print(sb);
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] w) {
        sb.append('|');
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            String pad = " ".repeat(w[i] - c.length());
            sb.append(' ').append(i == 0 ? c + pad : pad + c).append(" |");
        }
        sb.append('\n');
    }

    static int intProp(String name, int def) {
        String v = System.getProperty(name, "").replace("_", "").trim();
        return v.isEmpty() ? def : Integer.parseInt(v);
    }

    static boolean boolProp(String name, boolean def) {
        String v = System.getProperty(name, "").trim();
        return v.isEmpty() ? def : Boolean.parseBoolean(v);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
