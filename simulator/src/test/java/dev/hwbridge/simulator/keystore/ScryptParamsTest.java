package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScryptParamsTest {

    @Test
    void defaultIsWhatPolkadotJs14Writes() {
        JsonNode expected = Vectors.at("/constants/SCRYPT_DEFAULT_PARAMS");

        assertThat(ScryptParams.DEFAULT).isEqualTo(new ScryptParams(
                expected.get("N").asInt(), expected.get("p").asInt(), expected.get("r").asInt()));
    }

    @ParameterizedTest
    @CsvSource({"32768,3,8", "32768,1,8", "65536,2,8", "131072,1,8"})
    void theEffectiveAllowListIsAccepted(int n, int p, int r) {
        assertThat(ScryptParams.check(n, p, r)).isEqualTo(new ScryptParams(n, p, r));
    }

    @Test
    void listedTriplesWithPAboveFourAreRefusedAsPolkadotJsDoes() {
        // polkadot-js lists (8192,10,8) and (16384,5,8) but its safe-limit check runs first.
        for (JsonNode allowed : Vectors.at("/constants/SCRYPT_ALLOWED_PARAMS")) {
            int n = allowed.get("N").asInt();
            int p = allowed.get("p").asInt();
            int r = allowed.get("r").asInt();
            if (p > 4) {
                assertThatThrownBy(() -> ScryptParams.check(n, p, r))
                        .isInstanceOf(SignerException.class)
                        .hasMessageContaining("exceed safe limits");
            } else {
                assertThat(ScryptParams.check(n, p, r).n()).isEqualTo(n);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2097152,1,8, exceed safe limits",
        "131072,5,8, exceed safe limits",
        "131072,1,17, exceed safe limits",
        "-1,1,8, exceed safe limits",
        "131072,-1,8, exceed safe limits",
        "65536,1,8, are not accepted",
        "1048576,1,8, are not accepted",
        "16384,1,8, are not accepted",
        "0,0,0, are not accepted"
    })
    void anythingElseIsUnsupported(int n, int p, int r, String reason) {
        assertThatThrownBy(() -> ScryptParams.check(n, p, r))
                .isInstanceOfSatisfying(SignerException.class,
                        e -> assertThat(e.code()).isEqualTo(SignerError.UNSUPPORTED_JSON))
                .hasMessageContaining(reason);
    }

    @Test
    void theRecordConstructorChecksToo() {
        assertThatThrownBy(() -> new ScryptParams(1 << 30, 1, 8)).isInstanceOf(SignerException.class);
    }

    @Test
    void unsignedValuesFromAFileAreCheckedBeforeNarrowing() {
        // 2^32 + 32768 would narrow to an accepted int.
        assertThatThrownBy(() -> ScryptParams.fromUnsigned((1L << 32) + 32768, 1, 8))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("exceed safe limits");
        assertThat(ScryptParams.fromUnsigned(131072, 1, 8)).isEqualTo(ScryptParams.DEFAULT);
    }
}
