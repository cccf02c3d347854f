package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignVerifyCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sr25519", "ed25519", "ecdsa"})
    void signatureVerifiesAndFailsForAnotherMessageOrKey(String scheme) throws IOException {
        String phrase = Vectors.devPhrase();
        Path uris = write(phrase + "//Alice\n" + phrase + "//Bob\n");
        String message = "0x" + "ab".repeat(300);
        List<String> keys = CliRun.of("inspect", "--scheme", scheme, "--uri-file", uris.toString()).succeeded();
        String alice = publicKey(keys.get(0));
        String bob = publicKey(keys.get(1));

        List<String> signatures = CliRun.of("sign", "--scheme", scheme, "--uri-file", uris.toString(),
                "--message-hex", message).succeeded();

        assertThat(signatures).hasSize(2);
        assertThat(verify(scheme, alice, message, signatures.get(0))).isEqualTo(ExitCodes.OK);
        assertThat(verify(scheme, bob, message, signatures.get(1))).isEqualTo(ExitCodes.OK);
        assertThat(verify(scheme, bob, message, signatures.get(0))).isEqualTo(ExitCodes.INVALID_SIGNATURE);
        assertThat(verify(scheme, alice, "0x" + "ab".repeat(299) + "aa", signatures.get(0)))
                .isEqualTo(ExitCodes.INVALID_SIGNATURE);
    }

    @Test
    void ed25519AndEcdsaSignaturesEqualPolkadotJsByteForByte() throws IOException {
        for (JsonNode vector : Vectors.ROOT.get("signatures")) {
            Path uri = write(vector.get("suri").asText());
            String message = vector.get("message").asText();
            for (String scheme : List.of("ed25519", "ecdsa")) {
                List<String> signature = CliRun.of("sign", "--scheme", scheme, "--uri-file", uri.toString(),
                        "--message-hex", message).succeeded();

                assertThat(signature).as(scheme).containsExactly(vector.get(scheme).get("signature").asText());
            }
        }
    }

    @Test
    void polkadotJsSr25519SignaturesVerify() {
        for (JsonNode vector : Vectors.ROOT.get("signatures")) {
            JsonNode sr25519 = vector.get("sr25519");
            String message = vector.get("message").asText();
            String publicKey = sr25519.get("publicKey").asText();

            assertThat(verify("sr25519", publicKey, message, sr25519.get("sampleSignature").asText()))
                    .isEqualTo(ExitCodes.OK);
            assertThat(verify("sr25519", publicKey, message, sr25519.get("deterministicSignatureZeroRng").asText()))
                    .isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void emptyMessageCanBeSignedAndVerified() throws IOException {
        Path uri = write(Vectors.devPhrase());
        String signature = CliRun.of("sign", "--scheme", "sr25519", "--uri-file", uri.toString(), "--message-hex", "0x")
                .succeeded().get(0);
        String key = publicKey(CliRun.of("inspect", "--uri-file", uri.toString()).succeeded().get(0));

        assertThat(verify("sr25519", key, "0x", signature)).isEqualTo(ExitCodes.OK);
    }

    @Test
    void wellFormedHexOfTheWrongLengthIsAnInvalidSignature() {
        JsonNode vector = Vectors.ROOT.at("/signatures/0/ed25519");

        assertThat(verify("ed25519", vector.get("publicKey").asText() + "00",
                Vectors.ROOT.at("/signatures/0/message").asText(), vector.get("signature").asText()))
                .isEqualTo(ExitCodes.INVALID_SIGNATURE);
        assertThat(verify("ed25519", vector.get("publicKey").asText(),
                Vectors.ROOT.at("/signatures/0/message").asText(), "0x1234"))
                .isEqualTo(ExitCodes.INVALID_SIGNATURE);
    }

    @Test
    void malformedHexIsBadInput() throws IOException {
        JsonNode vector = Vectors.ROOT.at("/signatures/0/ed25519");
        String message = Vectors.ROOT.at("/signatures/0/message").asText();
        String phrase = Vectors.devPhrase();

        CliRun.of("verify", "--scheme", "ed25519", "--public", "0x12g4", "--message-hex", message,
                "--signature", vector.get("signature").asText()).isBadInputWithout();
        CliRun.of("verify", "--scheme", "ed25519", "--public", vector.get("publicKey").asText(),
                "--message-hex", "abcd", "--signature", vector.get("signature").asText()).isBadInputWithout();
        CliRun.of("sign", "--scheme", "ed25519", "--uri-file", write(phrase).toString(), "--message-hex", "0x123")
                .isBadInputWithout(phrase);
    }

    private static int verify(String scheme, String publicKey, String message, String signature) {
        CliRun run = CliRun.of("verify", "--scheme", scheme, "--public", publicKey, "--message-hex", message,
                "--signature", signature);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(run.exitCode() == ExitCodes.OK ? "valid\n" : "invalid\n");
        return run.exitCode();
    }

    private static String publicKey(String inspectLine) {
        return inspectLine.replaceAll(".*\"publicKey\":\"(0x[0-9a-f]+)\".*", "$1");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("file" + System.nanoTime());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
