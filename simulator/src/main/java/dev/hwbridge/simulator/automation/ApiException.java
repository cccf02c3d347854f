package dev.hwbridge.simulator.automation;

/** Ends a request with an error answer; the message is fixed text and never quotes the request. */
final class ApiException extends RuntimeException {

    private final ApiError error;

    ApiException(ApiError error, String message) {
        super(message);
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
