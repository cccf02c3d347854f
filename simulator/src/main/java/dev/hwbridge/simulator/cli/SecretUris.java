package dev.hwbridge.simulator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one step for every secret URI of a {@code --uri-file}, collecting all results before
 * anything is printed, so a bad line yields one error and no partial output.
 */
final class SecretUris {

    private SecretUris() {
    }

    static List<String> mapEach(Path uriFile, SecretRedactor redactor, Function<String, String> step) {
        List<String> uris = UriFile.read(uriFile, redactor);
        List<String> results = new ArrayList<>(uris.size());
        for (int i = 0; i < uris.size(); i++) {
            try {
                results.add(step.apply(uris.get(i)));
            } catch (UriLineException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new UriLineException(i + 1, e);
            }
        }
        return results;
    }
}
