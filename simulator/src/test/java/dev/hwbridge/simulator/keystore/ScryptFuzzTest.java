package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * scrypt with arbitrary parameters, as a JSON file could state them were ScryptParams not in
 * front: either {@link Scrypt#check} refuses them, or what they cost is within the bounds; those
 * cheap enough to run give BouncyCastle's output where BouncyCastle can compute it (its SCrypt
 * throws for r above {@value #BOUNCY_CASTLE_MAX_R}; ScryptTest checks such a case against OpenSSL).
 */
class ScryptFuzzTest {

    private static final int BOUNCY_CASTLE_MAX_R = 512;

    @FuzzTest
    void anyParametersDeriveOrAreRefusedBeforeAllocating(FuzzedDataProvider data) {
        int n = data.consumeInt();
        int r = data.consumeInt();
        int p = data.consumeInt();
        int dkLen = data.consumeInt();
        byte[] salt = data.consumeBytes(data.consumeInt(0, 100));
        byte[] password = data.consumeRemainingAsBytes();
        try {
            Scrypt.check(n, r, p, dkLen);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(Integer.bitCount(n)).isEqualTo(1);
        assertThat(128L * r * n).isLessThanOrEqualTo(Scrypt.MAX_MEMORY_BYTES);
        assertThat(128L * r * p).isLessThanOrEqualTo(Scrypt.MAX_PBKDF2_BYTES);
        assertThat((long) dkLen).isBetween(1L, Scrypt.MAX_PBKDF2_BYTES);
        if ((long) n * r * p <= 1 << 14 && dkLen <= 1 << 12) {
            byte[] output = Scrypt.derive(password, salt, n, r, p, dkLen);
            assertThat(output).hasSize(dkLen);
            if (r <= BOUNCY_CASTLE_MAX_R) {
                assertThat(output).isEqualTo(SCrypt.generate(password, salt, n, r, p, dkLen));
            }
        }
    }
}
