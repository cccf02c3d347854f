package dev.hwbridge.daemon.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T18:00:00Z"), ZoneOffset.UTC);
    private static final OriginRecord DAPP =
            new OriginRecord("https://dapp.example", "Dapp", OriginKind.PAGE, Instant.parse("2026-12-07T17:00:00Z"));

    @TempDir
    Path dataDir;

    @Test
    void anApprovalIsThereAfterReopening() {
        OriginStore.open(dataDir).approve(DAPP);

        assertThat(OriginStore.open(dataDir).list()).containsExactly(DAPP);
    }

    @Test
    void aRevokedOriginIsGoneAfterReopening() {
        OriginStore store = OriginStore.open(dataDir);
        store.approve(DAPP);

        assertThat(store.revoke("https://dapp.example")).isTrue();
        assertThat(store.revoke("https://dapp.example")).isFalse();
        assertThat(OriginStore.open(dataDir).find("https://dapp.example")).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsMovedAsideAndTheStoreStartsEmpty() throws IOException {
        Files.writeString(dataDir.resolve(OriginStore.FILE), "{\"version\":1,\"origins\":[{\"origin\":\"HTTPS://X\"}]}");

        OriginStore store = OriginStore.open(dataDir, CLOCK, (target, content) -> Files.write(target, content));

        assertThat(store.list()).isEmpty();
        assertThat(dataDir.resolve("origins.json.corrupt-20261207T180000.000Z")).exists();
    }

    @Test
    void aFailedWriteLeavesTheStoreAsItWas() {
        OriginStore store = OriginStore.open(dataDir, CLOCK, (target, content) -> {
            throw new IOException("disk full");
        });

        assertThatThrownBy(() -> store.approve(DAPP)).isInstanceOf(UncheckedIOException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void theFileIsVersionedJsonOfTheRecords() {
        String text = new String(OriginStore.encode(java.util.List.of(DAPP)), StandardCharsets.UTF_8);

        assertThat(OriginStore.decode(text.getBytes(StandardCharsets.UTF_8))).containsValue(DAPP);
        assertThat(text).contains("\"version\" : 1", "\"kind\" : \"page\"");
    }
}
