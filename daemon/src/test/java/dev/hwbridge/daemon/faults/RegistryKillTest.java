package dev.hwbridge.daemon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.registry.AccountRegistry;
import dev.hwbridge.testkit.process.ChildProcess;
import dev.hwbridge.testkit.process.Launchers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon killed while it writes the account registry: a child JVM ({@link RegistryWriter})
 * puts records without pause; the test kills it ({@code SIGKILL}) at a random moment, many
 * times over, and after every kill the registry must open intact, holding exactly a state the
 * writer passed through: the last one it reported committed, or the one it was writing.
 */
class RegistryKillTest {

    /** Kills per run; {@code -Dhwbridge.registry.kills=300} for a longer hunt. */
    private static final int KILLS = Integer.getInteger("hwbridge.registry.kills", 30);
    private static final long SEED = Long.getLong("hwbridge.registry.seed", 0x5EEDL);
    /** The kill lands this long (uniform) after the first put of a run. */
    private static final int MAX_KILL_DELAY_MILLIS = 250;
    private static final long READY_TIMEOUT_SECONDS = 30;

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @Test
    void aWriterKilledAtRandomMomentsAlwaysLeavesAStateItWrote() throws Exception {
        Random random = new Random(SEED);
        Path file = dataDir.resolve(AccountRegistry.FILE_NAME);
        long step = -1;
        long firstStep = -1;
        int killedMidWrite = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            int tempFilesBefore = tempFiles().size();
            Writer writer = Writer.start(dataDir, logs, kill);
            long committed;
            try {
                long ready = writer.awaitWriting();
                assertThat(ready).as("kill %d: the writer resumes from the state the last check saw", kill)
                        .isEqualTo(step);
                Thread.sleep(random.nextInt(MAX_KILL_DELAY_MILLIS + 1));
            } finally {
                committed = writer.kill();
            }

            assertThat(corruptFiles()).as("kill %d: nothing was moved aside", kill).isEmpty();
            List<AccountRecord> found = AccountRegistry.open(dataDir).list();
            assertThat(corruptFiles()).as("kill %d: the registry opens without moving the file aside", kill).isEmpty();
            Optional<Long> state = RegistryStates.stepOf(found);
            assertThat(state).as("kill %d: the registry is a state the writer wrote, not a mix; file:%n%s", kill,
                    Files.exists(file) ? Files.readString(file) : "(none)").isPresent();
            // The put in progress may have landed (renamed) before the kill, or not; nothing older.
            assertThat(state.get()).as("kill %d: committed up to step %d", kill, committed)
                    .isBetween(committed, committed + 1);
            if (tempFiles().size() > tempFilesBefore) {
                killedMidWrite++;
            }
            if (kill == 0) {
                firstStep = state.get();
            }
            step = state.get();
        }
        System.out.printf("registry kill test: %d kills (seed %d), %d steps written, %d kills left a temp file"
                + " (landed between create and rename)%n", KILLS, SEED, step + 1, killedMidWrite);
        assertThat(step).as("the writer made progress across the kills").isGreaterThan(firstStep);
        // With the writer busy writing all the time, some kills must land inside a write, or the
        // test tests nothing.
        assertThat(killedMidWrite).as("kills that landed inside a write").isPositive();
    }

    private List<Path> corruptFiles() throws IOException {
        return filesStartingWith(AccountRegistry.FILE_NAME + ".corrupt");
    }

    private List<Path> tempFiles() throws IOException {
        List<Path> temps = new ArrayList<>();
        for (Path path : filesStartingWith(AccountRegistry.FILE_NAME + ".")) {
            if (path.getFileName().toString().endsWith(".tmp")) {
                temps.add(path);
            }
        }
        return temps;
    }

    private List<Path> filesStartingWith(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(path -> path.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    /**
     * One {@link RegistryWriter} JVM. Its stdout goes to a file, not a pipe ({@link ChildProcess}):
     * what it wrote before the kill is all there afterwards, while a pipe's unread rest is lost
     * when the process is destroyed.
     */
    private static final class Writer {

        private static final Pattern LINE = Pattern.compile("(ready|committed) (-?\\d+)");
        /** Quick to start: the child only writes a file. */
        private static final List<String> JVM = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx64m");

        private final ChildProcess process;

        private Writer(ChildProcess process) {
            this.process = process;
        }

        static Writer start(Path dataDir, Path logs, int run) throws IOException {
            return new Writer(ChildProcess.start("writer-" + run,
                    Launchers.java(JVM, RegistryWriter.class.getName(), List.of(dataDir.toString())), logs));
        }

        /**
         * Waits until the writer has resumed and finished its first put (so the kill lands in
         * steady writing, not in class loading); returns the step it resumed from.
         */
        long awaitWriting() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
            List<Matcher> lines = lines();
            while (lines.size() < 2) {
                assertThat(System.nanoTime()).as("the writer to start writing; it printed %d lines", lines.size())
                        .isLessThan(deadline);
                assertThat(process.isAlive()).as("the writer died (exit %s) after %d lines",
                        process.isAlive() ? "" : process.exitValue(), lines.size()).isTrue();
                Thread.sleep(10);
                lines = lines();
            }
            assertThat(lines.get(0).group(1)).isEqualTo("ready");
            return Long.parseLong(lines.get(0).group(2));
        }

        /** SIGKILL, then the last step the writer reported committed (the resumed one if none). */
        long kill() throws IOException, InterruptedException {
            process.kill();
            long last = Long.MIN_VALUE;
            for (Matcher line : lines()) {
                last = Math.max(last, Long.parseLong(line.group(2)));
            }
            return last;
        }

        /** The complete lines so far; a line cut short by the kill names no finished write. */
        private List<Matcher> lines() throws IOException {
            String text = process.stdout();
            List<Matcher> complete = new ArrayList<>();
            int from = 0;
            for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
                String printed = text.substring(from, newline);
                Matcher line = LINE.matcher(printed);
                assertThat(line.matches()).as("a writer line: %s", printed).isTrue();
                complete.add(line);
                from = newline + 1;
            }
            return complete;
        }
    }
}
