package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.chain.ChainStore;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.testing.ChainVectors;
import dev.hwbridge.protocol.account.Hex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chain.* with real chains' metadata: what is computed, stored, listed, forgotten and refused. */
class ChainMethodsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final Fixture fixture = new Fixture();

    @BeforeEach
    void start() {
        fixture.with(new ChainMethods(ChainStore.open(dataDir), CLOCK));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String params(String genesis, byte[] metadata, int decimals, String symbol) {
        ObjectNode params = Fixture.JSON.createObjectNode();
        params.put("genesisHash", genesis);
        params.put("metadata", Hex.toHex(metadata));
        params.put("tokenDecimals", decimals);
        params.put("tokenSymbol", symbol);
        return params.toString();
    }

    @Test
    void addingPolkadotsMetadataGivesTheDigestTheReferenceLibraryComputes() throws Exception {
        JsonNode digest = ChainVectors.digest(ChainVectors.POLKADOT);

        JsonNode result = fixture.call("chain.addMetadata", params(ChainVectors.POLKADOT_GENESIS.toUpperCase().replace("0X", "0x"),
                ChainVectors.metadata(ChainVectors.POLKADOT), 10, "DOT"));

        assertThat(result.toString()).isEqualTo("{\"genesisHash\":\"" + ChainVectors.POLKADOT_GENESIS
                + "\",\"specName\":\"polkadot\",\"specVersion\":2000000,\"ss58Format\":0,\"metadataHash\":\""
                + digest.get("metadataHash").asText() + "\"}");
    }

    @Test
    void theBareMetadataGivesTheSameHashAsTheOptionTheRuntimeCallWrapsItIn() throws Exception {
        byte[] wrapped = ChainVectors.metadata(ChainVectors.KUSAMA);
        // 0x01 (Some), then a four-byte compact length (the blob is over 2^14 bytes).
        assertThat(wrapped[0]).isEqualTo((byte) 1);
        assertThat(wrapped[1] & 3).isEqualTo(2);
        byte[] bare = Arrays.copyOfRange(wrapped, 5, wrapped.length);

        JsonNode result = fixture.call("chain.addMetadata", params(ChainVectors.KUSAMA_GENESIS, bare, 12, "KSM"));

        assertThat(result.get("metadataHash").asText())
                .isEqualTo(ChainVectors.digest(ChainVectors.KUSAMA).get("metadataHash").asText());
        assertThat(result.get("ss58Format").asInt()).isEqualTo(2);
    }

    @Test
    void listShowsEveryRuntimeWithoutItsMetadataAndSurvivesARestart() throws Exception {
        fixture.call("chain.addMetadata", params(ChainVectors.KUSAMA_GENESIS, ChainVectors.metadata(ChainVectors.KUSAMA),
                12, "KSM"));
        fixture.call("chain.addMetadata", params(ChainVectors.POLKADOT_GENESIS,
                ChainVectors.metadata(ChainVectors.POLKADOT), 10, "DOT"));

        Fixture restarted = new Fixture().with(new ChainMethods(ChainStore.open(dataDir), CLOCK));
        JsonNode list = restarted.call("chain.list", "{}");

        assertThat(list).hasSize(2);
        assertThat(list.get(0).toString()).isEqualTo("{\"genesisHash\":\"" + ChainVectors.POLKADOT_GENESIS
                + "\",\"specName\":\"polkadot\",\"specVersion\":2000000,\"ss58Format\":0,\"metadataHash\":\""
                + ChainVectors.digest(ChainVectors.POLKADOT).get("metadataHash").asText()
                + "\",\"tokenDecimals\":10,\"tokenSymbol\":\"DOT\"}");
        assertThat(list.get(1).get("specName").asText()).isEqualTo("kusama");
        restarted.close();
    }

    @Test
    void forgetRemovesOneRuntimeAndSaysWhetherItWasHeld() throws Exception {
        fixture.call("chain.addMetadata", params(ChainVectors.POLKADOT_GENESIS,
                ChainVectors.metadata(ChainVectors.POLKADOT), 10, "DOT"));
        String forget = "{\"genesisHash\":\"" + ChainVectors.POLKADOT_GENESIS + "\",\"specVersion\":";

        assertThat(fixture.call("chain.forget", forget + "1999999}").toString()).isEqualTo("{\"forgotten\":false}");
        assertThat(fixture.call("chain.forget", forget + "2000000}").toString()).isEqualTo("{\"forgotten\":true}");
        assertThat(fixture.call("chain.list", null)).isEmpty();
    }

    @Test
    void metadataV14IsRefusedSayingRfc0078NeedsV15() {
        RpcException e = fixture.fails("chain.addMetadata", params(ChainVectors.KUSAMA_GENESIS,
                ChainVectors.metadata(ChainVectors.KUSAMA_V14), 12, "KSM"), RpcError.INVALID_PARAMS);

        assertThat(e.data().get("field").asText()).isEqualTo("metadata");
        assertThat(e.getMessage()).contains("V14").contains("V15");
    }

    @Test
    void badParamsAreRefusedNamingTheField() {
        byte[] metadata = {1, 2, 3};
        Fixture.assertInvalidParam(() -> fixture.call("chain.addMetadata", params("0x1234", metadata, 10, "DOT")),
                "genesisHash");
        Fixture.assertInvalidParam(() -> fixture.call("chain.addMetadata",
                params(ChainVectors.POLKADOT_GENESIS, metadata, 10, "DOT")), "metadata");
        Fixture.assertInvalidParam(() -> fixture.call("chain.addMetadata", params(ChainVectors.POLKADOT_GENESIS,
                metadata, 10, "DOT").replace("0x010203", "meta")), "metadata");
        Fixture.assertInvalidParam(() -> fixture.call("chain.addMetadata",
                params(ChainVectors.POLKADOT_GENESIS, metadata, 256, "DOT")), "tokenDecimals");
        Fixture.assertInvalidParam(() -> fixture.call("chain.addMetadata",
                params(ChainVectors.POLKADOT_GENESIS, metadata, 10, "D T")), "tokenSymbol");
        Fixture.assertInvalidParam(() -> fixture.call("chain.addMetadata",
                params(ChainVectors.POLKADOT_GENESIS, metadata, 10, "DOT").replace("}", ",\"extra\":1}")), "extra");
        Fixture.assertInvalidParam(() -> fixture.call("chain.forget",
                "{\"genesisHash\":\"" + ChainVectors.POLKADOT_GENESIS + "\",\"specVersion\":4294967296}"), "specVersion");
    }
}
