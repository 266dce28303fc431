package io.baton.fencing;

/** A configured method that cannot be used; becomes a {@link io.baton.config.ConfigProblem}. */
final class BadMethodException extends Exception {
  private final String key;
  private final String fix;

  BadMethodException(String key, String message, String fix) {
    super(message);
    this.key = key;
    this.fix = fix;
  }

  String key() {
    return key;
  }

  String fix() {
    return fix;
  }
}
