package dev.hwbridge.interop;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.bip39.Mnemonic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Secret URIs for the interop test: fixed ones (the dev phrase, BIP39 reference entropy) and new
 * random ones every run, made from a seeded {@link Random} so a failing run can be repeated by
 * its seed. Test keys only; nothing here guards anything.
 */
final class TestAccounts {

    static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    /** BIP39 reference entropy 7f×16. */
    static final String LEGAL_WINNER =
            "legal winner thank year wave sausage worth useful legal winner thank yellow";

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random;

    TestAccounts(long seed) {
        this.random = new Random(seed);
    }

    /** URIs the scheme can derive (soft junctions for sr25519 only), fixed ones first. */
    List<String> uris(KeyScheme scheme) {
        List<String> uris = new ArrayList<>();
        uris.add(DEV_PHRASE + "//Alice");
        uris.add(LEGAL_WINNER + "//polkadot//0///pass");
        if (scheme.supportsSoftDerivation()) {
            uris.add(DEV_PHRASE + "//hard/soft");
        }
        uris.add(Mnemonic.fromEntropy(bytes(16)) + randomPath(scheme));
        uris.add(Mnemonic.fromEntropy(bytes(32)) + randomPath(scheme) + "///" + word(10));
        uris.add(Hex.toHex(bytes(32)) + randomPath(scheme));
        return uris;
    }

    /** One fixed URI and one random URI; for the slow JSON round trips (scrypt N=2^17 each). */
    List<String> fewUris(KeyScheme scheme) {
        List<String> all = uris(scheme);
        return List.of(all.get(0), all.get(all.size() - 2));
    }

    /** A password of letters and digits, with a non-ASCII character now and then. */
    String password() {
        String password = "p" + word(8 + random.nextInt(16));
        return random.nextBoolean() ? password + "ü€" : password;
    }

    byte[] message() {
        // Up to 300 bytes: past the 256 at which transaction payloads get hashed, which pair.sign never does.
        return bytes(random.nextInt(301));
    }

    private String randomPath(KeyScheme scheme) {
        StringBuilder path = new StringBuilder("//").append(random.nextInt(1000));
        path.append("//").append(word(1 + random.nextInt(12)));
        if (scheme.supportsSoftDerivation() && random.nextBoolean()) {
            path.append('/').append(random.nextInt(100));
        }
        return path.toString();
    }

    private String word(int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
