package dev.hwbridge.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The RFC-0078 vectors of {@code src/vectors/metadata} on the test class path: real chains'
 * metadata (Option-wrapped V15/V16 as the runtime call gives it, and Kusama's V14) and what
 * {@code @polkadot-api/merkleize-metadata} made of them ({@code digests.json}, {@code proofs.json}).
 */
public final class ChainVectors {

    public static final String POLKADOT = "polkadot-v15.scale.gz";
    public static final String KUSAMA = "kusama-v15.scale.gz";
    public static final String KUSAMA_V14 = "kusama-v14.scale.gz";
    public static final String ASSET_HUB_POLKADOT = "asset-hub-polkadot-v15.scale.gz";
    public static final String SUBSTRATE_V16 = "substrate-v16.scale.gz";
    /** The real chains' genesis hashes (proofs.json has them too). */
    public static final String POLKADOT_GENESIS = "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
    public static final String KUSAMA_GENESIS = "0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, byte[]> METADATA = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private ChainVectors() {
    }

    /** The metadata bytes of one blob, as the runtime call gives them. */
    public static byte[] metadata(String file) {
        return METADATA.computeIfAbsent(file, name -> {
            try (InputStream in = new GZIPInputStream(resource(name))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).clone();
    }

    /** The entry of digests.json for one blob. */
    public static JsonNode digest(String file) {
        for (JsonNode entry : document("digests.json")) {
            if (entry.get("file").asText().equals(file)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("no digest for " + file);
    }

    /** The entry of proofs.json of that name. */
    public static JsonNode proof(String name) {
        for (JsonNode entry : document("proofs.json")) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("no proof case " + name);
    }

    private static JsonNode document(String name) {
        return DOCUMENTS.computeIfAbsent(name, n -> {
            try (InputStream in = resource(n)) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream resource(String name) {
        InputStream in = ChainVectors.class.getResourceAsStream("/metadata/" + name);
        if (in == null) {
            throw new IllegalStateException("/metadata/" + name + " is not on the test class path (src/vectors/metadata)");
        }
        return in;
    }
}
