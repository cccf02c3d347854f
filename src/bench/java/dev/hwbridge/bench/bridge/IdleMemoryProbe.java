package dev.hwbridge.bench.bridge;

import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.state.KdfParams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13's idle memory figure, for trying JVM options: ten simulators in this JVM, then for
 * each candidate a daemon started with that candidate's command, measured as {@link BridgeBench}
 * measures its idle row (ten devices attached, one WebSocket client has called {@code device.list},
 * three seconds later). Prints VmRSS and its anonymous and file-backed parts (RssAnon, RssFile; MiB);
 * with {@code -XX:NativeMemoryTracking} among the options also {@code jcmd VM.native_memory summary},
 * and with {@code --pmap} the largest mappings.
 *
 * <p>Usage: {@code IdleMemoryProbe --candidates FILE --out DIR [--runs N] [--pmap] [--pings N]}.
 * {@code --pings N}: after the idle figure, N device.ping calls by one client on one device, then 2N
 * by ten clients on the ten devices (each after N unmeasured), and VmRSS after that load. Each line of
 * FILE is {@code label|command…} (whitespace-separated; leading {@code NAME=VALUE} words are the
 * child's environment); the daemon's own options ({@code --port 0 --no-usb --data-dir …
 * --calls-per-second 1000000 --simulator …}) are appended. Runs interleave the candidates.
 */
public final class IdleMemoryProbe {

    private static final int SIMULATORS = 10;
    private static final String DAEMON_READY = "hwbridge listening on ";

    private IdleMemoryProbe() {
    }

    record Candidate(String label, Map<String, String> env, List<String> command, List<String> actions) {
    }

    record Sample(double rss, double anon, double file, double shmem, double p50, double p99, double tenP99,
                  double tenRate, double loadedRss) {
    }

    public static void main(String[] args) throws Exception {
        Path candidatesFile = null;
        Path out = null;
        int runs = 3;
        boolean pmap = false;
        int pings = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--candidates" -> candidatesFile = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--pmap" -> pmap = true;
                case "--pings" -> pings = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (candidatesFile == null || out == null) {
            throw new IllegalArgumentException("--candidates and --out are required");
        }
        Files.createDirectories(out);
        List<Candidate> candidates = new ArrayList<>();
        for (String line : Files.readAllLines(candidatesFile)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf('|');
            Map<String, String> env = new LinkedHashMap<>();
            List<String> command = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            for (String word : line.substring(bar + 1).trim().split("\\s+")) {
                if (word.startsWith("@")) {
                    // @jcmd=CMD (jcmd CMD after device.list, before the sleep) or @after=CMD (after measuring)
                    actions.add(word.substring(1));
                } else if (command.isEmpty() && word.matches("[A-Z_][A-Z0-9_]*=.*")) {
                    env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
                } else {
                    command.add(word);
                }
            }
            candidates.add(new Candidate(line.substring(0, bar).trim(), env, command, actions));
        }

        List<Simulator> simulators = new ArrayList<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try {
            for (int i = 0; i < SIMULATORS; i++) {
                simulators.add(Simulator.builder().udpPort(0).automationPort(0).kdf(new KdfParams(64, 1, 1)).start());
            }
            for (int run = 0; run < runs; run++) {
                for (Candidate candidate : candidates) {
                    Sample sample = measure(candidate, simulators, out, run, pmap && run == 0, pings);
                    samples.computeIfAbsent(candidate.label(), k -> new ArrayList<>()).add(sample);
                    System.err.printf(Locale.ROOT, "probe: %-40s run %d: rss %.1f anon %.1f file %.1f MiB;"
                                    + " 1x1 p50 %.0f p99 %.0f us; 10x10 p99 %.0f us %.0f/s; rss after %.1f%n",
                            candidate.label(), run, sample.rss(), sample.anon(), sample.file(), sample.p50(), sample.p99(),
                            sample.tenP99(), sample.tenRate(), sample.loadedRss());
                }
            }
        } finally {
            for (Simulator simulator : simulators) {
                simulator.close();
            }
        }
        System.out.println("| candidate | VmRSS MiB (median) | anon | file | runs (VmRSS) | 1×1 p50 µs | 1×1 p99 µs"
                + " | 10×10 p99 µs | 10×10 calls/s | VmRSS after load |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
            List<Sample> list = entry.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %.0f | %.0f | %.0f | %.0f | %.1f |%n", entry.getKey(),
                    median(list.stream().mapToDouble(Sample::rss).toArray()),
                    median(list.stream().mapToDouble(Sample::anon).toArray()),
                    median(list.stream().mapToDouble(Sample::file).toArray()),
                    String.join(" ", list.stream().map(s -> String.format(Locale.ROOT, "%.1f", s.rss())).toList()),
                    median(list.stream().mapToDouble(Sample::p50).toArray()),
                    median(list.stream().mapToDouble(Sample::p99).toArray()),
                    median(list.stream().mapToDouble(Sample::tenP99).toArray()),
                    median(list.stream().mapToDouble(Sample::tenRate).toArray()),
                    median(list.stream().mapToDouble(Sample::loadedRss).toArray()));
        }
        System.exit(0);
    }

    private static Sample measure(Candidate candidate, List<Simulator> simulators, Path out, int run, boolean pmap,
                                  int pings)
            throws Exception {
        List<String> command = new ArrayList<>(candidate.command());
        command.addAll(List.of("--port", "0", "--no-usb", "--data-dir",
                Files.createTempDirectory(out, "data").toString(), "--calls-per-second", "1000000"));
        for (Simulator simulator : simulators) {
            InetSocketAddress address = simulator.udpAddress();
            command.addAll(List.of("--simulator", address.getAddress().getHostAddress() + ":" + address.getPort()));
        }
        String slug = candidate.label().replaceAll("[^A-Za-z0-9._-]+", "_");
        try (ChildJvm daemon = ChildJvm.start(command, candidate.env(), DAEMON_READY, out.resolve(slug + ".log"))) {
            URI uri = URI.create(daemon.readyLine().substring(DAEMON_READY.length()).trim());
            List<String> ids = BridgeBench.awaitDevices(uri, SIMULATORS);
            for (String action : candidate.actions()) {
                if (action.startsWith("jcmd=")) {
                    exec(List.of("jcmd", Long.toString(daemon.pid())), action.substring(5));
                }
            }
            Thread.sleep(3000);
            double rss = daemon.residentMib();
            Map<String, Long> status = status(daemon.pid());
            Path report = out.resolve(slug + "-run" + run + ".txt");
            StringBuilder text = new StringBuilder();
            text.append(String.join(" ", command)).append('\n');
            text.append(Files.readString(Path.of("/proc", Long.toString(daemon.pid()), "smaps_rollup")));
            text.append(Files.readString(Path.of("/proc", Long.toString(daemon.pid()), "status")));
            if (command.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking"))) {
                text.append(exec("jcmd", Long.toString(daemon.pid()), "VM.native_memory", "summary"));
            }
            text.append(exec("jcmd", Long.toString(daemon.pid()), "GC.heap_info"));
            for (String action : candidate.actions()) {
                if (action.startsWith("after=")) {
                    text.append(exec(List.of("jcmd", Long.toString(daemon.pid())), action.substring(6)));
                }
            }
            if (pmap) {
                text.append(exec("pmap", "-x", Long.toString(daemon.pid())));
            }
            Files.writeString(report, text);
            double p50 = 0;
            double p99 = 0;
            double tenP99 = 0;
            double tenRate = 0;
            double loadedRss = 0;
            if (pings > 0) {
                // A latency check after the idle figure: one client on one device, then ten on ten.
                try (PingClient one = PingClient.connect(uri, ids.get(0))) {
                    ClosedLoop.Result result = ClosedLoop.run(List.of(one::ping), pings, pings);
                    p50 = result.latencies().percentileMicros(0.5);
                    p99 = result.latencies().percentileMicros(0.99);
                }
                List<PingClient> clients = new ArrayList<>();
                try {
                    List<ClosedLoop.Call> calls = new ArrayList<>();
                    for (String id : ids) {
                        PingClient client = PingClient.connect(uri, id);
                        clients.add(client);
                        calls.add(client::ping);
                    }
                    ClosedLoop.Result result = ClosedLoop.run(calls, pings, pings * 2);
                    tenP99 = result.latencies().percentileMicros(0.99);
                    tenRate = result.callsPerSecond();
                } finally {
                    clients.forEach(PingClient::close);
                }
                loadedRss = daemon.residentMib();
            }
            return new Sample(rss, status.getOrDefault("RssAnon", 0L) / 1024.0,
                    status.getOrDefault("RssFile", 0L) / 1024.0, status.getOrDefault("RssShmem", 0L) / 1024.0,
                    p50, p99, tenP99, tenRate, loadedRss);
        }
    }

    /** /proc/PID/status's kB figures (VmRSS, RssAnon, RssFile, …). */
    private static Map<String, Long> status(long pid) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[0].endsWith(":") && parts[1].matches("\\d+") && parts[2].equals("kB")) {
                values.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    private static String exec(List<String> prefix, String words) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(Arrays.asList(words.split(",")));
        return exec(command.toArray(String[]::new));
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return "\n$ " + String.join(" ", command) + "\n" + text;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
