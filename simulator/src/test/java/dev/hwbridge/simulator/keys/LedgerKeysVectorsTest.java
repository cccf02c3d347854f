package dev.hwbridge.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import dev.hwbridge.simulator.bip39.Bip39Seed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys and signatures of Ledger's Polkadot app against polkadot-js ({@code /ledger.json}, made by
 * {@code src/interop/ledger-vectors.mjs}): {@code hdLedger} for ed25519, {@code hdEthereum} for ecdsa.
 */
class LedgerKeysVectorsTest {

    private static final JsonNode ROOT = load();

    static List<JsonNode> vectors() {
        List<JsonNode> out = new ArrayList<>();
        ROOT.get("vectors").forEach(out::add);
        return out;
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("vectors")
    void theBip39SeedIsPolkadotJss(JsonNode vector) {
        assertThat(Hex.toHex(Bip39Seed.of(vector.get("phrase").asText(), ""))).isEqualTo(vector.get("bip39Seed").asText());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("vectors")
    void ed25519KeysAndSignaturesAreHdLedgers(JsonNode vector) {
        JsonNode expected = vector.get("ed25519");
        try (LedgerKeys keys = keys(vector, LedgerScheme.ED25519)) {
            assertThat(Hex.toHex(keys.publicKey())).isEqualTo(expected.get("publicKey").asText());
            assertThat(Ss58.encode(keys.publicKey(), Ss58Prefix.of(0))).isEqualTo(expected.get("address0").asText());
            // the app answers 0x00 (the ed25519 scheme byte) ‖ the signature
            assertThat(Hex.toHex(keys.sign(message("messageShort")))).isEqualTo("0x00" + expected.get("signatureShort").asText().substring(2));
            assertThat(Hex.toHex(keys.sign(message("messageLong")))).isEqualTo("0x00" + expected.get("signatureLong").asText().substring(2));
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("vectors")
    void ecdsaKeysAddressesAndSignaturesAreHdEthereums(JsonNode vector) {
        JsonNode expected = vector.get("ecdsa");
        try (LedgerKeys keys = keys(vector, LedgerScheme.ECDSA)) {
            assertThat(Hex.toHex(keys.publicKey())).isEqualTo(expected.get("publicKey").asText());
            assertThat(Hex.toHex(keys.ethereumAddress())).isEqualTo(expected.get("ethereumAddress").asText());
            assertThat(Hex.toHex(keys.sign(message("messageShort")))).isEqualTo(expected.get("signatureShort").asText());
            assertThat(Hex.toHex(keys.sign(message("messageLong")))).isEqualTo(expected.get("signatureLong").asText());
        }
    }

    private static LedgerKeys keys(JsonNode vector, LedgerScheme scheme) {
        byte[] seed = Bip39Seed.of(vector.get("phrase").asText(), "");
        return LedgerKeys.derive(seed, scheme, LedgerPath.parse(vector.get("path").asText()));
    }

    private static byte[] message(String name) {
        return Hex.fromHex(ROOT.get(name).asText());
    }

    private static JsonNode load() {
        try (InputStream in = LedgerKeysVectorsTest.class.getResourceAsStream("/ledger.json")) {
            if (in == null) {
                throw new IllegalStateException("/ledger.json is not on the test class path (src/vectors)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
