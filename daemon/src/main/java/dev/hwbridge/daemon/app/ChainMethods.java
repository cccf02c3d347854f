package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.chain.ChainRecord;
import dev.hwbridge.daemon.chain.ChainStore;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chain.addMetadata}, {@code chain.list} and {@code chain.forget}: the chains' metadata the
 * daemon keeps so that it can make RFC-0078 proofs for the device ({@link ChainStore}).
 */
final class ChainMethods implements MethodGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ChainMethods.class);

    /** Token symbols are a few letters ("DOT", "KSM", "USDt"). */
    static final int MAX_TOKEN_SYMBOL = 32;
    private static final int MAX_METADATA_HEX = 2 + 2 * ChainStore.MAX_METADATA_BYTES;

    private final ChainStore store;
    private final Clock clock;

    ChainMethods(ChainStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new LinkedHashMap<>();
        methods.put("chain.addMetadata", this::addMetadata);
        methods.put("chain.list", this::list);
        methods.put("chain.forget", this::forget);
        return methods;
    }

    /**
     * {@code {genesisHash, metadata, tokenDecimals, tokenSymbol}} → {@code {genesisHash, specName,
     * specVersion, ss58Format, metadataHash}}.
     */
    private JsonNode addMetadata(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("genesisHash", "metadata", "tokenDecimals", "tokenSymbol"));
        String genesisHash = genesisHash(params);
        String text = params.text("metadata", MAX_METADATA_HEX);
        if (!Hex.isHex(text)) {
            throw Params.invalid("metadata", "must be 0x-hex");
        }
        int decimals = params.integer("tokenDecimals", 0, 255);
        String symbol = params.text("tokenSymbol", MAX_TOKEN_SYMBOL);
        if (symbol.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw Params.invalid("tokenSymbol", "must be printable, without spaces");
        }
        byte[] metadata = Hex.fromHex(text);
        Merkleizer merkleizer;
        try {
            merkleizer = Merkleizer.of(metadata, decimals, symbol);
        } catch (MetadataException e) {
            throw Params.invalid("metadata", "is not usable: " + e.getMessage());
        }
        ExtraInfo info = merkleizer.extraInfo();
        ChainRecord record;
        try {
            record = new ChainRecord(genesisHash, info.specVersion(), info.specName(), info.base58Prefix(),
                    Hex.toHex(merkleizer.metadataHash()), decimals, symbol, clock.instant());
        } catch (IllegalArgumentException e) {
            throw Params.invalid("metadata", "has a spec name the daemon does not keep: " + e.getMessage());
        }
        try {
            store.add(record, metadata);
        } catch (UncheckedIOException e) {
            LOG.error("cannot write the chain store", e);
            throw new RpcException(RpcError.INTERNAL_ERROR, "the chain store cannot be written; see the daemon log");
        }
        return summary(record);
    }

    /** {@code {}} → every stored runtime, without its metadata. */
    private JsonNode list(RpcClient client, JsonNode raw) throws RpcException {
        Params.of(raw, Set.of());
        ArrayNode chains = JsonNodeFactory.instance.arrayNode();
        for (ChainRecord record : store.list()) {
            chains.add(summary(record).put("tokenDecimals", record.tokenDecimals())
                    .put("tokenSymbol", record.tokenSymbol()));
        }
        return chains;
    }

    /** {@code {genesisHash, specVersion}} → {@code {forgotten}}: whether it was stored. */
    private JsonNode forget(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("genesisHash", "specVersion"));
        String genesisHash = genesisHash(params);
        long specVersion = specVersion(params);
        boolean forgotten;
        try {
            forgotten = store.forget(genesisHash, specVersion);
        } catch (UncheckedIOException e) {
            LOG.error("cannot write the chain store", e);
            throw new RpcException(RpcError.INTERNAL_ERROR, "the chain store cannot be written; see the daemon log");
        }
        return JsonNodeFactory.instance.objectNode().put("forgotten", forgotten);
    }

    private static ObjectNode summary(ChainRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("genesisHash", record.genesisHash());
        node.put("specName", record.specName());
        node.put("specVersion", record.specVersion());
        node.put("ss58Format", record.ss58Format());
        node.put("metadataHash", record.metadataHash());
        return node;
    }

    /** A required 0x-hex 32-byte genesis hash, lower-cased. */
    static String genesisHash(Params params) throws RpcException {
        try {
            return ChainRecord.canonicalHash(params.text("genesisHash", 66));
        } catch (IllegalArgumentException e) {
            throw Params.invalid("genesisHash", "must be 32 bytes of 0x-hex");
        }
    }

    /** A required spec version, a u32. */
    static long specVersion(Params params) throws RpcException {
        JsonNode value = params.node("specVersion");
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < 0 || value.longValue() > 0xffff_ffffL) {
            throw Params.invalid("specVersion", "must be an integer 0..4294967295");
        }
        return value.longValue();
    }
}
