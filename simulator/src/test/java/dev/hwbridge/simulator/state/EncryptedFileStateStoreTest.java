package dev.hwbridge.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedFileStateStoreTest extends StateStoreContract {

    /** Cheap Argon2 so the suite stays fast; one test uses the real default. */
    static final KdfParams FAST = new KdfParams(64, 1, 1);
    private static final char[] PIN = "2580".toCharArray();
    private static final byte[] STATE = ("{\"identities\":[{\"name\":\"main\",\"entropy\":\"00112233445566778899aabbccddeeff\"}],"
            + "\"label\":\"desk\"}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private EncryptedFileStateStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    StateStore newStore() {
        return open();
    }

    private EncryptedFileStateStore open() {
        store = new EncryptedFileStateStore(dir, FAST, new SecureRandom());
        return store;
    }

    /** Simulates a restart: the old store goes (as it would with its process), a new one opens. */
    private EncryptedFileStateStore restart() {
        store.close();
        return open();
    }

    @Test
    void aSavedStateLoadsBackWithTheDefaultKdf() {
        store = new EncryptedFileStateStore(dir);

        assertSavedStateLoadsBack(store, STATE, PIN);
    }

    @Test
    void theStateSurvivesARestart() {
        open().save(STATE, PIN);

        assertThat(restart().load(PIN)).hasValueSatisfying(state -> assertThat(state).isEqualTo(STATE));
    }

    @Test
    void aWrongPinIsRefusedWithWrongPin() {
        open().save(STATE, PIN);

        assertThatThrownBy(() -> store.load("2581".toCharArray()))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN))
                .hasMessageNotContaining("2581").hasMessageNotContaining("2580");
        assertThatThrownBy(() -> store.load(new char[0]))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN));
    }

    @Test
    void aDeviceWithoutPinStoresUnderTheEmptyPin() {
        open().save(STATE, new char[0]);

        assertThat(restart().load(new char[0])).hasValueSatisfying(state -> assertThat(state).isEqualTo(STATE));
        assertThatThrownBy(() -> store.load(PIN))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN));
    }

    @Test
    void aFlippedByteAnywhereInTheFileIsCorruptNeverAWrongPinNorASuccess() throws Exception {
        open().save(STATE, PIN);
        Path file = dir.resolve(EncryptedFileStateStore.STATE_FILE);
        byte[] intact = Files.readAllBytes(file);

        for (int i = 0; i < intact.length; i++) {
            byte[] damaged = intact.clone();
            damaged[i] ^= 0x01;
            Files.write(file, damaged);
            int position = i;
            assertThatThrownBy(() -> store.load(PIN)).as("byte %d", position)
                    .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.CORRUPT));
        }
    }

    @Test
    void aTruncatedOrOverlongFileIsCorrupt() throws Exception {
        open().save(STATE, PIN);
        Path file = dir.resolve(EncryptedFileStateStore.STATE_FILE);
        byte[] intact = Files.readAllBytes(file);

        for (int length : new int[] {0, 1, 4, 40, intact.length - 33, intact.length - 1}) {
            Files.write(file, Arrays.copyOf(intact, length));
            assertThatThrownBy(() -> store.load(PIN)).as("length %d", length)
                    .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.CORRUPT));
        }
        Files.write(file, new byte[SealedState.MAX_SEALED_BYTES + 1]);
        assertThatThrownBy(() -> store.load(PIN))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.CORRUPT));
    }

    @Test
    void theFileHoldsNoneOfTheStatesPlaintext() throws Exception {
        open().save(STATE, PIN);
        byte[] file = Files.readAllBytes(dir.resolve(EncryptedFileStateStore.STATE_FILE));

        for (int i = 0; i + 4 <= STATE.length; i++) {
            byte[] window = Arrays.copyOfRange(STATE, i, i + 4);
            assertThat(indexOf(file, window)).as("plaintext bytes %d..%d", i, i + 4).isEqualTo(-1);
        }
    }

    @Test
    void theSaltIsKeptAcrossSavesAndTheNonceIsFresh() throws Exception {
        open().save(STATE, PIN);
        byte[] first = Files.readAllBytes(dir.resolve(EncryptedFileStateStore.STATE_FILE));
        store.save(STATE, "9999".toCharArray());
        byte[] second = Files.readAllBytes(dir.resolve(EncryptedFileStateStore.STATE_FILE));

        // Layout: salt length at 15, salt at 16, nonce length and nonce after it.
        int saltLength = first[15];
        assertThat(saltLength).isEqualTo(SealedState.SALT_BYTES);
        assertThat(Arrays.copyOfRange(second, 16, 16 + saltLength)).isEqualTo(Arrays.copyOfRange(first, 16, 16 + saltLength));
        assertThat(Arrays.copyOfRange(second, 17 + saltLength, 29 + saltLength))
                .isNotEqualTo(Arrays.copyOfRange(first, 17 + saltLength, 29 + saltLength));
        assertThat(store.load("9999".toCharArray())).hasValueSatisfying(state -> assertThat(state).isEqualTo(STATE));
    }

    @Test
    void aFileOpensWithTheKdfItWasWrittenWith() {
        open().save(STATE, PIN);
        store.close();

        store = new EncryptedFileStateStore(dir, new KdfParams(128, 2, 1), new SecureRandom());

        assertThat(store.load(PIN)).hasValueSatisfying(state -> assertThat(state).isEqualTo(STATE));
    }

    @Test
    void theFailedAttemptCounterSurvivesARestart() {
        assertThat(open().failedAttempts()).isZero();
        assertThat(store.recordFailedAttempt()).isEqualTo(1);
        assertThat(store.recordFailedAttempt()).isEqualTo(2);

        assertThat(restart().failedAttempts()).isEqualTo(2);
        assertThat(store.recordFailedAttempt()).isEqualTo(3);
        store.resetFailedAttempts();
        assertThat(restart().failedAttempts()).isZero();
    }

    @Test
    void anAttemptIsPersistedBeforeThePinIsTried() {
        open().save(STATE, PIN);

        // The device logic's order: count, then try. A power cut between the two still counts.
        store.recordFailedAttempt();
        assertThat(restart().failedAttempts()).isEqualTo(1);

        store.recordFailedAttempt();
        assertThatThrownBy(() -> store.load("0000".toCharArray())).isInstanceOf(StateException.class);
        assertThat(restart().failedAttempts()).isEqualTo(2);

        store.recordFailedAttempt();
        assertThat(store.load(PIN)).isPresent();
        assertThat(restart().failedAttempts()).as("load itself never resets the count").isEqualTo(3);
        store.resetFailedAttempts();
        assertThat(restart().failedAttempts()).isZero();
    }

    @Test
    void aDamagedCounterCountsAsEveryAttemptSpent() throws Exception {
        open().save(STATE, PIN);
        store.recordFailedAttempt();
        Path counter = dir.resolve(EncryptedFileStateStore.COUNTER_FILE);
        byte[] bytes = Files.readAllBytes(counter);
        bytes[8] ^= 0x01;
        Files.write(counter, bytes);

        assertThat(store.failedAttempts()).isEqualTo(StateStore.ALL_ATTEMPTS_SPENT);
        assertThat(store.recordFailedAttempt()).as("never past the bound, never back to 1")
                .isEqualTo(StateStore.ALL_ATTEMPTS_SPENT);
        assertThat(restart().failedAttempts()).isEqualTo(StateStore.ALL_ATTEMPTS_SPENT);
    }

    @Test
    void anOverlongCounterCountsAsEveryAttemptSpent() throws Exception {
        open().save(STATE, PIN);
        Files.write(dir.resolve(EncryptedFileStateStore.COUNTER_FILE), new byte[AttemptCount.FILE_BYTES + 1]);

        assertThat(store.failedAttempts()).isEqualTo(StateStore.ALL_ATTEMPTS_SPENT);
    }

    @Test
    void aCounterDeletedBesideAStateCountsAsEveryAttemptSpentNeverAsZero() throws Exception {
        open().save(STATE, PIN);
        store.recordFailedAttempt();
        Files.delete(dir.resolve(EncryptedFileStateStore.COUNTER_FILE));

        assertThat(restart().failedAttempts()).isEqualTo(StateStore.ALL_ATTEMPTS_SPENT);
    }

    @Test
    void aStateSealedBeforeTheCounterRuleWithoutACounterCountsNoAttemptsSpent() throws Exception {
        open().save(STATE, PIN);
        Path state = dir.resolve(EncryptedFileStateStore.STATE_FILE);
        Files.write(state, asVersion1(Files.readAllBytes(state)));
        Files.delete(dir.resolve(EncryptedFileStateStore.COUNTER_FILE));

        assertThat(restart().failedAttempts()).isZero();
    }

    @Test
    void aStateEditedToClaimTheOldVersionOpensWithNoPin() throws Exception {
        open().save(STATE, PIN);
        Path state = dir.resolve(EncryptedFileStateStore.STATE_FILE);
        Files.write(state, asVersion1(Files.readAllBytes(state)));

        assertThatThrownBy(() -> restart().load(PIN))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN));
    }

    /** The file as a version-1 writer would have laid it out: version byte 1, checksum recomputed. */
    private static byte[] asVersion1(byte[] sealed) throws Exception {
        byte[] edited = sealed.clone();
        edited[4] = 1;
        int body = edited.length - 32;
        byte[] checksum = java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(edited, body));
        System.arraycopy(checksum, 0, edited, body, 32);
        return edited;
    }

    @Test
    void aNewStateIsWrittenWithACounterOfZero() {
        open().save(STATE, PIN);

        assertThat(dir.resolve(EncryptedFileStateStore.COUNTER_FILE)).isRegularFile();
        assertThat(restart().failedAttempts()).isZero();
    }

    @Test
    void withoutAStateNoCounterMeansNoFailures() {
        assertThat(open().failedAttempts()).isZero();
        assertThat(dir.resolve(EncryptedFileStateStore.COUNTER_FILE)).doesNotExist();
    }

    @Test
    void wipeDestroysStateAndCounter() throws Exception {
        open().save(STATE, PIN);
        store.recordFailedAttempt();

        store.wipe();

        assertThat(store.exists()).isFalse();
        assertThat(store.failedAttempts()).isZero();
        assertThat(store.load(PIN)).isEmpty();
        assertThat(dir.resolve(EncryptedFileStateStore.STATE_FILE)).doesNotExist();
        assertThat(dir.resolve(EncryptedFileStateStore.COUNTER_FILE)).doesNotExist();
        assertThat(restart().exists()).isFalse();
    }

    @Test
    void aNewStateAfterAWipeGetsANewSalt() throws Exception {
        open().save(STATE, PIN);
        byte[] before = Files.readAllBytes(dir.resolve(EncryptedFileStateStore.STATE_FILE));
        store.wipe();
        store.save(STATE, PIN);
        byte[] after = Files.readAllBytes(dir.resolve(EncryptedFileStateStore.STATE_FILE));

        assertThat(Arrays.copyOfRange(after, 16, 48)).isNotEqualTo(Arrays.copyOfRange(before, 16, 48));
    }

    @Test
    void aTempFileLeftByACrashIsRemovedAndThePreviousStateStaysReadable() throws Exception {
        open().save(STATE, PIN);
        store.recordFailedAttempt();
        // A crash mid-save: the new state reached its temp file, never the rename.
        Path leftover = dir.resolve(EncryptedFileStateStore.STATE_FILE + ".0123456789abcdef" + AtomicFiles.TEMP_SUFFIX);
        Files.write(leftover, new byte[] {1, 2, 3});
        Path leftoverCounter = dir.resolve(EncryptedFileStateStore.COUNTER_FILE + ".fedcba9876543210" + AtomicFiles.TEMP_SUFFIX);
        Files.write(leftoverCounter, new byte[0]);

        restart();

        assertThat(leftover).doesNotExist();
        assertThat(leftoverCounter).doesNotExist();
        assertThat(store.load(PIN)).hasValueSatisfying(state -> assertThat(state).isEqualTo(STATE));
        assertThat(store.failedAttempts()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(".lock", EncryptedFileStateStore.STATE_FILE, EncryptedFileStateStore.COUNTER_FILE);
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() {
        open();

        assertThatThrownBy(() -> new EncryptedFileStateStore(dir, FAST, new SecureRandom()))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.IN_USE));
    }

    @Test
    void everyFileIsReadableByTheOwnerOnlyInADirectoryOnlyTheOwnerEnters() throws Exception {
        assumeTrue(isPosix(), "POSIX permissions");
        Path nested = dir.resolve("device");
        store = new EncryptedFileStateStore(nested, FAST, new SecureRandom());
        store.save(STATE, PIN);
        store.recordFailedAttempt();

        Set<PosixFilePermission> ownerRw = PosixFilePermissions.fromString("rw-------");
        try (var files = Files.list(nested)) {
            assertThat(files).isNotEmpty().allSatisfy(file ->
                    assertThat(Files.getPosixFilePermissions(file)).as("%s", file.getFileName()).isEqualTo(ownerRw));
        }
        assertThat(Files.getPosixFilePermissions(nested)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rwxr-x---", "rwx--x---", "rwx-w----", "rwx---r--", "rwx----w-", "rwxrwxrwx"})
    void anExistingDirectoryThatGroupOrOthersMayUseIsRefused(String permissions) throws Exception {
        assumeTrue(isPosix(), "POSIX permissions");
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString(permissions));

        assertThatThrownBy(() -> new EncryptedFileStateStore(shared, FAST, new SecureRandom()))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.code()).isEqualTo(StateError.INSECURE_DIRECTORY);
                    assertThat(e.getMessage()).contains(shared.toString(), permissions, "chmod 700");
                });
        try (var files = Files.list(shared)) {
            assertThat(files).as("nothing written into it").isEmpty();
        }
    }

    @Test
    void anExistingDirectoryOnlyTheOwnerMayUseIsAccepted() throws Exception {
        assumeTrue(isPosix(), "POSIX permissions");
        Path own = Files.createDirectory(dir.resolve("own"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));

        store = new EncryptedFileStateStore(own, FAST, new SecureRandom());
        store.save(STATE, PIN);

        assertThat(store.load(PIN)).isPresent();
    }

    private boolean isPosix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void anOversizeStateIsRefusedAndTheOldOneStays() {
        open().save(STATE, PIN);

        assertThatThrownBy(() -> store.save(new byte[StateStore.MAX_STATE_BYTES + 1], PIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load(PIN)).map(Arrays::toString).isEqualTo(Optional.of(Arrays.toString(STATE)));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
