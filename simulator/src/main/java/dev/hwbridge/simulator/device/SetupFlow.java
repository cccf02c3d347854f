package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Setup;
import dev.hwbridge.simulator.bip39.Mnemonic;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Setup: a new seed from the secure random source, its words shown on the device
 * {@value #PAGE_SIZE} at a time (each page confirmed), then {@value #CHECKED_WORDS} words picked at
 * random typed back as proof of the backup (a wrong one goes back to the pages), then a PIN if the
 * device has none. The host sees only "words 1–4 of 24" and "check 1 of 3", never a word.
 */
final class SetupFlow {

    static final int PAGE_SIZE = 4;
    static final int CHECKED_WORDS = 3;
    static final String PAGE_TITLE = "Write down your words";

    private final DeviceContext context;
    private final SecureRandom random;

    SetupFlow(DeviceContext context, SecureRandom random) {
        this.context = context;
        this.random = random;
    }

    Response run(Setup request, UserIo io) {
        int wordCount = Enrollment.wordCount(request.getWordCount());
        String name = Enrollment.newName(context, request.getIdentity());
        String label = IdentityNames.check(request.getLabel(), "a label");
        io.require(ButtonRequest.Kind.SETUP, "Create a new seed?", List.of(wordCount + " words", "identity " + name));
        byte[] entropy = new byte[wordCount * 4 / 3];
        random.nextBytes(entropy);
        try {
            // Java strings cannot be wiped; the words live only in this array and the screen.
            String[] words = Mnemonic.fromEntropy(entropy).split(" ");
            try {
                boolean retry = false;
                do {
                    showPages(io, words, retry);
                    retry = true;
                } while (!backupChecked(io, words));
            } finally {
                Arrays.fill(words, null);
            }
            Response done = Enrollment.finish(context, io, name, entropy, "new seed created");
            if (!label.isEmpty()) {
                context.setLabel(label);
            }
            return done;
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    private static void showPages(UserIo io, String[] words, boolean retry) {
        int pages = (words.length + PAGE_SIZE - 1) / PAGE_SIZE;
        for (int page = 0; page < pages; page++) {
            int first = page * PAGE_SIZE;
            int last = Math.min(words.length, first + PAGE_SIZE);
            String range = "words " + (first + 1) + "–" + last + " of " + words.length;
            List<String> screenLines = new ArrayList<>();
            if (retry && page == 0) {
                screenLines.add("A word did not match: check your copy");
            }
            for (int i = first; i < last; i++) {
                screenLines.add((i + 1) + ". " + words[i]);
            }
            io.progress(page + 1, pages, range);
            if (!io.confirm(ButtonRequest.Kind.BACKUP, PAGE_TITLE, List.of(range), screenLines)) {
                throw UserIo.rejected();
            }
        }
    }

    private boolean backupChecked(UserIo io, String[] words) {
        int step = 0;
        for (int position : pickPositions(words.length)) {
            step++;
            io.progress(step, CHECKED_WORDS, "check " + step + " of " + CHECKED_WORDS);
            String typed = io.ask(InputRequest.Kind.WORD, "Enter word " + (position + 1),
                    List.of("Word " + (position + 1) + " of your backup"));
            if (!typed.strip().toLowerCase(Locale.ROOT).equals(words[position])) {
                return false;
            }
        }
        return true;
    }

    private TreeSet<Integer> pickPositions(int wordCount) {
        TreeSet<Integer> positions = new TreeSet<>();
        while (positions.size() < CHECKED_WORDS) {
            positions.add(random.nextInt(wordCount));
        }
        return positions;
    }
}
