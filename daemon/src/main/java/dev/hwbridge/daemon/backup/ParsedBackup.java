package dev.hwbridge.daemon.backup;

import java.util.List;
import java.util.Objects;

/**
 * A validated backup document.
 *
 * @param format      {@link #HWBRIDGE} or {@link #POLKADOT_JS}
 * @param deviceLabel the label of the device the backup was made from, or null (always null for
 *                    polkadot-js files)
 * @param fingerprint the seed's {@link Fingerprint}, or null when the backup has none (always null
 *                    for polkadot-js files)
 * @param accounts    the accounts, in document order
 */
public record ParsedBackup(String format, String deviceLabel, String fingerprint, List<BackupAccount> accounts) {

    public static final String HWBRIDGE = "hwbridge";
    public static final String POLKADOT_JS = "polkadot-js";

    public ParsedBackup {
        Objects.requireNonNull(format, "format");
        accounts = List.copyOf(accounts);
    }
}
