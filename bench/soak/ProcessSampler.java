package soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import common.BenchApi;

/**
 * Reads the server JVM's footprint: RSS, threads and file descriptors from /proc, heap from its
 * Prometheus metrics. With {@code fullGc}, each reading first has the JVM collect its whole heap
 * (jcmd GC.run), so that the heap figures are live data and not wherever the young-GC sawtooth was.
 */
final class ProcessSampler {

    /** One reading; heap figures in bytes, -1 when the metric is missing. */
    record Reading(long rssBytes, int threads, int fds, long heapUsedBytes, long liveDataBytes) {
    }

    private final BenchApi api;
    private final long pid;
    private final Path proc;
    private final boolean fullGc;

    ProcessSampler(BenchApi api, long pid, boolean fullGc) {
        this.api = api;
        this.pid = pid;
        this.proc = Path.of("/proc", Long.toString(pid));
        this.fullGc = fullGc;
    }

    Reading read() throws IOException, InterruptedException {
        if (fullGc) {
            collect();
        }
        long rss = -1;
        int threads = -1;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("\\D", ""));
            }
        }
        int fds;
        try (Stream<Path> open = Files.list(proc.resolve("fd"))) {
            fds = (int) open.count();
        }
        String metrics = api.get("/actuator/prometheus", null).body();
        return new Reading(rss, threads, fds, sum(metrics, "jvm_memory_used_bytes", "area=\"heap\""),
                sum(metrics, "jvm_gc_live_data_size_bytes", ""));
    }

    private void collect() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jcmd GC.run failed: " + out.strip());
        }
    }

    /** The sum of a metric's samples whose labels contain {@code label}; -1 when there are none. */
    static long sum(String metrics, String name, String label) {
        double total = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(label)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? (long) total : -1;
    }
}
