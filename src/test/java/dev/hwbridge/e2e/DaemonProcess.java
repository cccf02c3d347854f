package dev.hwbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar hwbridge.jar --port 0 --no-usb} as a process, watching the given simulators,
 * with its registry in a data directory of the test's.
 */
final class DaemonProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("hwbridge listening on (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** G1 is pinned so {@link #heapUsedAfterGc()} knows the shape of GC.heap_info. */
    private static final Pattern G1_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    private final ChildProcess process;
    private final URI webSocket;

    private DaemonProcess(ChildProcess process, URI webSocket) {
        this.process = process;
        this.webSocket = webSocket;
    }

    /** Starts the daemon and waits for its ready line. */
    static DaemonProcess start(String name, List<InetSocketAddress> simulators, Path dataDir, Path logDir,
                               List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(), "--no-usb"));
        for (InetSocketAddress simulator : simulators) {
            args.add("--simulator");
            args.add(simulator.getHostString() + ":" + simulator.getPort());
        }
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.add("-XX:+UseG1GC");
        ChildProcess process = ChildProcess.start(name, Launchers.daemon(jvm, args), logDir);
        try {
            Matcher ready = process.awaitLine(READY, START_TIMEOUT);
            return new DaemonProcess(process, URI.create(ready.group(1)));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    URI webSocketUri() {
        return webSocket;
    }

    ChildProcess process() {
        return process;
    }

    /**
     * The daemon's used heap in bytes right after a full GC ({@code jcmd <pid> GC.run}, then
     * {@code GC.heap_info}): what it holds on to, not what it has not collected yet.
     */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = G1_USED.matcher(info);
        assertThat(used.find()).as("G1 heap figures in GC.heap_info:%n%s", info).isTrue();
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The daemon's threads and their stacks ({@code jcmd <pid> Thread.print}), for a failure message. */
    String threadDump() throws IOException, InterruptedException {
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
