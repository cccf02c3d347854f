package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Recover;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recovery: each word typed on the device, the host told only "word i of n". A word not in the
 * BIP39 English list is refused at once and asked again; a checksum failure after the last word
 * offers a retry from word 1 (reject ends with USER_REJECTED); nothing is stored until the phrase
 * is valid and, if the device has none, a PIN is chosen.
 */
final class RecoverFlow {

    private final DeviceContext context;

    RecoverFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(Recover request, UserIo io) {
        int wordCount = Enrollment.wordCount(request.getWordCount());
        String name = Enrollment.newName(context, request.getIdentity());
        io.require(ButtonRequest.Kind.RECOVER, "Recover a seed?", List.of(wordCount + " words", "identity " + name));
        while (true) {
            byte[] entropy = typePhrase(io, wordCount);
            if (entropy != null) {
                try {
                    return Enrollment.finish(context, io, name, entropy, "seed recovered");
                } finally {
                    Arrays.fill(entropy, (byte) 0);
                }
            }
            if (!io.confirm(ButtonRequest.Kind.WARNING, "Invalid recovery phrase", List.of("Try again?"))) {
                throw UserIo.rejected();
            }
        }
    }

    /** The entropy of the typed phrase, or null when its checksum is wrong. */
    private static byte[] typePhrase(UserIo io, int wordCount) {
        String[] words = new String[wordCount];
        try {
            for (int i = 0; i < wordCount; i++) {
                words[i] = typeWord(io, i + 1, wordCount);
            }
            try {
                return Mnemonic.toEntropy(String.join(" ", words));
            } catch (SignerException e) {
                if (e.code() == SignerError.BAD_CHECKSUM) {
                    return null;
                }
                throw e;
            }
        } finally {
            Arrays.fill(words, null);
        }
    }

    private static String typeWord(UserIo io, int position, int wordCount) {
        String counter = "word " + position + " of " + wordCount;
        List<String> lines = List.of();
        while (true) {
            io.progress(position, wordCount, counter);
            String typed = io.ask(InputRequest.Kind.WORD, "Word " + position + " of " + wordCount, lines);
            String word = Normalizer.normalize(typed.strip(), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
            if (Mnemonic.isWord(word)) {
                return word;
            }
            lines = List.of("Not a BIP39 word: try again");
        }
    }
}
