package dev.hwbridge.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web page, even one allowed by {@code --allow-origin}, can neither approve origins (itself or
 * another), list them, withdraw them, ask for them, nor pose as a page behind the extension.
 */
class OriginDecisionRulesTest {

    @TempDir
    Path dataDir;

    private Daemon daemon;
    private RpcClient page;

    @BeforeEach
    void start() throws Exception {
        daemon = SecurityDaemon.start(dataDir);
        page = RpcClient.connect(daemon.webSocketUri(), Map.of("Origin", SecurityDaemon.ALLOWED_ORIGIN));
    }

    @AfterEach
    void stop() throws Exception {
        page.close();
        daemon.close();
    }

    private int code(String method, String params) throws Exception {
        return page.error(method, params).get("code").asInt();
    }

    @Test
    void aWebPageCannotDecideListRevokeOrRequest() throws Exception {
        String self = "\"origin\":\"" + SecurityDaemon.ALLOWED_ORIGIN + "\"";

        assertThat(code("origin.decide", "{" + self + ",\"approve\":true}")).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());
        assertThat(code("origin.list", "{}")).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());
        assertThat(code("origin.revoke", "{" + self + "}")).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());
        assertThat(code("origin.request", "{" + self + ",\"appName\":\"me\"}")).isEqualTo(RpcError.ORIGIN_NOT_APPROVED.code());
    }

    @Test
    void aWebPageCannotPoseAsAPageBehindTheExtension() throws Exception {
        assertThat(code("account.list", "{\"pageOrigin\":\"https://dapp.example\"}"))
                .isEqualTo(RpcError.INVALID_PARAMS.code());
    }
}
