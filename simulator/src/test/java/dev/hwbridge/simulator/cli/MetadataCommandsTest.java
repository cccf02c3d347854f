package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** metadata-digest, metadata-proof and decode against the RFC-0078 reference vectors (src/vectors/metadata). */
class MetadataCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path files;

    static List<JsonNode> acceptedDigests() {
        List<JsonNode> out = new ArrayList<>();
        read("/metadata/digests.json").forEach(d -> {
            if (d.has("metadataHash")) {
                out.add(d);
            }
        });
        return out;
    }

    static List<JsonNode> proofs() {
        List<JsonNode> out = new ArrayList<>();
        read("/metadata/proofs.json").forEach(out::add);
        return out;
    }

    private static JsonNode proof(String name) {
        return proofs().stream().filter(p -> p.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedDigests")
    void theDigestLineIsTheReferenceLibrarys(JsonNode digest) throws IOException {
        CliRun run = CliRun.of("metadata-digest", "--metadata-file", rawFile(digest.get("file").asText()).toString(),
                "--decimals", digest.get("decimals").asText(), "--token-symbol", digest.get("tokenSymbol").asText());

        List<String> lines = run.succeeded();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).isEqualTo("{\"metadataHash\":\"" + digest.get("metadataHash").asText()
                + "\",\"specName\":\"" + digest.get("specName").asText()
                + "\",\"specVersion\":" + digest.get("specVersion").asLong()
                + ",\"base58Prefix\":" + digest.get("base58Prefix").asInt()
                + ",\"decimals\":" + digest.get("decimals").asInt()
                + ",\"tokenSymbol\":\"" + digest.get("tokenSymbol").asText() + "\"}");
    }

    @Test
    void hexTextMetadataGivesTheSameDigest() throws IOException {
        Path hex = files.resolve("kusama.hex");
        Files.writeString(hex, "0x" + HexFormat.of().formatHex(gunzip("kusama-v15.scale.gz")) + "\n");
        CliRun run = CliRun.of("metadata-digest", "--metadata-file", hex.toString(), "--decimals", "12",
                "--token-symbol", "KSM");
        assertThat(JSON.readTree(run.succeeded().get(0)).get("metadataHash").asText())
                .isEqualTo("0xa68d6a84e9038a47fc2d7edbdb0303d597a618273ae285d07d4191b3442a9af4");
    }

    @Test
    void metadataV14IsBadInputSayingV15IsNeeded() throws IOException {
        CliRun run = CliRun.of("metadata-digest", "--metadata-file", rawFile("kusama-v14.scale.gz").toString(),
                "--decimals", "12", "--token-symbol", "KSM").isBadInputWithout();
        assertThat(run.err()).contains("UNSUPPORTED_VERSION").contains("V15");
    }

    @Test
    void optionsOutOfRangeOrMissingAreBadInput() throws IOException {
        String file = rawFile("kusama-v15.scale.gz").toString();
        CliRun.of("metadata-digest", "--metadata-file", file, "--decimals", "256", "--token-symbol", "KSM")
                .isBadInputWithout();
        CliRun.of("metadata-digest", "--metadata-file", file, "--decimals", "12", "--token-symbol", "")
                .isBadInputWithout();
        CliRun.of("metadata-digest", "--metadata-file", file, "--token-symbol", "KSM").isBadInputWithout();
        CliRun.of("metadata-digest", "--metadata-file", files.resolve("missing").toString(), "--decimals", "12",
                "--token-symbol", "KSM").isBadInputWithout();
    }

    @Test
    void hexThatIsNotHexIsBadInput() throws IOException {
        Path bad = files.resolve("bad.hex");
        Files.writeString(bad, "0xzz");
        CliRun.of("metadata-digest", "--metadata-file", bad.toString(), "--decimals", "12", "--token-symbol", "KSM")
                .isBadInputWithout();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void theProofLineIsTheReferenceLibrarys(JsonNode vector) throws IOException {
        CliRun run = CliRun.of("metadata-proof", "--metadata-file", rawFile(vector.get("file").asText()).toString(),
                "--decimals", vector.get("decimals").asText(), "--token-symbol", vector.get("tokenSymbol").asText(),
                "--payload-hex", vector.get("payloadHex").asText());

        assertThat(run.succeeded()).containsExactly("{\"proof\":\"" + vector.get("proofHex").asText()
                + "\",\"metadataHash\":\"" + vector.get("metadataHash").asText() + "\"}");
    }

    @Test
    void aPayloadTheMetadataCannotDecodeIsBadInput() throws IOException {
        CliRun run = CliRun.of("metadata-proof", "--metadata-file", rawFile("kusama-v15.scale.gz").toString(),
                "--decimals", "12", "--token-symbol", "KSM", "--payload-hex", "0x").isBadInputWithout();
        assertThat(run.err()).contains("TRUNCATED");
    }

    @Test
    void decodePrintsTheCallAndItsScreenLines() throws IOException {
        JsonNode vector = proof("kusama-batch-all-transfers");
        CliRun run = CliRun.of("decode", "--proof-hex", vector.get("proofHex").asText(), "--payload-hex",
                vector.get("payloadHex").asText(), "--metadata-hash", vector.get("metadataHash").asText());

        List<String> lines = run.succeeded();
        assertThat(lines).hasSize(1);
        JsonNode decoded = JSON.readTree(lines.get(0));
        assertThat(decoded.get("call").asText()).isEqualTo("Utility.batch_all");
        assertThat(decoded.get("lines").get(0).asText()).isEqualTo("calls: 3 calls");
        assertThat(decoded.get("lines").get(1).asText()).isEqualTo("  call 1: Balances.transfer_keep_alive");
        assertThat(decoded.get("lines").get(decoded.get("lines").size() - 1).asText()).isEqualTo("tip: 0.001 KSM");
    }

    @Test
    void aHashThatDoesNotVerifyExitsOneWithTheReason() {
        JsonNode vector = proof("polkadot-transfer-keep-alive");
        CliRun run = CliRun.of("decode", "--proof-hex", vector.get("proofHex").asText(), "--payload-hex",
                vector.get("payloadHex").asText(), "--metadata-hash", "0x" + "11".repeat(32));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.outLines().get(0)).startsWith("{\"verified\":false,\"error\":\"HASH_MISMATCH\"");
    }

    @Test
    void aProofForAnotherCallExitsOne() {
        JsonNode keepAlive = proof("polkadot-transfer-keep-alive");
        JsonNode allowDeath = proof("polkadot-transfer-allow-death");
        CliRun run = CliRun.of("decode", "--proof-hex", keepAlive.get("proofHex").asText(), "--payload-hex",
                allowDeath.get("payloadHex").asText(), "--metadata-hash", allowDeath.get("metadataHash").asText());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(run.outLines().get(0)).contains("UNKNOWN_TYPE");
    }

    @Test
    void malformedDecodeInputIsBadInput() {
        JsonNode vector = proof("polkadot-transfer-keep-alive");
        String proof = vector.get("proofHex").asText();
        String payload = vector.get("payloadHex").asText();
        String hash = vector.get("metadataHash").asText();
        CliRun.of("decode", "--proof-hex", proof.substring(0, proof.length() - 2), "--payload-hex", payload,
                "--metadata-hash", hash).isBadInputWithout();
        CliRun.of("decode", "--proof-hex", proof, "--payload-hex", "0xnothex", "--metadata-hash", hash)
                .isBadInputWithout();
        CliRun.of("decode", "--proof-hex", proof, "--payload-hex", payload, "--metadata-hash", hash.substring(0, 64))
                .isBadInputWithout();
        CliRun.of("decode", "--proof-hex", proof, "--payload-hex", payload + "00", "--metadata-hash", hash)
                .isBadInputWithout();
    }

    private static Path rawFile(String gzName) throws IOException {
        Path file = files.resolve(gzName.replace(".gz", ""));
        if (!Files.exists(file)) {
            Files.write(file, gunzip(gzName));
        }
        return file;
    }

    private static byte[] gunzip(String gzName) {
        try (InputStream in = resource("/metadata/" + gzName); GZIPInputStream gzip = new GZIPInputStream(in)) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String name) {
        try (InputStream in = resource(name)) {
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MetadataCommandsTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test class path (src/vectors/metadata)");
        }
        return in;
    }
}
