package dev.hwbridge.daemon.payload;

import static dev.hwbridge.daemon.payload.PayloadField.ASSET_ID;
import static dev.hwbridge.daemon.payload.PayloadField.BLOCK_HASH;
import static dev.hwbridge.daemon.payload.PayloadField.ERA;
import static dev.hwbridge.daemon.payload.PayloadField.GENESIS_HASH;
import static dev.hwbridge.daemon.payload.PayloadField.METADATA_HASH;
import static dev.hwbridge.daemon.payload.PayloadField.MODE;
import static dev.hwbridge.daemon.payload.PayloadField.NONCE;
import static dev.hwbridge.daemon.payload.PayloadField.SPEC_VERSION;
import static dev.hwbridge.daemon.payload.PayloadField.TIP;
import static dev.hwbridge.daemon.payload.PayloadField.TRANSACTION_VERSION;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed extensions @polkadot/types knows without chain metadata
 * ({@code packages/types/src/extrinsic/signedExtensions/{substrate,polkadot,shell,statemint}.ts}):
 * for each, the fields it adds to the extrinsic ("extra") and those only signed ("additional").
 * Without the chain's metadata an extension outside this table is read as polkadot-js reads it,
 * as carrying nothing (and the device is told); with the metadata, {@link MetadataPayloads} writes
 * every extension from the chain's own types instead.
 * polkadot-js's {@code VerifySignature} is left out on purpose: its extra is a runtime-specific enum.
 */
final class SignedExtensions {

    /** One extension's contribution. */
    record Extension(List<PayloadField> extra, List<PayloadField> additional) {
    }

    private static final Extension EMPTY = new Extension(List.of(), List.of());
    /** What polkadot-js makes of an extension it does not know when it has no metadata: nothing. */
    static final Extension NONE = EMPTY;
    private static final Extension MORTALITY = new Extension(List.of(ERA), List.of(BLOCK_HASH));
    private static final Extension TRANSACTION_PAYMENT = new Extension(List.of(TIP), List.of());

    private static final Map<String, Extension> KNOWN = Map.ofEntries(
            // substrate
            Map.entry("ChargeTransactionPayment", TRANSACTION_PAYMENT),
            Map.entry("CheckBlockGasLimit", EMPTY),
            Map.entry("CheckEra", MORTALITY),
            Map.entry("CheckGenesis", new Extension(List.of(), List.of(GENESIS_HASH))),
            Map.entry("CheckMetadataHash", new Extension(List.of(MODE), List.of(METADATA_HASH))),
            Map.entry("CheckMortality", MORTALITY),
            Map.entry("CheckNonZeroSender", EMPTY),
            Map.entry("CheckNonce", new Extension(List.of(NONCE), List.of())),
            Map.entry("CheckSpecVersion", new Extension(List.of(), List.of(SPEC_VERSION))),
            Map.entry("CheckTxVersion", new Extension(List.of(), List.of(TRANSACTION_VERSION))),
            Map.entry("CheckVersion", new Extension(List.of(), List.of(SPEC_VERSION))),
            Map.entry("CheckWeight", EMPTY),
            Map.entry("LockStakingStatus", EMPTY),
            Map.entry("SkipCheckIfFeeless", TRANSACTION_PAYMENT),
            Map.entry("ValidateEquivocationReport", EMPTY),
            Map.entry("WeightReclaim", EMPTY),
            // polkadot
            Map.entry("LimitParathreadCommits", EMPTY),
            Map.entry("OnlyStakingAndClaims", EMPTY),
            Map.entry("PrevalidateAttests", EMPTY),
            Map.entry("RestrictFunctionality", EMPTY),
            Map.entry("TransactionCallFilter", EMPTY),
            Map.entry("ValidateDoubleVoteReports", EMPTY),
            // shell
            Map.entry("DisallowSigned", EMPTY),
            // statemint
            Map.entry("ChargeAssetTxPayment", new Extension(List.of(TIP, ASSET_ID), List.of())));

    private SignedExtensions() {
    }

    static Optional<Extension> find(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    /**
     * The payload fields after the call, in signing order, for known extensions {@code names}: all
     * extras in extension order, then all additionals. A field named twice (CheckVersion and
     * CheckSpecVersion, say) appears once, where it first appeared: polkadot-js builds one struct
     * from these names, so a repeated name keeps its first position.
     */
    static Set<PayloadField> layout(List<Extension> extensions) {
        Set<PayloadField> fields = new LinkedHashSet<>();
        for (Extension extension : extensions) {
            fields.addAll(extension.extra());
        }
        for (Extension extension : extensions) {
            fields.addAll(extension.additional());
        }
        return fields;
    }
}
