package dev.hwbridge.bench.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process the bench starts and watches: the time from its start to the first stdout line
 * beginning with the ready prefix, and its resident memory as Linux counts it.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final long readyNanos;
    private final String readyLine;

    private ChildJvm(Process process, long readyNanos, String readyLine) {
        this.process = process;
        this.readyNanos = readyNanos;
        this.readyLine = readyLine;
    }

    /** Starts {@code command} and waits for its ready line; stderr goes to {@code log}. */
    static ChildJvm start(List<String> command, String readyPrefix, Path log) throws IOException, InterruptedException {
        return start(command, Map.of(), readyPrefix, log);
    }

    /** The same with {@code env} added to the process's environment. */
    static ChildJvm start(List<String> command, Map<String, String> env, String readyPrefix, Path log)
            throws IOException, InterruptedException {
        long began = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        long[] readyAt = new long[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (!ready.isDone() && line.startsWith(readyPrefix)) {
                        readyAt[0] = System.nanoTime();
                        ready.complete(line);
                    }
                }
                ready.completeExceptionally(new IOException("the process ended before its ready line; see " + log));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "bench-child-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = ready.get(120, TimeUnit.SECONDS);
            return new ChildJvm(process, readyAt[0] - began, line);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("no ready line from " + command.get(command.size() - 1) + ": " + e.getMessage(), e);
        }
    }

    double readyMillis() {
        return readyNanos / 1e6;
    }

    long pid() {
        return process.pid();
    }

    String readyLine() {
        return readyLine;
    }

    /** VmRSS of the process, in MiB. */
    double residentMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    /** SIGTERM, then waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
