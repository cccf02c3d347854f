package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup story: export the public metadata, lose the device's seed, recover it, restore. */
class RestoreEndToEndTest {

    private static final String PASSWORD = "the vault password";

    @TempDir
    Path dataDir;

    private Bench bench;
    private RpcClient wallet;
    private String session;

    @BeforeEach
    void start() throws Exception {
        bench = Bench.start(dataDir, Bench.DEV_PHRASE);
        wallet = bench.connect();
        session = bench.acquire(wallet);
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    @Test
    void exportWipeRecoverRestoreMatchesEveryAccount() throws Exception {
        List<String> addresses = deriveNamedAccounts();
        JsonNode backup = wallet.call("backup.export", "{\"format\":\"hwbridge\"}");
        assertThat(backup.get("format").asText()).isEqualTo("hwbridge-backup");
        assertThat(backup.get("accounts")).hasSize(addresses.size());
        assertThat(backup.toString()).doesNotContain(PASSWORD);
        for (String address : addresses) {
            wallet.call("account.forget", "{\"address\":\"" + address + "\"}");
        }

        wipe();
        JsonNode empty = wallet.error("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + backup + "}");
        assertThat(empty.get("code").asInt()).isEqualTo(RpcError.NOT_INITIALIZED.code());
        assertThat(empty.get("data").get("hint").asText()).isEqualTo("device.recover");
        recover(Bench.DEV_PHRASE);

        CompletableFuture<JsonNode> restore = wallet.send("backup.restore", "{\"session\":\"" + session
                + "\",\"document\":" + backup + "}");
        bench.hand.type(InputKind.PASSWORD, PASSWORD);
        JsonNode result = RpcClient.result(restore);

        assertThat(result.get("mismatched")).isEmpty();
        List<String> restored = new ArrayList<>();
        result.get("restored").forEach(account -> restored.add(account.get("address").asText()));
        assertThat(restored).containsExactlyElementsOf(addresses);
        JsonNode registry = wallet.call("account.list", "{}");
        assertThat(registry).hasSize(addresses.size());
        assertThat(registry.get(0).get("name").asText()).isEqualTo("Polkadot 0");
        assertThat(registry.get(3).get("passwordProtected").asBoolean()).isTrue();
        assertThat(registry.get(0).get("deviceFingerprint").asText()).isEqualTo(backup.get("device").get("fingerprint").asText());
    }

    @Test
    void restoreOntoADeviceWithAnotherSeedMismatchesEveryAccount() throws Exception {
        List<String> addresses = deriveNamedAccounts();
        JsonNode backup = wallet.call("backup.export", "{\"format\":\"hwbridge\"}");
        wipe();
        recover(Bench.OTHER_PHRASE);

        JsonNode result = wallet.call("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + backup + "}");

        assertThat(result.get("restored")).isEmpty();
        List<String> mismatched = new ArrayList<>();
        for (JsonNode entry : result.get("mismatched")) {
            mismatched.add(entry.get("address").asText());
            assertThat(entry.get("reason").asText()).isEqualTo("differentSeed");
        }
        assertThat(mismatched).containsExactlyElementsOf(addresses);
    }

    @Test
    void polkadotJsFilesExportAndAreReadBackButCannotBeMatchedWithoutAPath() throws Exception {
        List<String> addresses = deriveNamedAccounts();
        JsonNode files = wallet.call("backup.export", "{\"format\":\"polkadot-js\",\"addresses\":[\"" + addresses.get(1) + "\"]}");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("meta").get("isHardware").asBoolean()).isTrue();
        assertThat(files.get(0).get("encoding").get("type").get(0).asText()).isEqualTo("none");

        JsonNode result = wallet.call("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + files + "}");

        assertThat(result.get("restored")).isEmpty();
        assertThat(result.get("mismatched").get(0).get("address").asText()).isEqualTo(addresses.get(1));
        assertThat(result.get("mismatched").get(0).get("reason").asText()).isEqualTo("noPath");
    }

    @Test
    void anInvalidBackupNamesTheFirstProblemByPointer() throws Exception {
        deriveNamedAccounts();
        JsonNode backup = wallet.call("backup.export", "{\"format\":\"hwbridge\"}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) backup.get("accounts").get(2)).put("address", "nonsense");

        JsonNode error = wallet.error("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + backup + "}");

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.INVALID_BACKUP.code());
        assertThat(error.get("data").get("pointer").asText()).isEqualTo("/accounts/2/address");
        assertThat(error.get("message").asText()).doesNotContain("nonsense");
    }

    /** Four named accounts of every scheme, one behind a ///password; returns their addresses. */
    private List<String> deriveNamedAccounts() throws Exception {
        List<String> addresses = new ArrayList<>();
        addresses.add(derive("sr25519", "//polkadot//0", 0, "Polkadot 0"));
        addresses.add(derive("ed25519", "//kusama", 2, "Kusama"));
        addresses.add(derive("ecdsa", "//evm//1", 42, "EVM"));
        CompletableFuture<JsonNode> vault = wallet.send("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//polkadot\",\"ss58Format\":0,\"name\":\"Vault\",\"passphrase\":true}");
        bench.hand.type(InputKind.PASSWORD, PASSWORD);
        addresses.add(RpcClient.result(vault).get("address").asText());
        return addresses;
    }

    private String derive(String scheme, String path, int ss58Format, String name) throws Exception {
        return wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"" + scheme + "\",\"path\":\""
                + path + "\",\"ss58Format\":" + ss58Format + ",\"name\":\"" + name + "\"}").get("address").asText();
    }

    private void wipe() throws Exception {
        CompletableFuture<JsonNode> wipe = wallet.send("device.wipe", "{\"session\":\"" + session + "\"}");
        bench.hand.confirm();
        assertThat(RpcClient.result(wipe).get("initialized").asBoolean()).isFalse();
    }

    /** Types {@code phrase} on the device, then a new PIN twice. */
    private void recover(String phrase) throws Exception {
        String[] words = phrase.split(" ");
        CompletableFuture<JsonNode> recover = wallet.send("device.recover", "{\"session\":\"" + session
                + "\",\"wordCount\":" + words.length + "}");
        bench.hand.confirm();
        for (String word : words) {
            bench.hand.type(InputKind.WORD, word);
        }
        bench.hand.type(InputKind.PIN, "246810");
        bench.hand.type(InputKind.PIN, "246810");
        JsonNode features = RpcClient.result(recover);
        assertThat(features.get("initialized").asBoolean()).isTrue();
        assertThat(features.get("locked").asBoolean()).isFalse();
        List<JsonNode> prompts = wallet.drain("device.prompt");
        assertThat(prompts).anySatisfy(prompt -> assertThat(prompt.get("kind").asText()).isEqualTo("word"));
        assertThat(prompts.toString()).doesNotContain(words[0] + "\"");
    }
}
