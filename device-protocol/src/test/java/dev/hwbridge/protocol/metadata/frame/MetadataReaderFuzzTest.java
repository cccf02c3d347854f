package dev.hwbridge.protocol.metadata.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import java.util.EnumSet;

/**
 * Reads arbitrary bytes as runtime metadata and merkleizes what it accepts, as the host does with
 * whatever a node (or a file) hands it.
 */
class MetadataReaderFuzzTest {

    private static final EnumSet<MetadataError> READ_ERRORS = EnumSet.of(MetadataError.TRUNCATED,
            MetadataError.MALFORMED, MetadataError.LIMIT_EXCEEDED, MetadataError.UNSUPPORTED_VERSION,
            MetadataError.TRAILING_BYTES, MetadataError.MISSING_ITEM);

    @FuzzTest
    void anyBytesAreMetadataWithADigestOrAMetadataError(byte[] input) {
        RuntimeMetadata metadata;
        try {
            metadata = MetadataReader.read(input);
        } catch (MetadataException refused) {
            assertThat(refused.code()).isIn(READ_ERRORS);
            return;
        }
        assertThat(metadata.version()).isBetween(15, 16);
        for (int id = 0; id < metadata.types().size(); id++) {
            assertThat(metadata.types().get(id).id()).isEqualTo(id);
        }
        try {
            Merkleizer merkleizer = Merkleizer.of(metadata, 12, "UNIT");
            assertThat(merkleizer.metadataHash()).hasSize(32)
                    .isEqualTo(Merkleizer.of(metadata, 12, "UNIT").metadataHash());
        } catch (MetadataException refused) {
            assertThat(refused.code()).isIn(READ_ERRORS);
        }
    }
}
