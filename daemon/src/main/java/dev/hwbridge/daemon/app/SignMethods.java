package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.hwbridge.daemon.chain.RuntimeCache;
import dev.hwbridge.daemon.payload.InvalidPayloadException;
import dev.hwbridge.daemon.payload.SignedExtrinsics;
import dev.hwbridge.daemon.payload.SignerPayloads;
import dev.hwbridge.daemon.payload.SigningRequest;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.registry.AccountRegistry;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionManager;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.message.KeySchemes;
import dev.hwbridge.protocol.message.MessageParts;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code account.sign}, in two forms: by key ({@code {session, scheme, path, payload}}, a
 * transaction signing payload in hex) or by registered account ({@code {session, address,
 * signerPayload, metadataProof?}}, a polkadot-js {@code SignerPayloadJSON} or
 * {@code SignerPayloadRaw}). Both give {@code {signature, multiSignature}}; a SignerPayloadJSON
 * also {@code signerPayload} as signed and, when it asks, {@code signedTransaction}
 * ({@link TransactionSigning}).
 */
final class SignMethods implements MethodGroup {

    private static final Set<String> BY_KEY = Set.of("session", "scheme", "path", "payload", "identity", "passphrase", "ss58Format");
    private static final Set<String> BY_ACCOUNT = Set.of("session", "address", "signerPayload", "metadataProof");
    /** A proof of an XCM call is about 7 KB; a request in parts holds 64 KiB in all. */
    static final int MAX_PROOF_BYTES = MessageParts.MAX_MESSAGE_SIZE;
    private static final int SIGNATURE_LENGTH = 64;
    /** ecdsa and ethereum: r ‖ s ‖ v. */
    private static final int ECDSA_SIGNATURE_LENGTH = 65;

    private final SessionManager sessions;
    private final AccountRegistry registry;
    private final SeedFingerprints fingerprints;
    private final TransactionSigning transactions;

    SignMethods(SessionManager sessions, AccountRegistry registry, SeedFingerprints fingerprints, RuntimeCache runtimes) {
        this.sessions = sessions;
        this.registry = registry;
        this.fingerprints = fingerprints;
        this.transactions = new TransactionSigning(runtimes);
    }

    @Override
    public Map<String, RpcMethod> methods() {
        return Map.of("account.sign", (PreparedMethod) this::sign);
    }

    /**
     * Checks the params, finds the account, plans the transaction (blocking: the registry, the
     * chain's metadata), then starts the signing exchange, which waits for the user without a thread.
     */
    private CompletableFuture<JsonNode> sign(RpcClient client, JsonNode raw) throws RpcException {
        boolean byAccount = raw != null && raw.isObject() && (raw.has("signerPayload") || raw.has("address"));
        Params params = Params.of(raw, byAccount ? BY_ACCOUNT : BY_KEY);
        Session session = SessionMethods.session(params, sessions, client);
        if (!byAccount) {
            return start(session, client, byKey(params), false).thenApply(result -> result);
        }
        String address = AccountMethods.address(params, "address");
        JsonNode signerPayload = params.object("signerPayload");
        byte[] proof = proof(params);
        AccountRecord account = registry.find(address)
                .orElseThrow(() -> new RpcException(RpcError.UNKNOWN_ACCOUNT,
                        "the registry has no account with that address: derive it with a name or restore it first"));
        boolean message = signerPayload.has("data");
        if (message && proof != null) {
            throw Params.invalid("metadataProof", "is for a transaction, not a message");
        }
        SigningRequest parsedMessage = message ? parse(signerPayload) : null;
        SignPayload.Builder sign = forAccount(session, client, account,
                message ? parsedMessage.address() : payloadAddress(signerPayload));
        if (message) {
            return start(session, client, sign.setKind(SignPayload.Kind.RAW)
                    .setPayload(ByteString.copyFrom(parsedMessage.payload())).build(), account.isEthereum())
                    .thenApply(result -> result);
        }
        return transaction(session, client, sign, account, transactions.plan(signerPayload, proof));
    }

    /**
     * The request for a registered account, once the payload's address is found to be the
     * account's and the device to hold the seed the account was registered from.
     */
    private SignPayload.Builder forAccount(Session session, RpcClient client, AccountRecord account, String payloadAddress)
            throws RpcException {
        if (!sameAccount(payloadAddress, account)) {
            throw Params.invalid("signerPayload", "names another address than the address param");
        }
        String identity = account.identity() == null ? "" : account.identity();
        if (account.deviceFingerprint() != null
                && !account.deviceFingerprint().equals(fingerprints.of(session, client, identity))) {
            throw new RpcException(RpcError.UNKNOWN_ACCOUNT,
                    "the account was derived from another seed than the one on this device");
        }
        // A Ledger's ethereum key is its app's secp256k1 scheme (P2 2), which the device protocol calls ecdsa.
        KeyScheme scheme = account.isEthereum() ? KeyScheme.ECDSA : account.keyScheme();
        return SignPayload.newBuilder()
                .setScheme(KeySchemes.toProto(scheme))
                .setPath(account.path())
                .setIdentity(identity)
                .setAskPassword(account.passwordProtected())
                .setSs58Format(account.ss58Format());
    }

    /** Signs a planned transaction; the result adds the payload as signed and, if asked, the signed extrinsic. */
    private static CompletableFuture<JsonNode> transaction(Session session, RpcClient client, SignPayload.Builder sign,
            AccountRecord account, TransactionSigning.Plan plan) throws RpcException {
        sign.setKind(SignPayload.Kind.TRANSACTION).setPayload(ByteString.copyFrom(plan.payload()))
                .addAllUnknownExtensions(plan.unknownExtensions());
        if (plan.proof() != null) {
            sign.setMetadataProof(ByteString.copyFrom(plan.proof()));
        }
        // Refused before the user is asked to sign something that could not be sent.
        boolean rsv = account.isEthereum() || account.keyScheme() == KeyScheme.ECDSA;
        plan.checkSignedTransaction(signer(account, new byte[rsv ? ECDSA_SIGNATURE_LENGTH : SIGNATURE_LENGTH]));
        return start(session, client, sign.build(), account.isEthereum()).thenCompose(result -> {
            result.set("signerPayload", plan.signerPayload());
            try {
                String signed = plan.signedTransaction(signer(account, Hex.fromHex(result.get("signature").asText())));
                if (signed != null) {
                    result.put("signedTransaction", signed);
                }
            } catch (RpcException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(result);
        });
    }

    /** The signer of a signed extrinsic; an ethereum account's signature has no MultiSignature form. */
    private static SignedExtrinsics.Signer signer(AccountRecord account, byte[] signature) {
        if (account.isEthereum()) {
            return new SignedExtrinsics.Signer(account.accountId(), signature, null);
        }
        byte[] multi = new byte[1 + signature.length];
        multi[0] = account.keyScheme().multiSignatureIndex();
        System.arraycopy(signature, 0, multi, 1, signature.length);
        return new SignedExtrinsics.Signer(account.accountId(), signature, multi);
    }

    private SignPayload byKey(Params params) throws RpcException {
        KeyScheme scheme = Fields.scheme(params);
        return SignPayload.newBuilder()
                .setScheme(KeySchemes.toProto(scheme))
                .setPath(Fields.devicePath(params, "path", scheme))
                .setIdentity(Fields.identity(params))
                .setAskPassword(params.flag("passphrase"))
                .setKind(SignPayload.Kind.TRANSACTION)
                .setPayload(ByteString.copyFrom(Fields.payload(params, "payload")))
                .setSs58Format(Fields.optionalSs58Format(params).value())
                .build();
    }

    /** The optional {@code metadataProof}: 0x-hex, non-empty, bounded. */
    private static byte[] proof(Params params) throws RpcException {
        if (!params.has("metadataProof")) {
            return null;
        }
        String text = params.text("metadataProof", 2 + 2 * MAX_PROOF_BYTES);
        if (!Hex.isHex(text) || text.length() == 2) {
            throw Params.invalid("metadataProof", "must be non-empty 0x-hex");
        }
        return Hex.fromHex(text);
    }

    /** The signer payload's address, checked as the payload readers check it. */
    private static String payloadAddress(JsonNode signerPayload) throws RpcException {
        try {
            return SignerPayloads.address(signerPayload);
        } catch (InvalidPayloadException e) {
            throw TransactionSigning.invalid(e);
        }
    }

    private static SigningRequest parse(JsonNode signerPayload) throws RpcException {
        try {
            return SignerPayloads.fromSignerPayload(signerPayload);
        } catch (InvalidPayloadException e) {
            throw TransactionSigning.invalid(e);
        }
    }

    /**
     * Starts the signing exchange; the future gives {@code {signature, multiSignature}}. {@code
     * ethereum}: a Ledger's Ethereum-style key, whose {@code multiSignature} is the 65-byte r ‖ s ‖ v
     * itself (no MultiSignature prefix: an Ethereum-style chain's signature type has none).
     */
    private static CompletableFuture<ObjectNode> start(Session session, RpcClient client, SignPayload sign,
            boolean ethereum)
            throws RpcException {
        Request request = Request.newBuilder().setSignPayload(sign).build();
        if (request.getSerializedSize() > MessageParts.MAX_MESSAGE_SIZE) {
            throw new RpcException(RpcError.INVALID_PAYLOAD, "the payload is too large for a device message ("
                    + MessageParts.MAX_MESSAGE_SIZE + " bytes)");
        }
        KeyScheme scheme = KeyScheme.valueOf(sign.getScheme().name());
        return DeviceCalls.start(session, client, request, Response.BodyCase.SIGNATURE).thenCompose(reply -> {
            try {
                return CompletableFuture.completedFuture(
                        signed(scheme, reply.getSignature().getSignature().toByteArray(), ethereum));
            } catch (RpcException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    private static ObjectNode signed(KeyScheme scheme, byte[] signature, boolean ethereum) throws RpcException {
        int expected = scheme == KeyScheme.ECDSA ? ECDSA_SIGNATURE_LENGTH : SIGNATURE_LENGTH;
        if (signature.length != expected) {
            throw new RpcException(RpcError.DEVICE_ERROR, "the device answered a signature of the wrong length");
        }
        byte[] multi = signature;
        if (!ethereum) {
            multi = new byte[1 + signature.length];
            multi[0] = scheme.multiSignatureIndex();
            System.arraycopy(signature, 0, multi, 1, signature.length);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("signature", Hex.toHex(signature));
        result.put("multiSignature", Hex.toHex(multi));
        return result;
    }

    /** Whether {@code address} (SS58, or 0x for an ethereum account) is the account's. */
    private static boolean sameAccount(String address, AccountRecord account) {
        try {
            byte[] id = EthereumAddress.isHexForm(address) ? EthereumAddress.parse(address) : Ss58.decode(address).accountId();
            return Arrays.equals(id, account.accountId());
        } catch (FormatException e) {
            return false;
        }
    }
}
