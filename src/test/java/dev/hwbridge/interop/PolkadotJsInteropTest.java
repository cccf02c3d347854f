package dev.hwbridge.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.testkit.process.SimulatorCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our signer against the real polkadot-js, both as separate processes: our simulator command line
 * ({@code java -jar simulator.jar}) and node with @polkadot/keyring and @polkadot/util-crypto 14.0.3
 * from {@code src/interop}. Fixed URIs plus random ones each run; the seed is in every failure message.
 */
@DisabledIfSystemProperty(named = "hwbridge.interop.skip", matches = "true")
class PolkadotJsInteropTest {

    private static final long SEED = new SecureRandom().nextLong();

    @TempDir
    static Path scratch;

    private static SimulatorCli simulator;
    private static PolkadotJs polkadotJs;

    private final TestAccounts accounts = new TestAccounts(SEED);

    @BeforeAll
    static void startingPoint() {
        polkadotJs = PolkadotJs.locate(scratch);
        simulator = SimulatorCli.locate(scratch);
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void signaturesWeMakeVerifyInPolkadotJsAndFailForAnotherMessage(KeyScheme scheme) {
        List<String> uris = accounts.uris(scheme);
        Path uriFile = write("uris", String.join("\n", uris) + "\n");
        List<String> publicKeys = inspect(scheme, uris).stream().map(line -> json(line).get("publicKey").asText()).toList();
        byte[] message = accounts.message();
        List<String> signatures = simulator.lines("sign", "--scheme", scheme.id(), "--uri-file", uriFile.toString(),
                "--message-hex", Hex.toHex(message));
        assertThat(signatures).hasSameSizeAs(uris);

        byte[] otherMessage = message.length == 0 ? new byte[] {1} : flipFirstBit(message);
        ArrayNode cases = PolkadotJs.JSON.createArrayNode();
        for (int i = 0; i < uris.size(); i++) {
            cases.add(verifyCase(scheme, publicKeys.get(i), message, signatures.get(i)));
            cases.add(verifyCase(scheme, publicKeys.get(i), otherMessage, signatures.get(i)));
        }
        List<JsonNode> results = polkadotJs.run("verify.mjs", cases);

        for (int i = 0; i < uris.size(); i++) {
            JsonNode signed = results.get(2 * i);
            JsonNode other = results.get(2 * i + 1);
            String which = scheme + " URI #" + i + " (seed " + SEED + ")";
            assertThat(signed.get("signatureVerify").asBoolean()).as("signatureVerify, %s", which).isTrue();
            assertThat(signed.get("crypto").asText()).as("detected scheme, %s", which).isEqualTo(scheme.id());
            assertThat(signed.get("schemeVerify").asBoolean()).as("%sVerify, %s", scheme, which).isTrue();
            assertThat(other.get("signatureVerify").asBoolean()).as("other message, %s", which).isFalse();
            assertThat(other.get("schemeVerify").asBoolean()).as("other message, %s", which).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void jsonFilesWeExportOpenInPolkadotJsAsTheSameAccount(KeyScheme scheme) {
        List<String> uris = accounts.fewUris(scheme);
        List<String> passwords = List.of(accounts.password(), "0xc0ffee");
        List<String> inspected = inspect(scheme, uris);
        ArrayNode cases = PolkadotJs.JSON.createArrayNode();
        for (int i = 0; i < uris.size(); i++) {
            Path uriFile = write("uri", uris.get(i) + "\n");
            Path passwordFile = write("password", passwords.get(i) + "\n");
            String exported = String.join("\n", simulator.lines("json-export", "--scheme", scheme.id(),
                    "--uri-file", uriFile.toString(), "--password-file", passwordFile.toString(), "--name", "interop " + i));
            cases.addObject().put("password", passwords.get(i)).set("json", json(exported));
        }
        List<JsonNode> results = polkadotJs.run("decrypt.mjs", cases);

        for (int i = 0; i < uris.size(); i++) {
            JsonNode opened = results.get(i);
            JsonNode ours = json(inspected.get(i));
            String which = scheme + " URI #" + i + " (seed " + SEED + ")";
            assertThat(opened.get("type").asText()).as("type, %s", which).isEqualTo(scheme.id());
            assertThat(opened.get("isLocked").asBoolean()).as("locked after decodePkcs8, %s", which).isFalse();
            assertThat(opened.get("address").asText()).as("address, %s", which)
                    .isEqualTo(ours.get("ss58Address").asText());
            assertThat(opened.get("publicKey").asText()).as("public key, %s", which)
                    .isEqualTo(ours.get("publicKey").asText());
            assertThat(opened.get("signs").asBoolean()).as("the decrypted secret signs for its key, %s", which).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void accountsAndJsonFilesOfPolkadotJsAreOursToo(KeyScheme scheme) {
        List<String> uris = accounts.uris(scheme);
        // Files for two URIs only: each costs a scrypt N=2^17 on both sides.
        int fixedWithPassword = 1;
        int lastRandom = uris.size() - 1;
        String[] passwords = new String[uris.size()];
        passwords[fixedWithPassword] = "0xc0ffee";
        passwords[lastRandom] = accounts.password();
        ArrayNode cases = PolkadotJs.JSON.createArrayNode();
        for (int i = 0; i < uris.size(); i++) {
            ObjectNode exportCase = cases.addObject().put("scheme", scheme.id()).put("uri", uris.get(i));
            if (passwords[i] != null) {
                exportCase.put("password", passwords[i]);
            }
        }
        List<JsonNode> theirs = polkadotJs.run("export.mjs", cases);

        // Our inspect of the same URIs gives polkadot-js's accounts.
        List<String> inspected = inspect(scheme, uris);
        for (int i = 0; i < uris.size(); i++) {
            String which = scheme + " URI #" + i + " (seed " + SEED + ")";
            assertThat(json(inspected.get(i)).get("ss58Address").asText()).as("inspect address, %s", which)
                    .isEqualTo(theirs.get(i).get("address").asText());
            assertThat(json(inspected.get(i)).get("publicKey").asText()).as("inspect public key, %s", which)
                    .isEqualTo(theirs.get(i).get("publicKey").asText());
        }

        // Their files open with our json-import as the same account.
        for (int i : new int[] {fixedWithPassword, lastRandom}) {
            String which = scheme + " URI #" + i + " (seed " + SEED + ")";
            Path jsonFile = write("account", theirs.get(i).get("json").toString());
            Path passwordFile = write("password", passwords[i] + "\n");
            JsonNode imported = json(simulator.lines("json-import", "--password-file", passwordFile.toString(),
                    jsonFile.toString()).get(0));
            assertThat(imported.get("scheme").asText()).as("scheme, %s", which).isEqualTo(scheme.id());
            assertThat(imported.get("network").asInt()).as("network, %s", which).isEqualTo(42);
            assertThat(imported.get("ss58Address").asText()).as("address, %s", which)
                    .isEqualTo(theirs.get(i).get("address").asText());
            assertThat(imported.get("publicKey").asText()).as("public key, %s", which)
                    .isEqualTo(theirs.get(i).get("publicKey").asText());
        }
    }

    private static List<String> inspect(KeyScheme scheme, List<String> uris) {
        Path uriFile = write("uris", String.join("\n", uris) + "\n");
        List<String> lines = simulator.lines("inspect", "--scheme", scheme.id(), "--uri-file", uriFile.toString());
        assertThat(lines).as("one inspect line per URI").hasSameSizeAs(uris);
        return lines;
    }

    private static ObjectNode verifyCase(KeyScheme scheme, String publicKey, byte[] message, String signature) {
        return PolkadotJs.JSON.createObjectNode().put("scheme", scheme.id()).put("publicKey", publicKey)
                .put("message", Hex.toHex(message)).put("signature", signature);
    }

    private static byte[] flipFirstBit(byte[] message) {
        byte[] other = message.clone();
        other[0] ^= 1;
        return other;
    }

    private static JsonNode json(String text) {
        try {
            return PolkadotJs.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static Path write(String prefix, String content) {
        try {
            Path file = Files.createTempFile(scratch, prefix, ".txt");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
