package dev.hwbridge.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Our simulator command line as a separate process, run to its end: {@code java -jar
 * simulator/target/simulator.jar} as the reactor packaged it, or {@code SimulatorMain} on the
 * test's class path ({@link Launchers#simulator}).
 */
public final class SimulatorCli {

    private final List<String> launcher;
    private final Path workingDirectory;

    private SimulatorCli(List<String> launcher, Path workingDirectory) {
        this.launcher = List.copyOf(launcher);
        this.workingDirectory = workingDirectory;
    }

    /** The simulator's command line, run in {@code workingDirectory}. */
    public static SimulatorCli locate(Path workingDirectory) {
        return new SimulatorCli(Launchers.simulator(List.of(), List.of()), workingDirectory);
    }

    /** Runs one command and returns its result, whatever the exit status. */
    public ProcessRunner.Result run(String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(args));
        return ProcessRunner.run(command, workingDirectory);
    }

    /** Runs one command that must succeed and returns its stdout lines. */
    public List<String> lines(String... args) {
        ProcessRunner.Result result = run(args);
        assertThat(result.exitCode())
                .as("simulator %s failed; stderr: %s", args[0], result.stderr())
                .isZero();
        return result.stdout().lines().toList();
    }

    @Override
    public String toString() {
        return String.join(" ", launcher);
    }
}
