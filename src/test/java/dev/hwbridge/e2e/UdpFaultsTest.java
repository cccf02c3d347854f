package dev.hwbridge.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.e2e.UdpFaultProxy.Direction;
import dev.hwbridge.e2e.UdpFaultProxy.Fault;
import dev.hwbridge.e2e.UdpFaultProxy.Rates;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.state.KdfParams;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * The daemon and its simulators talk through {@link UdpFaultProxy relays} that drop, duplicate
 * and delay (reorder) datagrams both ways. Every call must come back with the right answer
 * (public keys checked against the signer core computed here, features against the device's)
 * or a typed error of the transport kind; never a wrong answer, an untyped error or silence.
 * Duplicates here are of reports the framing can tell are repeated (those of messages longer than
 * one report); a repeated one-report message is {@link UdpRepeatedMessageTest}'s subject.
 */
class UdpFaultsTest {

    private static final int DEVICES = 3;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("hwbridge.udpfaults.seconds", 20));
    private static final long SEED = Long.getLong("hwbridge.udpfaults.seed", 0xFA17L);
    /** No drop rate: each relay drops exactly one datagram (below), since each costs a 10 s idle timeout. */
    private static final Rates FAULTY = new Rates(0, 0.08, 0.08, 30, false);
    /** The longest a call may take: an idle timeout (10 s) plus a fresh INIT and slack. */
    private static final long CALL_LIMIT_SECONDS = 40;
    /** What a mistreated link may turn into; anything else means a datagram was misread. */
    private static final Set<String> TRANSPORT_ERRORS = Set.of("TIMEOUT", "DEVICE_ERROR", "DEVICE_GONE", "BUSY",
            "NO_SESSION");
    private static final KdfParams CHEAP_KDF = new KdfParams(64, 1, 1);
    private static final List<String> PATHS = paths();

    @TempDir
    Path dataDir;

    @Test
    void everyCallOverAFaultyLinkGetsTheRightAnswerOrATypedError() throws Exception {
        List<Simulator> simulators = new ArrayList<>();
        List<UdpFaultProxy> proxies = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(DEVICES);
        Daemon daemon = null;
        try {
            List<InetSocketAddress> relayed = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                // A long label makes Features a reply of three reports.
                Simulator simulator = Simulator.builder().udpPort(0).automationPort(0).kdf(CHEAP_KDF)
                        .label(label(i)).mnemonic(DevAccounts.PHRASE).start();
                simulators.add(simulator);
                UdpFaultProxy proxy = UdpFaultProxy.start(simulator.udpAddress(), SEED + i, Rates.NONE);
                proxies.add(proxy);
                relayed.add(proxy.address());
            }
            daemon = Daemon.start(new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(), relayed, dataDir,
                    false, false, false));

            List<Worker> running = new ArrayList<>();
            try (RpcClient lister = RpcClient.connect(daemon.webSocketUri())) {
                Map<String, String> idByLabel = awaitDevices(lister);
                for (int i = 0; i < DEVICES; i++) {
                    running.add(new Worker(RpcClient.connect(daemon.webSocketUri()), idByLabel.get(label(i)),
                            new Random(SEED * 31 + i)));
                }
            }
            for (Worker worker : running) {
                worker.learnDeviceId();
            }
            Random dropAt = new Random(SEED);
            for (int i = 0; i < DEVICES; i++) {
                proxies.get(i).rates(FAULTY);
                // One drop per relay, early in the run, alternating directions.
                proxies.get(i).dropOne(i % 2 == 0 ? Direction.TO_DEVICE : Direction.TO_HOST, 10 + dropAt.nextInt(40));
            }
            long end = System.nanoTime() + RUN.toNanos();
            List<Future<?>> done = new ArrayList<>();
            for (Worker worker : running) {
                done.add(workers.submit(() -> worker.runUntil(end)));
            }
            for (Future<?> future : done) {
                future.get(RUN.toSeconds() + 2 * CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            }
            proxies.forEach(proxy -> proxy.rates(Rates.NONE));
            for (Worker worker : running) {
                worker.recover();
            }

            Outcomes total = new Outcomes();
            for (Worker worker : running) {
                worker.outcomes.violations.addAll(worker.client.violations());
                total.add(worker.outcomes);
                worker.client.close();
            }
            StringBuilder faults = new StringBuilder();
            for (UdpFaultProxy proxy : proxies) {
                faults.append("\n  ").append(proxy.summary());
            }
            System.out.printf("UDP faults test (seed %d, %s): %s%s%n", SEED, FAULTY, total, faults);

            assertThat(total.wrong).as("wrong answers").isEmpty();
            assertThat(total.untyped).as("errors a faulty link cannot explain").isEmpty();
            assertThat(total.violations).as("frames that were not a response to a waiting call").isEmpty();
            for (Worker worker : running) {
                assertThat(worker.outcomes.right).as("right answers on device %s", worker.device).isGreaterThan(10);
            }
            for (Direction direction : Direction.values()) {
                for (Fault fault : Fault.values()) {
                    long count = proxies.stream().mapToLong(proxy -> proxy.count(direction, fault)).sum();
                    assertThat(count).as("%s datagrams %s", direction, fault).isPositive();
                }
            }
        } finally {
            workers.shutdownNow();
            if (daemon != null) {
                daemon.close();
            }
            for (UdpFaultProxy proxy : proxies) {
                proxy.close();
            }
            simulators.forEach(Simulator::close);
        }
    }

    private static String label(int device) {
        return "faulty relay " + device + ": drops, repeats and reorders datagrams";
    }

    /** Paths to derive: short ones fit one report; the long ones need continuation reports. */
    private static List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paths.add("//polkadot//" + i);
            paths.add("//" + "long-junction-".repeat(6) + i);
        }
        return List.copyOf(paths);
    }

    private static Map<String, String> awaitDevices(RpcClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            JsonNode list = client.call("device.list", params());
            Map<String, String> idByLabel = new TreeMap<>();
            for (JsonNode device : list) {
                if (!device.get("label").isNull()) {
                    idByLabel.put(device.get("label").asText(), device.get("id").asText());
                }
            }
            if (idByLabel.size() == DEVICES) {
                return idByLabel;
            }
            assertThat(System.nanoTime()).as("%d simulators in device.list; got %s", DEVICES, list).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** How the calls of one or more workers ended. */
    private static final class Outcomes {
        int right;
        final Map<String, Integer> typed = new TreeMap<>();
        final List<String> wrong = new ArrayList<>();
        final List<String> untyped = new ArrayList<>();
        final List<String> violations = new ArrayList<>();

        void add(Outcomes other) {
            right += other.right;
            other.typed.forEach((name, count) -> typed.merge(name, count, Integer::sum));
            wrong.addAll(other.wrong);
            untyped.addAll(other.untyped);
            violations.addAll(other.violations);
        }

        @Override
        public String toString() {
            return right + " right answers, typed errors " + typed + ", " + wrong.size() + " wrong, "
                    + untyped.size() + " untyped";
        }
    }

    /** One wallet using one device through its relay, for as long as the run lasts. */
    private static final class Worker {
        final RpcClient client;
        final String device;
        final Random random;
        final Outcomes outcomes = new Outcomes();
        String session;
        String deviceId;

        Worker(RpcClient client, String device, Random random) {
            this.client = client;
            this.device = device;
            this.random = random;
        }

        void learnDeviceId() throws Exception {
            session = client.call("session.acquire", params("device", device)).get("session").asText();
            deviceId = client.call("device.features", params("session", session)).get("deviceId").asText();
        }

        Void runUntil(long end) throws Exception {
            while (System.nanoTime() - end < 0) {
                if (session == null) {
                    acquire();
                    continue;
                }
                if (random.nextInt(4) == 0) {
                    features();
                } else {
                    derive();
                }
            }
            return null;
        }

        /** With the relay clean again the device must work: at most a few transport errors while the daemon resettles. */
        void recover() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CALL_LIMIT_SECONDS);
            int before = outcomes.right;
            while (outcomes.right == before) {
                assertThat(System.nanoTime()).as("device %s works again over a clean link", device).isLessThan(deadline);
                if (session == null) {
                    acquire();
                } else {
                    derive();
                }
            }
        }

        private void acquire() throws Exception {
            JsonNode reply = exchange("session.acquire", params("device", device));
            if (reply != null && reply.has("result")) {
                session = reply.get("result").get("session").asText();
            } else {
                // The device may be detached for a moment (lost probes); try again shortly.
                Thread.sleep(100);
            }
        }

        private void derive() throws Exception {
            KeyScheme scheme = KeyScheme.values()[random.nextInt(KeyScheme.values().length)];
            String path = PATHS.get(random.nextInt(PATHS.size()));
            JsonNode reply = exchange("account.derive", params("session", session, "scheme", scheme.id(), "path", path,
                    "ss58Format", 0));
            if (reply == null || !reply.has("result")) {
                return;
            }
            JsonNode result = reply.get("result");
            DevAccounts.Account expected = DevAccounts.of(scheme, path);
            if (result.get("publicKey").asText().equals(expected.publicKey())
                    && result.get("address").asText().equals(expected.address())
                    && result.get("path").asText().equals(path) && result.get("scheme").asText().equals(scheme.id())) {
                outcomes.right++;
            } else {
                outcomes.wrong.add(scheme.id() + " " + path + " gave " + result);
            }
        }

        private void features() throws Exception {
            JsonNode reply = exchange("device.features", params("session", session));
            if (reply == null || !reply.has("result")) {
                return;
            }
            JsonNode result = reply.get("result");
            if (result.get("deviceId").asText().equals(deviceId) && result.get("initialized").asBoolean()
                    && !result.get("locked").asBoolean() && result.get("identities").toString().equals("[\"default\"]")) {
                outcomes.right++;
            } else {
                outcomes.wrong.add("features of " + deviceId + " gave " + result);
            }
        }

        /** The whole response, or null after an error (recorded). */
        private JsonNode exchange(String method, ObjectNode params) throws Exception {
            CompletableFuture<JsonNode> sent = client.send(method, params);
            JsonNode reply;
            try {
                reply = sent.get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                outcomes.untyped.add(method + ": no answer within " + CALL_LIMIT_SECONDS + " s");
                return null;
            }
            if (reply.has("error")) {
                String name = RpcClient.errorName(reply.get("error"));
                if (TRANSPORT_ERRORS.contains(name)) {
                    outcomes.typed.merge(name, 1, Integer::sum);
                } else {
                    outcomes.untyped.add(method + ": " + reply.get("error"));
                }
                if (name.equals("NO_SESSION") || name.equals("DEVICE_GONE")) {
                    session = null;
                }
                // E.g. BUSY while the device waits out a half-received message (3 s): no point hammering it.
                Thread.sleep(20);
                return null;
            }
            return reply;
        }
    }
}
