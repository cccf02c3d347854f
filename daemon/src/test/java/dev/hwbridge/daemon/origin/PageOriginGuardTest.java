package dev.hwbridge.daemon.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageOriginGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAPP = "https://dapp.example";

    @TempDir
    Path dataDir;

    private final AtomicLong nanos = new AtomicLong();
    private final List<RpcClient> callers = new ArrayList<>();
    private final List<JsonNode> paramsSeen = new ArrayList<>();
    private OriginApprovals approvals;
    private PageOriginGuard guard;
    private OriginClient extension;

    @BeforeEach
    void open() {
        approvals = new OriginApprovals(OriginStore.open(dataDir), Clock.systemUTC());
        approvals.daemonPort(21335);
        guard = new PageOriginGuard(approvals, nanos::get);
        extension = OriginClient.extension();
    }

    private RpcMethod recording(String name) {
        return guard.wrap(name, (client, params) -> {
            callers.add(client);
            paramsSeen.add(params);
            return NullNode.getInstance();
        });
    }

    private static JsonNode params(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static void assertError(RpcError error, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void aCallWithoutPageOriginPassesUnchanged() throws Exception {
        OriginClient web = new OriginClient("w", "https://wallet.example");

        recording("account.list").call(web, params("{}"));

        assertThat(callers).containsExactly(web);
    }

    @Test
    void pageOriginIsRefusedOnAnyConnectionButTheExtensions() throws Exception {
        for (OriginClient caller : List.of(new OriginClient("w", "https://wallet.example"),
                new OriginClient("own", "http://127.0.0.1:21335"), new OriginClient("native", null))) {
            assertError(RpcError.INVALID_PARAMS,
                    () -> recording("account.list").call(caller, params("{\"pageOrigin\":\"" + DAPP + "\"}")));
        }
        assertThat(callers).isEmpty();
    }

    @Test
    void anUnapprovedPageSeesNoAccountsAndSignsNothing() {
        for (String method : List.of("account.list", "account.sign", "session.acquire", "chain.addMetadata")) {
            assertError(RpcError.ORIGIN_NOT_APPROVED,
                    () -> recording(method).call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}")));
        }
        assertThat(callers).isEmpty();
    }

    @Test
    void anUnapprovedPageMayAskToBeApproved() throws Exception {
        recording("origin.request").call(extension, params("{\"pageOrigin\":\"" + DAPP + "\",\"origin\":\"" + DAPP + "\"}"));

        assertThat(callers.get(0).origin()).contains(DAPP);
        assertThat(paramsSeen.get(0).has("pageOrigin")).isFalse();
    }

    @Test
    void evenAnApprovedPageMayNotCallWhatChangesTheDevice() {
        approvals.decide(DAPP, true, "Dapp");

        for (String method : List.of("device.wipe", "backup.export", "origin.decide", "origin.revoke", "account.forget")) {
            assertError(RpcError.ORIGIN_NOT_APPROVED,
                    () -> recording(method).call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}")));
        }
    }

    @Test
    void anApprovedPageRunsAsItsOwnClientWithoutThePageOriginParam() throws Exception {
        approvals.decide(DAPP, true, "Dapp");
        approvals.decide("https://other.example", true, "Other");

        recording("account.list").call(extension, params("{\"pageOrigin\":\"HTTPS://dapp.example/\"}"));
        recording("account.list").call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}"));
        recording("account.list").call(extension, params("{\"pageOrigin\":\"https://other.example\"}"));

        assertThat(callers.get(0)).isSameAs(callers.get(1)).isNotSameAs(callers.get(2)).isNotSameAs(extension);
        assertThat(callers.get(0).origin()).contains(DAPP);
        assertThat(paramsSeen).allSatisfy(p -> assertThat(p.has("pageOrigin")).isFalse());
    }

    @Test
    void aPagesNotificationsCarryItsOrigin() throws Exception {
        approvals.decide(DAPP, true, "Dapp");
        recording("account.list").call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}"));

        callers.get(0).notify("session.ended", JSON.createObjectNode().put("session", "s1"));

        assertThat(extension.notifications.poll().params().get("pageOrigin").asText()).isEqualTo(DAPP);
    }

    @Test
    void revokingEndsThePageAndWhatItHeld() throws Exception {
        approvals.decide(DAPP, true, "Dapp");
        recording("account.list").call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}"));
        RpcClient page = callers.get(0);
        List<String> ended = new ArrayList<>();
        page.onClose(() -> ended.add("session"));

        approvals.revoke(DAPP);

        assertThat(ended).containsExactly("session");
        assertThat(page.isOpen()).isFalse();
        assertError(RpcError.ORIGIN_NOT_APPROVED,
                () -> recording("account.list").call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}")));
    }

    @Test
    void theExtensionsConnectionClosingEndsItsPages() throws Exception {
        approvals.decide(DAPP, true, "Dapp");
        recording("account.list").call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}"));

        extension.close();

        assertThat(callers.get(0).isOpen()).isFalse();
    }

    @Test
    void aFloodingPageIsRateLimitedWhileAnotherPageGoesOn() throws Exception {
        approvals.decide(DAPP, true, "Dapp");
        approvals.decide("https://other.example", true, "Other");
        RpcMethod list = recording("account.list");
        for (int i = 0; i < PageLimiter.BURST; i++) {
            list.call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}"));
        }

        assertError(RpcError.RATE_LIMITED, () -> list.call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}")));
        list.call(extension, params("{\"pageOrigin\":\"https://other.example\"}"));
        nanos.addAndGet(1_000_000_000L);
        list.call(extension, params("{\"pageOrigin\":\"" + DAPP + "\"}"));
    }

    @Test
    void aMalformedPageOriginIsInvalidParams() {
        for (String bad : List.of("\"null\"", "\"https://dapp.example/path\"", "7", "\"\"")) {
            assertError(RpcError.INVALID_PARAMS,
                    () -> recording("account.list").call(extension, params("{\"pageOrigin\":" + bad + "}")));
        }
    }
}
