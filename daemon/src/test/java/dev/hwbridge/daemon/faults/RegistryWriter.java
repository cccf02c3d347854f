package dev.hwbridge.daemon.faults;

import dev.hwbridge.daemon.registry.AccountRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link RegistryKillTest}: opens the registry in the directory given, resumes
 * after the step it finds there, and puts {@link RegistryStates#recordAt} records as fast as it
 * can until it is killed. It prints {@code ready <step>} once, then {@code committed <step>}
 * after every put returned, so the parent knows which writes finished before the kill.
 */
public final class RegistryWriter {

    private RegistryWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AccountRegistry registry = AccountRegistry.open(Path.of(args[0]));
        long step = RegistryStates.stepOf(registry.list())
                .orElseThrow(() -> new IllegalStateException("the registry holds no state this writer wrote"));
        out.println("ready " + step);
        while (true) {
            step++;
            registry.put(RegistryStates.recordAt(step));
            out.println("committed " + step);
        }
    }
}
