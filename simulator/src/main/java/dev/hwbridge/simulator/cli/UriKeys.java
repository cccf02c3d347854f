package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;

/** Key pairs from secret URIs typed on the command line, with the optional {@code --password}. */
final class UriKeys {

    private UriKeys() {
    }

    /**
     * The key pair of one secret URI. A {@code bip39Password} (from {@code --password}) means the
     * same as a trailing {@code ///password}; giving both is refused rather than guessing which wins.
     */
    static KeyPair pair(KeyScheme scheme, String uri, String bip39Password) {
        try (SecretUri parsed = SecretUri.parse(uri)) {
            if (bip39Password == null) {
                return Keys.fromUri(scheme, parsed);
            }
            if (parsed.hasPassword()) {
                throw new CliInputException("a secret URI with ///password cannot be combined with --password");
            }
            try (SecretUri withPassword = parsed.withPassword(bip39Password)) {
                return Keys.fromUri(scheme, withPassword);
            }
        }
    }
}
