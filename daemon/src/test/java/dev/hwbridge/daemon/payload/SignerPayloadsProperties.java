package dev.hwbridge.daemon.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.testing.JsonJunk;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class SignerPayloadsProperties {

    private static final List<String> EXTENSIONS;
    private static final ObjectNode TRANSFER;
    private static final ObjectNode RAW;

    static {
        List<String> extensions = new ArrayList<>(SignerPayloadsTest.POLKADOT_EXTENSIONS);
        extensions.add("CheckMetadataHash");
        extensions.add("ChargeAssetTxPayment");
        EXTENSIONS = List.copyOf(extensions);
        TRANSFER = SignerPayloadsTest.transferPayload(EXTENSIONS);
        RAW = TRANSFER.objectNode().put("address", SignerPayloadsTest.ALICE).put("data", "0x1234").put("type", "bytes");
    }

    private static final List<String> NAMES = List.of("address", "blockHash", "blockNumber", "era", "genesisHash",
            "method", "nonce", "signedExtensions", "specVersion", "tip", "transactionVersion", "version", "assetId",
            "mode", "metadataHash", "data", "type");
    private static final List<String> STRINGS = List.of(SignerPayloadsTest.ALICE, "0x00", "0xb502", "0x",
            "0x" + SignerPayloadsTest.GENESIS, "CheckNonce", "CheckMortality", "ChargeAssetTxPayment",
            "CheckMetadataHash", "bytes", "payload", "4", "0x04", "0x01", "0xffffffffffffffffffffffffffffffffff");

    @Property(tries = 1000)
    void randomPayloadsGiveARequestOrAnInvalidPayloadError(@ForAll("junk") JsonNode payload) {
        assertEncodedOrRefused(payload);
    }

    @Property(tries = 1000)
    void mutatedPayloadsGiveARequestOrAnInvalidPayloadError(@ForAll("mutated") JsonNode payload) {
        Statistics.collect(assertEncodedOrRefused(payload) ? "encoded" : "refused");
        Statistics.coverage(coverage -> coverage.check("encoded").count(count -> count > 0));
    }

    private static boolean assertEncodedOrRefused(JsonNode payload) {
        try {
            SigningRequest request = SignerPayloads.fromSignerPayload(payload);
            assertThat(request.payload()).isNotNull();
            return true;
        } catch (InvalidPayloadException e) {
            assertThat(e.field()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        return JsonJunk.values(NAMES, STRINGS);
    }

    @Provide
    Arbitrary<JsonNode> mutated() {
        return Arbitraries.oneOf(JsonJunk.mutations(TRANSFER, NAMES, STRINGS), JsonJunk.mutations(RAW, NAMES, STRINGS));
    }
}
