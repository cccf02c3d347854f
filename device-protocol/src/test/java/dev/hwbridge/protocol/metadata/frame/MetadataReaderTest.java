package dev.hwbridge.protocol.metadata.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.Refusals;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.SyntheticMetadata;
import dev.hwbridge.protocol.metadata.SyntheticMetadata.Ext;
import dev.hwbridge.protocol.metadata.SyntheticMetadata.F;
import dev.hwbridge.protocol.metadata.SyntheticMetadata.V;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataReaderTest {

    static List<MetadataVectors.Digest> acceptedBlobs() {
        return MetadataVectors.acceptedDigests();
    }

    private static MetadataError refusal(byte[] input) {
        return Refusals.codeOf(() -> MetadataReader.read(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBlobs")
    void readsRealChainsMetadataWrappedOrBare(MetadataVectors.Digest vector) {
        RuntimeMetadata wrapped = MetadataReader.read(vector.metadata());
        RuntimeMetadata bare = MetadataReader.read(MetadataVectors.bare(vector.metadata()));

        assertThat(wrapped.version()).isEqualTo(vector.json().get("metadataVersion").asInt());
        assertThat(bare.types().size()).isEqualTo(wrapped.types().size()).isPositive();
        assertThat(wrapped.extrinsic().versions()).contains(4);
        assertThat(wrapped.extrinsic().signedExtensions()).extracting(SignedExtension::identifier)
                .contains("CheckNonce", "CheckMetadataHash");
        assertThat(wrapped.pallets()).extracting(Pallet::name).contains("System", "Balances");
    }

    @Test
    void metadataV14IsRefusedNamingV15() {
        byte[] v14 = MetadataVectors.metadata("kusama-v14.scale.gz");
        assertThatThrownBy(() -> MetadataReader.read(v14))
                .isInstanceOfSatisfying(MetadataException.class, e -> {
                    assertThat(e.code()).isEqualTo(MetadataError.UNSUPPORTED_VERSION);
                    assertThat(e.getMessage()).contains("V14").contains("V15");
                });
    }

    @Test
    void theRuntimeCallsNoneIsRefused() {
        assertThat(refusal(new byte[] {0})).isEqualTo(MetadataError.UNSUPPORTED_VERSION);
    }

    @Test
    void bytesWithoutTheMagicAreNotMetadata() {
        assertThat(refusal("nope".getBytes())).isEqualTo(MetadataError.UNSUPPORTED_VERSION);
        assertThat(refusal(new byte[0])).isEqualTo(MetadataError.UNSUPPORTED_VERSION);
        assertThat(refusal(new byte[] {'m', 'e', 't', 'a', 17})).isEqualTo(MetadataError.UNSUPPORTED_VERSION);
    }

    @Test
    void truncatedMetadataIsRefused() {
        byte[] bare = MetadataVectors.bare(MetadataVectors.metadata("polkadot-v15.scale.gz"));
        assertThat(refusal(Arrays.copyOf(bare, 5000))).isEqualTo(MetadataError.TRUNCATED);
        assertThat(refusal(Arrays.copyOf(bare, bare.length - 1))).isEqualTo(MetadataError.TRUNCATED);
    }

    @Test
    void bytesAfterTheMetadataAreRefused() {
        byte[] bare = MetadataVectors.bare(MetadataVectors.metadata("polkadot-v15.scale.gz"));
        assertThat(refusal(Arrays.copyOf(bare, bare.length + 1))).isEqualTo(MetadataError.TRAILING_BYTES);
        byte[] wrapped = MetadataVectors.metadata("polkadot-v15.scale.gz");
        assertThat(refusal(Arrays.copyOf(wrapped, wrapped.length + 1))).isEqualTo(MetadataError.TRAILING_BYTES);
    }

    @Test
    void metadataLargerThanTheBoundIsRefusedUnread() {
        assertThat(refusal(new byte[MetadataReader.MAX_METADATA_BYTES + 1])).isEqualTo(MetadataError.LIMIT_EXCEEDED);
    }

    @Test
    void v16KeepsTheExtensionsOfExtensionVersionZero() {
        SyntheticMetadata m = new SyntheticMetadata();
        int u8 = m.primitive(Primitive.U8);
        int call = m.variant(List.of("RuntimeCall"), new V("System", 0, List.of(new F(null, u8, "u8"))));
        byte[] bytes = m.build(16, false, "node", 7, 42, u8, call, u8,
                List.of(new Ext("CheckNonce", u8, u8), new Ext("CheckMetadataHash", u8, u8)));

        RuntimeMetadata metadata = MetadataReader.read(bytes);

        assertThat(metadata.version()).isEqualTo(16);
        assertThat(metadata.extrinsic().signedExtensions()).extracting(SignedExtension::identifier)
                .containsExactly("CheckNonce", "CheckMetadataHash");
        assertThat(metadata.constant("System", "SS58Prefix").value()).containsExactly(42, 0);
    }

    @Test
    void aTypeIdThatNamesNoTypeIsMalformed() {
        SyntheticMetadata m = new SyntheticMetadata();
        int u8 = m.primitive(Primitive.U8);
        int broken = m.composite(List.of("Broken"), new F("x", 999, null));
        byte[] bytes = m.build(15, true, "node", 1, 42, u8, broken, u8, List.of());
        assertThat(refusal(bytes)).isEqualTo(MetadataError.MALFORMED);
    }

    @Test
    void aMissingConstantIsAMissingItem() {
        SyntheticMetadata m = new SyntheticMetadata();
        int u8 = m.primitive(Primitive.U8);
        RuntimeMetadata metadata = MetadataReader.read(m.build(15, true, "node", 1, 42, u8, u8, u8, List.of()));
        assertThatThrownBy(() -> metadata.constant("Balances", "ExistentialDeposit"))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.MISSING_ITEM));
    }

    @Test
    void theFuzzSeedsAreTheSyntheticSampleAndMerkleize() throws Exception {
        String dir = "/dev/hwbridge/protocol/metadata/frame/MetadataReaderFuzzTestInputs/"
                + "anyBytesAreMetadataWithADigestOrAMetadataError/";
        byte[] v15;
        byte[] v16;
        try (var a = getClass().getResourceAsStream(dir + "synthetic-v15-wrapped");
                var b = getClass().getResourceAsStream(dir + "synthetic-v16-bare")) {
            v15 = a.readAllBytes();
            v16 = b.readAllBytes();
        }
        assertThat(v15).isEqualTo(SyntheticMetadata.sample(15, true));
        assertThat(v16).isEqualTo(SyntheticMetadata.sample(16, false));
        assertThat(Merkleizer.of(v15, 12, "UNIT").leaves()).isNotEmpty();
        assertThat(Merkleizer.of(v16, 12, "UNIT").leaves()).isNotEmpty();
    }
}
