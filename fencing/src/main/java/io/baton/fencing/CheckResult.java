package io.baton.fencing;

/** What one method's pre-flight drill found. */
public record CheckResult(boolean passed, String detail) {
  public static CheckResult passed(String detail) {
    return new CheckResult(true, detail);
  }

  public static CheckResult failed(String detail) {
    return new CheckResult(false, detail);
  }
}
