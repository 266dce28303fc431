package io.baton.fencing;

import java.time.Duration;

/**
 * The pre-flight check of one method.
 *
 * @param passed whether the method would be able to fence, as far as can be checked without fencing
 * @param detail what was checked, or what is wrong and how to fix it
 */
public record DrillResult(String method, boolean passed, String detail, Duration took) {}
