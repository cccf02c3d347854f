package dev.hwbridge.simulator.cli;

/**
 * A failure while handling one line of a {@code --uri-file}; the error line then says which line,
 * so a user with many URIs can find the bad one without the URI being printed.
 */
final class UriLineException extends RuntimeException {

    private final int line;

    UriLineException(int line, RuntimeException cause) {
        super("line " + line + " of " + UriFile.OPTION, cause);
        this.line = line;
    }

    int line() {
        return line;
    }

    /** The failure itself (a SignerException, FormatException or CliInputException). */
    RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
