package dev.hwbridge.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.types.SignedExtensionMetadata;

/**
 * polkadot-js {@code SignerPayloadJSON}s of the RFC-0078 reference cases ({@code proofs.json}):
 * the members as {@code SignerPayload.toPayload()} writes them, with the chain's signed
 * extensions as its metadata lists them.
 */
public final class VectorPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorPayloads() {
    }

    /** The case's metadata, merkleized with its decimals and symbol. */
    public static Merkleizer merkleizer(JsonNode vector) {
        return Merkleizer.of(ChainVectors.metadata(vector.get("file").asText()), vector.get("decimals").asInt(),
                vector.get("tokenSymbol").asText());
    }

    /** The signer payload of a case, for {@code address}. */
    public static ObjectNode signerPayload(JsonNode vector, Merkleizer merkleizer, String address) {
        JsonNode e = vector.get("extensions");
        ObjectNode p = JSON.createObjectNode();
        p.put("address", address);
        p.put("blockHash", e.get("blockHash").asText());
        p.put("blockNumber", "0x00000000");
        p.put("era", e.get("eraHex").asText());
        p.put("genesisHash", e.get("genesisHash").asText());
        p.put("metadataHash", e.get("metadataHash").asText());
        p.put("method", vector.get("callHex").asText());
        p.put("mode", e.get("mode").asInt());
        p.put("nonce", "0x" + Long.toHexString(e.get("nonce").asLong()));
        p.put("specVersion", "0x" + Long.toHexString(e.get("specVersion").asLong()));
        p.put("tip", "0x" + new java.math.BigInteger(e.get("tip").asText()).toString(16));
        p.put("transactionVersion", "0x" + Long.toHexString(e.get("transactionVersion").asLong()));
        if (e.has("assetIdHex")) {
            p.put("assetId", e.get("assetIdHex").asText());
        }
        var names = p.putArray("signedExtensions");
        for (SignedExtensionMetadata extension : merkleizer.extrinsicMetadata().signedExtensions()) {
            names.add(extension.identifier());
        }
        p.put("version", 4);
        return p;
    }
}
