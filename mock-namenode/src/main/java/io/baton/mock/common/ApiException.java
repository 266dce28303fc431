package io.baton.mock.common;

/**
 * An HTTP API error with the status, a short machine-readable code and a message that says what is wrong and
 * how to fix it. Rendered as {@code {"error": code, "message": message}} by {@link JsonErrorMappers}.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  public ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }
}
