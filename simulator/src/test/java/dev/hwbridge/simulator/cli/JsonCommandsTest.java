package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sr25519", "ed25519", "ecdsa"})
    void exportedFileImportsAsTheSameAccount(String scheme) throws IOException {
        Path uri = write(Vectors.devPhrase() + "//Alice\n");
        Path password = write("correct horse battery staple\n");
        String inspected = CliRun.of("inspect", "--scheme", scheme, "--uri-file", uri.toString()).succeeded().get(0);

        String exported = String.join("\n", CliRun.of("json-export", "--scheme", scheme, "--uri-file", uri.toString(),
                "--password-file", password.toString(), "--name", "Alice ✓").succeeded());
        JsonNode file = JSON.readTree(exported);
        String imported = CliRun.of("json-import", "--password-file", password.toString(), write(exported).toString())
                .succeeded().get(0);

        assertThat(imported).isEqualTo(inspected);
        assertThat(file.at("/encoding/content/1").asText()).isEqualTo(scheme);
        assertThat(file.at("/encoding/type/0").asText()).isEqualTo("scrypt");
        assertThat(file.at("/meta/name").asText()).isEqualTo("Alice ✓");
        assertThat(exported).doesNotContain("correct horse", Vectors.devPhrase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sr25519", "ed25519", "ecdsa"})
    void polkadotJsExportsImportAsTheirAccount(String scheme) throws IOException {
        JsonNode vector = Vectors.ROOT.at("/jsonExports/" + scheme);
        Path file = write(vector.get("toJsonEncrypted").toString());
        Path password = write(Vectors.ROOT.at("/constants/jsonPassword").asText());

        JsonNode imported = JSON.readTree(CliRun.of("json-import", "--password-file", password.toString(),
                file.toString()).succeeded().get(0));

        assertThat(imported.get("scheme").asText()).isEqualTo(scheme);
        assertThat(imported.get("network").asInt()).isEqualTo(42);
        assertThat(imported.get("publicKey").asText()).isEqualTo(vector.get("publicKey").asText());
        assertThat(imported.get("ss58Address").asText()).isEqualTo(vector.at("/reimport/address").asText());
    }

    @Test
    void importPrintsTheAddressOfTheRequestedNetwork() throws IOException {
        JsonNode vector = Vectors.ROOT.at("/jsonExports/sr25519");
        Path file = write(vector.get("toJsonUnencrypted").toString());
        Path emptyPassword = write("");
        String phrase = vector.get("suri").asText();
        String expected = JSON.readTree(CliRun.of("inspect", "--network", "polkadot", phrase).succeeded().get(0))
                .get("ss58Address").asText();

        JsonNode imported = JSON.readTree(CliRun.of("json-import", "--network", "polkadot",
                "--password-file", emptyPassword.toString(), file.toString()).succeeded().get(0));

        assertThat(imported.get("network").asInt()).isZero();
        assertThat(imported.get("ss58Address").asText()).isEqualTo(expected);
    }

    @Test
    void exportWritesTheAddressOfTheRequestedNetwork() throws IOException {
        Path uri = write(Vectors.devPhrase() + "//Alice");
        Path password = write("pw");

        JsonNode file = JSON.readTree(String.join("\n", CliRun.of("json-export", "--scheme", "sr25519",
                "--uri-file", uri.toString(), "--password-file", password.toString(), "--network", "polkadot")
                .succeeded()));

        assertThat(file.get("address").asText()).isEqualTo(Vectors.ROOT.at("/mnemonics/0/derivations/2/sr25519/addresses/0")
                .asText());
    }

    @Test
    void fileWhosePublicKeyIsNotItsSecretsIsRefused() throws IOException {
        // An unencrypted polkadot-js file with Alice's public key (and address) next to another secret.
        JsonNode vector = Vectors.ROOT.at("/jsonExports/sr25519/toJsonUnencrypted");
        byte[] body = Base64.getDecoder().decode(vector.get("encoded").asText());
        byte[] alice = Hex.fromHex(Vectors.ROOT.at("/ss58/publicKey").asText());
        System.arraycopy(alice, 0, body, body.length - alice.length, alice.length);
        ObjectNode forged = vector.deepCopy();
        forged.put("encoded", Base64.getEncoder().encodeToString(body));
        forged.put("address", Vectors.ROOT.at("/ss58/examples/4/address").asText());
        Path emptyPassword = write("");

        CliRun run = CliRun.of("json-import", "--password-file", emptyPassword.toString(), write(forged.toString()).toString())
                .isBadInputWithout();

        assertThat(run.err()).contains("does not belong");
    }

    @Test
    void wrongPasswordIsBadInputThatDoesNotRepeatIt() throws IOException {
        Path file = write(Vectors.ROOT.at("/jsonExports/ed25519/toJsonEncrypted").toString());

        CliRun.of("json-import", "--password-file", write("horse correct\n").toString(), file.toString())
                .isBadInputWithout("horse correct");
    }

    @Test
    void passwordFileLosesOneTrailingLineBreakOnly() throws IOException {
        Path file = write(Vectors.ROOT.at("/jsonExports/ed25519/toJsonEncrypted").toString());
        String password = Vectors.ROOT.at("/constants/jsonPassword").asText();

        CliRun.of("json-import", "--password-file", write(password + "\r\n").toString(), file.toString()).succeeded();
        CliRun.of("json-import", "--password-file", write(password + "\n\n").toString(), file.toString())
                .isBadInputWithout(password);
        CliRun.of("json-import", "--password-file", write(password + " \n").toString(), file.toString())
                .isBadInputWithout(password);
    }

    @Test
    void exportWithAnEmptyPasswordIsRefused() throws IOException {
        String uri = Vectors.devPhrase() + "//Alice";

        CliRun.of("json-export", "--scheme", "sr25519", "--uri-file", write(uri).toString(),
                "--password-file", write("\n").toString()).isBadInputWithout(uri);
    }

    @Test
    void exportNeedsExactlyOneUri() throws IOException {
        String phrase = Vectors.devPhrase();

        CliRun.of("json-export", "--scheme", "sr25519", "--uri-file", write(phrase + "\n" + phrase + "//1\n").toString(),
                "--password-file", write("pw").toString()).isBadInputWithout(phrase, "pw");
    }

    @Test
    void malformedJsonFileIsBadInput() throws IOException {
        Path password = write("pw");

        CliRun.of("json-import", "--password-file", password.toString(), write("{\"encoded\": 12").toString())
                .isBadInputWithout("pw");
        CliRun.of("json-import", "--password-file", password.toString(), write("[]").toString())
                .isBadInputWithout("pw");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("file" + System.nanoTime());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
