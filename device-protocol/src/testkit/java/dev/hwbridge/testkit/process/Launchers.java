package dev.hwbridge.testkit.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the product's command lines as processes: {@code java -jar} on the jars the
 * reactor packaged (system properties {@code hwbridge.simulator.jar} and {@code hwbridge.daemon.jar},
 * set in src/pom.xml), or, when a jar is not there (a run from an IDE, or a module's own tests),
 * the main class on the test's class path in a child JVM.
 */
public final class Launchers {

    private static final String SIMULATOR_MAIN = "dev.hwbridge.simulator.cli.SimulatorMain";
    private static final String DAEMON_MAIN = "dev.hwbridge.daemon.DaemonMain";

    private Launchers() {
    }

    /** {@code java <jvmOptions> -jar simulator.jar <args>}. */
    public static List<String> simulator(List<String> jvmOptions, List<String> args) {
        return command(jar("hwbridge.simulator.jar"), SIMULATOR_MAIN, jvmOptions, args);
    }

    /** {@code java <jvmOptions> -jar hwbridge.jar <args>}. */
    public static List<String> daemon(List<String> jvmOptions, List<String> args) {
        return command(jar("hwbridge.daemon.jar"), DAEMON_MAIN, jvmOptions, args);
    }

    /** {@code java <jvmOptions> -cp <this test's class path> <mainClass> <args>}: a helper program of a test. */
    public static List<String> java(List<String> jvmOptions, String mainClass, List<String> args) {
        return command(null, mainClass, jvmOptions, args);
    }

    /** A tool of the JDK running this test, e.g. {@code jcmd}. */
    public static Path javaTool(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool);
    }

    /** The packaged jar the system property names, or null when there is none to run. */
    private static Path jar(String property) {
        String named = System.getProperty(property);
        return named != null && Files.isRegularFile(Path.of(named)) ? Path.of(named) : null;
    }

    private static List<String> command(Path jar, String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaTool("java").toString());
        command.addAll(jvmOptions);
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }
}
