package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.simulator.error.SignerException;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import java.util.Arrays;
import java.util.List;

/**
 * Opens the key pair an {@link AccountSpec} names: the identity's seed (with a {@code ///password}
 * typed on the device when asked for) or its imported key, then the path's junctions.
 */
final class AccountKeys {

    private AccountKeys() {
    }

    /**
     * The pair; the caller closes it.
     *
     * @throws FlowFailure LOCKED, NOT_INITIALIZED, UNKNOWN_IDENTITY, UNSUPPORTED_SCHEME,
     *         INVALID_REQUEST (a password for an imported key), INVALID_PATH, CANCELLED
     */
    static KeyPair open(DeviceContext context, UserIo io, AccountSpec spec) {
        Identity identity = identity(context, spec.identity());
        String password = spec.askPassword() && identity.secret() instanceof IdentitySecret.Seed
                ? io.ask(InputRequest.Kind.PASSWORD, "Password for " + spec.pathText(),
                        List.of("Identity " + identity.name(), "Type the ///password of this account"))
                : null;
        io.working("Deriving the key");
        if (password == null || password.isEmpty()) {
            return openWithoutPassword(identity, spec);
        }
        try {
            return openWithPassword((IdentitySecret.Seed) identity.secret(), spec, password);
        } catch (SignerException e) {
            throw FailureCodes.failure(e);
        }
    }

    /**
     * The pair of {@code identity} at the spec's path, without a ///password, asking nothing: a
     * seed's keys come from its kept mini-secret (no PBKDF2 but the first time after an unlock);
     * an imported key refuses a spec that asks for a password.
     *
     * @throws FlowFailure UNSUPPORTED_SCHEME, INVALID_REQUEST (a password for an imported key), INVALID_PATH
     */
    static KeyPair openWithoutPassword(Identity identity, AccountSpec spec) {
        if (identity.secret() instanceof IdentitySecret.ImportedKey key) {
            return openImported(key, spec);
        }
        byte[] miniSecret = ((IdentitySecret.Seed) identity.secret()).miniSecret();
        try {
            return Keys.fromSeed(spec.scheme(), miniSecret, spec.path());
        } catch (SignerException e) {
            throw FailureCodes.failure(e);
        } finally {
            Arrays.fill(miniSecret, (byte) 0);
        }
    }

    /** A ///password makes another mini-secret, which is computed for this request only and never kept. */
    private static KeyPair openWithPassword(IdentitySecret.Seed seed, AccountSpec spec, String password) {
        byte[] entropy = seed.entropy();
        try (SecretUri bare = new SecretUri(SecretUri.Kind.MNEMONIC, entropy, spec.path(), null);
             SecretUri uri = bare.withPassword(password)) {
            return Keys.fromUri(spec.scheme(), uri);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /**
     * The identity a request names ("" is the first).
     *
     * @throws FlowFailure LOCKED, NOT_INITIALIZED, UNKNOWN_IDENTITY
     */
    static Identity identity(DeviceContext context, String name) {
        DeviceState state = context.state();
        if (state.isEmpty()) {
            throw new FlowFailure(Failure.Code.NOT_INITIALIZED, "the device holds no seed: set it up or recover one");
        }
        return state.find(name).orElseThrow(
                () -> new FlowFailure(Failure.Code.UNKNOWN_IDENTITY, "no identity of that name"));
    }

    /** The SS58 address of a public key, as the screen shows it. */
    static String address(KeyScheme scheme, byte[] publicKey, Ss58Prefix prefix) {
        return Ss58.encode(AccountId.of(scheme, publicKey), prefix);
    }

    private static KeyPair openImported(IdentitySecret.ImportedKey key, AccountSpec spec) {
        if (key.scheme() != spec.scheme()) {
            throw new FlowFailure(Failure.Code.UNSUPPORTED_SCHEME,
                    "this identity holds one imported " + key.scheme().id() + " key");
        }
        if (spec.askPassword()) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST,
                    "an imported key has no seed, so no ///password applies to it");
        }
        byte[] secret = key.pkcs8Secret();
        try (KeyPair root = Keys.fromPkcs8Secret(key.scheme(), secret)) {
            return Keys.derive(root, spec.path());
        } catch (SignerException e) {
            throw FailureCodes.failure(e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
