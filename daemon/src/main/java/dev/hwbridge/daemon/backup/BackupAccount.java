package dev.hwbridge.daemon.backup;

import java.util.Objects;

/**
 * One account read from a backup, validated and canonicalised (lower-case hex, canonical SS58).
 *
 * @param name              the label ({@code ""} when a polkadot-js file has none)
 * @param address           SS58 address in {@code ss58Format}
 * @param publicKey         {@code 0x}-hex public key
 * @param scheme            {@code "sr25519"}, {@code "ed25519"} or {@code "ecdsa"}
 * @param path              the public derivation path, or null when unknown (polkadot-js files)
 * @param passwordProtected whether the account needs a {@code ///password} (false when unknown)
 * @param ss58Format        the SS58 prefix of {@code address}
 * @param genesisHash       {@code 0x}-hex genesis hash, or null
 */
public record BackupAccount(String name, String address, String publicKey, String scheme, String path,
                            boolean passwordProtected, int ss58Format, String genesisHash) {

    public BackupAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(scheme, "scheme");
    }
}
