package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.generators.SCrypt;

/** Our scrypt against BouncyCastle's on random inputs and small parameters of every shape. */
class ScryptProperties {

    @Property(tries = 300)
    void agreesWithBouncyCastle(@ForAll @Size(max = 80) byte[] password, @ForAll @Size(max = 80) byte[] salt,
            @ForAll("costs") int n, @ForAll @IntRange(min = 1, max = 9) int r, @ForAll @IntRange(min = 1, max = 4) int p,
            @ForAll @IntRange(min = 1, max = 300) int dkLen) {
        assertThat(Scrypt.derive(password, salt, n, r, p, dkLen))
                .isEqualTo(SCrypt.generate(password, salt, n, r, p, dkLen));
    }

    @Provide
    Arbitrary<Integer> costs() {
        return Arbitraries.integers().between(1, 10).map(log -> 1 << log);
    }
}
