package dev.hwbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
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

/**
 * The daemon as a user runs it: {@code java -jar daemon/target/hwbridge.jar} in a child process
 * with the log level at TRACE, its stdout and stderr captured in files, and its home, temporary
 * and data directories all inside one sandbox folder, so every file it writes can be found.
 *
 * <p>The jar is found as the system property {@code hwbridge.daemon.jar} names it, else beside
 * the simulator's jar ({@code hwbridge.simulator.jar}, which the src pom sets) in the reactor;
 * when neither exists (a run from an IDE) {@code DaemonMain} runs from this test's class path.
 */
final class DaemonProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "dev.hwbridge.daemon.DaemonMain";
    private static final String READY = "hwbridge listening on ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final URI webSocketUri;

    private DaemonProcess(Process process, Path stdout, Path stderr, URI webSocketUri) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.webSocketUri = webSocketUri;
    }

    /**
     * Starts the daemon on a free loopback port, watching {@code simulator}.
     *
     * @param sandbox  home, temp and data directories are made inside it
     * @param logs     where stdout and stderr go (outside the sandbox)
     */
    static DaemonProcess start(InetSocketAddress simulator, Path sandbox, Path logs) throws Exception {
        Path home = Files.createDirectories(sandbox.resolve("home"));
        Path tmp = Files.createDirectories(sandbox.resolve("tmp"));
        Path data = sandbox.resolve("data");
        Files.createDirectories(logs);
        Path out = logs.resolve("daemon.stdout");
        Path err = logs.resolve("daemon.stderr");
        List<String> command = new ArrayList<>(launcher(home, tmp));
        command.addAll(List.of("--port", "0", "--no-usb", "--data-dir", data.toString(),
                "--simulator", simulator.getAddress().getHostAddress() + ":" + simulator.getPort()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(sandbox.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("HWBRIDGE_LOG_LEVEL", "TRACE");
        environment.put("HOME", home.toString());
        environment.put("TMPDIR", tmp.toString());
        environment.put("XDG_DATA_HOME", sandbox.resolve("xdg-data").toString());
        environment.put("XDG_CACHE_HOME", sandbox.resolve("xdg-cache").toString());
        environment.put("XDG_CONFIG_HOME", sandbox.resolve("xdg-config").toString());
        environment.put("XDG_STATE_HOME", sandbox.resolve("xdg-state").toString());
        Process process = builder.start();
        try {
            return new DaemonProcess(process, out, err, awaitReady(process, out, err));
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static List<String> launcher(Path home, Path tmp) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home);
        command.add("-Djava.io.tmpdir=" + tmp);
        Path jar = daemonJar();
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        }
        return command;
    }

    /** The packaged daemon jar, or null when there is none to run. */
    static Path daemonJar() {
        String named = System.getProperty("hwbridge.daemon.jar");
        if (named != null && Files.isRegularFile(Path.of(named))) {
            return Path.of(named);
        }
        String simulatorJar = System.getProperty("hwbridge.simulator.jar");
        if (simulatorJar != null) {
            // <root>/simulator/target/simulator.jar → <root>/daemon/target/hwbridge.jar
            Path root = Path.of(simulatorJar).toAbsolutePath().getParent().getParent().getParent();
            Path beside = root.resolve("daemon").resolve("target").resolve("hwbridge.jar");
            if (Files.isRegularFile(beside)) {
                return beside;
            }
        }
        return null;
    }

    private static URI awaitReady(Process process, Path out, Path err) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith(READY)) {
                    return URI.create(line.substring(READY.length()).trim());
                }
            }
            assertThat(process.isAlive()).as("the daemon is running; stderr: %s",
                    Files.readString(err, StandardCharsets.UTF_8)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the daemon printed no ready line within " + START_TIMEOUT);
    }

    URI webSocketUri() {
        return webSocketUri;
    }

    /** Its stdout and stderr lines so far (everything, once closed). */
    List<String> outputLines() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(stdout, StandardCharsets.UTF_8));
        lines.addAll(Files.readAllLines(stderr, StandardCharsets.UTF_8));
        return lines;
    }

    /** Stops it as a user would (SIGTERM), so it closes its files and flushes its log; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the daemon did not stop within " + STOP_TIMEOUT);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
