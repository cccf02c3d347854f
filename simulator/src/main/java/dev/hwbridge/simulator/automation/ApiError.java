package dev.hwbridge.simulator.automation;

/** The automation API's error answers: HTTP status and a stable code sent as {@code {"error": code}}. */
enum ApiError {
    BAD_REQUEST(400, "bad_request"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    NOT_WAITING(409, "not_waiting"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    INTERNAL(500, "internal_error"),
    TOO_MANY_CLIENTS(503, "too_many_clients");

    private final int status;
    private final String code;

    ApiError(int status, String code) {
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
