package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EthereumAddressTest {

    /** The test cases of EIP-55 itself (eips.ethereum.org/EIPS/eip-55). */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void writesTheEip55ChecksumCaseOfTheSpecsVectors(String checksummed) {
        byte[] address = EthereumAddress.parse(checksummed.toLowerCase(Locale.ROOT));

        assertThat(EthereumAddress.encode(address)).isEqualTo(checksummed);
        assertThat(EthereumAddress.parse(checksummed)).isEqualTo(address);
    }

    @Test
    void readsAllLowerAndAllUpperCaseWithoutAChecksum() {
        byte[] lower = EthereumAddress.parse("0x52908400098527886e0f7030069857d2e4169ee7");
        byte[] upper = EthereumAddress.parse("0x52908400098527886E0F7030069857D2E4169EE7");

        assertThat(upper).isEqualTo(lower).hasSize(EthereumAddress.LENGTH);
    }

    @Test
    void refusesMixedCaseThatIsNotTheChecksum() {
        // One letter of an EIP-55 vector in the other case: a mistyped address.
        assertThatThrownBy(() -> EthereumAddress.parse("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).code()).isEqualTo(FormatError.BAD_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "0x 5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe"})
    void refusesWhatIsNot0xAndFortyHexDigits(String text) {
        assertThatThrownBy(() -> EthereumAddress.parse(text))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).code()).isEqualTo(FormatError.INVALID_ADDRESS);
    }

    /** polkadot-js's hdEthereum keys and ethereumEncode addresses of the Ledger vectors (src/vectors/ledger.json). */
    @Test
    void theAddressOfAKeyIsPolkadotJsEthereumEncodeOfIt() throws IOException {
        JsonNode vectors = ledgerVectors();
        int checked = 0;
        for (JsonNode vector : vectors.get("vectors")) {
            JsonNode ecdsa = vector.get("ecdsa");
            byte[] key = Hex.fromHex(ecdsa.get("publicKey").asText());

            String address = EthereumAddress.encode(EthereumAddress.ofPublicKey(key));

            assertThat(address.toLowerCase(Locale.ROOT)).isEqualTo(ecdsa.get("ethereumAddress").asText());
            assertThat(EthereumAddress.parse(address)).isEqualTo(EthereumAddress.ofPublicKey(key));
            checked++;
        }
        assertThat(checked).isEqualTo(20);
    }

    @Test
    void aKeyOffTheCurveIsRefused() {
        byte[] key = new byte[33];
        key[0] = 0x02;
        key[32] = 0x07;

        assertThatThrownBy(() -> EthereumAddress.ofPublicKey(key)).isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> EthereumAddress.ofPublicKey(new byte[32]))
                .extracting(e -> ((FormatException) e).code()).isEqualTo(FormatError.INVALID_LENGTH);
    }

    private static JsonNode ledgerVectors() throws IOException {
        try (InputStream in = EthereumAddressTest.class.getResourceAsStream("/ledger.json")) {
            assertThat(in).as("/ledger.json on the test class path (src/vectors)").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
