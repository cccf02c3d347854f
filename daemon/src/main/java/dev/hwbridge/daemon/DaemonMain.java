package dev.hwbridge.daemon;

import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.daemon.app.DaemonVersion;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar hwbridge.jar}: starts the daemon, prints one line with its WebSocket URL when
 * it is ready, and stops gracefully on SIGTERM or Ctrl-C.
 */
@Command(name = "hwbridge", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = DaemonMain.Version.class, usageHelpAutoWidth = true,
        description = {
            "The hwbridge daemon: wallet apps reach hardware signers for Polkadot/Substrate accounts through a"
                    + " WebSocket on this machine speaking JSON-RPC 2.0 (daemon/API.md). Secrets never leave the"
                    + " signer.",
            "When ready it prints one line to stdout: hwbridge listening on ws://HOST:PORT/", ""},
        footer = {"", "Logs go to stderr; HWBRIDGE_LOG_LEVEL=DEBUG shows every call (method, duration, error name)."})
public final class DaemonMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonMain.class);
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final long STOP_TIMEOUT_SECONDS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "21335",
            description = "TCP port of the WebSocket and of /health (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "IP address to listen on (default: ${DEFAULT-VALUE}). A non-loopback address is refused"
                    + " unless --allow-remote-bind is given.")
    private String bind;

    @Option(names = "--allow-origin", paramLabel = "URL",
            description = "Also accept WebSocket connections from web pages of this origin, e.g."
                    + " https://wallet.example or chrome-extension://ID (repeatable). The daemon's own pages"
                    + " on 127.0.0.1 and localhost are always allowed; apps and scripts that send no Origin are"
                    + " allowed too.")
    private List<String> allowOrigins = new ArrayList<>();

    @Option(names = "--simulator", paramLabel = "HOST:PORT",
            description = "Look for a simulator (the software signer) at this UDP address on this machine, e.g."
                    + " 127.0.0.1:21336 (repeatable).")
    private List<String> simulators = new ArrayList<>();

    @Option(names = "--speculos", paramLabel = "HOST:PORT",
            description = "Look for a Ledger emulator's APDU port at this TCP address on this machine: Speculos running"
                    + " the Polkadot app, or `simulator run --ledger` (repeatable), e.g. 127.0.0.1:9999.")
    private List<String> speculos = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the account registry (accounts.json) is kept (default: $XDG_DATA_HOME/hwbridge,"
                    + " else ~/.local/share/hwbridge).")
    private Path dataDir;

    @Option(names = "--allow-remote-bind",
            description = "Permit --bind to a non-loopback address. Anyone who can reach it may then use your"
                    + " devices; a warning is logged.")
    private boolean allowRemoteBind;

    @Option(names = "--no-usb",
            description = "Do not look for real devices on USB at all (HID and raw USB), e.g. in CI, a container"
                    + " or a VM; simulators still work.")
    private boolean noUsb;

    @Option(names = "--no-hid", description = "Do not look for USB HID devices.")
    private boolean noHid;

    @Option(names = "--no-raw-usb", description = "Do not look for raw USB (libusb) devices.")
    private boolean noRawUsb;

    @Option(names = "--calls-per-second", paramLabel = "N", defaultValue = "50",
            description = "Calls one connection may make per second, in bursts of twice that, before its calls are"
                    + " delayed and then refused (default: ${DEFAULT-VALUE}; 1..1000000). Raise it for scripts"
                    + " that sign in bulk and for benchmarks.")
    private int callsPerSecond;

    private final PrintWriter out;
    private final CompletableFuture<Void> stop;
    private final boolean installShutdownHook;

    /**
     * @param out                 receives the ready line
     * @param stop                completing it stops the daemon
     * @param installShutdownHook whether SIGTERM/Ctrl-C complete {@code stop} (false in tests)
     */
    DaemonMain(PrintWriter out, CompletableFuture<Void> stop, boolean installShutdownHook) {
        this.out = out;
        this.stop = stop;
        this.installShutdownHook = installShutdownHook;
    }

    public static void main(String[] args) {
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int code = commandLine(new DaemonMain(stdout, new CompletableFuture<>(), true)).execute(args);
        System.exit(code);
    }

    /** The picocli command line: usage errors exit 2, a failure to start exits 1 with one line on stderr. */
    static CommandLine commandLine(DaemonMain main) {
        CommandLine commandLine = new CommandLine(main);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println("hwbridge: " + e.getMessage());
            LOG.debug("startup failed", e);
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        DaemonConfig config = config();
        Daemon daemon = Daemon.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        if (installShutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.complete(null);
                try {
                    // The JVM halts when hooks return: let the main thread finish closing first.
                    stopped.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hwbridge-shutdown"));
        }
        try {
            out.println("hwbridge listening on " + daemon.webSocketUri());
            out.flush();
            LOG.info("hwbridge {} ready on {}", DaemonVersion.current(), daemon.webSocketUri());
            stop.join();
            LOG.info("stopping");
        } finally {
            daemon.close();
            stopped.countDown();
        }
        return 0;
    }

    /** The options as a config; a bad value is a usage error (exit 2) naming the option. */
    DaemonConfig config() {
        InetAddress bindAddress = parseAddress("--bind", bind);
        List<InetSocketAddress> simulatorAddresses = new ArrayList<>();
        for (String simulator : simulators) {
            simulatorAddresses.add(parseSimulator("--simulator", simulator));
        }
        List<InetSocketAddress> speculosAddresses = new ArrayList<>();
        for (String emulator : speculos) {
            speculosAddresses.add(parseSimulator("--speculos", emulator));
        }
        Path data = dataDir != null ? dataDir.toAbsolutePath()
                : DaemonConfig.defaultDataDir(System.getenv(), System.getProperty("user.home"));
        try {
            return new DaemonConfig(port, bindAddress, allowOrigins, simulatorAddresses, data, allowRemoteBind,
                    !noUsb && !noHid, !noUsb && !noRawUsb, callsPerSecond, speculosAddresses);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** An IP literal or "localhost"; names are never looked up in DNS. */
    private InetAddress parseAddress(String option, String text) {
        String host = text.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        if (IPV4_LITERAL.matcher(host).matches() || host.contains(":")) {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new ParameterException(spec.commandLine(), option + ": not an IP address: " + text, e);
            }
        }
        throw new ParameterException(spec.commandLine(), option + ": give an IP address or localhost, not " + text);
    }

    private InetSocketAddress parseSimulator(String option, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ParameterException(spec.commandLine(), option + ": expected HOST:PORT, e.g. 127.0.0.1:21336");
        }
        int simulatorPort;
        try {
            simulatorPort = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), option + ": the port is not a number: " + text, e);
        }
        if (simulatorPort < 1 || simulatorPort > 0xFFFF) {
            throw new ParameterException(spec.commandLine(), option + ": the port must be 1..65535: " + text);
        }
        return new InetSocketAddress(parseAddress(option, text.substring(0, colon)), simulatorPort);
    }

    /** {@code --version}: the daemon's and the API's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hwbridge " + DaemonVersion.current() + " (API protocol version "
                    + DaemonVersion.PROTOCOL_VERSION + ")"};
        }
    }
}
