package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JunctionTest {

    @Test
    void everyJunctionVectorHasThePolkadotJsChainCode() {
        int checked = 0;
        for (JsonNode vector : Vectors.root().get("junctions")) {
            assertMatches(vector);
            checked++;
        }
        assertThat(checked).isEqualTo(14);
    }

    @Test
    void everyPerPathJunctionInTheDerivationsMatches() {
        int checked = 0;
        for (JsonNode derivation : Vectors.derivations()) {
            for (JsonNode vector : derivation.get("junctions")) {
                assertMatches(vector);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void numbersAreLittleEndianEvenAbove2To64() {
        assertThat(chainCode("18446744073709551615")).isEqualTo(padded("0xffffffffffffffff"));
        assertThat(chainCode("18446744073709551616")).isEqualTo(padded("0x000000000000000001"));
        assertThat(chainCode("007")).isEqualTo(padded("0x07"));
        assertThat(chainCode("0")).isEqualTo(new byte[32]);
    }

    @Test
    void theLargestNumberFillsAll32Bytes() {
        String max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).toString();
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        assertThat(chainCode(max)).isEqualTo(allOnes);
        assertThat(chainCode("000" + max)).isEqualTo(allOnes);
    }

    @Test
    void numbersOf2To256OrMoreAreRefusedAsInPolkadotJs() {
        assertInvalidPath(BigInteger.ONE.shiftLeft(256).toString());
        assertInvalidPath("9".repeat(100));
        assertInvalidPath("1" + "0".repeat(Junction.MAX_TEXT_LENGTH - 1));
    }

    @Test
    void hexTextGivesItsRawBytes() {
        assertThat(chainCode("0x0102")).isEqualTo(padded("0x0102"));
        assertThat(chainCode("0xABcd")).isEqualTo(padded("0xabcd"));
        assertThat(chainCode("0x")).isEqualTo(new byte[32]);
        byte[] exactly32 = new byte[32];
        Arrays.fill(exactly32, (byte) 0x5a);
        assertThat(chainCode(Hex.toHex(exactly32))).isEqualTo(exactly32);
    }

    @Test
    void hexLongerThan32BytesIsHashed() {
        byte[] raw = new byte[33];
        Arrays.fill(raw, (byte) 0x11);
        assertThat(chainCode(Hex.toHex(raw))).isEqualTo(Blake2b.hash256(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x123", "0X12", "0xzz", "x12"})
    void textThatIsNotPolkadotJsHexIsAString(String text) {
        assertThat(chainCode(text)).isEqualTo(stringChainCode(text));
    }

    @Test
    void stringsGetACompactLengthPrefix() {
        // //Alice: 5 bytes, compact 5 << 2 = 0x14.
        assertThat(chainCode("Alice")).isEqualTo(padded("0x14416c696365"));
        // 31 bytes + 1 length byte fit exactly; 32 bytes + 1 do not and are hashed.
        String a31 = "a".repeat(31);
        byte[] expected = new byte[32];
        expected[0] = 31 << 2;
        Arrays.fill(expected, 1, 32, (byte) 'a');
        assertThat(chainCode(a31)).isEqualTo(expected);
        byte[] a32 = new byte[33];
        a32[0] = (byte) (32 << 2);
        Arrays.fill(a32, 1, 33, (byte) 'a');
        assertThat(chainCode("a".repeat(32))).isEqualTo(Blake2b.hash256(a32));
    }

    @Test
    void stringsOf64BytesOrMoreUseTheTwoByteCompactMode() {
        String s = "b".repeat(64);
        byte[] encoded = new byte[66];
        encoded[0] = 0x01; // 64 << 2 | 0b01 = 0x0101, little-endian
        encoded[1] = 0x01;
        Arrays.fill(encoded, 2, 66, (byte) 'b');
        assertThat(chainCode(s)).isEqualTo(Blake2b.hash256(encoded));
    }

    @ParameterizedTest
    @CsvSource({"0, 0x00", "1, 0x04", "63, 0xfc", "64, 0x0101", "69, 0x1501", "16383, 0xfdff",
        "16384, 0x02000100", "1073741823, 0xfeffffff", "1073741824, 0x0300000040"})
    void compactLengthFollowsScale(int length, String hex) {
        assertThat(ChainCodes.compactLength(length)).isEqualTo(Hex.fromHex(hex));
    }

    @Test
    void textIsUtf8AndALoneSurrogateBecomesTheReplacementCharacterAsTextEncoderWrites() {
        assertThat(chainCode("é")).isEqualTo(padded("0x08c3a9"));
        assertThat(chainCode("\uD83D\uDE00")).isEqualTo(padded("0x10f09f9880"));
        assertThat(chainCode("a\uD83Db")).isEqualTo(padded("0x1461efbfbd62"));
        assertThat(chainCode("\uDE00")).isEqualTo(padded("0x0cefbfbd"));
    }

    @Test
    void onlyAsciiDigitsMakeANumber() {
        // Arabic-Indic one: JavaScript's \d does not match it, so it is a string.
        assertThat(chainCode("\u0661")).isEqualTo(padded("0x08d9a1"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a/b", "/", "//x"})
    void emptyOrSlashedTextIsInvalidPath(String text) {
        assertInvalidPath(text);
    }

    @Test
    void textLongerThanThePathBoundIsInvalidPath() {
        assertThat(Junction.parse("x".repeat(Junction.MAX_TEXT_LENGTH), true).text()).hasSize(Junction.MAX_TEXT_LENGTH);
        assertInvalidPath("x".repeat(Junction.MAX_TEXT_LENGTH + 1));
    }

    @Test
    void keepsTextAndHardnessAndPrintsAsWritten() {
        Junction hard = Junction.parse("polkadot", true);
        Junction soft = Junction.parse("0", false);
        assertThat(hard.text()).isEqualTo("polkadot");
        assertThat(hard.hard()).isTrue();
        assertThat(hard).hasToString("//polkadot").isEqualTo(Junction.parse("polkadot", true))
                .isNotEqualTo(Junction.parse("polkadot", false));
        assertThat(soft).hasToString("/0");
        assertThat(soft.hard()).isFalse();
    }

    private static void assertMatches(JsonNode vector) {
        String written = vector.get("junction").asText();
        boolean hard = vector.get("isHard").asBoolean();
        Junction junction = Junction.parse(written.substring(hard ? 2 : 1), hard);
        assertThat(junction.hard()).isEqualTo(hard);
        assertThat(junction).hasToString(written);
        assertThat(junction.chainCode()).as(written).isEqualTo(Vectors.hex(vector.get("chainCode")));
    }

    private static byte[] chainCode(String text) {
        return Junction.parse(text, true).chainCode();
    }

    private static byte[] padded(String hex) {
        return Arrays.copyOf(Hex.fromHex(hex), 32);
    }

    private static byte[] stringChainCode(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[32];
        out[0] = (byte) (bytes.length << 2);
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    private static void assertInvalidPath(String text) {
        assertThatThrownBy(() -> Junction.parse(text, false))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_PATH));
    }
}
