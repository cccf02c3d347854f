package dev.hwbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/bench/run --smoke --no-build} on the build this Maven run just made (JMH on
 * target/classes, node on bench/js/node_modules, both installed by the src module's build) and
 * checks the one table it prints: every row, with positive figures on both sides, in five sections,
 * and no failed round trip through the daemon. Speed is not asserted; smoke figures mean nothing. Needs node like the interop test, and is skipped with it.
 */
@DisabledIfSystemProperty(named = "hwbridge.interop.skip", matches = "true")
class BenchRunSmokeTest {

    private static final List<String> SIGNER_CORE_ROWS = List.of(
            "sr25519 sign",
            "sr25519 verify",
            "sr25519 soft derivation (secret)",
            "sr25519 soft derivation (public)",
            "ed25519 sign",
            "ed25519 verify",
            "ecdsa sign (blake2b + secp256k1)",
            "ecdsa verify (blake2b + secp256k1)",
            "addresses phrase//polkadot//i → SS58",
            "JSON v3 decrypt (scrypt 2^17)",
            "RFC-0078 digest, Polkadot metadata (vs merkleize-metadata 1.3.0)",
            "RFC-0078 proof for a transfer (vs merkleize-metadata 1.3.0)",
            "verify proof + decode + render a transfer (vs polkadot-js decoding it, whole metadata)");
    private static final List<String> WALLET_FLOW_ROWS = List.of(
            "account.discover sr25519, pages of 100 //polkadot//{i}",
            "account.discover ed25519, pages of 100 //polkadot//{i}",
            "backup.restore of 100 accounts (sr25519 + ed25519)");
    private static final List<String> PROCESS_ROWS = List.of(
            "start to ready, ./hwbridge daemon",
            "start to ready, java -jar (no class-data archive)",
            "resident memory, idle (10 devices attached)",
            "resident memory, peak under the round-trip load",
            "resident memory, peak under the hostile mix with a 1.4 MB message in flight");
    private static final List<String> HID_TIMING_ROWS = List.of(
            "device.ping p50 (floor: 1 report each way)",
            "account.sign of a 1 KiB payload p50 (floor: N reports, 1 ms each)");
    // About 2 minutes alone on 2 cores; a busy machine doubles it.
    private static final long TIMEOUT_SECONDS = 360;

    @TempDir
    Path scratch;

    @Test
    void smokeRunPrintsOneTableWithEveryRowAndPositiveFiguresOnBothSides() throws Exception {
        Path script = Path.of(System.getProperty("hwbridge.bench.run", "bench/run")).toAbsolutePath();
        Path stdout = scratch.resolve("table.txt");
        Path stderr = scratch.resolve("progress.txt");
        Process process = new ProcessBuilder("bash", script.toString(), "--smoke", "--no-build")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        assertThat(finished).as("bench/run --smoke finished within %d s; stderr: %s", TIMEOUT_SECONDS, read(stderr))
                .isTrue();
        assertThat(process.exitValue()).as("exit status; stderr: %s", read(stderr)).isZero();

        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        assertThat(cells(lines.get(0))).containsExactly("row", "unit", "ours", "reference", "ratio (>1: ours ahead)", "goal");
        List<String> sections = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> row = cells(line);
            if (row.get(0).startsWith("**")) {
                sections.add(row.get(0));
                continue;
            }
            String label = row.get(0);
            // The signing row names the report count it measured.
            labels.add(label.replaceAll("\\(floor: \\d+ reports", "(floor: N reports"));
            assertThat(number(row.get(2))).as("ours, %s", label).isPositive();
            assertThat(number(row.get(3))).as("reference, %s", label).isPositive();
            assertThat(row.get(4)).as("ratio, %s", label).endsWith("×");
            assertThat(number(row.get(4).replace("×", ""))).as("ratio, %s", label).isPositive();
        }
        assertThat(sections).hasSize(5);
        assertThat(labels).containsExactlyElementsOf(expectedRows());
        assertThat(lines).filteredOn(line -> line.contains("throughput")).allSatisfy(line ->
                assertThat(line).as("no failed round trip").contains("| 0 errors"));
    }

    /**
     * The signer-core rows, the wallet flows, then p50, p99 and throughput for each clients ×
     * devices, then the process rows, then the rows through a simulator paced like USB HID.
     */
    private static List<String> expectedRows() {
        List<String> rows = new ArrayList<>(SIGNER_CORE_ROWS);
        rows.addAll(WALLET_FLOW_ROWS);
        for (int devices : new int[] {1, 10}) {
            for (int clients : new int[] {1, 10, 100}) {
                String setup = clients + (clients == 1 ? " client × " : " clients × ") + devices
                        + (devices == 1 ? " device" : " devices");
                rows.addAll(List.of("p50, " + setup, "p99, " + setup, "throughput, " + setup));
            }
        }
        rows.addAll(PROCESS_ROWS);
        rows.addAll(HID_TIMING_ROWS);
        return rows;
    }

    private static List<String> cells(String line) {
        assertThat(line).startsWith("|").endsWith("|");
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", ""));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
