package org.portops.vessel.api;

/**
 * A request the API refuses, with the HTTP status and, where one field is to blame, that field
 * ({@code body/eta}, {@code path/callId}, {@code query/limit}).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(400, field, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, null, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, null, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, null, message);
    }

    public int status() {
        return status;
    }

    /** The wrong field, or null. */
    public String field() {
        return field;
    }
}
