package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account registry on disk, seen through the API: written atomically, never silently emptied. */
class RegistryEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void aNamedAccountIsWrittenToAccountsJsonWithNoTemporaryFileLeft() throws Exception {
        try (Bench bench = Bench.start(dataDir, Bench.DEV_PHRASE)) {
            RpcClient wallet = bench.connect();
            String session = bench.acquire(wallet);

            String address = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\","
                    + "\"path\":\"//polkadot\",\"ss58Format\":0,\"name\":\"Main\"}").get("address").asText();

            JsonNode file = RpcClient.JSON.readTree(dataDir.resolve("accounts.json").toFile());
            assertThat(file.toString()).contains(address, "\"Main\"");
            assertThat(files()).containsExactly("accounts.json");
        }
    }

    @Test
    void theRegistrySurvivesARestartOfTheDaemon() throws Exception {
        String address;
        try (Bench bench = Bench.start(dataDir, Bench.DEV_PHRASE)) {
            RpcClient wallet = bench.connect();
            String session = bench.acquire(wallet);
            address = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"ed25519\","
                    + "\"path\":\"//1\",\"ss58Format\":2,\"name\":\"Kept\"}").get("address").asText();
        }
        try (Bench bench = Bench.start(dataDir, Bench.DEV_PHRASE)) {
            JsonNode listed = bench.connect().call("account.list", "{}");

            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("address").asText()).isEqualTo(address);
        }
    }

    @Test
    void aCorruptFileIsMovedAsideAndTheRegistryStartsEmpty() throws Exception {
        byte[] garbage = "{\"accounts\": [ this is not json".getBytes(StandardCharsets.UTF_8);
        Files.write(dataDir.resolve("accounts.json"), garbage);

        try (Bench bench = Bench.start(dataDir, Bench.DEV_PHRASE)) {
            RpcClient wallet = bench.connect();

            assertThat(wallet.call("account.list", "{}")).isEmpty();
            List<String> names = files();
            assertThat(names).hasSize(1);
            assertThat(names.get(0)).startsWith("accounts.json.corrupt-");
            assertThat(Files.readAllBytes(dataDir.resolve(names.get(0)))).isEqualTo(garbage);

            String session = bench.acquire(wallet);
            wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\","
                    + "\"path\":\"//new\",\"ss58Format\":0,\"name\":\"Fresh\"}");
            assertThat(wallet.call("account.list", "{}")).hasSize(1);
            assertThat(files()).hasSize(2).contains("accounts.json");
        }
    }

    private List<String> files() throws Exception {
        try (Stream<Path> list = Files.list(dataDir)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
