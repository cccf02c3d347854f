package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.chain.ChainRecord;
import dev.hwbridge.daemon.chain.RuntimeCache;
import dev.hwbridge.daemon.payload.InvalidPayloadException;
import dev.hwbridge.daemon.payload.MetadataPayloads;
import dev.hwbridge.daemon.payload.SignedExtrinsics;
import dev.hwbridge.daemon.payload.SignerPayloads;
import dev.hwbridge.daemon.payload.SigningRequest;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.proof.PayloadVerifier;
import dev.hwbridge.protocol.metadata.proof.ProofBuilder;
import dev.hwbridge.protocol.metadata.proof.ProofCodec;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code account.sign} sends the device for a transaction {@code SignerPayloadJSON} (API.md,
 * "account.sign"): for a chain whose metadata the daemon holds, the payload written from the
 * metadata's types and, with {@code CheckMetadataHash} enabled, the RFC-0078 proof that lets the
 * device verify and show it; the daemon enables it itself when the dapp lets it
 * ({@code withSignedTransaction}). For other chains, the payload as polkadot-js writes it, blind.
 */
final class TransactionSigning {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionSigning.class);

    private static final String CHECK_METADATA_HASH = PayloadVerifier.CHECK_METADATA_HASH;
    private static final String WITH_SIGNED_TRANSACTION = "withSignedTransaction";

    /**
     * What to sign and how to answer.
     *
     * @param payload       the signing payload (call ‖ extra ‖ additional)
     * @param proof         the metadata proof for the device, or null (blind)
     * @param signerPayload the payload as signed (mode and metadataHash as the daemon set them)
     * @param runtime       the chain's runtime, when the daemon holds it
     * @param parts         the payload's parts, when built from the metadata
     * @param unknownExtensions extensions read as empty for want of metadata (the device names them)
     */
    record Plan(byte[] payload, byte[] proof, ObjectNode signerPayload, Optional<RuntimeCache.Runtime> runtime,
                MetadataPayloads.Parts parts, List<String> unknownExtensions) {

        /** Whether the dapp asked for the signed extrinsic (and so let the daemon change the payload). */
        boolean withSignedTransaction() {
            return signerPayload.path(WITH_SIGNED_TRANSACTION).asBoolean(false);
        }

        /** Whether {@link #signedTransaction} will write the signed extrinsic. */
        boolean writesSignedTransaction() {
            return withSignedTransaction() && runtime.isPresent();
        }

        /**
         * Checks, before the device is asked, that the chain's address and signature types hold
         * such a signer (of the signature's length; the bytes do not matter yet).
         *
         * @throws RpcException INVALID_PAYLOAD when they do not: the transaction could not be sent
         */
        void checkSignedTransaction(SignedExtrinsics.Signer signer) throws RpcException {
            if (!writesSignedTransaction()) {
                return;
            }
            try {
                SignedExtrinsics.checkWritable(runtime.get().merkleizer(), signer);
            } catch (InvalidPayloadException e) {
                throw invalid(e);
            }
        }

        /**
         * The signed extrinsic, 0x-hex, when the dapp asked for it and the daemon holds the
         * chain's metadata; otherwise null (polkadot-js then builds it from the signature).
         */
        String signedTransaction(SignedExtrinsics.Signer signer) throws RpcException {
            if (!writesSignedTransaction()) {
                return null;
            }
            try {
                return Hex.toHex(SignedExtrinsics.v4(runtime.get().merkleizer(), signer, parts));
            } catch (InvalidPayloadException e) {
                throw invalid(e);
            }
        }
    }

    private final RuntimeCache runtimes;

    TransactionSigning(RuntimeCache runtimes) {
        this.runtimes = runtimes;
    }

    /**
     * @param clientProof a proof the caller made itself (the device checks it all the same), or null
     * @throws RpcException INVALID_PAYLOAD, METADATA_OUTDATED (the chain is known, this spec
     *                      version is not), METADATA_MISMATCH (the payload's hash is not the digest)
     */
    Plan plan(JsonNode given, byte[] clientProof) throws RpcException {
        ObjectNode signerPayload = given.deepCopy();
        Optional<ChainRecord> record = record(signerPayload);
        if (record.isEmpty()) {
            try {
                SigningRequest request = SignerPayloads.fromSignerPayload(signerPayload);
                return new Plan(request.payload(), clientProof, signerPayload, Optional.empty(), null,
                        request.unknownExtensions());
            } catch (InvalidPayloadException e) {
                throw invalid(e);
            }
        }
        RuntimeCache.Runtime runtime = runtime(record.get());
        boolean hashable = runtime.merkleizer().extrinsicMetadata().signedExtensions().stream()
                .anyMatch(e -> e.identifier().equals(CHECK_METADATA_HASH));
        boolean enabled = hashable && enableHash(signerPayload, record.get());
        MetadataPayloads.Parts parts;
        try {
            parts = MetadataPayloads.build(signerPayload, runtime.merkleizer());
        } catch (InvalidPayloadException e) {
            throw invalid(e);
        }
        byte[] payload = parts.signingPayload();
        byte[] proof = clientProof;
        if (proof == null && enabled) {
            try {
                proof = ProofCodec.encode(ProofBuilder.forPayload(runtime.merkleizer(), payload));
            } catch (MetadataException e) {
                throw new RpcException(RpcError.INVALID_PAYLOAD, "signerPayload does not decode with the chain's metadata: "
                        + e.getMessage(), Fields.fieldData("signerPayload"));
            }
        }
        return new Plan(payload, proof, signerPayload, Optional.of(runtime), parts, List.of());
    }

    /**
     * Whether the payload signs with {@code CheckMetadataHash} enabled: mode 1 with the registered
     * digest (another hash is METADATA_MISMATCH), or mode 0 that the dapp lets the daemon enable.
     */
    private static boolean enableHash(ObjectNode p, ChainRecord record) throws RpcException {
        JsonNode mode = p.get("mode");
        boolean modeOne = mode != null && mode.isNumber() ? mode.asInt() == 1
                : mode != null && mode.isTextual() && (mode.textValue().equals("1") || mode.textValue().equals("0x01"));
        if (modeOne) {
            JsonNode hash = p.get("metadataHash");
            if (hash == null || !hash.isTextual() || !Hex.isHex(hash.textValue()) || hash.textValue().length() != 66) {
                throw new RpcException(RpcError.INVALID_PAYLOAD, "signerPayload.metadataHash: mode 1 needs the 32-byte"
                        + " metadata hash", Fields.fieldData("signerPayload.metadataHash"));
            }
            if (!ChainRecord.canonicalHash(hash.textValue()).equals(record.metadataHash())) {
                throw new RpcException(RpcError.METADATA_MISMATCH, "signerPayload.metadataHash is not the metadata hash of "
                        + record.specName() + " " + record.specVersion() + " as the daemon holds it ("
                        + record.metadataHash() + ")", Fields.fieldData("signerPayload.metadataHash"));
            }
            return true;
        }
        if (p.path(WITH_SIGNED_TRANSACTION).asBoolean(false)) {
            p.put("mode", 1);
            p.put("metadataHash", record.metadataHash());
            return true;
        }
        return false;
    }

    /** The stored runtime the payload is for; empty when the daemon holds nothing of its chain. */
    private Optional<ChainRecord> record(JsonNode p) throws RpcException {
        JsonNode genesis = p.get("genesisHash");
        JsonNode specVersion = p.get("specVersion");
        if (genesis == null || !genesis.isTextual() || specVersion == null) {
            return Optional.empty();
        }
        String genesisHash;
        try {
            genesisHash = ChainRecord.canonicalHash(genesis.textValue());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<ChainRecord> versions = runtimes.versions(genesisHash);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        long version;
        try {
            version = SignerPayloads.specVersion(p);
        } catch (InvalidPayloadException e) {
            throw invalid(e);
        }
        return Optional.of(versions.stream().filter(r -> r.specVersion() == version).findFirst()
                .orElseThrow(() -> outdated(versions.get(0), version)));
    }

    private RuntimeCache.Runtime runtime(ChainRecord record) throws RpcException {
        try {
            return runtimes.runtime(record).orElseThrow(() -> outdated(record, record.specVersion()));
        } catch (IllegalStateException e) {
            LOG.error("cannot use the stored metadata: {}", e.getMessage());
            throw new RpcException(RpcError.INTERNAL_ERROR, "the stored metadata of this chain cannot be used; see the"
                    + " daemon log, then add it again with chain.addMetadata");
        }
    }

    private static RpcException outdated(ChainRecord newest, long wanted) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("hint", "chain.addMetadata");
        return new RpcException(RpcError.METADATA_OUTDATED, "the daemon holds the metadata of " + newest.specName()
                + " up to spec version " + newest.specVersion() + ", not of spec version " + wanted
                + ": add the chain's current metadata with chain.addMetadata", data);
    }

    /** INVALID_PAYLOAD naming the signer payload's member at fault. */
    static RpcException invalid(InvalidPayloadException e) {
        String field = e.field().isEmpty() ? "signerPayload" : "signerPayload." + e.field();
        return new RpcException(RpcError.INVALID_PAYLOAD, field + ": " + e.getMessage(), Fields.fieldData(field));
    }
}
