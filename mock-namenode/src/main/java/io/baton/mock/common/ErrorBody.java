package io.baton.mock.common;

/** The JSON body of every error answer: {@code {"error": "stale_epoch", "message": "..."}}. */
public record ErrorBody(String error, String message) {}
