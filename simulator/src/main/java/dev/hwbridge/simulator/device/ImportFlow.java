package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.ImportEncrypted;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.error.SignerException;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keystore.DecryptedAccount;
import dev.hwbridge.simulator.keystore.JsonKeystore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Imports a polkadot-js JSON file's key as a new identity holding that one key, after the user
 * confirms the account on the device. The device must be set up already (a key alone does not
 * set up a device). The identity is named by the request, else by the file's {@code meta.name}.
 */
final class ImportFlow {

    static final String FALLBACK_NAME = "imported";

    private final DeviceContext context;

    ImportFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(ImportEncrypted request, UserIo io) {
        DeviceState state = context.state();
        if (state.isEmpty()) {
            throw new FlowFailure(Failure.Code.NOT_INITIALIZED, "set up or recover the device before importing a key");
        }
        String requested = IdentityNames.check(request.getIdentity(), "an identity name");
        if (!requested.isEmpty() && state.hasName(requested)) {
            throw new FlowFailure(Failure.Code.ALREADY_INITIALIZED, "an identity of that name exists");
        }
        io.working("Decrypting");
        byte[] password = JsonKeystore.passwordBytes(request.getJsonPassword());
        try (DecryptedAccount account = JsonKeystore.decrypt(request.getJson(), password)) {
            if (account.isPublicOnly()) {
                throw new FlowFailure(Failure.Code.UNSUPPORTED_JSON, "the file holds no key (an external account)");
            }
            return store(account, requested, state, io);
        } catch (SignerException e) {
            throw FailureCodes.failure(e);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private Response store(DecryptedAccount account, String requested, DeviceState state, UserIo io) {
        KeyScheme scheme = account.scheme();
        try (KeyPair pair = keyPair(account)) {
            byte[] publicKey = pair.publicKey();
            if (!Arrays.equals(publicKey, account.publicKey())) {
                throw new FlowFailure(Failure.Code.INVALID_JSON, "the file's key does not match its public key");
            }
            String name = requested.isEmpty() ? unusedName(state, metaName(account)) : requested;
            io.require(ButtonRequest.Kind.IMPORT, "Import account",
                    List.of(account.address(), scheme.id() + " key", "as identity " + name));
            byte[] secret = pair.pkcs8Secret();
            try {
                context.commit(state.with(new Identity(name, new IdentitySecret.ImportedKey(scheme, secret, publicKey))));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            return DeriveFlow.publicKeyReply(scheme, publicKey);
        }
    }

    /** Old (generation 1/2) sr25519 files hold a 32-byte mini-secret instead of the expanded key. */
    private static KeyPair keyPair(DecryptedAccount account) {
        byte[] secret = account.secret();
        try {
            if (account.scheme() == KeyScheme.SR25519 && secret.length == 32) {
                return Keys.fromSeed(KeyScheme.SR25519, secret);
            }
            return Keys.fromPkcs8Secret(account.scheme(), secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static String metaName(DecryptedAccount account) {
        String raw = account.meta().path("name").asText("");
        StringBuilder clean = new StringBuilder();
        raw.strip().codePoints().filter(cp -> IdentityNames.isPrintable(Character.toString(cp)))
                .forEach(clean::appendCodePoint);
        String name = clean.toString().strip();
        while (name.getBytes(StandardCharsets.UTF_8).length > IdentityNames.MAX_BYTES - 4) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1)).strip();
        }
        return name.isEmpty() ? FALLBACK_NAME : name;
    }

    private static String unusedName(DeviceState state, String base) {
        String name = base;
        for (int n = 2; state.hasName(name); n++) {
            name = base + " " + n;
        }
        return name;
    }
}
