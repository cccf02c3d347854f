package dev.hwbridge.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC-0078 against the real {@code @polkadot-api/merkleize-metadata} 1.3.0, both as separate
 * processes: our {@code simulator.jar metadata-digest / metadata-proof / decode} and
 * {@code node src/interop/metadata.mjs digest / cases}. Each run asks node for fresh random
 * payloads (transfers and batches, eras, tips, fee assets) with a new seed, which every failure
 * message names: our proof must be byte for byte the library's, and our decoding what polkadot-js
 * encoded.
 */
@DisabledIfSystemProperty(named = "hwbridge.interop.skip", matches = "true")
class MetadataInteropTest {

    private static final long SEED = new SecureRandom().nextLong();
    private static final int CASES_PER_CHAIN = 2;
    private static final String SCRIPT = "metadata.mjs";

    @TempDir
    static Path scratch;

    private static SimulatorCli simulator;
    private static PolkadotJs node;

    @BeforeAll
    static void startingPoint() {
        node = PolkadotJs.locate(scratch);
        simulator = SimulatorCli.locate(scratch);
    }

    /** The blobs the library accepts: file, decimals, token symbol. */
    static List<JsonNode> chains() {
        List<JsonNode> out = new ArrayList<>();
        json("/metadata/digests.json").forEach(d -> {
            if (d.has("metadataHash")) {
                out.add(d);
            }
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void ourDigestLineIsTheLibrarys(JsonNode chain) {
        List<String> options = tokenOptions(chain);
        JsonNode theirs = node.json(SCRIPT, with("digest", options));
        List<String> ours = simulator.lines(with("metadata-digest", options).toArray(String[]::new));

        assertThat(ours).hasSize(1);
        assertThat(parse(ours.get(0))).isEqualTo(theirs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void ourProofsOfFreshPayloadsAreTheLibrarysAndDecodeToWhatWasEncoded(JsonNode chain) {
        List<String> options = tokenOptions(chain);
        List<String> cases = new ArrayList<>(with("cases", options));
        cases.addAll(List.of("--seed", Long.toString(SEED), "--count", Integer.toString(CASES_PER_CHAIN)));
        JsonNode entries = node.json(SCRIPT, cases);
        assertThat(entries.size()).isEqualTo(CASES_PER_CHAIN);

        for (JsonNode entry : entries) {
            String what = "seed " + SEED + ", " + entry.get("name").asText() + " on " + chain.get("file").asText();
            List<String> proofArgs = new ArrayList<>(with("metadata-proof", options));
            proofArgs.addAll(List.of("--payload-hex", entry.get("payloadHex").asText()));
            JsonNode ours = parse(simulator.lines(proofArgs.toArray(String[]::new)).get(0));
            assertThat(ours.get("proof").asText()).as(what).isEqualTo(entry.get("proofHex").asText());
            assertThat(ours.get("metadataHash").asText()).as(what).isEqualTo(entry.get("metadataHash").asText());

            JsonNode decoded = parse(simulator.lines("decode", "--proof-hex", entry.get("proofHex").asText(),
                    "--payload-hex", entry.get("payloadHex").asText(),
                    "--metadata-hash", entry.get("metadataHash").asText()).get(0));
            assertThat(decoded.get("call").asText()).as(what).isEqualTo(entry.get("call").asText());
            assertThat(lines(decoded)).as(what).containsAll(expectedLines(entry, chain));
        }
    }

    @Test
    void metadataV14IsRefusedByBoth() {
        JsonNode v14 = json("/metadata/digests.json").findParents("error").get(0);
        List<String> options = tokenOptions(v14);
        assertThat(node.runWithArguments(SCRIPT, with("digest", options)).exitCode()).isEqualTo(2);
        ProcessRunner.Result ours = simulator.run(with("metadata-digest", options).toArray(String[]::new));
        assertThat(ours.exitCode()).isEqualTo(2);
        assertThat(ours.stderr().lines().toList()).hasSize(1);
    }

    /**
     * What the screen must say of a payload polkadot-js built: each transfer's destination in full
     * and amount in whole units (in order, nested under "call i:" in a batch), then nonce and tip.
     */
    private static List<String> expectedLines(JsonNode entry, JsonNode chain) {
        int decimals = chain.get("decimals").asInt();
        String symbol = chain.get("tokenSymbol").asText();
        JsonNode call = entry.get("callPrimitive");
        List<String> expected = new ArrayList<>();
        JsonNode batch = call.at("/args/calls");
        if (batch.isArray()) {
            for (JsonNode inner : batch) {
                expected.add("    dest: " + inner.at("/args/dest/id").asText());
                expected.add("    value: " + units(inner.at("/args/value").asText(), decimals, symbol));
            }
        } else {
            expected.add("dest: " + call.at("/args/dest/id").asText());
            expected.add("value: " + units(call.at("/args/value").asText(), decimals, symbol));
        }
        JsonNode extensions = entry.get("extensions");
        expected.add("nonce: " + extensions.get("nonce").asText());
        expected.add("tip: " + units(extensions.get("tip").asText(), decimals, symbol));
        if (extensions.get("era").isTextual()) {
            expected.add("mortality: immortal");
        }
        if (extensions.has("assetId") && extensions.get("assetId").isNull()) {
            expected.add("fee asset: native");
        }
        return expected;
    }

    private static String units(String planck, int decimals, String symbol) {
        BigDecimal whole = new BigDecimal(new BigInteger(planck)).movePointLeft(decimals).stripTrailingZeros();
        return whole.toPlainString() + " " + symbol;
    }

    private static List<String> lines(JsonNode decoded) {
        List<String> lines = new ArrayList<>();
        decoded.get("lines").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static List<String> tokenOptions(JsonNode chain) {
        return List.of("--metadata-file", rawFile(chain.get("file").asText()).toString(),
                "--decimals", chain.get("decimals").asText(), "--token-symbol", chain.get("tokenSymbol").asText());
    }

    private static List<String> with(String command, List<String> options) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(options);
        return all;
    }

    /** The blob un-gzipped into the scratch directory (our command line reads raw or hex only). */
    private static Path rawFile(String gzName) {
        Path file = scratch.resolve(gzName.replace(".gz", ""));
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream in = resource("/metadata/" + gzName); GZIPInputStream gzip = new GZIPInputStream(in)) {
            Files.write(file, gzip.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return PolkadotJs.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static JsonNode json(String name) {
        try (InputStream in = resource(name)) {
            return PolkadotJs.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MetadataInteropTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test class path (src/vectors/metadata)");
        }
        return in;
    }
}
