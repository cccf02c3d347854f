package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.origin.ExtensionOrigins;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-origin approval through a real WebSocket (API.md, "Pages through the browser extension"):
 * the extension's connection calls for pages with {@code pageOrigin}, the wallet page decides.
 */
class OriginEndToEndTest {

    private static final String DAPP = "http://127.0.0.1:8081";
    private static final String OTHER = "https://other.example";
    private static final String FIREFOX = "moz-extension://5b0e2a4c-0f8e-4b5a-9d59-2a1c3f6d7e80";

    @TempDir
    Path dataDir;

    private Bench bench;
    private RpcClient extension;
    private RpcClient wallet;

    @BeforeEach
    void start() throws Exception {
        bench = Bench.start(dataDir, Bench.DEV_PHRASE);
        extension = bench.connect(Map.of("Origin", ExtensionOrigins.CHROMIUM));
        wallet = bench.connect(Map.of("Origin", "http://127.0.0.1:" + bench.daemon.port()));
        String session = bench.acquire(wallet);
        wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\",\"path\":\"//Alice\","
                + "\"ss58Format\":42,\"name\":\"Alice\"}");
        wallet.call("session.release", "{\"session\":\"" + session + "\"}");
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    private static String page(String origin, String params) {
        return "{\"pageOrigin\":\"" + origin + "\"" + (params.isEmpty() ? "" : "," + params) + "}";
    }

    private static int code(JsonNode error) {
        return error.get("code").asInt();
    }

    private void approve(String origin) throws Exception {
        wallet.call("origin.list", "{}");
        CompletableFuture<JsonNode> asked = extension.send("origin.request",
                page(origin, "\"origin\":\"" + origin + "\",\"appName\":\"Test dapp\""));
        wallet.awaitNotification("origin.pending", n -> n.get("origin").asText().equals(origin));
        wallet.call("origin.decide", "{\"origin\":\"" + origin + "\",\"approve\":true}");
        assertThat(RpcClient.result(asked).get("approved").asBoolean()).isTrue();
    }

    @Test
    void anUnapprovedPageSeesNoAccountsUntilTheUserApprovesIt() throws Exception {
        wallet.call("origin.list", "{}");
        assertThat(code(extension.error("account.list", page(DAPP, "")))).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());

        approve(DAPP);

        assertThat(extension.call("account.list", page(DAPP, ""))).extracting(a -> a.get("name").asText())
                .containsExactly("Alice");
        JsonNode listed = wallet.call("origin.list", "{}");
        assertThat(listed.get("approved").get(0).get("origin").asText()).isEqualTo(DAPP);
        assertThat(listed.get("approved").get(0).get("appName").asText()).isEqualTo("Test dapp");
        assertThat(listed.get("pending")).isEmpty();
    }

    @Test
    void aRejectedPageIsToldSoAndStaysUnapproved() throws Exception {
        wallet.call("origin.list", "{}");
        CompletableFuture<JsonNode> asked = extension.send("origin.request",
                page(DAPP, "\"origin\":\"" + DAPP + "\",\"appName\":\"Test dapp\""));
        wallet.awaitNotification("origin.pending");

        wallet.call("origin.decide", "{\"origin\":\"" + DAPP + "\",\"approve\":false}");

        assertThat(RpcClient.result(asked).get("approved").asBoolean()).isFalse();
        assertThat(code(extension.error("account.list", page(DAPP, "")))).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());
    }

    @Test
    void pageOriginIsAcceptedOnlyOnTheExtensionsConnection() throws Exception {
        RpcClient nativeClient = bench.connect();

        assertThat(code(nativeClient.error("account.list", page(DAPP, "")))).isEqualTo(RpcError.INVALID_PARAMS.code());
        assertThat(code(wallet.error("account.list", page(DAPP, "")))).isEqualTo(RpcError.INVALID_PARAMS.code());
    }

    @Test
    void revokingAnOriginTakesItsAccountsAndEndsItsSessions() throws Exception {
        approve(DAPP);
        String device = bench.awaitDevice(wallet).get("id").asText();
        String session = extension.call("session.acquire", page(DAPP, "\"device\":\"" + device + "\""))
                .get("session").asText();

        assertThat(wallet.call("origin.revoke", "{\"origin\":\"" + DAPP + "\"}").get("revoked").asBoolean()).isTrue();

        assertThat(code(extension.error("account.list", page(DAPP, "")))).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());
        assertThat(bench.awaitDevice(wallet).get("session").isNull()).as("the page's session ended").isTrue();
        assertThat(session).isNotEmpty();
        assertThat(wallet.call("origin.list", "{}").get("approved")).isEmpty();
    }

    @Test
    void onePageCannotUseOrEndAnothersSession() throws Exception {
        approve(DAPP);
        approve(OTHER);
        String device = bench.awaitDevice(wallet).get("id").asText();
        String session = extension.call("session.acquire", page(DAPP, "\"device\":\"" + device + "\""))
                .get("session").asText();

        JsonNode error = extension.error("session.release", page(OTHER, "\"session\":\"" + session + "\""));

        assertThat(code(error)).isEqualTo(RpcError.NO_SESSION.code());
        extension.call("session.release", page(DAPP, "\"session\":\"" + session + "\""));
    }

    @Test
    void approvalsOutliveTheDaemon() throws Exception {
        approve(DAPP);
        bench.close();

        bench = Bench.start(dataDir, Bench.DEV_PHRASE);
        extension = bench.connect(Map.of("Origin", ExtensionOrigins.CHROMIUM));

        assertThat(extension.call("account.list", page(DAPP, ""))).hasSize(1);
    }

    @Test
    void aFirefoxExtensionIsRefusedListedAndThenLetInOnceApproved() throws Exception {
        assertThatThrownBy(() -> bench.connect(Map.of("Origin", FIREFOX))).hasStackTraceContaining("403");

        JsonNode pending = wallet.call("origin.list", "{}").get("pending");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("origin").asText()).isEqualTo(FIREFOX);
        assertThat(pending.get(0).get("kind").asText()).isEqualTo("extension");
        wallet.call("origin.decide", "{\"origin\":\"" + FIREFOX + "\",\"approve\":true}");

        RpcClient firefox = bench.connect(Map.of("Origin", FIREFOX));
        assertThat(code(firefox.error("account.list", page(DAPP, "")))).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());
        assertThat(firefox.call("origin.list", "{}").get("approved")).hasSize(1);
    }

    @Test
    void aRequestWaitsForTheUserAndTwoTabsOfOneOriginShareOnePrompt() throws Exception {
        wallet.call("origin.list", "{}");
        CompletableFuture<JsonNode> first = extension.send("origin.request",
                page(DAPP, "\"origin\":\"" + DAPP + "\",\"appName\":\"Tab 1\""));
        CompletableFuture<JsonNode> second = extension.send("origin.request",
                page(DAPP, "\"origin\":\"" + DAPP + "\",\"appName\":\"Tab 2\""));
        wallet.awaitNotification("origin.pending");
        Thread.sleep(200);
        assertThat(first).isNotDone();

        assertThat(wallet.call("origin.list", "{}").get("pending")).hasSize(1);
        wallet.call("origin.decide", "{\"origin\":\"" + DAPP + "\",\"approve\":true}");

        assertThat(first.get(5, TimeUnit.SECONDS).toString()).contains("true");
        assertThat(second.get(5, TimeUnit.SECONDS).toString()).contains("true");
        assertThat(wallet.drain("origin.pending")).isEmpty();
    }
}
