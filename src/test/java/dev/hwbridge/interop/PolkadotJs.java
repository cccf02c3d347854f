package dev.hwbridge.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real polkadot-js (installed by {@code npm ci} in {@code src/interop}), driven through the
 * small node scripts there: each reads a JSON array of cases and prints a JSON array of results.
 */
final class PolkadotJs {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path interopDirectory;
    private final Path scratch;

    private PolkadotJs(Path interopDirectory, Path scratch) {
        this.interopDirectory = interopDirectory;
        this.scratch = scratch;
    }

    /** Fails with a clear message if node is missing or the packages are not installed. */
    static PolkadotJs locate(Path scratch) {
        Path directory = Path.of(System.getProperty("hwbridge.interop.dir", "interop")).toAbsolutePath();
        ProcessRunner.Result version;
        try {
            version = ProcessRunner.run(List.of("node", "--version"), directory);
        } catch (IllegalStateException e) {
            throw new AssertionError("the interop test needs Node.js 18 or newer as 'node' on the PATH"
                    + " (or skip it with -Dinterop.skip=true): " + e.getMessage(), e);
        }
        assertThat(version.exitCode()).as("node --version: %s", version.stderr()).isZero();
        if (!Files.isDirectory(directory.resolve("node_modules/@polkadot/keyring"))) {
            fail("@polkadot/keyring is not installed in %s; run 'npm ci' there"
                    + " (the Maven build does it in generate-test-resources)", directory);
        }
        return new PolkadotJs(directory, scratch);
    }

    /** Runs one script over the cases; every result must be free of {"error": …}. */
    List<JsonNode> run(String script, ArrayNode cases) {
        Path casesFile = writeCases(script, cases);
        ProcessRunner.Result result = ProcessRunner.run(
                List.of("node", interopDirectory.resolve(script).toString(), casesFile.toString()),
                interopDirectory);
        assertThat(result.exitCode()).as("node %s failed; stderr: %s", script, result.stderr()).isZero();
        JsonNode results = parse(script, result.stdout());
        assertThat(results.size()).as("one result per case from %s", script).isEqualTo(cases.size());
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).has("error"))
                    .as("polkadot-js %s case %d failed: %s", script, i, results.get(i).path("error").asText())
                    .isFalse();
        }
        List<JsonNode> list = new ArrayList<>();
        results.forEach(list::add);
        return list;
    }

    /** Runs a script that takes command-line arguments and prints one JSON value; any exit status. */
    ProcessRunner.Result runWithArguments(String script, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("node", interopDirectory.resolve(script).toString()));
        command.addAll(arguments);
        return ProcessRunner.run(command, interopDirectory);
    }

    /** As {@link #runWithArguments}, which must succeed; returns the JSON it printed. */
    JsonNode json(String script, List<String> arguments) {
        ProcessRunner.Result result = runWithArguments(script, arguments);
        assertThat(result.exitCode()).as("node %s %s failed; stderr: %s", script, arguments, result.stderr()).isZero();
        try {
            return JSON.readTree(result.stdout());
        } catch (JsonProcessingException e) {
            throw new AssertionError(script + " printed something that is not JSON: " + result.stdout(), e);
        }
    }

    private Path writeCases(String script, ArrayNode cases) {
        try {
            Path file = Files.createTempFile(scratch, script.replace(".mjs", "-"), ".json");
            Files.writeString(file, JSON.writeValueAsString(cases), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the cases for " + script, e);
        }
    }

    private static JsonNode parse(String script, String stdout) {
        try {
            JsonNode node = JSON.readTree(stdout);
            assertThat(node != null && node.isArray()).as("%s printed a JSON array: %s", script, stdout).isTrue();
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError(script + " printed something that is not JSON: " + stdout, e);
        }
    }
}
