package dev.hwbridge.bench.bridge;

import dev.hwbridge.bench.Latencies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.device.ClientConnector;
import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.device.DeviceError;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.loop.IoLoop;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.udp.ProbeSettings;
import dev.hwbridge.daemon.transport.udp.UdpBus;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.state.KdfParams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * The daemon's rows of {@code src/bench/run}: the bridge round trip against a direct call, and
 * the daemon's start and memory against a bare JVM, all measured in this one run.
 *
 * <p><b>Round trip.</b> The minimal call is {@code device.ping}: a wallet's WebSocket frame, the
 * daemon's JSON-RPC dispatch, the device's call queue, the device protocol over UDP (INIT, PING,
 * echo) to a simulator and all the way back. Its reference is the same device call made directly:
 * the daemon's own {@link Device} and {@link ClientConnector} over {@link UdpBus}, wired as the
 * daemon wires them (channels and protocol clients on one {@link IoLoop}) and called from the
 * bench's threads, no WebSocket, no JSON, no daemon process. The difference is the daemon's
 * overhead. Both run closed loops ({@link ClosedLoop}) of the same clients over the same
 * simulators, which all run in this JVM; calls to one device queue as they do in the daemon.
 *
 * <p><b>Start and memory.</b> The daemon is started as {@code ./hwbridge daemon} starts it
 * (with its class-data archive) and as a plain {@code java -jar}; start is the time from
 * launching the process to its ready line (median of {@code --starts}, after one unmeasured
 * start). The reference is {@link BareJvm}, started the same way. Resident memory is VmRSS:
 * idle, three seconds after ten simulators were attached, the peak while the round-trip runs
 * load it, and the peak under the {@link HostileMix}.
 *
 * <p><b>HID timing.</b> A simulator started with {@code hidTiming} (its {@code run --hid-timing})
 * carries one report per 1 ms interval each way, as a full-speed USB HID endpoint: {@code
 * device.ping} through the daemon against its 2 ms floor, and signing a 1 KiB payload against its
 * report-count floor ({@link #hidTimingRows()}).
 *
 * <p>Usage: {@code BridgeBench --out DIR --launcher PATH --daemon-jar PATH [--smoke] [--hid-only] [--calls N]
 * [--starts N]}. Writes {@code DIR/bridge.json} (rows for table.mjs); progress goes to stderr.
 */
public final class BridgeBench {

    private static final int[] CLIENTS = {1, 10, 100};
    private static final int[] DEVICES = {1, 10};
    private static final int SIMULATORS = 10;
    private static final int ROUNDS = 10;
    private static final int WARMUP_ROUNDS = 5;
    private static final String DAEMON_READY = "hwbridge listening on ";
    private static final double OVERHEAD_GOAL_MICROS = 50;
    private static final double P99_GOAL_RATIO = 1.5;
    private static final double THROUGHPUT_GOAL_RATIO = 0.9;
    /** Full-speed USB HID: one report per 1 ms interval each way; a one-report PING and its echo take two. */
    private static final double HID_PING_FLOOR_MICROS = 2000;
    private static final double HID_PING_GOAL_MICROS = 2200;
    private static final int HID_SIGN_PAYLOAD = 1024;
    private static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    private static final double START_GOAL_MILLIS = 1000;
    /** Issue 13: 64 MiB idle with ten devices, 96 MiB under the hostile mix (rows are in MB). */
    private static final double IDLE_MEMORY_GOAL_MB = 64 * 1.048576;
    private static final double HOSTILE_MEMORY_GOAL_MB = 96 * 1.048576;
    private static final String BRIDGE = "bridge round trip (device.ping) vs the same call direct over UDP, no daemon";
    private static final String PROCESS = "daemon process vs a bare JVM (java -cp … BareJvm)";
    private static final String HID = "through the daemon to a simulator with --hid-timing (1 report per 1 ms each way) vs the report-count floor";

    private final Settings settings;
    private final Path work;
    private final ArrayNode rows;

    private BridgeBench(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.rows = new ObjectMapper().createArrayNode();
    }

    /** What the command line chose. */
    record Settings(Path out, Path launcher, Path daemonJar, int calls, int warmup, int starts, boolean hidOnly) {

        static Settings parse(String[] args) {
            Path out = null;
            Path launcher = null;
            Path daemonJar = null;
            int calls = 10_000;
            int starts = 5;
            boolean smoke = false;
            boolean hidOnly = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--out" -> { out = Path.of(required(args[i], value)); i++; }
                    case "--launcher" -> { launcher = Path.of(required(args[i], value)); i++; }
                    case "--daemon-jar" -> { daemonJar = Path.of(required(args[i], value)); i++; }
                    case "--calls" -> { calls = Integer.parseInt(required(args[i], value)); i++; }
                    case "--starts" -> { starts = Integer.parseInt(required(args[i], value)); i++; }
                    case "--smoke" -> smoke = true;
                    case "--hid-only" -> hidOnly = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (out == null || launcher == null || daemonJar == null) {
                throw new IllegalArgumentException("--out, --launcher and --daemon-jar are required");
            }
            if (smoke) {
                // Proves every row runs; the figures mean nothing.
                return new Settings(out, launcher, daemonJar, 200, 100, 1, hidOnly);
            }
            return new Settings(out, launcher, daemonJar, calls, Math.max(1000, calls / 5), starts, hidOnly);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bridge bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path work = Files.createDirectories(settings.out().resolve("bridge"));
        new BridgeBench(settings, work).run();
        // Not every thread of the simulators is a daemon thread.
        System.exit(0);
    }

    private void run() throws Exception {
        List<Simulator> simulators = new ArrayList<>();
        try {
            for (int i = 0; i < (settings.hidOnly() ? 0 : SIMULATORS); i++) {
                simulators.add(Simulator.builder().udpPort(0).automationPort(0).kdf(new KdfParams(64, 1, 1)).start());
            }
            List<InetSocketAddress> addresses = simulators.stream().map(Simulator::udpAddress).toList();
            if (settings.hidOnly()) {
                hidTimingRows();
            } else {
                ProcessFigures process = startFigures();
                roundTrips(addresses, process);
                hidTimingRows();
            }
        } finally {
            for (Simulator simulator : simulators) {
                simulator.close();
            }
        }
        ObjectNode document = new ObjectMapper().createObjectNode();
        document.set("rows", rows);
        Files.writeString(settings.out().resolve("bridge.json"), document.toPrettyString());
    }

    /** One setup's round trips through the daemon (ours) and direct (reference). */
    private record Comparison(ClosedLoop.Result ours, ClosedLoop.Result reference) {
    }

    /** Medians of several starts; the first start of each kind is not counted (it warms the page cache). */
    private record ProcessFigures(double bareStartMillis, double bareMemoryMb, double launcherStartMillis,
                                  double plainStartMillis) {
    }

    private ProcessFigures startFigures() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> bare = List.of(java, "-cp", System.getProperty("java.class.path"), BareJvm.class.getName());
        double bareStart = medianStart("bare JVM", bare, BareJvm.READY);
        double bareMemory;
        try (ChildJvm idle = ChildJvm.start(bare, BareJvm.READY, log("bare.log"))) {
            Thread.sleep(3000);
            bareMemory = megabytes(idle.residentMib());
        }
        double launcherStart = medianStart("./hwbridge daemon",
                daemonCommand(List.of(settings.launcher().toString(), "daemon")), DAEMON_READY);
        double plainStart = medianStart("java -jar", daemonCommand(List.of(java, "-jar", settings.daemonJar().toString())),
                DAEMON_READY);
        return new ProcessFigures(bareStart, bareMemory, launcherStart, plainStart);
    }

    private double medianStart(String name, List<String> command, String ready) throws Exception {
        double[] millis = new double[settings.starts()];
        for (int i = -1; i < millis.length; i++) {
            try (ChildJvm child = ChildJvm.start(command, ready, log("starts.log"))) {
                if (i >= 0) {
                    millis[i] = child.readyMillis();
                }
            }
        }
        Arrays.sort(millis);
        say("start to ready, %s: %s ms", name, Arrays.toString(millis));
        return millis[millis.length / 2];
    }

    private List<String> daemonCommand(List<String> launch, String... more) throws IOException {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("--port", "0", "--no-usb", "--data-dir", Files.createTempDirectory(work, "data").toString()));
        command.addAll(List.of(more));
        return command;
    }

    private void roundTrips(List<InetSocketAddress> simulators, ProcessFigures process) throws Exception {
        List<String> options = new ArrayList<>(List.of("--calls-per-second", "1000000"));
        for (InetSocketAddress simulator : simulators) {
            options.addAll(List.of("--simulator", simulator.getAddress().getHostAddress() + ":" + simulator.getPort()));
        }
        List<String> command = daemonCommand(List.of(settings.launcher().toString(), "daemon"), options.toArray(String[]::new));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (ChildJvm daemon = ChildJvm.start(command, DAEMON_READY, log("daemon.log"));
             IoLoop loop = IoLoop.start();
             UdpBus bus = new UdpBus(simulators, ProbeSettings.DEFAULT, loop.group())) {
            URI uri = URI.create(daemon.readyLine().substring(DAEMON_READY.length()).trim());
            List<String> ids = awaitDevices(uri);
            Thread.sleep(3000);
            double idleMemory = megabytes(daemon.residentMib());
            DoubleAccumulator peakMemory = new DoubleAccumulator(Math::max, idleMemory);
            sampler.scheduleAtFixedRate(() -> {
                try {
                    peakMemory.accumulate(megabytes(daemon.residentMib()));
                } catch (IOException e) {
                    // The daemon ended: the round trips fail and say so.
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            List<Device> direct = directDevices(bus, loop, SIMULATORS);
            // Both JVMs compile their hot paths before anything is measured: the first setup
            // would otherwise pay for it alone.
            say("warming up: %d calls each way", (settings.warmup() + settings.calls()) * WARMUP_ROUNDS);
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                compare(direct, uri, ids, 1, 1, false);
            }

            double[] throughputOneDevice = new double[CLIENTS.length];
            for (int devices : DEVICES) {
                for (int c = 0; c < CLIENTS.length; c++) {
                    int clients = CLIENTS[c];
                    Comparison comparison = compare(direct, uri, ids, clients, devices, true);
                    addRoundTripRows(clients, devices, comparison, devices == 1 ? 0 : throughputOneDevice[c]);
                    if (devices == 1) {
                        throughputOneDevice[c] = comparison.ours().callsPerSecond();
                    }
                }
            }
            double loadedMemory = peakMemory.get();
            // The hostile mix last: its peak alone, from here on.
            peakMemory.reset();
            say("hostile mix: 250 parked frames, 8 pinging connections, a 1.4 MB chain.addMetadata in flight");
            HostileMix.run(uri, ids);
            sampler.shutdownNow();
            addProcessRows(process, idleMemory, loadedMemory);
            row(PROCESS, "resident memory, peak under the hostile mix with a 1.4 MB message in flight", "MB",
                    peakMemory.get(), process.bareMemoryMb(),
                    String.format(Locale.ROOT, "<%.0f MB (96 MiB)", HOSTILE_MEMORY_GOAL_MB),
                    peakMemory.get() < HOSTILE_MEMORY_GOAL_MB);
        } finally {
            sampler.shutdownNow();
        }
    }

    /**
     * The --hid-timing rows: a simulator paced like a full-speed USB HID endpoint, behind a daemon
     * of its own. {@code device.ping} against its 2 ms floor (one report each way), and signing a
     * 1 KiB payload (blind, its two confirm pages pressed the moment they show) against its
     * report-count floor: the reports the simulator took in and sent for the call, 1 ms each (the
     * fewest seen over the calls; a liveness probe may add a few to one call). The ping row also
     * gives the same PING direct over the same link, since on a virtual machine the wake-up of a
     * thread that slept through the 2 ms costs tens of µs on either path.
     */
    private void hidTimingRows() throws Exception {
        int pings = Math.max(50, settings.calls() / 20);
        int signs = Math.max(10, settings.calls() / 200);
        ScheduledExecutorService presser = Executors.newSingleThreadScheduledExecutor();
        try (Simulator paced = Simulator.builder().udpPort(0).automationPort(0).kdf(new KdfParams(64, 1, 1))
                .mnemonic(DEV_PHRASE).hidTiming(true).start()) {
            paced.screen().addListener(screen -> {
                if (screen.input() == InputKind.CONFIRM) {
                    presser.execute(() -> paced.screen().press(Button.CONFIRM));
                }
            });
            InetSocketAddress address = paced.udpAddress();
            List<String> command = daemonCommand(List.of(settings.launcher().toString(), "daemon"), "--calls-per-second",
                    "1000000", "--simulator", address.getAddress().getHostAddress() + ":" + address.getPort());
            try (ChildJvm daemon = ChildJvm.start(command, DAEMON_READY, log("daemon-hid.log"))) {
                URI uri = URI.create(daemon.readyLine().substring(DAEMON_READY.length()).trim());
                String id = awaitDevices(uri, 1).get(0);
                try (PingClient client = PingClient.connect(uri, id)) {
                    // This daemon is fresh: unmeasured pings first, or the row would time its JIT compiler.
                    Latencies pingTimes = timePings(client::ping, settings.warmup() / 2, pings);
                    double pingP50 = pingTimes.percentileMicros(0.5);
                    say("hid-timing device.ping: p50 %.0f µs, p99 %.0f µs", pingP50, pingTimes.percentileMicros(0.99));
                    double directP50 = directPacedPingMicros(address, pings);
                    say("hid-timing device.ping direct (no daemon): p50 %.0f µs", directP50);
                    row(HID, "device.ping p50 (floor: 1 report each way)", "µs", pingP50, HID_PING_FLOOR_MICROS,
                            String.format(Locale.ROOT, "≤%.1f ms; direct over the same link %.0f µs",
                                    HID_PING_GOAL_MICROS / 1000, directP50), pingP50 <= HID_PING_GOAL_MICROS);

                    String session = client.call("session.acquire", "{\"device\":\"" + id + "\"}").get("session").asText();
                    String sign = "{\"session\":\"" + session + "\",\"scheme\":\"ed25519\",\"path\":\"//polkadot\","
                            + "\"payload\":\"0x" + "ab".repeat(HID_SIGN_PAYLOAD) + "\"}";
                    Latencies signTimes = new Latencies();
                    long fewestReports = Long.MAX_VALUE;
                    for (int i = -1; i < signs; i++) {
                        long before = paced.reportsReceived() + paced.reportsSent();
                        long started = System.nanoTime();
                        if (client.call("account.sign", sign).path("signature").asText("").isEmpty()) {
                            throw new IOException("account.sign answered no signature");
                        }
                        long took = System.nanoTime() - started;
                        if (i >= 0) {
                            signTimes.record(took);
                            fewestReports = Math.min(fewestReports, paced.reportsReceived() + paced.reportsSent() - before);
                        }
                    }
                    double signP50 = signTimes.percentileMicros(0.5) / 1000;
                    say("hid-timing account.sign 1 KiB: p50 %.1f ms, %d reports", signP50, fewestReports);
                    row(HID, "account.sign of a 1 KiB payload p50 (floor: " + fewestReports + " reports, 1 ms each)", "ms",
                            signP50, fewestReports, String.format(Locale.ROOT, "%.2f× the floor", signP50 / fewestReports), null);
                }
            }
        } finally {
            presser.shutdownNow();
        }
    }

    /** Times {@code measured} calls after {@code warmup} unmeasured ones. */
    private static Latencies timePings(ClosedLoop.Call ping, int warmup, int measured) throws Exception {
        Latencies times = new Latencies();
        for (int i = -warmup; i < measured; i++) {
            long started = System.nanoTime();
            ping.run();
            if (i >= 0) {
                times.record(System.nanoTime() - started);
            }
        }
        return times;
    }

    /**
     * The p50 of the same PING over the same paced link without the daemon (the daemon's own
     * device objects in this JVM): what the machine's thread wake-ups add to the 2 ms floor, for
     * reading the row beside it.
     */
    private double directPacedPingMicros(InetSocketAddress simulator, int pings) throws Exception {
        try (IoLoop loop = IoLoop.start();
             UdpBus bus = new UdpBus(List.of(simulator), ProbeSettings.DEFAULT, loop.group())) {
            Device device = directDevices(bus, loop, 1).get(0);
            byte[] data = {1};
            return timePings(() -> device.pingAsync(data).get(), settings.warmup() / 2, pings).percentileMicros(0.5);
        }
    }

    /** Waits until the daemon lists every simulator; their ids, in list order. */
    private List<String> awaitDevices(URI uri) throws Exception {
        return awaitDevices(uri, SIMULATORS);
    }

    /** Waits until the daemon lists {@code count} devices; their ids, in list order. */
    static List<String> awaitDevices(URI uri, int count) throws Exception {
        try (PingClient client = PingClient.connect(uri, "")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                JsonNode list = client.call("device.list", "{}");
                if (list.size() == count) {
                    List<String> ids = new ArrayList<>();
                    list.forEach(device -> ids.add(device.get("id").asText()));
                    return ids;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the daemon lists " + list.size() + " of " + count + " simulators");
                }
                Thread.sleep(100);
            }
        }
    }

    /** The daemon's own device objects over UDP, one per simulator, outside any daemon. */
    private static List<Device> directDevices(UdpBus bus, IoLoop loop, int expected) {
        ClientConnector connector = new ClientConnector(loop.loop());
        List<Device> devices = new ArrayList<>();
        for (DeviceDescriptor descriptor : bus.enumerate()) {
            devices.add(new Device(Integer.toString(devices.size() + 1), descriptor, () -> {
                try {
                    return connector.connect(bus.open(descriptor.path()));
                } catch (TransportException e) {
                    throw new DeviceException(DeviceError.GONE, e.getMessage(), e);
                }
            }));
        }
        if (devices.size() != expected) {
            throw new IllegalStateException("only " + devices.size() + " of " + expected + " simulators answer");
        }
        return devices;
    }

    /**
     * One clients × devices setup, direct and through the daemon, in {@link #ROUNDS} alternating
     * rounds so that both see the same machine: on two shared cores the same direct loop takes
     * 40 µs or 190 µs per call from one minute to the next. Each side's rounds are then taken
     * together. {@code report} false makes it a warm-up.
     */
    private Comparison compare(List<Device> direct, URI uri, List<String> ids, int clients, int devices, boolean report)
            throws InterruptedException, IOException {
        byte[] data = {1};
        List<ClosedLoop.Call> directCalls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Device device = direct.get(i % devices);
            directCalls.add(() -> {
                if (device.ping(data)[0] != 1) {
                    throw new IOException("wrong echo");
                }
            });
        }
        List<PingClient> connections = new ArrayList<>();
        try {
            List<ClosedLoop.Call> bridgeCalls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                PingClient client = PingClient.connect(uri, ids.get(i % devices));
                connections.add(client);
                bridgeCalls.add(client::ping);
            }
            ClosedLoop.Result reference = null;
            ClosedLoop.Result ours = null;
            for (int round = 0; round < ROUNDS; round++) {
                int warmup = round == 0 ? settings.warmup() : 0;
                int calls = Math.max(1, settings.calls() / ROUNDS);
                ClosedLoop.Result directRound = ClosedLoop.run(directCalls, warmup, calls);
                ClosedLoop.Result bridgeRound = ClosedLoop.run(bridgeCalls, warmup, calls);
                reference = reference == null ? directRound : reference.plus(directRound);
                ours = ours == null ? bridgeRound : ours.plus(bridgeRound);
            }
            if (report) {
                measured("direct", clients, devices, reference);
                measured("bridge", clients, devices, ours);
            }
            return new Comparison(ours, reference);
        } finally {
            connections.forEach(PingClient::close);
        }
    }

    private static void measured(String kind, int clients, int devices, ClosedLoop.Result result) {
        say("%s %d × %d: p50 %.0f µs, p99 %.0f µs, %.0f calls/s, %d errors%s", kind, clients, devices,
                result.latencies().percentileMicros(0.5), result.latencies().percentileMicros(0.99),
                result.callsPerSecond(), result.errors(),
                result.firstError() == null ? "" : " (first: " + result.firstError() + ")");
    }

    private void addRoundTripRows(int clients, int devices, Comparison comparison, double oneDeviceThroughput) {
        ClosedLoop.Result ours = comparison.ours();
        ClosedLoop.Result reference = comparison.reference();
        String setup = clients + (clients == 1 ? " client × " : " clients × ") + devices + (devices == 1 ? " device" : " devices");
        double p50 = ours.latencies().percentileMicros(0.5);
        double referenceP50 = reference.latencies().percentileMicros(0.5);
        double overhead = p50 - referenceP50;
        String overheadText = String.format(Locale.ROOT, "overhead %.0f µs", overhead);
        if (clients == 1) {
            row(BRIDGE, "p50, " + setup, "µs", p50, referenceP50,
                    overheadText + String.format(Locale.ROOT, " (goal <%.0f µs)", OVERHEAD_GOAL_MICROS),
                    overhead < OVERHEAD_GOAL_MICROS);
        } else {
            row(BRIDGE, "p50, " + setup, "µs", p50, referenceP50, overheadText, null);
        }
        double p99 = ours.latencies().percentileMicros(0.99);
        double referenceP99 = reference.latencies().percentileMicros(0.99);
        row(BRIDGE, "p99, " + setup, "µs", p99, referenceP99,
                String.format(Locale.ROOT, "%.2f× direct (goal ≤%.1f×)", p99 / referenceP99, P99_GOAL_RATIO),
                p99 <= P99_GOAL_RATIO * referenceP99);
        int errors = ours.errors() + reference.errors();
        String goal = errors + (errors == 1 ? " error" : " errors");
        boolean met = errors == 0;
        // More devices can only help when there are clients enough to keep them busy.
        if (devices > 1 && clients >= devices) {
            goal += String.format(Locale.ROOT, "; %.2f× the 1-device throughput", ours.callsPerSecond() / oneDeviceThroughput);
            met &= ours.callsPerSecond() > oneDeviceThroughput;
        }
        if (devices == 10 && clients >= 10) {
            double share = ours.callsPerSecond() / reference.callsPerSecond();
            goal += String.format(Locale.ROOT, "; %.2f× direct (goal ≥%.1f×)", share, THROUGHPUT_GOAL_RATIO);
            met &= share >= THROUGHPUT_GOAL_RATIO;
        }
        row(BRIDGE, "throughput, " + setup, "calls/s", ours.callsPerSecond(), reference.callsPerSecond(), goal, met);
    }

    private void addProcessRows(ProcessFigures process, double idleMemory, double peakMemory) {
        row(PROCESS, "start to ready, ./hwbridge daemon", "ms", process.launcherStartMillis(), process.bareStartMillis(),
                String.format(Locale.ROOT, "<%.0f s", START_GOAL_MILLIS / 1000), process.launcherStartMillis() < START_GOAL_MILLIS);
        row(PROCESS, "start to ready, java -jar (no class-data archive)", "ms", process.plainStartMillis(),
                process.bareStartMillis(), "", null);
        row(PROCESS, "resident memory, idle (10 devices attached)", "MB", idleMemory, process.bareMemoryMb(),
                String.format(Locale.ROOT, "<%.0f MB (64 MiB)", IDLE_MEMORY_GOAL_MB), idleMemory < IDLE_MEMORY_GOAL_MB);
        row(PROCESS, "resident memory, peak under the round-trip load", "MB", peakMemory, process.bareMemoryMb(), "", null);
    }

    private void row(String section, String label, String unit, double ours, double reference, String goal, Boolean met) {
        ObjectNode row = rows.addObject();
        row.put("section", section);
        row.put("label", label);
        row.put("unit", unit);
        row.put("ours", ours);
        row.put("reference", reference);
        row.put("goal", goal);
        if (met != null) {
            row.put("met", met);
        }
    }

    private Path log(String name) {
        return work.resolve(name);
    }

    private static double megabytes(double mebibytes) {
        return mebibytes * 1024 * 1024 / 1e6;
    }

    private static void say(String format, Object... args) {
        System.err.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}
