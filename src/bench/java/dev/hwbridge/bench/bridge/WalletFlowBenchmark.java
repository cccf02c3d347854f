package dev.hwbridge.bench.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.state.KdfParams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a wallet waits for when it looks for its accounts, timed the way the wallet sees it: one
 * JSON-RPC call over the daemon's WebSocket, the daemon asking the simulated device, and the
 * answer back. The daemon runs as {@code ./hwbridge daemon} starts it ({@code launcher} is relative
 * to the repository root, where src/bench/run starts JMH); the simulator, preloaded with the dev
 * phrase and without a PIN, runs in this JVM, as in {@link BridgeBench}. The daemon's call rate
 * limit is lifted: it would measure the limiter.
 *
 * <ul>
 *   <li>{@code discoverSr25519} / {@code discoverEd25519}: {@code account.discover} pages of
 *       {@value #PAGE} addresses at {@code //polkadot//{i}} (prefix 0); the score is addresses per
 *       second. Pages move on through the first {@value #PAGES} pages so no two calls in a row ask
 *       for the same keys.</li>
 *   <li>{@code restore}: {@code backup.restore} of a hwbridge backup of {@value #PAGE} accounts
 *       (sr25519 and ed25519 at {@code //polkadot//0} … {@code //polkadot//49}), made by this
 *       daemon from accounts derived with a name before the measurement; seconds per restore.</li>
 * </ul>
 */
@State(Scope.Benchmark)
public class WalletFlowBenchmark {

    static final String PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    private static final int PAGE = 100;
    private static final int PAGES = 100;
    private static final String DAEMON_READY = "hwbridge listening on ";

    @Param("hwbridge")
    public String launcher;

    /** The daemon's data and log go in a new directory here (src/bench/run empties src/target/bench first). */
    @Param("src/target/bench/wallet")
    public String workDir;

    private Path work;
    private Simulator simulator;
    private ChildJvm daemon;
    private PingClient client;
    private String session;
    private String backup;
    private int page;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        work = Files.createTempDirectory(Files.createDirectories(Path.of(workDir)), "run");
        simulator = Simulator.builder().udpPort(0).automationPort(0).kdf(new KdfParams(64, 1, 1)).mnemonic(PHRASE).start();
        InetSocketAddress device = simulator.udpAddress();
        daemon = ChildJvm.start(List.of(Path.of(launcher).toAbsolutePath().toString(), "daemon", "--port", "0", "--no-usb",
                "--data-dir", work.resolve("data").toString(), "--calls-per-second", "1000000",
                "--simulator", device.getAddress().getHostAddress() + ":" + device.getPort()),
                DAEMON_READY, work.resolve("daemon.log"));
        URI uri = URI.create(daemon.readyLine().substring(DAEMON_READY.length()).trim());
        client = PingClient.connect(uri, "");
        session = client.call("session.acquire", "{\"device\":\"" + deviceId() + "\"}").get("session").asText();
        backup = backupOfNamedAccounts();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (Simulator closing = simulator) {
            if (client != null) {
                client.close();
            }
            if (daemon != null) {
                daemon.close();
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(PAGE)
    public JsonNode discoverSr25519() throws IOException {
        return discover("sr25519");
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(PAGE)
    public JsonNode discoverEd25519() throws IOException {
        return discover("ed25519");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public JsonNode restore() throws IOException {
        JsonNode result = client.call("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + backup + "}");
        if (result.get("restored").size() != PAGE) {
            throw new IOException("backup.restore did not restore every account: " + result.get("mismatched"));
        }
        return result;
    }

    private JsonNode discover(String scheme) throws IOException {
        int from = (page++ % PAGES) * PAGE;
        JsonNode accounts = client.call("account.discover", "{\"session\":\"" + session + "\",\"scheme\":\"" + scheme
                + "\",\"pathTemplate\":\"//polkadot//{i}\",\"from\":" + from + ",\"count\":" + PAGE + ",\"ss58Format\":0}");
        if (accounts.size() != PAGE) {
            throw new IOException("account.discover answered " + accounts.size() + " accounts");
        }
        return accounts;
    }

    /** Waits until the daemon lists the simulator; its id. */
    private String deviceId() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode list = client.call("device.list", "{}");
            if (list.size() == 1) {
                return list.get(0).get("id").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the daemon does not list the simulator");
            }
            Thread.sleep(50);
        }
    }

    /** Derives and names the backup's accounts, then exports them as the daemon's backup document (JSON text). */
    private String backupOfNamedAccounts() throws IOException {
        for (String scheme : List.of("sr25519", "ed25519")) {
            for (int i = 0; i < PAGE / 2; i++) {
                client.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"" + scheme
                        + "\",\"path\":\"//polkadot//" + i + "\",\"ss58Format\":0,\"name\":\"" + scheme + " " + i + "\"}");
            }
        }
        return client.call("backup.export", "{\"format\":\"hwbridge\"}").toString();
    }
}
