package dev.hwbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.daemon.app.DaemonVersion;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class DaemonMainTest {

    @TempDir
    Path dataDir;

    private final StringWriter err = new StringWriter();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    /** Runs the command to completion (for runs that do not start a daemon). */
    private int run(StringWriter out, String... args) {
        CommandLine commandLine = DaemonMain.commandLine(
                new DaemonMain(new PrintWriter(out, true), CompletableFuture.completedFuture(null), false));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private DaemonMain parse(String... args) {
        DaemonMain main = new DaemonMain(new PrintWriter(new StringWriter()), new CompletableFuture<>(), false);
        new CommandLine(main).parseArgs(args);
        return main;
    }

    @Test
    void helpExitsZeroAndDocumentsEveryOption() {
        StringWriter out = new StringWriter();

        int code = run(out, "--help");

        assertThat(code).isZero();
        String help = out.toString();
        List<OptionSpec> options = new CommandLine(new DaemonMain(null, null, false)).getCommandSpec().options();
        assertThat(options).extracting(OptionSpec::longestName).contains("--port", "--bind", "--allow-origin",
                "--simulator", "--data-dir", "--allow-remote-bind", "--no-usb", "--calls-per-second", "--help", "--version");
        for (OptionSpec option : options) {
            assertThat(help).contains(option.longestName());
            assertThat(String.join(" ", option.description())).as(option.longestName()).isNotBlank();
        }
        assertThat(help).contains("21335").contains("127.0.0.1");
    }

    @Test
    void versionNamesTheDaemonAndApiVersion() {
        StringWriter out = new StringWriter();

        assertThat(run(out, "--version")).isZero();

        assertThat(out.toString()).contains("hwbridge " + DaemonVersion.current()).contains("protocol version 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "::"})
    void nonLoopbackBindIsRefusedWithoutTheFlag(String address) {
        int code = run(new StringWriter(), "--bind", address, "--port", "0", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("not a loopback address").contains("--allow-remote-bind");
    }

    @Test
    void nonLoopbackBindIsAcceptedWithTheFlag() throws Exception {
        DaemonConfig config = parse("--bind", "192.0.2.1", "--allow-remote-bind").config();

        assertThat(config.bind()).isEqualTo(InetAddress.getByName("192.0.2.1"));
        assertThat(config.allowRemoteBind()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bind=example.com", "--simulator=192.0.2.1:21336", "--simulator=127.0.0.1",
        "--simulator=127.0.0.1:0", "--simulator=localhost:x", "--allow-origin=https://a.example/path",
        "--allow-origin=null", "--port=70000", "--port=-1", "--nonsense"})
    void badValuesAreUsageErrors(String option) {
        assertThat(run(new StringWriter(), option, "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).isNotBlank();
    }

    @Test
    void optionsBecomeTheConfig() throws Exception {
        DaemonConfig config = parse("--port", "4444", "--bind", "localhost", "--allow-origin", "HTTPS://Wallet.Example/",
                "--allow-origin", "chrome-extension://abc", "--simulator", "127.0.0.1:21336", "--simulator",
                "[::1]:21337", "--data-dir", dataDir.toString(), "--no-hid").config();

        assertThat(config.port()).isEqualTo(4444);
        assertThat(config.bind().isLoopbackAddress()).isTrue();
        assertThat(config.allowOrigins()).containsExactly("https://wallet.example", "chrome-extension://abc");
        assertThat(config.simulators()).containsExactly(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 21336),
                new InetSocketAddress(InetAddress.getByName("::1"), 21337));
        assertThat(config.dataDir()).isEqualTo(dataDir.toAbsolutePath());
        assertThat(config.hidEnabled()).isFalse();
        assertThat(config.usbEnabled()).isTrue();
        assertThat(config.allowRemoteBind()).isFalse();
    }

    @Test
    void defaultsAreLoopbackPort21335AndBothUsbBuses() {
        DaemonConfig config = parse().config();

        assertThat(config.port()).isEqualTo(DaemonConfig.DEFAULT_PORT);
        assertThat(config.bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.hidEnabled()).isTrue();
        assertThat(config.usbEnabled()).isTrue();
        assertThat(config.simulators()).isEmpty();
        assertThat(config.dataDir().getFileName().toString()).isEqualTo("hwbridge");
        assertThat(config.callsPerSecond()).isEqualTo(50);
    }

    @Test
    void callsPerSecondSetsTheRateLimit() {
        assertThat(parse("--calls-per-second", "5000").config().callsPerSecond()).isEqualTo(5000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1000001", "many"})
    void callsPerSecondOutOfRangeIsAUsageError(String rate) {
        int code = run(new StringWriter(), "--calls-per-second", rate, "--port", "0", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--calls-per-second").doesNotContain("Exception");
    }

    @Test
    void noUsbTurnsOffBothBuses() {
        DaemonConfig config = parse("--no-usb").config();

        assertThat(config.hidEnabled()).isFalse();
        assertThat(config.usbEnabled()).isFalse();
    }

    @Test
    void printsExactlyOneReadyLineServesAndStopsCleanly() throws Exception {
        LineQueue out = new LineQueue();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CommandLine commandLine = DaemonMain.commandLine(new DaemonMain(new PrintWriter(out, true), stop, false));
        commandLine.setErr(new PrintWriter(err, true));
        Future<Integer> exit = runner.submit(() -> commandLine.execute("--port", "0", "--no-usb",
                "--data-dir", dataDir.toString()));

        String ready = out.lines.poll(20, TimeUnit.SECONDS);
        assertThat(ready).matches("hwbridge listening on ws://127\\.0\\.0\\.1:\\d+/");
        URI uri = URI.create(ready.substring("hwbridge listening on ".length()));
        try (RpcClient client = RpcClient.connect(uri)) {
            JsonNode info = client.callRaw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bridge.info\"}").get("result");
            assertThat(info.get("name").asText()).isEqualTo("hwbridge");
            assertThat(info.get("protocolVersion").asInt()).isEqualTo(1);
        }
        stop.complete(null);

        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(out.lines).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void takenPortExitsOneWithAMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run(new StringWriter(), "--port", Integer.toString(taken.getLocalPort()), "--no-usb",
                    "--data-dir", dataDir.toString());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).startsWith("hwbridge: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    /** A Writer that queues complete lines. */
    private static final class LineQueue extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
