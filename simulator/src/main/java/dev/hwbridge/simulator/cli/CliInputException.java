package dev.hwbridge.simulator.cli;

/**
 * Bad command-line input found by the command line itself (an unreadable file, a blank URI line,
 * conflicting options). Its message is built from fixed text and option names only, never from
 * the values the user gave, so it can be printed as it is.
 */
final class CliInputException extends RuntimeException {

    CliInputException(String message) {
        super(message);
    }

    CliInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
