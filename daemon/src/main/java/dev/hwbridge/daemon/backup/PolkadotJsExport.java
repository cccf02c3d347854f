package dev.hwbridge.daemon.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Accounts as polkadot-js hardware-account JSON files, exactly as @polkadot/ui-keyring
 * {@code addHardware(address, hardwareType, meta)} stores them, so the polkadot-js apps UI and
 * extension can import them (they load locked: watch-only until a signer is attached):
 * <pre>{"encoded": base64(PAIR_HDR ‖ PAIR_DIV ‖ publicKey),
 *  "encoding": {"content": ["pkcs8", scheme], "type": ["none"], "version": "3"},
 *  "address": SS58 in the record's format (ecdsa: 0x-hex compressed public key, as polkadot-js writes it),
 *  "meta": {"genesisHash"?, "name", "type": scheme, "hardwareType": "hwbridge",
 *           "isHardware": true, "isExternal": true, "whenCreated": epoch ms}}</pre>
 *
 * <p>Decisions, against the ui-keyring output for a Ledger account:
 * <ul>
 *   <li>{@code hardwareType} is {@value #HARDWARE_TYPE}. polkadot-js types the field as
 *       {@code 'ledger'} only, but stores and shows any string (apps shows it as the account's
 *       crypto type); {@code 'ledger'} would make apps try to sign on a Ledger with Ledger paths.</li>
 *   <li>{@code accountIndex}/{@code accountOffset}/{@code addressOffset} are left out: they are
 *       Ledger BIP44 indices and mean nothing for a Substrate derivation path.</li>
 *   <li>{@code genesisHash} is left out when the account is for any chain (ui-keyring drops an
 *       undefined one the same way).</li>
 * </ul>
 * Nothing here is secret: the body holds no secret key (the JSON type is {@code ["none"]}).
 */
public final class PolkadotJsExport {

    /** The {@code meta.hardwareType} hwbridge accounts carry. */
    public static final String HARDWARE_TYPE = "hwbridge";

    private PolkadotJsExport() {
    }

    /** One file per account, in order. */
    public static ArrayNode export(List<AccountRecord> accounts) {
        Objects.requireNonNull(accounts, "accounts");
        ArrayNode files = JsonNodeFactory.instance.arrayNode();
        for (AccountRecord record : accounts) {
            files.add(file(record));
        }
        return files;
    }

    /** The file for one account. */
    public static ObjectNode file(AccountRecord record) {
        byte[] publicKey = Hex.fromHex(record.publicKey());
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.put("encoded", Base64.getEncoder().encodeToString(PolkadotJsPair.encode(publicKey)));
        ObjectNode encoding = file.putObject("encoding");
        encoding.putArray("content").add("pkcs8").add(record.scheme());
        encoding.putArray("type").add("none");
        encoding.put("version", "3");
        // polkadot-js pair.toJson writes an ecdsa or ethereum address as the hex compressed public key.
        file.put("address", record.isEthereum() || record.keyScheme() == KeyScheme.ECDSA ? record.publicKey()
                : record.address());
        ObjectNode meta = file.putObject("meta");
        if (record.genesisHash() != null) {
            meta.put("genesisHash", record.genesisHash());
        }
        meta.put("name", record.name());
        meta.put("type", record.scheme());
        meta.put("hardwareType", HARDWARE_TYPE);
        meta.put("isHardware", true);
        meta.put("isExternal", true);
        meta.put("whenCreated", record.createdAt().toEpochMilli());
        return file;
    }
}
