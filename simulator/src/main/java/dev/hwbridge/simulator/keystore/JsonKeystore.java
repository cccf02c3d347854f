package dev.hwbridge.simulator.keystore;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * polkadot-js JSON account files (format version 3, as {@code pair.toJson(password)} writes them
 * in polkadot-js 14), written and read bit for bit as polkadot-js does; see
 * {@code shared/notes/polkadot-formats.md} section 1. Stateless and thread-safe.
 *
 * <p>Every failure is a {@link SignerException}: {@code WRONG_PASSWORD} when the password does
 * not open the file, {@code PASSWORD_REQUIRED} when none was given for an encrypted file,
 * {@code INVALID_JSON} for a malformed file (the message names the field), {@code UNSUPPORTED_JSON}
 * for a well-formed file we do not open (other versions, key types or scrypt parameters),
 * {@code INVALID_KEY} for keys of the wrong size given to export. Messages never hold a secret.
 */
public final class JsonKeystore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JsonKeystore() {
    }

    /**
     * Encrypts one account as polkadot-js 14 {@code toJson(password)} does: scrypt N=2^17, p=1, r=8
     * over a random 32-byte salt, XSalsa20-Poly1305 with a random 24-byte nonce, meta
     * {@code {name, whenCreated}} as the polkadot-js UI keyring keeps it.
     *
     * @param pkcs8Secret sr25519: 64 bytes (scalar×8 ‖ nonce); ed25519: 64 bytes (seed ‖ public key);
     *                    ecdsa: the 32-byte private key
     * @param publicKey   32 bytes, or the 33-byte compressed key for ecdsa
     * @param password    the key material (see {@link #passwordBytes}); must not be empty
     * @param name        {@code meta.name}, left out when null
     * @param prefix      SS58 prefix of {@code address} (required; unused for ecdsa, whose file
     *                    carries the hex public key instead)
     * @return the JSON text, laid out as {@code JSON.stringify(pair.toJson(password))}
     */
    public static String export(KeyScheme scheme, byte[] pkcs8Secret, byte[] publicKey, byte[] password,
            String name, Ss58Prefix prefix) {
        byte[] salt = new byte[EncodedLayout.SALT_LENGTH];
        byte[] nonce = new byte[SecretBox.NONCE_LENGTH];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        return export(scheme, pkcs8Secret, publicKey, password, name, prefix,
                new ExportParameters(salt, nonce, ScryptParams.DEFAULT, System.currentTimeMillis()));
    }

    /** {@link #export} with the random and time-dependent inputs fixed, for reproducible vectors. */
    static String export(KeyScheme scheme, byte[] pkcs8Secret, byte[] publicKey, byte[] password,
            String name, Ss58Prefix prefix, ExportParameters parameters) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(prefix, "prefix");
        checkKeys(scheme, pkcs8Secret, publicKey);
        if (password == null || password.length == 0) {
            throw new SignerException(SignerError.PASSWORD_REQUIRED, "a password is required to export an account");
        }
        byte[] encoded = encrypt(new Pkcs8Body(pkcs8Secret.clone(), publicKey.clone()), password, parameters);
        StringBuilder json = new StringBuilder(512);
        json.append("{\"encoded\":");
        JsonText.appendQuoted(json, Base64.getEncoder().encodeToString(encoded));
        json.append(",\"encoding\":{\"content\":[\"pkcs8\",");
        JsonText.appendQuoted(json, scheme.id());
        json.append("],\"type\":[\"scrypt\",\"xsalsa20-poly1305\"],\"version\":\"3\"},\"address\":");
        JsonText.appendQuoted(json, FileAddress.forExport(scheme, publicKey, prefix));
        json.append(",\"meta\":{");
        if (name != null) {
            json.append("\"name\":");
            JsonText.appendQuoted(json, name);
            json.append(',');
        }
        json.append("\"whenCreated\":").append(parameters.whenCreated()).append("}}");
        return json.toString();
    }

    /**
     * Opens a JSON account file. Files that do not name their key type (version "0", or a
     * non-array {@code encoding.content}) are read as sr25519; see the three-argument form.
     *
     * @param password the key material (see {@link #passwordBytes}); may be null for an
     *                 unencrypted ({@code "none"}) file, where any password is ignored. For a v2
     *                 (pre-scrypt) file polkadot-js pads the UTF-8 of the password text, so pass
     *                 UTF-8 bytes there even when the password looks like 0x-hex.
     */
    public static DecryptedAccount decrypt(String json, byte[] password) {
        return decrypt(json, password, KeyScheme.SR25519);
    }

    /**
     * Opens a JSON account file.
     *
     * @param fallbackScheme the key type of a file that does not name one (polkadot-js uses the
     *                       importing keyring's type there)
     */
    public static DecryptedAccount decrypt(String json, byte[] password, KeyScheme fallbackScheme) {
        Objects.requireNonNull(fallbackScheme, "fallbackScheme");
        try (KeystoreFile file = KeystoreFile.parse(json, fallbackScheme)) {
            return open(file, password);
        }
    }

    /**
     * The key material polkadot-js derives from a password string ({@code u8aToU8a}): a string
     * that is 0x-hex of even length is hex-decoded ({@code "0x1234"} gives 12 34, {@code "0x"}
     * nothing); any other string is its UTF-8, without normalisation. Null gives no bytes.
     */
    public static byte[] passwordBytes(String password) {
        if (password == null) {
            return new byte[0];
        }
        return Hex.isHex(password) ? Hex.fromHex(password) : password.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encrypt(Pkcs8Body body, byte[] password, ExportParameters parameters) {
        byte[] plaintext = body.encode();
        byte[] key = ScryptKdf.secretBoxKey(password, parameters.salt(), parameters.params());
        try {
            byte[] box = SecretBox.seal(key, parameters.nonce(), plaintext);
            EncodedLayout.Sealed sealed = new EncodedLayout.Sealed(parameters.nonce(), box);
            return new EncodedLayout(parameters.salt(), parameters.params(), sealed).toBytes();
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
            body.close();
        }
    }

    private static DecryptedAccount open(KeystoreFile file, byte[] password) {
        KeyScheme scheme = file.scheme();
        String address = file.address().text();
        if (file.addressOnly()) {
            return new DecryptedAccount(scheme, new byte[0], file.address().publicKey(scheme), address, file.meta());
        }
        byte[] body = body(file, password);
        try (Pkcs8Body parts = Pkcs8Body.decode(body, scheme)) {
            if (!file.address().matches(scheme, parts.publicKey())) {
                throw new SignerException(SignerError.INVALID_JSON, "address does not match the public key in encoded");
            }
            return new DecryptedAccount(scheme, parts.secret(), parts.publicKey(), address, file.meta());
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The plaintext body: as stored for an unencrypted file, else opened with the password. */
    private static byte[] body(KeystoreFile file, byte[] password) {
        if (file.encryption() == KeystoreFile.Encryption.NONE) {
            return file.encoded().clone();
        }
        if (password == null) {
            throw new SignerException(SignerError.PASSWORD_REQUIRED, "unable to decrypt: a password is required");
        }
        int minBox = SecretBox.TAG_LENGTH + Pkcs8Body.MIN_LENGTH;
        EncodedLayout.Sealed sealed;
        byte[] key;
        if (file.encryption() == KeystoreFile.Encryption.SCRYPT) {
            EncodedLayout layout = EncodedLayout.parse(file.encoded(), minBox);
            sealed = layout.sealed();
            key = ScryptKdf.secretBoxKey(password, layout.salt(), layout.params());
        } else {
            // v2: the password itself, zero-padded or cut to the 32-byte key (polkadot-js u8aFixLength).
            sealed = EncodedLayout.Sealed.parse(file.encoded(), minBox);
            key = Arrays.copyOf(password, SecretBox.KEY_LENGTH);
        }
        try {
            byte[] body = SecretBox.open(key, sealed.nonce(), sealed.box());
            if (body == null) {
                throw new SignerException(SignerError.WRONG_PASSWORD, "unable to decrypt: wrong password");
            }
            return body;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void checkKeys(KeyScheme scheme, byte[] secret, byte[] publicKey) {
        int secretLength = scheme == KeyScheme.ECDSA ? Pkcs8Body.SEED_LENGTH : Pkcs8Body.SECRET_LENGTH;
        int publicLength = Pkcs8Body.publicKeyLength(scheme);
        if (secret == null || secret.length != secretLength) {
            throw new SignerException(SignerError.INVALID_KEY,
                    "an " + scheme.id() + " pkcs8 secret is " + secretLength + " bytes");
        }
        if (publicKey == null || publicKey.length != publicLength) {
            throw new SignerException(SignerError.INVALID_KEY,
                    "an " + scheme.id() + " public key is " + publicLength + " bytes");
        }
        if (scheme == KeyScheme.ECDSA && publicKey[0] != 0x02 && publicKey[0] != 0x03) {
            throw new SignerException(SignerError.INVALID_KEY, "an ecdsa public key must be compressed (02 or 03 first)");
        }
        if (scheme == KeyScheme.ED25519
                && !Arrays.equals(secret, Pkcs8Body.SEED_LENGTH, Pkcs8Body.SECRET_LENGTH, publicKey, 0, publicLength)) {
            throw new SignerException(SignerError.INVALID_KEY, "an ed25519 pkcs8 secret ends with its public key");
        }
    }

    /** The inputs of an export that are random or time-dependent. */
    record ExportParameters(byte[] salt, byte[] nonce, ScryptParams params, long whenCreated) {

        ExportParameters {
            Objects.requireNonNull(params, "params");
            if (salt.length != EncodedLayout.SALT_LENGTH || nonce.length != SecretBox.NONCE_LENGTH) {
                throw new IllegalArgumentException("salt is 32 bytes and nonce 24 bytes");
            }
        }
    }
}
