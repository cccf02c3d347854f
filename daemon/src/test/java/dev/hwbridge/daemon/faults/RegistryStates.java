package dev.hwbridge.daemon.faults;

import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry contents a {@link RegistryWriter} passes through, as a function of its step
 * count: step {@code s} puts one record into slot {@code s mod SLOTS}, named after {@code s}.
 * The first {@link #SLOTS} steps add records, later ones replace them in place, so the file
 * stays a constant size and every state names the step that made it.
 */
final class RegistryStates {

    /** Accounts the writer cycles through; the file holds at most this many (a few KiB each write). */
    static final int SLOTS = 40;
    private static final String NAME_PREFIX = "step ";

    private RegistryStates() {
    }

    /** What step {@code step} (0, 1, …) puts. */
    static AccountRecord recordAt(long step) {
        int slot = (int) (step % SLOTS);
        byte[] key = TestAccounts.publicKey(KeyScheme.ED25519, slot);
        return new AccountRecord(NAME_PREFIX + step, TestAccounts.address(KeyScheme.ED25519, key, 0), Hex.toHex(key),
                KeyScheme.ED25519.id(), "//hard//" + slot, false, 0, TestAccounts.POLKADOT_GENESIS, null, null,
                TestAccounts.CREATED);
    }

    /** The registry after steps 0..{@code step}; empty for {@code step} −1 (nothing written yet). */
    static List<AccountRecord> after(long step) {
        List<AccountRecord> records = new ArrayList<>();
        for (int slot = 0; slot < SLOTS && slot <= step; slot++) {
            long latest = step - Math.floorMod(step - slot, SLOTS);
            records.add(recordAt(latest));
        }
        return records;
    }

    /**
     * The step whose state {@code records} is, or empty if it is no state the writer passes
     * through (a torn, mixed or foreign registry).
     */
    static Optional<Long> stepOf(List<AccountRecord> records) {
        long step = -1;
        for (AccountRecord record : records) {
            if (!record.name().startsWith(NAME_PREFIX)) {
                return Optional.empty();
            }
            try {
                step = Math.max(step, Long.parseLong(record.name().substring(NAME_PREFIX.length())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return after(step).equals(records) ? Optional.of(step) : Optional.empty();
    }
}
