package dev.hwbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/bench/run --smoke --no-build} on the build this Maven run just made (JMH on
 * target/classes, node on bench/js/node_modules, both installed by the src module's build) and
 * checks the one table it prints: every row, with positive figures on both sides. Speed is not
 * asserted; smoke figures mean nothing. Needs node like the interop test, and is skipped with it.
 */
@DisabledIfSystemProperty(named = "hwbridge.interop.skip", matches = "true")
class BenchRunSmokeTest {

    private static final List<String> ROWS = List.of(
            "sr25519 sign",
            "sr25519 verify",
            "sr25519 soft derivation (secret)",
            "sr25519 soft derivation (public)",
            "ed25519 sign",
            "ed25519 verify",
            "ecdsa sign (blake2b + secp256k1)",
            "ecdsa verify (blake2b + secp256k1)",
            "addresses phrase//polkadot//i → SS58",
            "JSON v3 decrypt (scrypt 2^17)");
    private static final long TIMEOUT_SECONDS = 240;

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
        assertThat(lines).as("header, rule, one line per row").hasSize(2 + ROWS.size());
        assertThat(cells(lines.get(0))).containsExactly("row", "unit", "ours", "polkadot-js",
                "ratio (>1: ours faster)", "goal");
        for (int i = 0; i < ROWS.size(); i++) {
            List<String> row = cells(lines.get(2 + i));
            assertThat(row.get(0)).isEqualTo(ROWS.get(i));
            assertThat(number(row.get(2))).as("ours, %s", ROWS.get(i)).isPositive();
            assertThat(number(row.get(3))).as("polkadot-js, %s", ROWS.get(i)).isPositive();
            assertThat(row.get(4)).as("ratio, %s", ROWS.get(i)).endsWith("×");
            assertThat(number(row.get(4).replace("×", ""))).as("ratio, %s", ROWS.get(i)).isPositive();
        }
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
