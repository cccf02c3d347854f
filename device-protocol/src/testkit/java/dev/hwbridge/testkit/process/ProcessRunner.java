package dev.hwbridge.testkit.process;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a real child process and collects its exit status, stdout and stderr (via files, so no pipe can fill up). */
public final class ProcessRunner {

    /** What a finished process left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private ProcessRunner() {
    }

    /** Runs {@code command} in {@code workingDirectory} to its end (at most 3 minutes). */
    public static Result run(List<String> command, Path workingDirectory) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("hwbridge-interop", ".out");
            err = Files.createTempFile("hwbridge-interop", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(ChildProcess.nullDevice())))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within %s", command.get(0), TIMEOUT);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temp file left behind is harmless; the result has been read already.
            file.toFile().deleteOnExit();
        }
    }
}
