package dev.hwbridge.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon as a user runs it: {@code java -jar hwbridge.jar --port 0 --no-usb} in a child
 * process ({@link Launchers}), watching the given simulators, with its registry in a data
 * directory of the test's. {@link #startSandboxed} also puts its home and temporary directories
 * in one folder and logs at TRACE, so every file and line it writes can be searched.
 */
public final class DaemonProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("hwbridge listening on (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** G1 is pinned so {@link #heapUsedAfterGc()} knows the shape of GC.heap_info. */
    private static final Pattern G1_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    private final ChildProcess process;
    private final URI webSocket;

    private DaemonProcess(ChildProcess process, URI webSocket) {
        this.process = process;
        this.webSocket = webSocket;
    }

    /** Starts the daemon (G1, so {@link #heapUsedAfterGc} can read it) and waits for its ready line. */
    public static DaemonProcess start(String name, List<InetSocketAddress> simulators, Path dataDir, Path logDir,
                                      List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.add("-XX:+UseG1GC");
        return start(name, Launchers.daemon(jvm, arguments(simulators, dataDir)), logDir, null, Map.of());
    }

    /**
     * Starts the daemon watching {@code simulator} with its home, temporary, XDG and data
     * directories inside {@code sandbox} (its working directory too) and its log at TRACE; its
     * output goes to {@code logs/daemon.out} and {@code .err}, outside the sandbox.
     */
    public static DaemonProcess startSandboxed(InetSocketAddress simulator, Path sandbox, Path logs)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(sandbox.resolve("home"));
        Path tmp = Files.createDirectories(sandbox.resolve("tmp"));
        List<String> command = Launchers.daemon(List.of("-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp),
                arguments(List.of(simulator), sandbox.resolve("data")));
        Map<String, String> environment = Map.of(
                "HWBRIDGE_LOG_LEVEL", "TRACE",
                "HOME", home.toString(),
                "TMPDIR", tmp.toString(),
                "XDG_DATA_HOME", sandbox.resolve("xdg-data").toString(),
                "XDG_CACHE_HOME", sandbox.resolve("xdg-cache").toString(),
                "XDG_CONFIG_HOME", sandbox.resolve("xdg-config").toString(),
                "XDG_STATE_HOME", sandbox.resolve("xdg-state").toString());
        return start("daemon", command, logs, sandbox, environment);
    }

    private static DaemonProcess start(String name, List<String> command, Path logDir, Path workingDirectory,
                                       Map<String, String> environment) throws IOException, InterruptedException {
        ChildProcess process = ChildProcess.start(name, command, logDir, workingDirectory, environment);
        try {
            Matcher ready = process.awaitLine(READY, START_TIMEOUT);
            return new DaemonProcess(process, URI.create(ready.group(1)));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    private static List<String> arguments(List<InetSocketAddress> simulators, Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(), "--no-usb"));
        for (InetSocketAddress simulator : simulators) {
            args.add("--simulator");
            args.add(simulator.getAddress().getHostAddress() + ":" + simulator.getPort());
        }
        return args;
    }

    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    public URI webSocketUri() {
        return webSocket;
    }

    public ChildProcess process() {
        return process;
    }

    /** Its stdout and stderr lines so far (everything, once stopped). */
    public List<String> outputLines() throws IOException {
        List<String> lines = new ArrayList<>(process.stdout().lines().toList());
        lines.addAll(process.stderr().lines().toList());
        return lines;
    }

    /** Stops it as a user would (SIGTERM), so it closes its files and flushes its log; returns the exit status. */
    public int stop() throws InterruptedException {
        return process.stop(STOP_TIMEOUT);
    }

    /**
     * The daemon's used heap in bytes right after a full GC ({@code jcmd <pid> GC.run}, then
     * {@code GC.heap_info}): what it holds on to, not what it has not collected yet.
     */
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = G1_USED.matcher(info);
        assertThat(used.find()).as("G1 heap figures in GC.heap_info:%n%s", info).isTrue();
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The daemon's threads and their stacks ({@code jcmd <pid> Thread.print}), for a failure message. */
    public String threadDump() throws IOException, InterruptedException {
        return jcmd("Thread.print");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Launchers.javaTool("jcmd").toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        byte[] output = jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            jcmd.waitFor();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(jcmd.exitValue()).as("jcmd %s: %s", command, text).isZero();
        return text;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
