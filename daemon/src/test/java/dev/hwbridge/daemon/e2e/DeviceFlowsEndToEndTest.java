package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flows the user finishes on the device: unlock with a PIN, and setting up a new seed. */
class DeviceFlowsEndToEndTest {

    private static final java.util.Set<String> PROMPT_VOCABULARY = java.util.Set.of("create", "new", "seed", "words",
            "identity", "default", "write", "down", "your", "enter", "word", "check", "choose", "confirm", "the", "pin",
            "of", "a", "device", "session", "kind", "title", "lines", "progress", "current", "total", "text");
    private static final Pattern WORD_LINE = Pattern.compile("(\\d+)\\. (\\p{L}+)");

    @TempDir
    Path dataDir;

    @Test
    void aLockedDeviceRefusesUntilTheRightPinIsTypedOnIt() throws Exception {
        try (Bench bench = Bench.start(dataDir, Bench.simulator().mnemonic(Bench.DEV_PHRASE).pin("1357".toCharArray()).start())) {
            RpcClient wallet = bench.connect();
            String session = bench.acquire(wallet);
            JsonNode locked = wallet.call("device.features", "{\"session\":\"" + session + "\"}");
            assertThat(locked.get("locked").asBoolean()).isTrue();
            assertThat(locked.get("identities")).isEmpty();
            assertThat(wallet.error("account.derive", "{\"session\":\"" + session
                    + "\",\"scheme\":\"sr25519\",\"path\":\"//a\",\"ss58Format\":0}").get("code").asInt())
                    .isEqualTo(RpcError.LOCKED.code());

            CompletableFuture<JsonNode> wrong = wallet.send("device.unlock", "{\"session\":\"" + session + "\"}");
            bench.hand.type(InputKind.PIN, "0000");
            assertThat(RpcClient.error(wrong).get("code").asInt()).isEqualTo(RpcError.PIN_INVALID.code());

            CompletableFuture<JsonNode> right = wallet.send("device.unlock", "{\"session\":\"" + session + "\"}");
            bench.hand.type(InputKind.PIN, "1357");
            JsonNode unlocked = RpcClient.result(right);

            assertThat(unlocked.get("locked").asBoolean()).isFalse();
            assertThat(unlocked.get("identities").get(0).asText()).isEqualTo("default");
            JsonNode prompt = wallet.awaitNotification("device.prompt");
            assertThat(prompt.get("kind").asText()).isEqualTo("pin");
            assertThat(prompt.toString()).doesNotContain("1357");
        }
    }

    @Test
    void setupOnAnEmptyDeviceShowsTheWordsOnlyOnTheDevice() throws Exception {
        try (Bench bench = Bench.start(dataDir, Bench.simulator().start())) {
            RpcClient wallet = bench.connect();
            String session = bench.acquire(wallet);
            assertThat(wallet.call("device.features", "{\"session\":\"" + session + "\"}").get("initialized").asBoolean())
                    .isFalse();
            assertThat(wallet.error("backup.restore", "{\"session\":\"" + session + "\",\"document\":"
                    + "{\"format\":\"hwbridge-backup\",\"version\":1,\"createdAt\":\"2026-01-01T00:00:00Z\","
                    + "\"device\":{\"label\":null,\"fingerprint\":null},\"accounts\":[]}}").get("code").asInt())
                    .isEqualTo(RpcError.NOT_INITIALIZED.code());

            CompletableFuture<JsonNode> setup = wallet.send("device.setup", "{\"session\":\"" + session
                    + "\",\"wordCount\":12,\"label\":\"Fresh\"}");
            bench.hand.confirm();
            String[] words = new String[12];
            for (int page = 0; page < 3; page++) {
                Screen shown = bench.hand.confirm();
                for (String line : shown.lines()) {
                    Matcher word = WORD_LINE.matcher(line);
                    if (word.matches()) {
                        words[Integer.parseInt(word.group(1)) - 1] = word.group(2);
                    }
                }
            }
            for (int check = 0; check < 3; check++) {
                Screen asked = bench.hand.await(InputKind.WORD);
                int position = Integer.parseInt(asked.title().replaceAll("\\D+", ""));
                bench.hand.type(InputKind.WORD, words[position - 1]);
            }
            bench.hand.type(InputKind.PIN, "2468");
            bench.hand.type(InputKind.PIN, "2468");
            JsonNode features = RpcClient.result(setup);

            assertThat(features.get("initialized").asBoolean()).isTrue();
            assertThat(features.get("label").asText()).isEqualTo("Fresh");
            assertThat(wallet.call("device.list", "{}").get(0).get("label").asText()).isEqualTo("Fresh");
            List<JsonNode> prompts = wallet.drain("device.prompt");
            assertThat(prompts).hasSizeGreaterThanOrEqualTo(9);
            List<String> texts = new ArrayList<>();
            prompts.forEach(prompt -> texts.add(prompt.toString()));
            for (String word : words) {
                assertThat(word).isNotNull();
                // A seed word may also be a word of the prompts' own text ("enter", "word", "check").
                if (!PROMPT_VOCABULARY.contains(word)) {
                    assertThat(texts).noneMatch(text -> text.matches(".*\\b" + word + "\\b.*"));
                }
            }
        }
    }
}
