package dev.hwbridge.protocol.metadata.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetadataDigestTest {

    @Test
    void theDigestIsVariantOneThenTheHashesThenTheExtraInformation() {
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) 0xaa);
        byte[] extrinsic = new byte[32];
        Arrays.fill(extrinsic, (byte) 0xbb);
        MetadataDigest digest = new MetadataDigest(root, extrinsic, new ExtraInfo(1009002, "kusama", 2, 12, "KSM"));

        assertThat(Hex.toHex(digest.encode())).isEqualTo("0x01" + "aa".repeat(32) + "bb".repeat(32)
                + "6a650f00" + "186b7573616d61" + "0200" + "0c" + "0c4b534d");
        assertThat(digest.hash()).isEqualTo(Blake3.hash(digest.encode()));
    }

    @Test
    void blake3IsTheReferenceHash() {
        // BLAKE3 of the empty input (the reference implementation's test vector).
        assertThat(Hex.toHex(Blake3.hash(new byte[0])))
                .isEqualTo("0xaf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    }
}
