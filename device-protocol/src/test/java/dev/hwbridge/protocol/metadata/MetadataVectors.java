package dev.hwbridge.protocol.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.scale.ScaleReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The RFC-0078 reference vectors of {@code src/vectors/metadata} (on the test class path as
 * {@code /metadata/…}): real chains' metadata, the digests and the proofs that
 * {@code @polkadot-api/merkleize-metadata} 1.3.0 made of them. Loaded once, shared.
 */
public final class MetadataVectors {

    /** One entry of digests.json. */
    public record Digest(JsonNode json) {
        public String file() {
            return json.get("file").asText();
        }

        public boolean accepted() {
            return json.has("metadataHash");
        }

        public int decimals() {
            return json.get("decimals").asInt();
        }

        public String tokenSymbol() {
            return json.get("tokenSymbol").asText();
        }

        public byte[] bytes(String field) {
            return Hex.fromHex(json.get(field).asText());
        }

        public byte[] metadata() {
            return MetadataVectors.metadata(file());
        }

        public Merkleizer merkleizer() {
            return MetadataVectors.merkleizer(file(), decimals(), tokenSymbol());
        }

        @Override
        public String toString() {
            return file();
        }
    }

    /** One entry of proofs.json. */
    public record ProofCase(JsonNode json) {
        public String name() {
            return json.get("name").asText();
        }

        public byte[] payload() {
            return Hex.fromHex(json.get("payloadHex").asText());
        }

        public byte[] proof() {
            return Hex.fromHex(json.get("proofHex").asText());
        }

        public byte[] metadataHash() {
            return Hex.fromHex(json.get("metadataHash").asText());
        }

        public byte[] call() {
            return Hex.fromHex(json.get("callHex").asText());
        }

        public Merkleizer merkleizer() {
            return MetadataVectors.merkleizer(json.get("file").asText(), json.get("decimals").asInt(),
                    json.get("tokenSymbol").asText());
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, byte[]> METADATA = new ConcurrentHashMap<>();
    private static final Map<String, Merkleizer> MERKLEIZERS = new ConcurrentHashMap<>();

    private MetadataVectors() {
    }

    public static List<Digest> digests() {
        List<Digest> out = new ArrayList<>();
        read("/metadata/digests.json").forEach(node -> out.add(new Digest(node)));
        return out;
    }

    /** The digests of the blobs the library accepts (all but V14). */
    public static List<Digest> acceptedDigests() {
        return digests().stream().filter(Digest::accepted).toList();
    }

    /** The bare RuntimeMetadataPrefixed inside the runtime call's Option. */
    public static byte[] bare(byte[] wrapped) {
        ScaleReader in = new ScaleReader(wrapped);
        if (in.u8("option") != 1) {
            throw new IllegalArgumentException("not Option-wrapped");
        }
        int length = in.count("length", Integer.MAX_VALUE, 1);
        return Arrays.copyOfRange(wrapped, in.position(), in.position() + length);
    }

    public static List<ProofCase> proofs() {
        List<ProofCase> out = new ArrayList<>();
        read("/metadata/proofs.json").forEach(node -> out.add(new ProofCase(node)));
        return out;
    }

    public static ProofCase proof(String name) {
        return proofs().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no proof case " + name));
    }

    /** The blob's bytes, un-gzipped (a fresh copy). */
    public static byte[] metadata(String file) {
        return METADATA.computeIfAbsent(file, MetadataVectors::gunzip).clone();
    }

    public static Merkleizer merkleizer(String file, int decimals, String tokenSymbol) {
        return MERKLEIZERS.computeIfAbsent(file + "|" + decimals + "|" + tokenSymbol,
                key -> Merkleizer.of(metadata(file), decimals, tokenSymbol));
    }

    private static byte[] gunzip(String file) {
        try (InputStream in = resource("/metadata/" + file); GZIPInputStream gzip = new GZIPInputStream(in)) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String name) {
        try (InputStream in = resource(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MetadataVectors.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test class path (src/vectors/metadata)");
        }
        return in;
    }
}
