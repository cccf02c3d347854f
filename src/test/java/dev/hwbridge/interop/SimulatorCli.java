package dev.hwbridge.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Our simulator command line as a separate process: {@code java -jar simulator/target/simulator.jar}
 * as the reactor packaged it, or, when the jar is not there (a test run from an IDE),
 * {@code SimulatorMain} on this test's class path in a child JVM.
 */
final class SimulatorCli {

    private static final String MAIN_CLASS = "dev.hwbridge.simulator.cli.SimulatorMain";

    private final List<String> launcher;
    private final Path workingDirectory;

    private SimulatorCli(List<String> launcher, Path workingDirectory) {
        this.launcher = List.copyOf(launcher);
        this.workingDirectory = workingDirectory;
    }

    static SimulatorCli locate(Path workingDirectory) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("hwbridge.simulator.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            return new SimulatorCli(List.of(java, "-jar", jar), workingDirectory);
        }
        return new SimulatorCli(List.of(java, "-cp", System.getProperty("java.class.path"), MAIN_CLASS),
                workingDirectory);
    }

    /** Runs one command and returns its result, whatever the exit status. */
    ProcessRunner.Result run(String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(args));
        return ProcessRunner.run(command, workingDirectory);
    }

    /** Runs one command that must succeed and returns its stdout lines. */
    List<String> lines(String... args) {
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
