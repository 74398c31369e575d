package dev.whiskstudio.sim.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where CPU time went during a measured window (Linux): the whole machine ({@code /proc/stat}), this JVM by
 * thread group ({@code /proc/self/task/TID/stat}, so the JIT compiler, GC and VM threads are counted too; thread
 * names as the kernel has them, cut to 15 characters, with their numbers replaced by {@code N}), and the node
 * processes this JVM started ({@code /proc/PID/stat}). Threads and processes that ended inside the window are
 * missing from the split, so the groups may add up to a little less than the JVM's total.
 */
final class CpuMeter {
    private static final double TICK_NS = 1e9 / 100; // USER_HZ is 100 on Linux

    private final Map<Long, String> threadNames = new HashMap<>();
    private final long wall0 = System.nanoTime();
    private final long[] machine0 = machineTicks();
    private final long jvm0 = jvmCpuNanos();
    private final Map<Long, Long> thread0 = threadCpu();
    private final Map<Long, Long> node0 = nodeCpuTicks();

    /** The split since this meter was made, as CPU seconds (and share of the wall time). */
    Report stop() {
        long wall = System.nanoTime() - wall0;
        long[] machine1 = machineTicks();
        long jvm = jvmCpuNanos() - jvm0;
        Map<Long, Long> thread1 = threadCpu();
        Map<Long, Long> node1 = nodeCpuTicks();
        long nodeTicks = 0;
        for (Map.Entry<Long, Long> e : node1.entrySet()) {
            nodeTicks += e.getValue() - node0.getOrDefault(e.getKey(), 0L);
        }
        Map<String, Long> byGroup = new TreeMap<>();
        for (Map.Entry<Long, Long> e : thread1.entrySet()) {
            long used = e.getValue() - thread0.getOrDefault(e.getKey(), 0L);
            if (used > 0) {
                byGroup.merge(group(threadNames.getOrDefault(e.getKey(), "?")), used, Long::sum);
            }
        }
        long busy = (machine1[0] - machine0[0]);
        long total = (machine1[1] - machine0[1]);
        return new Report(wall, busy * TICK_NS / 1e9, total * TICK_NS / 1e9, jvm / 1e9, nodeTicks * TICK_NS / 1e9,
                node1.size(), byGroup);
    }

    /** CPU seconds over a window of {@code wallNanos}. */
    record Report(long wallNanos, double machineBusy, double machineTotal, double jvm, double node, int nodeProcesses,
                  Map<String, Long> jvmByGroup) {
        double others() {
            return Math.max(0, machineBusy - jvm - node);
        }

        String summary() {
            double secs = wallNanos / 1e9;
            return String.format(Locale.ROOT, "window %.1f s: machine busy %.1f of %.1f CPU-s (%.0f%%); this JVM %.1f CPU-s"
                            + " (%.2f CPUs), %d node processes %.1f CPU-s (%.2f CPUs), other processes %.1f CPU-s",
                    secs, machineBusy, machineTotal, machineTotal == 0 ? 0 : 100 * machineBusy / machineTotal, jvm,
                    jvm / secs, nodeProcesses, node, node / secs, others());
        }

        /** The JVM's thread groups with at least {@code minShare} of the JVM's CPU, largest first. */
        List<String> topGroups(double minShare) {
            List<Map.Entry<String, Long>> entries = new ArrayList<>(jvmByGroup.entrySet());
            entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            List<String> out = new ArrayList<>();
            long other = 0;
            for (Map.Entry<String, Long> e : entries) {
                double cpu = e.getValue() / 1e9;
                if (jvm > 0 && cpu / jvm >= minShare) {
                    out.add(String.format(Locale.ROOT, "%s %.2f CPU-s (%.0f%%)", e.getKey(), cpu, 100 * cpu / jvm));
                } else {
                    other += e.getValue();
                }
            }
            if (other > 0) {
                out.add(String.format(Locale.ROOT, "other threads %.2f CPU-s", other / 1e9));
            }
            return out;
        }
    }

    /** Thread names without their numbers: {@code JettyServerThre} (cut by the kernel) {@code -41} and {@code -42} are one group. */
    static String group(String name) {
        String g = name.replaceAll("\\d+", "N");
        if (g.startsWith("CN Compiler") || g.startsWith("C1 Compiler") || g.startsWith("C2 Compiler")) {
            return "JIT compiler threads";
        }
        if (g.startsWith("JettyServerThre")) {
            return "Jetty (JettyServerThreadPool)";
        }
        if (g.startsWith("HttpClient-N-W")) {
            return "HttpClient workers";
        }
        if (g.startsWith("HttpClient-N-S")) {
            return "HttpClient selector";
        }
        if (g.startsWith("GC Thread") || g.startsWith("GN ") || g.startsWith("G1 ")) {
            return "GC threads";
        }
        if (g.equals("java")) {
            return "main (benchmark client)";
        }
        if (g.equals("activation-writ")) {
            return "activation-writer";
        }
        return g;
    }

    /** CPU nanoseconds of every thread of this process by kernel thread id; remembers their names. */
    private Map<Long, Long> threadCpu() {
        Map<Long, Long> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    long tid = Long.parseLong(task.getFileName().toString());
                    out.put(tid, (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NS));
                    threadNames.put(tid, stat.substring(open + 1, close));
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return out;
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** utime + stime of every node process descending from this JVM, by pid. */
    private static Map<Long, Long> nodeCpuTicks() {
        Map<Long, Long> out = new HashMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            long ticks = processTicks(p.pid());
            if (ticks >= 0 && p.info().command().map(c -> c.contains("node")).orElse(true)) {
                out.put(p.pid(), ticks);
            }
        });
        return out;
    }

    static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command (which may hold spaces), from field 3 on
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {busy, total} jiffies of all CPUs from {@code /proc/stat}; zeros off Linux. */
    private static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user..steal; guest is counted in user already
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** {@code /proc/loadavg}'s first three fields, or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
