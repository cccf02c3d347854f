package dev.hwbridge.daemon.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hwbridge.daemon.registry.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ChainStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final ChainStore.Limits SMALL = new ChainStore.Limits(2, 3, 1000);

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ChainStore.class);
        logger.addAppender(log);
        logger.setAdditive(false);
    }

    @AfterEach
    void releaseLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(ChainStore.class);
        logger.detachAppender(log);
        logger.setAdditive(true);
    }

    private static String genesis(int n) {
        return "0x" + String.format("%02x", n).repeat(32);
    }

    private static ChainRecord record(int chain, long specVersion, int secondsLater) {
        return new ChainRecord(genesis(chain), specVersion, "chain" + chain, 42, "0x" + "ab".repeat(32), 12, "UNIT",
                T0.plusSeconds(secondsLater));
    }

    private static byte[] metadata(int size, int fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    private ChainStore open(ChainStore.Limits limits) {
        return ChainStore.open(dataDir, limits, CLOCK, AtomicFile::write);
    }

    private Path chains() {
        return dataDir.resolve(ChainStore.DIRECTORY);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(chains())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void addedRuntimesAndTheirMetadataSurviveARestart() {
        ChainStore store = open(ChainStore.Limits.DEFAULT);
        ChainRecord a = record(1, 100, 0);
        ChainRecord b = record(2, 7, 1);
        store.add(b, metadata(10, 2));
        store.add(a, metadata(20, 1));

        ChainStore reopened = open(ChainStore.Limits.DEFAULT);

        assertThat(reopened.list()).containsExactly(a, b);
        assertThat(reopened.find(genesis(1), 100)).contains(a);
        assertThat(reopened.find(genesis(1), 101)).isEmpty();
        assertThat(reopened.metadata(a)).hasValueSatisfying(m -> assertThat(m).isEqualTo(metadata(20, 1)));
    }

    @Test
    void theDirectoryIsMadeByTheFirstAddNotByOpening() {
        ChainStore store = open(ChainStore.Limits.DEFAULT);

        assertThat(store.list()).isEmpty();
        assertThat(chains()).doesNotExist();
        store.add(record(1, 1, 0), metadata(1, 1));
        assertThat(chains()).isDirectory();
    }

    @Test
    void addingTheSameRuntimeAgainReplacesIt() {
        ChainStore store = open(ChainStore.Limits.DEFAULT);
        store.add(record(1, 100, 0), metadata(10, 1));
        ChainRecord again = new ChainRecord(genesis(1), 100, "chain1", 42, "0x" + "cd".repeat(32), 10, "DOT",
                T0.plusSeconds(5));

        store.add(again, metadata(12, 3));

        assertThat(store.list()).containsExactly(again);
        assertThat(open(ChainStore.Limits.DEFAULT).metadata(again)).hasValueSatisfying(m -> assertThat(m).hasSize(12));
    }

    @Test
    void aThirdVersionOfAChainDropsTheOneAddedLongestAgo() throws IOException {
        ChainStore store = open(SMALL);
        store.add(record(1, 101, 0), metadata(10, 1));
        store.add(record(1, 100, 1), metadata(10, 1));

        List<ChainRecord> dropped = store.add(record(1, 102, 2), metadata(10, 1));

        assertThat(dropped).containsExactly(record(1, 101, 0));
        assertThat(store.versions(genesis(1))).extracting(ChainRecord::specVersion).containsExactly(102L, 100L);
        assertThat(fileNames()).containsExactly(genesis(1) + "-100.chain", genesis(1) + "-102.chain");
    }

    @Test
    void pastTheCountOrByteBoundTheRuntimesAddedLongestAgoGoFirst() {
        ChainStore store = open(SMALL);
        store.add(record(1, 1, 0), metadata(100, 1));
        store.add(record(2, 1, 1), metadata(100, 1));
        store.add(record(3, 1, 2), metadata(100, 1));

        assertThat(store.add(record(4, 1, 3), metadata(100, 1))).containsExactly(record(1, 1, 0));
        // 300 + 900 bytes is past 1000: two go.
        assertThat(store.add(record(5, 1, 4), metadata(900, 1))).containsExactly(record(2, 1, 1), record(3, 1, 2));
        assertThat(store.list()).extracting(ChainRecord::genesisHash).containsExactly(genesis(4), genesis(5));
        assertThat(open(SMALL).list()).hasSize(2);
    }

    @Test
    void theNewRuntimeIsKeptEvenWhenItAloneFillsTheStore() {
        ChainStore store = open(SMALL);
        store.add(record(1, 1, 0), metadata(100, 1));

        store.add(record(2, 1, 1), metadata(1500, 1));

        assertThat(store.list()).containsExactly(record(2, 1, 1));
    }

    @Test
    void metadataOverTheBoundIsRefused() {
        ChainStore store = open(ChainStore.Limits.DEFAULT);

        assertThatThrownBy(() -> store.add(record(1, 1, 0), new byte[ChainStore.MAX_METADATA_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void forgetDeletesTheFileAndSaysWhetherItWasThere() throws IOException {
        ChainStore store = open(ChainStore.Limits.DEFAULT);
        store.add(record(1, 100, 0), metadata(10, 1));

        assertThat(store.forget(genesis(1), 101)).isFalse();
        assertThat(store.forget(genesis(1), 100)).isTrue();
        assertThat(store.list()).isEmpty();
        assertThat(fileNames()).isEmpty();
    }

    @Test
    void aFailedWriteLeavesTheStoreUnchanged() {
        ChainStore store = ChainStore.open(dataDir, ChainStore.Limits.DEFAULT, CLOCK, (target, content) -> {
            throw new IOException("disk full");
        });

        assertThatThrownBy(() -> store.add(record(1, 1, 0), metadata(10, 1))).isInstanceOf(UncheckedIOException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void unreadableFilesAreMovedAsideAtOpenAndTheOthersStillLoad() throws IOException {
        ChainStore store = open(ChainStore.Limits.DEFAULT);
        ChainRecord good = record(1, 1, 0);
        store.add(good, metadata(50, 1));
        store.add(record(2, 1, 0), metadata(50, 1));
        store.add(record(3, 1, 0), metadata(50, 1));
        Path truncated = chains().resolve(genesis(2) + "-1.chain");
        byte[] content = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(content, content.length - 1));
        // A valid file under another runtime's name.
        Files.move(chains().resolve(genesis(3) + "-1.chain"), chains().resolve(genesis(3) + "-2.chain"));
        Files.writeString(chains().resolve("notes.txt"), "left alone");

        ChainStore reopened = open(ChainStore.Limits.DEFAULT);

        assertThat(reopened.list()).containsExactly(good);
        assertThat(fileNames()).containsExactly(
                genesis(1) + "-1.chain",
                genesis(2) + "-1.chain.corrupt-20260304T050607.089Z",
                genesis(3) + "-2.chain.corrupt-20260304T050607.089Z",
                "notes.txt");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("not as long as the header says"))
                .anySatisfy(m -> assertThat(m).contains("another chain or version than its name"));
    }

    @Test
    void aFileChangedWhileTheDaemonRunsIsMovedAsideWhenItsMetadataIsRead() throws IOException {
        ChainStore store = open(ChainStore.Limits.DEFAULT);
        ChainRecord record = record(1, 1, 0);
        store.add(record, metadata(50, 1));
        Path file = chains().resolve(genesis(1) + "-1.chain");
        byte[] content = Files.readAllBytes(file);
        content[content.length - 1] ^= 1;
        Files.write(file, content);

        assertThat(store.metadata(record)).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(fileNames()).containsExactly(genesis(1) + "-1.chain.corrupt-20260304T050607.089Z");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("checksum does not match"));
    }

    @Test
    void onlyAsManyFilesAsTheBoundAreReadAtOpen() {
        ChainStore store = open(ChainStore.Limits.DEFAULT);
        for (int i = 1; i <= 4; i++) {
            store.add(record(i, 1, i), metadata(10, 1));
        }

        assertThat(open(SMALL).list()).hasSize(SMALL.runtimes());
    }

    @Test
    void addedAtOrdersEvictionNotTheClockOfTheStore() {
        // Runtimes carry their own time of adding; a later clock does not change who goes first.
        ChainStore store = ChainStore.open(dataDir, SMALL, Clock.offset(CLOCK, Duration.ofDays(1)), AtomicFile::write);
        store.add(record(2, 1, 10), metadata(10, 1));
        store.add(record(1, 1, 5), metadata(10, 1));
        store.add(record(3, 1, 20), metadata(10, 1));

        assertThat(store.add(record(4, 1, 30), metadata(10, 1))).containsExactly(record(1, 1, 5));
    }
}
