package io.baton.mock.fs;

/**
 * A namespace change as it is journaled: {@code mkdir}, {@code write} (create or replace a file), {@code append},
 * {@code delete} ({@code data} = "recursive" for a recursive delete).
 */
public record NamespaceOp(String op, String path, String data) {
  public static final String MKDIR = "mkdir";
  public static final String WRITE = "write";
  public static final String APPEND = "append";
  public static final String DELETE = "delete";

  public static NamespaceOp mkdir(String path) {
    return new NamespaceOp(MKDIR, path, null);
  }

  public static NamespaceOp write(String path, String data) {
    return new NamespaceOp(WRITE, path, data);
  }

  public static NamespaceOp append(String path, String data) {
    return new NamespaceOp(APPEND, path, data);
  }

  public static NamespaceOp delete(String path, boolean recursive) {
    return new NamespaceOp(DELETE, path, recursive ? "recursive" : null);
  }
}
