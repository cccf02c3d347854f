package dev.hwbridge.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running child process whose stdout and stderr go to files (no pipe can fill up and
 * stall it, and what it printed before a kill is all there afterwards), with a wait for its
 * ready line. Closing it stops it: SIGTERM, then SIGKILL if it does not stop in time, and always
 * waits for it to be gone.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code command}; its output goes to {@code <logDir>/<name>.out} and {@code .err}. */
    public static ChildProcess start(String name, List<String> command, Path logDir) throws IOException {
        return start(name, command, logDir, null, Map.of());
    }

    /**
     * Starts {@code command} in {@code workingDirectory} (null: this one's) with {@code environment}
     * added to this process's; its output goes to {@code <logDir>/<name>.out} and {@code .err}.
     */
    public static ChildProcess start(String name, List<String> command, Path logDir, Path workingDirectory,
                                     Map<String, String> environment) throws IOException {
        Files.createDirectories(logDir);
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), out, err);
    }

    /**
     * Waits for a stdout line matching {@code ready} and returns its match; fails with the
     * process's stderr if it exits or the time runs out first.
     */
    public Matcher awaitLine(Pattern ready, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
                Matcher match = ready.matcher(line);
                if (match.find()) {
                    return match;
                }
            }
            assertThat(process.isAlive()).as("%s exited (%s) before it was ready; stderr:%n%s", name,
                    process.isAlive() ? "" : process.exitValue(), stderrTail()).isTrue();
            assertThat(System.nanoTime()).as("%s ready within %s; stderr:%n%s", name, timeout, stderrTail())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether it exited within {@code timeout}. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL, as a crash or {@code kill -9} would; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s died after SIGKILL", name).isTrue();
    }

    /**
     * SIGTERM, as a user stops it, so it closes its files and flushes its log; fails if it is
     * still running after {@code timeout} (it is killed then). Returns its exit status.
     */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError(name + " did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** All of stdout so far. */
    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** All of stderr so far. */
    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** The last lines of stderr, for failure messages. */
    public String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    static String nullDevice() {
        return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
