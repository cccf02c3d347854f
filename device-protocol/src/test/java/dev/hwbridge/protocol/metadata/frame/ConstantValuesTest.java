package dev.hwbridge.protocol.metadata.frame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.SyntheticMetadata;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConstantValuesTest {

    static List<MetadataVectors.Digest> acceptedBlobs() {
        return MetadataVectors.acceptedDigests();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBlobs")
    void specNameVersionAndPrefixAreThoseOfTheChain(MetadataVectors.Digest vector) {
        RuntimeMetadata metadata = MetadataReader.read(vector.metadata());

        ConstantValues.SpecVersion version = ConstantValues.specVersion(metadata);

        assertThat(version.specName()).isEqualTo(vector.json().get("specName").asText());
        assertThat(version.specVersion()).isEqualTo(vector.json().get("specVersion").asLong());
        assertThat(ConstantValues.ss58Prefix(metadata)).isEqualTo(vector.json().get("base58Prefix").asInt());
    }

    @Test
    void fieldsBeforeAndAfterTheSpecAreSkippedByTheirTypes() {
        // Real RuntimeVersion has apis (a Vec of tuples) and more after spec_version; the synthetic one
        // has nothing else, so this checks the two fields are found by name, not by position.
        SyntheticMetadata m = new SyntheticMetadata();
        int u8 = m.primitive(Primitive.U8);
        RuntimeMetadata metadata = MetadataReader.read(
                m.build(15, false, "tiny", 4_000_001L, 16_383, u8, u8, u8, List.of()));

        assertThat(ConstantValues.specVersion(metadata)).isEqualTo(new ConstantValues.SpecVersion("tiny", 4_000_001L));
        assertThat(ConstantValues.ss58Prefix(metadata)).isEqualTo(16_383);
    }
}
