package dev.hwbridge.daemon.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves a file the daemon cannot read out of the way, to {@code <name>.corrupt-<UTC time>}, so that
 * nothing is silently lost or overwritten and the user can look at it.
 */
public final class CorruptFiles {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CorruptFiles() {
    }

    /** @return where the file went; {@code -1}, {@code -2}, … are added when the name is taken */
    public static Path moveAside(Path file, Clock clock) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int n = 1; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        // No REPLACE_EXISTING: if a racing process took the name, fail rather than destroy a file.
        return Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    }
}
