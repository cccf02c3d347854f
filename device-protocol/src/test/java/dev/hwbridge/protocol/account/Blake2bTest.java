package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Blake2bTest {

    // RFC 7693 appendix A: BLAKE2b-512("abc").
    private static final String ABC_512 = "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923";

    @Test
    void hash512MatchesRfc7693() {
        assertThat(Hex.toHex(Blake2b.hash512("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC_512);
    }

    @Test
    void hash256HasTheDigestLengthInItsParameterBlockNotATruncation() {
        // Reference BLAKE2b-256 of the empty input.
        assertThat(Hex.toHex(Blake2b.hash256()))
                .isEqualTo("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(Blake2b.hash256(new byte[] {1})).hasSize(32)
                .isNotEqualTo(java.util.Arrays.copyOf(Blake2b.hash512(new byte[] {1}), 32));
    }

    @Test
    void partsAreHashedAsTheirConcatenation() {
        byte[] a = {1, 2, 3};
        byte[] b = {4, 5};
        assertThat(Blake2b.hash256(a, b)).isEqualTo(Blake2b.hash256(new byte[] {1, 2, 3, 4, 5}));
        assertThat(Blake2b.hash512(a, new byte[0], b)).isEqualTo(Blake2b.hash512(new byte[] {1, 2, 3, 4, 5}));
    }

    @Test
    void hash256OfEcdsaKeysGivesThePolkadotJsAccountIds() {
        int checked = 0;
        for (var derivation : Vectors.derivations()) {
            var ecdsa = derivation.get("ecdsa");
            if (ecdsa.has("accountId")) {
                assertThat(Blake2b.hash256(Vectors.hex(ecdsa.get("publicKey"))))
                        .isEqualTo(Vectors.hex(ecdsa.get("accountId")));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }
}
