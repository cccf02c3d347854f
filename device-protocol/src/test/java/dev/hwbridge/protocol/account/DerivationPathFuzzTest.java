package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Parses arbitrary text as a derivation path and as one junction, as the daemon does with the
 * path of every derive or sign call.
 */
class DerivationPathFuzzTest {

    @FuzzTest
    void anyTextParsesToAPathThatPrintsBackOrIsAFormatError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            DerivationPath path = DerivationPath.parse(text);
            assertThat(path).hasToString(text);
            assertThat(DerivationPath.parse(path.toString())).isEqualTo(path);
            assertThat(path.junctions()).hasSizeLessThanOrEqualTo(DerivationPath.MAX_JUNCTIONS)
                    .allSatisfy(junction -> assertThat(junction.chainCode()).hasSize(Junction.CHAIN_CODE_LENGTH));
        } catch (FormatException refused) {
            assertThat(refused.code()).isEqualTo(FormatError.INVALID_PATH);
        }
        for (boolean hard : new boolean[] {true, false}) {
            try {
                Junction junction = Junction.parse(text, hard);
                assertThat(junction).hasToString((hard ? "//" : "/") + text);
                assertThat(junction.chainCode()).hasSize(Junction.CHAIN_CODE_LENGTH);
                if (junction.toString().length() <= DerivationPath.MAX_LENGTH) {
                    assertThat(DerivationPath.parse(junction.toString()).junctions()).containsExactly(junction);
                }
            } catch (FormatException refused) {
                assertThat(refused.code()).isEqualTo(FormatError.INVALID_PATH);
            }
        }
    }
}
