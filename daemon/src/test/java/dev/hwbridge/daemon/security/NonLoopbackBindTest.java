package dev.hwbridge.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import java.io.File;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * API.md: "The daemon listens on loopback only. --bind to another address is refused unless
 * --allow-remote-bind is also given, and then a warning is logged." No test here sends anything to
 * a non-loopback address: they bind, or refuse to, and talk over loopback only.
 *
 * <p>Gap filled: the existing tests refuse documentation addresses (192.0.2.x, which could not be
 * bound anyway), the IPv4 and IPv6 wildcards in-process, and accept the flag only as far as the
 * parsed config. Missing were: this machine's own non-loopback addresses, which could really be
 * bound; the IPv4-mapped spelling of the wildcard; the refusal through the real entry point in a
 * child JVM (exit status 2, the reason on stderr, no ready line, the port left free); and, with the
 * flag, a daemon really listening on the wildcard that logs its warning and still applies the
 * Host rule (the wildcard is not a Host it accepts).
 */
class NonLoopbackBindTest {

    private static final String MAIN = "dev.hwbridge.daemon.DaemonMain";

    @TempDir
    Path dataDir;

    /** This machine's non-loopback addresses, or the wildcards when it has none (a bare container). */
    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !(address instanceof Inet6Address v6 && v6.getScopeId() != 0)) {
                    found.add(address);
                }
            }
        }
        if (found.isEmpty()) {
            found.add(InetAddress.getByName("0.0.0.0"));
            found.add(InetAddress.getByName("::"));
        }
        return found;
    }

    @Test
    void configRefusesEveryAddressOfThisMachineThatIsNotLoopback() throws IOException {
        List<InetAddress> addresses = nonLoopbackAddresses();
        addresses.add(InetAddress.getByName("::ffff:0.0.0.0"));

        for (InetAddress address : addresses) {
            assertThatThrownBy(() -> new DaemonConfig(0, address, List.of(), List.of(), dataDir, false, false, false))
                    .as("bind %s", address)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a loopback address")
                    .hasMessageContaining("--allow-remote-bind");
        }
    }

    @Test
    void mainInAChildJvmExitsTwoWithoutListening() throws Exception {
        InetAddress address = nonLoopbackAddresses().get(0);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path out = dataDir.resolve("stdout");
        Path err = dataDir.resolve("stderr");
        String bind = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MAIN, "--bind", bind, "--port", Integer.toString(port),
                "--no-usb", "--data-dir", dataDir.resolve("data").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();

        assertThat(child.exitValue()).isEqualTo(2);
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("not a loopback address")
                .contains("--allow-remote-bind");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain("listening");
        assertThat(dataDir.resolve("data")).as("nothing written either").doesNotExist();
        try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(free.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void withTheFlagTheWildcardIsBoundWithAWarningAndTheHostRuleStillHolds() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Daemon.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (Daemon daemon = Daemon.start(new DaemonConfig(0, InetAddress.getByName("0.0.0.0"), List.of(), List.of(),
                dataDir, true, false, false))) {
            int port = daemon.port();

            assertThat(log.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("0.0.0.0").contains("not a loopback address");
            });
            assertThat(daemon.webSocketUri().getHost()).isEqualTo("127.0.0.1");
            // Reached over loopback only: the wildcard is not a name a page may use as Host.
            try (RawConnection connection = RawConnection.open(port)) {
                connection.write("GET /health HTTP/1.1\r\nHost: 0.0.0.0:" + port + "\r\n\r\n");
                assertThat(connection.readResponse()).startsWith("HTTP/1.1 403");
            }
            try (RawConnection connection = RawConnection.open(port)) {
                connection.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
                assertThat(connection.readResponse()).startsWith("HTTP/1.1 200");
            }
        } finally {
            logger.detachAppender(log);
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
