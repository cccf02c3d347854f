package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.util.Pack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** scrypt against the test vectors of RFC 7914 and OpenSSL, and its parameter checks. */
class ScryptTest {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 7914 §8: the Salsa20/8 core. */
    @Test
    void theSalsa20Over8CoreGivesTheRfcOutput() {
        int[] words = new int[16];
        Pack.littleEndianToInt(HEX.parseHex("7e879a214f3ec9867ca940e641718f26baee555b8c61c1b50df846116dcd3b1d"
                + "ee24f319df9b3d8514121e4b5ac5aa3276021d2909c74829edebc68db8b8c25e"), 0, words);

        Scrypt.salsa8(words);

        assertThat(HEX.formatHex(Pack.intToLittleEndian(words))).isEqualTo(
                "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29"
                        + "b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f81");
    }

    /**
     * RFC 7914 §12, all four vectors. The last takes 1 GiB (N = 2^20, r = 8) and about 3 s
     * alone on the build machine; it runs with the others.
     */
    @ParameterizedTest(name = "N={2}, r={3}, p={4}")
    @CsvSource({
        "'', '', 16, 1, 1, 77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906",
        "password, NaCl, 1024, 8, 16, fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
        "pleaseletmein, SodiumChloride, 16384, 8, 1, 7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887",
        "pleaseletmein, SodiumChloride, 1048576, 8, 1, 2101cb9b6a511aaeaddbbe09cf70f881ec568d574a2ffd4dabe5ee9820adaa47"
                + "8e56fd8f4ba5d09ffa1c6d927c40f4c337304049e8a952fbcbf45c6fa77a41a4"
    })
    void theRfcVectorsComeOut(String password, String salt, int n, int r, int p, String expected) {
        byte[] output = Scrypt.derive(password.getBytes(StandardCharsets.US_ASCII), salt.getBytes(StandardCharsets.US_ASCII),
                n, r, p, 64);

        assertThat(HEX.formatHex(output)).isEqualTo(expected);
    }

    /**
     * BouncyCastle's SCrypt throws ArrayIndexOutOfBoundsException for r above 512 (found by
     * ScryptFuzzTest); OpenSSL, through node's crypto.scryptSync, gives these bytes.
     */
    @Test
    void aBlockSizeBouncyCastleCannotRunGivesOpenSslsOutput() {
        byte[] output = Scrypt.derive(new byte[0], new byte[0], 16, 513, 1, 58);

        assertThat(HEX.formatHex(output)).isEqualTo("0f1bf2a56479486bb51e5d5c41e128ef8c6c9bb43c9ffcf793fc3fa3902d28d5"
                + "01cc0f0a03131bd8aec8815c747f1283615691ceb0ad9339ce95");
    }

    @ParameterizedTest(name = "N={0}, r={1}, p={2}, dkLen={3}")
    @CsvSource({
        "0, 8, 1, 64", "1, 8, 1, 64", "3, 8, 1, 64", "-2147483648, 8, 1, 64", "1536, 8, 1, 64",
        // N must stay below 2^(16·r).
        "65536, 1, 1, 64",
        "16, 0, 1, 64", "16, 1, 0, 64", "16, -1, 1, 64", "16, 8, -1, 64",
        "16, 8, 1, 0", "16, 8, 1, -1",
        // V of 2 GiB, B of 512 MiB, 2^31 r: refused before anything is allocated.
        "2097152, 8, 1, 64", "16, 1, 4194304, 64", "16, 2147483647, 1, 64", "1073741824, 2147483647, 2147483647, 64",
        "16, 1, 1, 1073741824",
        // 2^28 output bytes are 2^31 bits: an int count of bits would turn negative.
        "16, 1, 1, 268435456", "16, 1, 2097152, 64"
    })
    void parametersOutsideTheRfcOrTheMemoryBoundAreRefused(int n, int r, int p, int dkLen) {
        assertThatThrownBy(() -> Scrypt.derive(new byte[1], new byte[1], n, r, p, dkLen))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "N={0}, p={1}, r={2}")
    @CsvSource({"32768, 3, 8", "32768, 1, 8", "65536, 2, 8", "131072, 1, 8"})
    void everySetPolkadotJsAcceptsIsWithinTheBounds(int n, int p, int r) {
        ScryptParams accepted = ScryptParams.check(n, p, r);

        Scrypt.check(accepted.n(), accepted.r(), accepted.p(), ScryptKdf.OUTPUT_LENGTH);
    }
}
