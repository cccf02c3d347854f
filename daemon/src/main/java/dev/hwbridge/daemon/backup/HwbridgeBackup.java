package dev.hwbridge.daemon.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.protocol.account.Hex;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The project's own backup format, version 2 (version 1 without Ledger paths): public metadata only, described by the JSON Schema
 * {@value #SCHEMA_RESOURCE} (shipped in the jar):
 * <pre>{"format":"hwbridge-backup","version":2,"createdAt":"2025-01-02T03:04:05Z",
 *  "device":{"label":…,"fingerprint":…},
 *  "accounts":[{"name","address","publicKey","scheme","path","passwordProtected","ss58Format","genesisHash"}]}</pre>
 * A {@code ///password} never appears: {@code path} is the public part and
 * {@code passwordProtected} says the device must ask for one. {@link BackupReader} reads it back.
 */
public final class HwbridgeBackup {

    public static final String FORMAT = "hwbridge-backup";
    /** Version 2 adds Ledger accounts: BIP32 paths {@code m/44'/354'/a'/c'/i'} (ed25519). */
    public static final int VERSION = 2;
    /** The oldest version still read: its documents restore as they always did. */
    public static final int FIRST_VERSION = 1;
    /** Classpath location of the JSON Schema (draft 2020-12) of the format. */
    public static final String SCHEMA_RESOURCE = "/dev/hwbridge/daemon/backup/hwbridge-backup.schema.json";
    /** Longest device label written or read. */
    public static final int MAX_LABEL_LENGTH = 256;

    private HwbridgeBackup() {
    }

    /**
     * @param accounts    the accounts, in the order to write them
     * @param deviceLabel the device's label, or null when it has none
     * @param fingerprint the seed's {@link Fingerprint} ({@code 0x}-hex, 32 bytes), or null when
     *                    unknown (restore then cannot check the seed up front)
     * @param createdAt   written with millisecond precision
     */
    public static ObjectNode export(List<AccountRecord> accounts, String deviceLabel, String fingerprint,
                                    Instant createdAt) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(createdAt, "createdAt");
        if (deviceLabel != null && deviceLabel.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("a device label has at most " + MAX_LABEL_LENGTH + " characters");
        }
        if (fingerprint != null && !(Hex.isHex(fingerprint) && fingerprint.length() == 66)) {
            throw new IllegalArgumentException("a fingerprint is 32 bytes of 0x-hex");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("createdAt", createdAt.truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode device = root.putObject("device");
        device.put("label", deviceLabel);
        device.put("fingerprint", fingerprint == null ? null : Hex.toHex(Hex.fromHex(fingerprint)));
        ArrayNode array = root.putArray("accounts");
        for (AccountRecord record : accounts) {
            ObjectNode account = array.addObject();
            account.put("name", record.name());
            account.put("address", record.address());
            account.put("publicKey", record.publicKey());
            account.put("scheme", record.scheme());
            account.put("path", record.path());
            account.put("passwordProtected", record.passwordProtected());
            account.put("ss58Format", record.ss58Format());
            account.put("genesisHash", record.genesisHash());
        }
        return root;
    }
}
