package dev.hwbridge.daemon.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Hex;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void fingerprintIsBlake2b256OfThePublicKey() {
        // RFC 7693 BLAKE2b-256 of the empty input.
        assertThat(Fingerprint.of(new byte[0]))
                .isEqualTo("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        byte[] key = Hex.fromHex("0x" + "01".repeat(32));
        assertThat(Fingerprint.of(key)).matches("0x[0-9a-f]{64}").isEqualTo(Fingerprint.of(key.clone()));
        assertThat(Fingerprint.of(key)).isNotEqualTo(Fingerprint.of(Hex.fromHex("0x" + "02".repeat(32))));
    }

    @Test
    void reservedPathIsAHardOnlyPath() {
        DerivationPath path = DerivationPath.parse(Fingerprint.RESERVED_PATH);

        assertThat(path.junctions()).hasSize(2).allMatch(junction -> junction.hard());
        assertThat(path.hasSoftJunction()).isFalse();
    }
}
