package dev.hwbridge.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.bench.Latencies;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.state.KdfParams;
import dev.hwbridge.testkit.process.DaemonProcess;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 wallets over 10 simulated devices, contending for sessions against the daemon as a real
 * process: each wallet acquires a random device, derives a few accounts, releases it, and backs
 * off on BUSY. For {@code hwbridge.load.seconds} (60 in CI, 600 with {@code -Plong}): no wallet
 * starves or hangs, every response parses and answers its own request with the right account,
 * BUSY is the only error, and the daemon's heap after GC stays flat.
 */
class LoadTest {

    private static final int CLIENTS = 100;
    private static final int DEVICES = 10;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("hwbridge.load.seconds", 60));
    private static final long SEED = Long.getLong("hwbridge.load.seed", 0x10ADL);
    /** A call that takes longer counts as a hang. */
    private static final long CALL_LIMIT_SECONDS = 30;
    /** The run must end this soon after its deadline: the last call of each wallet plus slack. */
    private static final Duration END_GRACE = Duration.ofSeconds(60);
    /** Heap growth allowed between start and end; a leak per call would pass it within minutes. */
    private static final long HEAP_SLACK_BYTES = 64L * 1024 * 1024;
    private static final KdfParams CHEAP_KDF = new KdfParams(64, 1, 1);

    @TempDir
    Path temp;

    @Test
    void aHundredWalletsOverTenDevicesAllProgressWithOnlyBusyAndAFlatHeap() throws Exception {
        List<DevAccounts.Account> accounts = accounts();
        List<Simulator> simulators = new ArrayList<>();
        List<RpcClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        DaemonProcess daemon = null;
        try {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                Simulator simulator = Simulator.builder().udpPort(0).automationPort(0).kdf(CHEAP_KDF)
                        .mnemonic(DevAccounts.PHRASE).start();
                simulators.add(simulator);
                addresses.add(simulator.udpAddress());
            }
            daemon = DaemonProcess.start("daemon", addresses, temp.resolve("data"), temp.resolve("logs"),
                    List.of("-Xmx256m"));
            // One HTTP client (one selector thread) for all connections, as a browser would have.
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(RpcClient.connect(http, daemon.webSocketUri(), false));
            }
            List<String> devices = awaitDevices(clients.get(0));
            long heapStart = daemon.heapUsedAfterGc();

            List<Wallet> wallets = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                wallets.add(new Wallet(clients.get(i), devices, accounts, new Random(SEED * 1009 + i)));
            }
            long start = System.nanoTime();
            long end = start + RUN.toNanos();
            List<Future<Void>> running = new ArrayList<>();
            for (Wallet wallet : wallets) {
                running.add(pool.submit(() -> wallet.runUntil(end)));
            }
            for (Future<Void> wallet : running) {
                long left = end + END_GRACE.toNanos() - System.nanoTime();
                try {
                    wallet.get(Math.max(1, left), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    String dump = daemon.threadDump();
                    throw new AssertionError("a wallet did not finish within " + END_GRACE + " of the end; daemon threads:\n"
                            + dump.substring(0, Math.min(dump.length(), 20000)), e);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long heapEnd = daemon.heapUsedAfterGc();

            Latencies latencies = new Latencies();
            long busy = 0;
            long cycles = 0;
            long minCycles = Long.MAX_VALUE;
            Map<String, Integer> errors = new TreeMap<>();
            List<String> wrong = new ArrayList<>();
            List<String> violations = new ArrayList<>();
            for (Wallet wallet : wallets) {
                latencies.addAll(wallet.latencies);
                busy += wallet.busy;
                cycles += wallet.cycles;
                minCycles = Math.min(minCycles, wallet.cycles);
                wallet.errors.forEach((name, count) -> errors.merge(name, count, Integer::sum));
                wrong.addAll(wallet.wrong);
                violations.addAll(wallet.client.violations());
            }
            System.out.printf("load test: %d clients, %d devices, %.0f s: %d calls (%.1f calls/s), latency p50 %.1f ms"
                    + " p99 %.1f ms, %d cycles (fewest per client %d), %d BUSY, other errors %s, daemon heap after GC"
                    + " %.1f MiB at start, %.1f MiB at end%n", CLIENTS, DEVICES, seconds, latencies.count(),
                    latencies.count() / seconds, latencies.percentileMicros(0.50) / 1000, latencies.percentileMicros(0.99) / 1000,
                    cycles, minCycles, busy, errors, heapStart / 1048576.0, heapEnd / 1048576.0);

            assertThat(violations).as("frames that did not parse or answered no waiting call").isEmpty();
            assertThat(wrong).as("answers that were not the requested account").isEmpty();
            assertThat(errors).as("errors other than BUSY").isEmpty();
            assertThat(minCycles).as("every client got a device at least once (no starvation, no deadlock)")
                    .isPositive();
            assertThat(busy).as("the clients did contend").isPositive();
            for (JsonNode device : clients.get(0).call("device.list", params())) {
                assertThat(device.get("session").isNull()).as("device %s free after the run", device).isTrue();
            }
            assertThat(heapEnd).as("daemon heap after GC at the end vs %d bytes at the start", heapStart)
                    .isLessThanOrEqualTo(heapStart + HEAP_SLACK_BYTES);
            assertThat(daemon.process().isAlive()).isTrue();
        } finally {
            pool.shutdownNow();
            for (RpcClient client : clients) {
                try {
                    client.close();
                } catch (Exception e) {
                    // The daemon closes what is left when it stops.
                }
            }
            if (daemon != null) {
                daemon.close();
            }
            simulators.forEach(Simulator::close);
        }
    }

    /** The accounts wallets derive: every scheme at a handful of paths, computed with the signer core. */
    private static List<DevAccounts.Account> accounts() {
        List<DevAccounts.Account> accounts = new ArrayList<>();
        for (KeyScheme scheme : KeyScheme.values()) {
            for (int i = 0; i < 8; i++) {
                accounts.add(DevAccounts.of(scheme, "//load//" + i));
            }
        }
        return accounts;
    }

    private static List<String> awaitDevices(RpcClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode list = client.call("device.list", params());
            List<String> ids = new ArrayList<>();
            for (JsonNode device : list) {
                if (!device.get("label").isNull()) {
                    ids.add(device.get("id").asText());
                }
            }
            if (ids.size() == DEVICES) {
                return ids;
            }
            assertThat(System.nanoTime()).as("%d devices in device.list; got %s", DEVICES, list).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** One wallet's loop: acquire a random device, derive 1–3 accounts, release; back off on BUSY. */
    private static final class Wallet {
        final RpcClient client;
        final List<String> devices;
        final List<DevAccounts.Account> accounts;
        final Random random;
        final Latencies latencies = new Latencies();
        final Map<String, Integer> errors = new TreeMap<>();
        final List<String> wrong = new ArrayList<>();
        long busy;
        long cycles;

        Wallet(RpcClient client, List<String> devices, List<DevAccounts.Account> accounts, Random random) {
            this.client = client;
            this.devices = devices;
            this.accounts = accounts;
            this.random = random;
        }

        Void runUntil(long end) throws Exception {
            while (System.nanoTime() - end < 0) {
                String device = devices.get(random.nextInt(devices.size()));
                JsonNode acquired = call("session.acquire", params("device", device));
                if (acquired == null) {
                    // BUSY (or an error, recorded): someone else has it; try again in a moment.
                    Thread.sleep(10 + random.nextInt(40));
                    continue;
                }
                String session = acquired.get("session").asText();
                int derivations = 1 + random.nextInt(3);
                for (int i = 0; i < derivations; i++) {
                    DevAccounts.Account account = accounts.get(random.nextInt(accounts.size()));
                    JsonNode derived = call("account.derive", params("session", session, "scheme",
                            account.scheme().id(), "path", account.path(), "ss58Format", 0));
                    if (derived != null && !(derived.get("publicKey").asText().equals(account.publicKey())
                            && derived.get("address").asText().equals(account.address())
                            && derived.get("path").asText().equals(account.path()))) {
                        wrong.add(account.scheme().id() + " " + account.path() + " gave " + derived);
                    }
                }
                call("session.release", params("session", session));
                cycles++;
            }
            return null;
        }

        /** The result, or null after an error (BUSY counted, anything else recorded). */
        private JsonNode call(String method, ObjectNode params) throws Exception {
            long sent = System.nanoTime();
            CompletableFuture<JsonNode> response = client.send(method, params);
            JsonNode reply;
            try {
                reply = response.get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                errors.merge(method + " hung", 1, Integer::sum);
                return null;
            }
            latencies.record(System.nanoTime() - sent);
            if (reply.has("error")) {
                String name = RpcClient.errorName(reply.get("error"));
                if (name.equals("BUSY") && method.equals("session.acquire")) {
                    busy++;
                } else {
                    errors.merge(method + " " + name, 1, Integer::sum);
                }
                return null;
            }
            return reply.get("result");
        }
    }
}
