package dev.hwbridge.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.testkit.process.ChildProcess;
import dev.hwbridge.testkit.process.Launchers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's Ledger personality ({@code simulator.jar run --ledger}) against the unmodified
 * {@code @zondax/ledger-substrate} 3.0.0 ({@code PolkadotGenericApp}) over
 * {@code @ledgerhq/hw-transport-node-speculos} 6.34.7, run by {@code src/interop/ledger.mjs}: a
 * fresh random 24-word phrase each run; addresses for several accounts and indices, ed25519 and
 * ecdsa, shown and not, equal to polkadot-js's {@code hdLedger} / {@code hdEthereum}; transactions
 * built by polkadot-js with proofs from {@code @polkadot-api/merkleize-metadata} signed with
 * {@code signWithMetadataEd25519} / {@code signWithMetadataEcdsa} and verified by polkadot-js, one
 * rejected on the screen (0x6986); {@code signRawEd25519} verified with {@code signatureVerify}.
 */
@DisabledIfSystemProperty(named = "hwbridge.interop.skip", matches = "true")
class LedgerInteropTest {

    private static final long SEED = new SecureRandom().nextLong();
    private static final Pattern READY =
            Pattern.compile("hwbridge simulator ready: ledger apdu [^ ]+:(\\d+), automation (http://\\S+)");
    private static final List<String> JVM = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    static Path scratch;

    private static PolkadotJs node;
    private static ChildProcess simulator;
    private static String phrase;
    private static int apduPort;
    private static String automation;

    @BeforeAll
    static void startLedger() throws IOException, InterruptedException {
        node = PolkadotJs.locate(scratch);
        phrase = node.json("ledger.mjs", List.of("phrase")).get("phrase").asText();
        Path mnemonic = scratch.resolve("ledger-mnemonic.txt");
        Files.writeString(mnemonic, phrase, StandardCharsets.UTF_8);
        simulator = ChildProcess.start("ledger-simulator", Launchers.simulator(JVM, List.of("run", "--ledger",
                "--apdu-port", "0", "--automation-port", "0", "--mnemonic-file", mnemonic.toString())), scratch);
        Matcher ready = simulator.awaitLine(READY, Duration.ofSeconds(60));
        apduPort = Integer.parseInt(ready.group(1));
        automation = ready.group(2);
    }

    @AfterAll
    static void stopLedger() throws InterruptedException {
        if (simulator != null) {
            simulator.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void zondaxsClientGetsHdLedgersKeysAndSignaturesPolkadotJsVerifies() {
        ObjectNode cases = PolkadotJs.JSON.createObjectNode();
        cases.put("apduPort", apduPort).put("automation", automation).put("phrase", phrase);
        ArrayNode addresses = cases.putArray("addresses");
        String[] paths = {"m/44'/354'/0'/0'/0'", "m/44'/354'/0'/0'/1'", "m/44'/354'/1'/0'/0'", "m/44'/354'/7'/1'/42'"};
        for (int i = 0; i < paths.length; i++) {
            addresses.addObject().put("path", paths[i]).put("scheme", "ed25519").put("ss58", i % 2 == 0 ? 0 : 2)
                    .put("show", i == 1);
            addresses.addObject().put("path", paths[i]).put("scheme", "ecdsa").put("ss58", 0).put("show", i == 2);
        }
        addresses.addObject().put("path", paths[0]).put("scheme", "ed25519").put("ss58", 42).put("show", false);

        ArrayNode transactions = cases.putArray("transactions");
        List<JsonNode> fresh = freshTransactions();
        for (int i = 0; i < fresh.size(); i++) {
            JsonNode t = fresh.get(i);
            transactions.addObject().put("name", t.get("name").asText()).put("scheme", i % 2 == 0 ? "ed25519" : "ecdsa")
                    .put("path", paths[i % paths.length]).put("payloadHex", t.get("payloadHex").asText())
                    .put("proofHex", t.get("proofHex").asText()).put("answer", "confirm");
        }
        JsonNode first = fresh.get(0);
        transactions.addObject().put("name", first.get("name").asText()).put("scheme", "ed25519").put("path", paths[0])
                .put("payloadHex", first.get("payloadHex").asText()).put("proofHex", first.get("proofHex").asText())
                .put("answer", "reject");

        ArrayNode raw = cases.putArray("raw");
        raw.addObject().put("path", paths[0]).put("text", "hwbridge ledger interop " + SEED);
        raw.addObject().put("path", paths[3]).put("text", "x".repeat(300));

        List<JsonNode> results = runLedger(cases);

        int expected = 1 + addresses.size() + transactions.size() + raw.size();
        assertThat(results).hasSize(expected);
        for (JsonNode result : results) {
            assertThat(result.path("ok").asBoolean())
                    .as("seed %d: %s: %s", SEED, result.path("what").asText(), result)
                    .isTrue();
        }
        assertThat(results).filteredOn(r -> r.path("what").asText().startsWith("sign ") && r.path("what").asText().endsWith("confirm"))
                .allSatisfy(r -> assertThat(r.path("pages").get(0).asText()).isEqualTo("Chain"));
    }

    /** Fresh transfers and batches on Polkadot's metadata, with their proofs, from metadata.mjs. */
    private static List<JsonNode> freshTransactions() {
        Path metadata = unzipped("polkadot-v15.scale.gz");
        JsonNode entries = node.json("metadata.mjs", List.of("cases", "--metadata-file", metadata.toString(),
                "--decimals", "10", "--token-symbol", "DOT", "--seed", Long.toString(SEED), "--count", "4"));
        List<JsonNode> out = new ArrayList<>();
        entries.forEach(out::add);
        return out;
    }

    private static List<JsonNode> runLedger(ObjectNode cases) {
        try {
            Path file = scratch.resolve("ledger-cases.json");
            Files.writeString(file, PolkadotJs.JSON.writeValueAsString(cases), StandardCharsets.UTF_8);
            JsonNode results = node.json("ledger.mjs", List.of("run", file.toString()));
            List<JsonNode> out = new ArrayList<>();
            results.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path unzipped(String gzName) {
        Path file = scratch.resolve(gzName.replace(".gz", ""));
        try (InputStream in = LedgerInteropTest.class.getResourceAsStream("/metadata/" + gzName)) {
            if (in == null) {
                throw new IllegalStateException(gzName + " is not on the test class path (src/vectors/metadata)");
            }
            try (GZIPInputStream gzip = new GZIPInputStream(in)) {
                Files.write(file, gzip.readAllBytes());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
