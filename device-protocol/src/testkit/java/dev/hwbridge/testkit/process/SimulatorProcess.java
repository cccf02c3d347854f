package dev.hwbridge.testkit.process;

import dev.hwbridge.testkit.automation.AutomationClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar simulator.jar run --ephemeral} as a process, preloaded from a mnemonic file,
 * with its automation API as an {@link AutomationClient}.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final Pattern READY =
            Pattern.compile("hwbridge simulator ready: udp [^ ]+:(\\d+), automation (http://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Small and quick: the simulator holds one seed in memory. */
    private static final List<String> JVM = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final ChildProcess process;
    private final int udpPort;
    private final AutomationClient screen;

    private SimulatorProcess(ChildProcess process, int udpPort, URI automation) {
        this.process = process;
        this.udpPort = udpPort;
        this.screen = new AutomationClient(automation);
    }

    /**
     * Starts a simulator on UDP {@code port} (0: any free port) and waits until it is ready.
     *
     * @param name names the log files in {@code logDir}
     */
    public static SimulatorProcess start(String name, int port, Path mnemonicFile, Path logDir)
            throws IOException, InterruptedException {
        ChildProcess process = ChildProcess.start(name, Launchers.simulator(JVM, List.of("run", "--ephemeral",
                "--port", Integer.toString(port), "--automation-port", "0",
                "--mnemonic-file", mnemonicFile.toString())), logDir);
        try {
            Matcher ready = process.awaitLine(READY, START_TIMEOUT);
            return new SimulatorProcess(process, Integer.parseInt(ready.group(1)), URI.create(ready.group(2)));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    public int udpPort() {
        return udpPort;
    }

    public AutomationClient screen() {
        return screen;
    }

    /** SIGKILL: the device vanishes mid-whatever, as a crash or a pulled cable would. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
