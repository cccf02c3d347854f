package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of bad input: exit status 2, one line on stderr, no secret in it. */
class BadInputTest {

    /** The dev phrase with its last word changed: a valid word, but the checksum fails. */
    private static final String BAD_CHECKSUM =
            "bottom drive obey lake curtain smoke basket hold race lonely fit fit";
    private static final String UNKNOWN_WORD =
            "bottom drive obey lake curtain smoke basket hold raze lonely fit walk";

    @TempDir
    Path dir;

    @Test
    void unknownWordIsNamedByPositionOnly() {
        CliRun run = CliRun.of("inspect", UNKNOWN_WORD).isBadInputWithout(UNKNOWN_WORD, "raze");

        assertThat(run.err()).contains("9");
    }

    @Test
    void badChecksumIsBadInput() throws IOException {
        CliRun.of("inspect", BAD_CHECKSUM).isBadInputWithout(BAD_CHECKSUM);
        CliRun.of("inspect", "--uri-file", write(BAD_CHECKSUM + "//Alice").toString()).isBadInputWithout(BAD_CHECKSUM);
    }

    @Test
    void wrongWordCountIsBadInput() {
        String thirteen = Vectors.devPhrase() + " walk";

        CliRun.of("inspect", thirteen).isBadInputWithout(thirteen);
    }

    @Test
    void softJunctionForASchemeWithoutSoftDerivationIsBadInput() {
        String uri = Vectors.devPhrase() + "//hard/soft";

        CliRun.of("inspect", "--scheme", "ed25519", uri).isBadInputWithout(Vectors.devPhrase());
        CliRun.of("inspect", "--scheme", "ecdsa", uri).isBadInputWithout(Vectors.devPhrase());
    }

    @Test
    void malformedPathIsBadInput() {
        String uri = Vectors.devPhrase() + "//";

        CliRun.of("inspect", uri).isBadInputWithout(Vectors.devPhrase());
    }

    @Test
    void malformedHexSeedIsBadInput() {
        String seed = "0x" + "ab".repeat(31) + "zz";

        CliRun.of("inspect", seed).isBadInputWithout(seed);
    }

    @Test
    void missingDirectoryAndNonUtf8FilesAreBadInput() throws IOException {
        Path missing = dir.resolve("no such file");
        Path latin1 = dir.resolve("latin1");
        Files.write(latin1, new byte[] {'c', (byte) 0xe9, '\n'});

        CliRun.of("inspect", "--uri-file", missing.toString()).isBadInputWithout();
        CliRun.of("inspect", "--uri-file", dir.toString()).isBadInputWithout();
        CliRun.of("inspect", "--uri-file", latin1.toString()).isBadInputWithout();
        CliRun.of("json-import", "--password-file", missing.toString(), latin1.toString()).isBadInputWithout();
        CliRun.of("json-import", "--password-file", latin1.toString(), missing.toString()).isBadInputWithout();
    }

    @Test
    void emptyUriFileIsBadInput() throws IOException {
        CliRun.of("inspect", "--uri-file", write("").toString()).isBadInputWithout();
    }

    @Test
    void oversizedUriFileIsRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("big");
        Files.write(big, new byte[InputFiles.MAX_URI_FILE_BYTES + 1]);

        CliRun.of("inspect", "--uri-file", big.toString()).isBadInputWithout();
    }

    @Test
    void pathNamedOnTheCommandLineIsNotRepeated() {
        // A secret typed where a path belongs must not come back in the error.
        String phrase = Vectors.devPhrase();

        CliRun.of("inspect", "--uri-file", phrase).isBadInputWithout(phrase);
    }

    @Test
    void usageErrorsAreOneLineWithoutTheArguments() {
        String phrase = Vectors.devPhrase();

        // an unquoted phrase: picocli would list the extra words
        CliRun.of(("inspect " + phrase).split(" ")).isBadInputWithout(phrase);
        // a misspelt option carrying a password
        CliRun.of("inspect", "--pasword=hunter22", phrase).isBadInputWithout(phrase, "hunter22");
        CliRun.of("inspect", "--scheme", "rsa", phrase).isBadInputWithout(phrase);
        CliRun.of("inspect", "--network", "mars", phrase).isBadInputWithout(phrase);
        CliRun.of("inspect", "--network", "46", phrase).isBadInputWithout(phrase);
        CliRun.of("inspect").isBadInputWithout();
        CliRun.of("sign", "--scheme", "sr25519", "--message-hex", "0x00").isBadInputWithout();
        CliRun.of("frobnicate", phrase).isBadInputWithout(phrase);
        CliRun.of().isBadInputWithout();
    }

    @Test
    void helpIsNotAnError() {
        CliRun run = CliRun.of("inspect", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--uri-file", "--password", "--network", "--scheme");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("file" + System.nanoTime());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
