package dev.hwbridge.simulator.bip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MiniSecretTest {

    /** Every mnemonic × every password ("", "pass", "Substrate") of the polkadot-js vectors. */
    static Stream<Arguments> polkadotJsMiniSecrets() throws IOException {
        JsonNode root = MnemonicTest.read(MiniSecretTest.class.getResourceAsStream("/polkadot-js.json"));
        List<Arguments> vectors = new ArrayList<>();
        for (JsonNode mnemonic : root.get("mnemonics")) {
            Iterator<Map.Entry<String, JsonNode>> secrets = mnemonic.get("miniSecret").fields();
            while (secrets.hasNext()) {
                Map.Entry<String, JsonNode> secret = secrets.next();
                vectors.add(Arguments.of(mnemonic.get("name").asText(), mnemonic.get("phrase").asText(),
                        secret.getKey(), secret.getValue().asText().substring(2)));
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0} password \"{2}\"")
    @MethodSource("polkadotJsMiniSecrets")
    void miniSecretMatchesPolkadotJs(String name, String phrase, String password, String expectedHex) {
        byte[] entropy = Mnemonic.toEntropy(phrase);
        assertThat(Hex.toHexString(MiniSecret.fromEntropy(entropy, password))).isEqualTo(expectedHex);
    }

    @Test
    void devPhraseGivesTheWellKnownDevSeed() {
        byte[] entropy = Mnemonic.toEntropy("bottom drive obey lake curtain smoke basket hold race lonely fit walk");
        assertThat(Hex.toHexString(MiniSecret.fromEntropy(entropy, (String) null)))
                .isEqualTo("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    }

    @Test
    void passwordIsUsedAsGivenWithoutNormalisation() {
        byte[] entropy = new byte[16];
        // "é" precomposed (NFC) and decomposed (NFD) are different passwords for substrate-bip39.
        assertThat(MiniSecret.fromEntropy(entropy, "\u00e9"))
                .isNotEqualTo(MiniSecret.fromEntropy(entropy, "e\u0301"))
                .isEqualTo(MiniSecret.fromEntropy(entropy, "\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void entropyOfAnUnsupportedLengthIsRejected() {
        assertThatThrownBy(() -> MiniSecret.fromEntropy(new byte[15], ""))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_SECRET);
    }
}
