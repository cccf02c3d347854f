package dev.hwbridge.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the product's command lines as processes: {@code java -jar} on the jars the
 * reactor packaged (system properties {@code hwbridge.simulator.jar} and {@code hwbridge.daemon.jar},
 * set in src/pom.xml), or, when a jar is not there (a run from an IDE), the main class on this
 * test's class path in a child JVM.
 */
final class Launchers {

    private static final String SIMULATOR_MAIN = "dev.hwbridge.simulator.cli.SimulatorMain";
    private static final String DAEMON_MAIN = "dev.hwbridge.daemon.DaemonMain";

    private Launchers() {
    }

    /** {@code java <jvmOptions> -jar simulator.jar <args>}. */
    static List<String> simulator(List<String> jvmOptions, List<String> args) {
        return command(System.getProperty("hwbridge.simulator.jar"), SIMULATOR_MAIN, jvmOptions, args);
    }

    /** {@code java <jvmOptions> -jar hwbridge.jar <args>}. */
    static List<String> daemon(List<String> jvmOptions, List<String> args) {
        return command(System.getProperty("hwbridge.daemon.jar"), DAEMON_MAIN, jvmOptions, args);
    }

    static Path javaTool(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool);
    }

    private static List<String> command(String jar, String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaTool("java").toString());
        command.addAll(jvmOptions);
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            command.add("-jar");
            command.add(jar);
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }
}
