package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Junk in every input the command line reads: a result or bad input, never a crash or two error lines. */
class CommandLineProperties {

    @Property(tries = 300)
    void junkSecretUriIsAnAccountOrBadInput(@ForAll @StringLength(max = 80) String junk) {
        CliRun run = CliRun.of("inspect", "--", junk);

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isIn(ExitCodes.OK, ExitCodes.BAD_INPUT);
        if (run.exitCode() == ExitCodes.OK) {
            assertThat(run.outLines()).hasSize(1);
        } else {
            assertThat(run.err().lines().count()).isEqualTo(1);
            if (junk.strip().length() >= 8) {
                assertThat(run.err()).doesNotContain(junk.strip());
            }
        }
    }

    @Property(tries = 200)
    void junkArgumentsGiveAtMostOneErrorLine(@ForAll @Size(max = 6) List<@StringLength(max = 20) String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isIn(ExitCodes.OK, ExitCodes.INVALID_SIGNATURE, ExitCodes.BAD_INPUT);
        assertThat(run.err().lines().count()).isLessThanOrEqualTo(1);
    }

    @Property(tries = 50)
    void junkJsonFileIsBadInput(@ForAll @StringLength(max = 300) String junk) {
        Path file = temp(junk);
        Path password = temp("pw");
        try {
            CliRun.of("json-import", "--password-file", password.toString(), file.toString()).isBadInputWithout("pw");
        } finally {
            delete(file);
            delete(password);
        }
    }

    @Property(tries = 50)
    void junkVerifyInputIsInvalidOrBadInput(@ForAll @StringLength(max = 40) String publicKey,
                                            @ForAll @StringLength(max = 40) String signature) {
        CliRun run = CliRun.of("verify", "--scheme", "sr25519", "--public", publicKey, "--message-hex", "0x",
                "--signature", signature);

        assertThat(run.exitCode()).isIn(ExitCodes.INVALID_SIGNATURE, ExitCodes.BAD_INPUT);
    }

    private static Path temp(String content) {
        try {
            Path file = Files.createTempFile("cli-property", ".txt");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
