package dev.hwbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.proof.PayloadVerifier;
import dev.hwbridge.protocol.metadata.proof.ProofBuilder;
import dev.hwbridge.protocol.metadata.proof.ProofCodec;
import dev.hwbridge.protocol.metadata.render.RenderedTransaction;
import dev.hwbridge.protocol.metadata.render.TransactionRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RFC-0078 on Polkadot's metadata (the reference vectors' {@code polkadot-v15.scale.gz}, 467 KB)
 * and the vectors' {@code polkadot-transfer-keep-alive} payload, the same inputs
 * {@code src/bench/js/bench.mjs} gives {@code @polkadot-api/merkleize-metadata} 1.3.0:
 * <ul>
 *   <li>{@code digest}: read the metadata, build the type tree and its merkle root, hash the digest
 *       ({@code merkleizeMetadata(bytes, …).digest()});</li>
 *   <li>{@code proof}: the proof for the payload from metadata merkleized once
 *       ({@code getProofForExtrinsicPayload});</li>
 *   <li>{@code verifyAndDecode}: the signer's side: parse the proof, rebuild the root, check the
 *       payload's metadata hash, decode it with the proof's types and render the screen lines.
 *       No JS library does this; its reference is polkadot-js decoding the same payload with the
 *       whole metadata, as a hot wallet shows it.</li>
 * </ul>
 * Paths are relative to the repository root, where src/bench/run starts JMH.
 */
@State(Scope.Benchmark)
public class MetadataBenchmark {

    static final String METADATA = "src/vectors/metadata/polkadot-v15.scale.gz";
    static final String PROOFS = "src/vectors/metadata/proofs.json";
    static final String PAYLOAD_CASE = "polkadot-transfer-keep-alive";

    private byte[] metadata;
    private Merkleizer merkleizer;
    private byte[] payload;
    private byte[] proof;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(METADATA)))) {
            metadata = in.readAllBytes();
        }
        JsonNode vector = null;
        for (JsonNode entry : new ObjectMapper().readTree(Path.of(PROOFS).toFile())) {
            if (entry.get("name").asText().equals(PAYLOAD_CASE)) {
                vector = entry;
            }
        }
        if (vector == null) {
            throw new IllegalStateException(PAYLOAD_CASE + " is not in " + PROOFS);
        }
        merkleizer = Merkleizer.of(metadata, vector.get("decimals").asInt(), vector.get("tokenSymbol").asText());
        payload = Hex.fromHex(vector.get("payloadHex").asText());
        proof = ProofCodec.encode(ProofBuilder.forPayload(merkleizer, payload));
        if (!Hex.toHex(proof).equals(vector.get("proofHex").asText())) {
            throw new IllegalStateException("the benchmark's proof is not the reference library's");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] digest() {
        return Merkleizer.of(metadata, 10, "DOT").metadataHash();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] proof() {
        return ProofCodec.encode(ProofBuilder.forPayload(merkleizer, payload));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RenderedTransaction verifyAndDecode() {
        return TransactionRenderer.render(PayloadVerifier.verify(proof, payload, null));
    }
}
