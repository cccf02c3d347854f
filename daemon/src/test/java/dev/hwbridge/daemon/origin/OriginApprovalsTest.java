package dev.hwbridge.daemon.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginApprovalsTest {

    private static final String DAPP = "https://dapp.example";
    private static final String FIREFOX = "moz-extension://5b0e2a4c-0f8e-4b5a-9d59-2a1c3f6d7e80";
    private static final Duration LONG = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private OriginApprovals approvals;
    private OriginClient wallet;

    @BeforeEach
    void open() {
        approvals = new OriginApprovals(OriginStore.open(dataDir), Clock.systemUTC());
        approvals.daemonPort(21335);
        wallet = new OriginClient("wallet", "http://127.0.0.1:21335");
        approvals.listen(wallet);
    }

    private CompletableFuture<Optional<OriginApprovals.Outcome>> ask(String origin) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return approvals.request(origin, "Dapp", LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aRequestWaitsForTheUsersDecision() throws Exception {
        CompletableFuture<Optional<OriginApprovals.Outcome>> asked = ask(DAPP);
        assertThat(wallet.notifications.poll(5, TimeUnit.SECONDS).method()).isEqualTo("origin.pending");
        assertThat(asked).isNotDone();

        approvals.decide(DAPP, true, "");

        assertThat(asked.get(5, TimeUnit.SECONDS)).contains(OriginApprovals.Outcome.APPROVED);
        assertThat(approvals.approvedOrigins()).extracting(OriginRecord::appName).containsExactly("Dapp");
    }

    @Test
    void anApprovedOriginIsAnsweredAtOnce() throws Exception {
        approvals.decide(DAPP, true, "Dapp");

        assertThat(approvals.request(DAPP, "Dapp", Duration.ZERO)).contains(OriginApprovals.Outcome.APPROVED);
    }

    @Test
    void requestsOfOneOriginShareOnePrompt() throws Exception {
        CompletableFuture<Optional<OriginApprovals.Outcome>> first = ask(DAPP);
        CompletableFuture<Optional<OriginApprovals.Outcome>> second = ask(DAPP);
        assertThat(wallet.notifications.poll(5, TimeUnit.SECONDS).method()).isEqualTo("origin.pending");
        Thread.sleep(100);

        approvals.decide(DAPP, false, "");

        assertThat(first.get(5, TimeUnit.SECONDS)).contains(OriginApprovals.Outcome.REJECTED);
        assertThat(second.get(5, TimeUnit.SECONDS)).contains(OriginApprovals.Outcome.REJECTED);
        assertThat(wallet.notifications).extracting(OriginClient.Notification::method).containsExactly("origin.changed");
        assertThat(approvals.approved(DAPP)).isFalse();
    }

    @Test
    void aRequestNobodyAnswersTimesOutAndWithdrawsItsPrompt() throws Exception {
        assertThat(approvals.request(DAPP, "Dapp", Duration.ofMillis(10))).contains(OriginApprovals.Outcome.TIMED_OUT);

        assertThat(approvals.pending()).isEmpty();
        assertThat(wallet.notifications).extracting(OriginClient.Notification::method)
                .containsExactly("origin.pending", "origin.changed");
    }

    @Test
    void aPromptStaysWhileAnotherRequestStillWaits() throws Exception {
        CompletableFuture<Optional<OriginApprovals.Outcome>> waiting = ask(DAPP);
        assertThat(wallet.notifications.poll(5, TimeUnit.SECONDS).method()).isEqualTo("origin.pending");

        assertThat(approvals.request(DAPP, "Dapp", Duration.ofMillis(10))).contains(OriginApprovals.Outcome.TIMED_OUT);

        assertThat(approvals.pending()).hasSize(1);
        approvals.decide(DAPP, true, "");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).contains(OriginApprovals.Outcome.APPROVED);
    }

    @Test
    void theExtensionsChromiumOriginIsLetInByDefault() {
        assertThat(approvals.admits(ExtensionOrigins.CHROMIUM)).isTrue();
        assertThat(approvals.admits("https://evil.example")).isFalse();
        assertThat(approvals.pending()).isEmpty();
    }

    @Test
    void aRefusedFirefoxExtensionIsListedAndLetInOnceApproved() {
        assertThat(approvals.admits(FIREFOX)).isFalse();
        assertThat(approvals.pending()).extracting(OriginApprovals.Pending::kind).containsExactly(OriginKind.EXTENSION);

        approvals.decide(FIREFOX, true, "");

        assertThat(approvals.admits(FIREFOX)).isTrue();
        assertThat(approvals.pending()).isEmpty();
    }

    @Test
    void anApprovedPageIsNoExtension() {
        approvals.decide("chrome-extension://abcdefghijklmnopabcdefghijklmnop", false, "");
        approvals.decide(DAPP, true, "Dapp");

        assertThat(approvals.admits(DAPP)).isFalse();
    }

    @Test
    void callersAreTheirOwnPagesExtensionsNativeClientsOrWebPages() {
        assertThat(approvals.roleOf(wallet)).isEqualTo(CallerRole.OWN_PAGE);
        assertThat(approvals.roleOf(OriginClient.extension())).isEqualTo(CallerRole.EXTENSION);
        assertThat(approvals.roleOf(new OriginClient("n", null))).isEqualTo(CallerRole.NATIVE);
        assertThat(approvals.roleOf(new OriginClient("w", "https://wallet.example"))).isEqualTo(CallerRole.WEB_PAGE);
        assertThat(approvals.roleOf(new OriginClient("o", "http://127.0.0.1:8080"))).isEqualTo(CallerRole.WEB_PAGE);
    }

    @Test
    void revokingTellsListeners() throws Exception {
        approvals.decide(DAPP, true, "Dapp");
        wallet.notifications.clear();

        assertThat(approvals.revoke(DAPP)).isTrue();

        OriginClient.Notification changed = wallet.notifications.poll(5, TimeUnit.SECONDS);
        assertThat(changed.method()).isEqualTo("origin.changed");
        assertThat(changed.params().get("state").asText()).isEqualTo("revoked");
        assertThat(approvals.revoke(DAPP)).isFalse();
    }
}
