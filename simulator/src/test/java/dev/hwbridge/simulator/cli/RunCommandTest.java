package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.TestHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code run} command: options, the ready line, a clean stop. */
class RunCommandTest {

    private static final Pattern READY = Pattern.compile(
            Pattern.quote(RunCommand.READY) + " udp 127\\.0\\.0\\.1:(\\d+), automation (http://127\\.0\\.0\\.1:\\d+/)");

    @Test
    void runsAPreloadedDeviceUntilStoppedAndPrintsWhereItListens(@TempDir Path dir) throws Exception {
        Path mnemonic = Files.writeString(dir.resolve("mnemonic.txt"), Vectors.DEV_PHRASE + "\n");
        Path pin = Files.writeString(dir.resolve("pin.txt"), "1234\n");
        Running running = start("--port", "0", "--automation-port", "0", "--ephemeral", "--label", "demo",
                "--mnemonic-file", mnemonic.toString(), "--pin-file", pin.toString());

        try (TestHost host = TestHost.connect(running.udpPort())) {
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getLabel()).isEqualTo("demo");
            assertThat(features.getLocked()).isTrue();
            assertThat(features.getInitialized()).isTrue();
        }
        HttpResponse<String> screen = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(running.automation().resolve("screen")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("Locked");

        running.command().stop();
        assertThat(running.exit().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(running.output()).doesNotContain("bottom", "1234");
        try (TestHost late = new TestHost(running.udpPort())) {
            late.send(dev.hwbridge.protocol.framing.InitRequest.random(new java.security.SecureRandom()).toFrame());
            assertThat(late.poll(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void aStateDirectoryKeepsTheDevice(@TempDir Path dir) throws Exception {
        Path mnemonic = Files.writeString(dir.resolve("mnemonic.txt"), Vectors.DEV_PHRASE);
        Path state = dir.resolve("state");
        Running first = start("--port", "0", "--automation-port", "0", "--state", state.toString(),
                "--mnemonic-file", mnemonic.toString());
        first.command().stop();
        assertThat(first.exit().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(state.resolve("state.bin")).isRegularFile();

        Running second = start("--port", "0", "--automation-port", "0", "--state", state.toString());
        try (TestHost host = TestHost.connect(second.udpPort())) {
            assertThat(host.call(Requests.features()).response().getFeatures().getIdentitiesList()).containsExactly("default");
        } finally {
            second.command().stop();
        }
        assertThat(second.exit().get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aStateDirectoryOthersCanReadIsRefusedWithItsCodeAndTheFix(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path state = Files.createDirectory(dir.resolve("state"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        StringWriter err = new StringWriter();

        int exit = execute(err, "--port", "0", "--automation-port", "0", "--state", state.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("INSECURE_DIRECTORY", state.toString(), "chmod 700");
        assertThat(state.resolve("state.bin")).doesNotExist();
    }

    @Test
    void ledgerRunsTheGenericAppOnTheApduPortUntilStopped(@TempDir Path dir) throws Exception {
        Path mnemonic = Files.writeString(dir.resolve("mnemonic.txt"), Vectors.DEV_PHRASE + "\n");
        RunCommand command = new RunCommand();
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> line.execute("--ledger", "--apdu-port", "0",
                "--automation-port", "0", "--ephemeral", "--mnemonic-file", mnemonic.toString()));
        Pattern ready = Pattern.compile(Pattern.quote(RunCommand.READY)
                + " ledger apdu 127\\.0\\.0\\.1:(\\d+), automation (http://127\\.0\\.0\\.1:\\d+/)");
        Matcher matched = ready.matcher("");
        for (int i = 0; i < 3000 && !(matched = ready.matcher(out.toString())).find(); i++) {
            assertThat(exit).isNotDone();
            Thread.sleep(10);
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.parseInt(matched.group(1)))) {
            socket.getOutputStream().write(dev.hwbridge.protocol.ledger.SpeculosFraming.encodeRequest(
                    dev.hwbridge.protocol.ledger.PolkadotGenericApp.getVersion().encode()));
            var reply = dev.hwbridge.protocol.ledger.SpeculosFraming.readReply(socket.getInputStream(), 64);
            assertThat(reply.isOk()).isTrue();
        }
        command.stop();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).doesNotContain("bottom");
    }

    @Test
    void ledgerTakesNeitherAPinNorAStateDirectory(@TempDir Path dir) {
        assertThat(execute(new RunCommand(), "--ledger", "--state", dir.toString())).isEqualTo(2);
        assertThat(execute(new RunCommand(), "--ledger", "--mnemonic-file", dir.resolve("m").toString(),
                "--pin-file", dir.resolve("pin").toString())).isEqualTo(2);
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) {
        assertThat(execute(new RunCommand(), "--state", dir.toString(), "--ephemeral")).isEqualTo(2);
        assertThat(execute(new RunCommand(), "--pin-file", dir.resolve("pin").toString())).isEqualTo(2);
        assertThat(execute(new RunCommand(), "--port", "many")).isEqualTo(2);
    }

    @Test
    void aBadMnemonicFileFailsWithoutRepeatingIt(@TempDir Path dir) throws Exception {
        Path mnemonic = Files.writeString(dir.resolve("mnemonic.txt"), "bottom drive obey lake curtain smoke basket "
                + "hold race lonely walk fit");
        StringWriter err = new StringWriter();
        int exit = execute(err, "--port", "0", "--automation-port", "0", "--mnemonic-file", mnemonic.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("BAD_CHECKSUM").doesNotContain("bottom", "walk");
    }

    @Test
    void aBadPinFileFailsWithoutRepeatingIt(@TempDir Path dir) throws Exception {
        Path mnemonic = Files.writeString(dir.resolve("mnemonic.txt"), Vectors.DEV_PHRASE);
        Path pin = Files.writeString(dir.resolve("pin.txt"), "12ab");
        StringWriter err = new StringWriter();
        int exit = execute(err, "--port", "0", "--automation-port", "0", "--mnemonic-file", mnemonic.toString(),
                "--pin-file", pin.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("PIN").doesNotContain("12ab");
    }

    private static int execute(RunCommand command, String... args) {
        return execute(command, new StringWriter(), args);
    }

    /** Runs a new {@code run} command to its end; what it prints on stderr goes to {@code err}. */
    private static int execute(StringWriter err, String... args) {
        return execute(new RunCommand(), err, args);
    }

    private static int execute(RunCommand command, StringWriter err, String... args) {
        CommandLine line = new CommandLine(command);
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    private static Running start(String... args) throws Exception {
        RunCommand command = new RunCommand();
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> line.execute(args));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(out.toString());
            if (ready.find()) {
                return new Running(command, exit, out, Integer.parseInt(ready.group(1)), URI.create(ready.group(2)));
            }
            if (exit.isDone()) {
                throw new AssertionError("run exited with " + exit.get() + " before it was ready");
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no ready line: " + out);
    }

    private record Running(RunCommand command, CompletableFuture<Integer> exit, StringWriter out, int udpPort,
                           URI automation) {
        String output() {
            return out.toString();
        }
    }
}
