package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** One in-process run of the simulator command line, with what it wrote to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SimulatorMain.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** Asserts success and returns the stdout lines. */
    List<String> succeeded() {
        assertThat(exitCode).as("exit status; stderr: %s", err).isZero();
        assertThat(err).isEmpty();
        return outLines();
    }

    /**
     * Asserts the bad-input contract: status 2, nothing on stdout, exactly one line on stderr, and
     * none of the secrets in it, neither whole nor any of their words (case-insensitive).
     */
    CliRun isBadInputWithout(String... secrets) {
        assertThat(exitCode).as("exit status; stderr: %s", err).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out).isEmpty();
        assertThat(err.lines().toList()).as("stderr lines").hasSize(1);
        String lowerErr = err.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertThat(lowerErr).as("stderr repeats a secret").doesNotContain(secret.toLowerCase(Locale.ROOT));
            for (String word : secret.split("[\\s/]+")) {
                if (word.length() >= 3) {
                    assertThat(Pattern.compile("\\b" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "\\b")
                            .matcher(lowerErr).find())
                            .as("stderr %s repeats the secret word %s", err, word).isFalse();
                }
            }
        }
        return this;
    }
}
