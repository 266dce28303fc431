package io.baton.mock.fs;

import io.baton.mock.common.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The small in-memory file system a NameNode serves: directories and text files, keyed by absolute path.
 * {@link #check} tells whether an operation would succeed (done before journaling, so the journal only holds
 * operations that apply); {@link #apply} replays a journaled operation and never fails. Not thread-safe: the
 * NameNode serialises access.
 */
public final class Namespace {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._\\-]+");

  /** path -> file content, or null for a directory. */
  private final TreeMap<String, String> entries = new TreeMap<>();

  public Namespace() {
    entries.put("/", null);
  }

  /** An entry of a listing or a read. */
  public record Entry(String path, String type, Optional<String> data, List<String> children) {}

  /** @throws ApiException 400 naming what is wrong with the path */
  public static String normalize(String path) {
    if (path == null || !path.startsWith("/")) {
      throw ApiException.badRequest("path '" + path + "' must be absolute, e.g. /baton/file1");
    }
    if (path.equals("/")) {
      return path;
    }
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (String seg : p.substring(1).split("/", -1)) {
      if (!SEGMENT.matcher(seg).matches() || seg.equals(".") || seg.equals("..")) {
        throw ApiException.badRequest("path '" + path + "' has an invalid name '" + seg
            + "'; use letters, digits, '.', '_' and '-' between single slashes");
      }
    }
    return p;
  }

  /** Throws the error the client should see if {@code op} cannot apply now. */
  public void check(NamespaceOp op) {
    String path = op.path();
    switch (op.op()) {
      case NamespaceOp.MKDIR -> {
        requireNoFileAncestor(path);
        if (isFile(path)) {
          throw new ApiException(409, "exists", path + " exists and is a file");
        }
      }
      case NamespaceOp.WRITE -> {
        requireNoFileAncestor(path);
        if (isDir(path)) {
          throw new ApiException(409, "is_directory", path + " is a directory; write to a file path");
        }
      }
      case NamespaceOp.APPEND -> {
        if (!isFile(path)) {
          throw new ApiException(404, "not_found", "no file " + path + " to append to; create it with PUT first");
        }
      }
      case NamespaceOp.DELETE -> {
        if (path.equals("/")) {
          throw ApiException.badRequest("the root directory cannot be deleted");
        }
        if (!entries.containsKey(path)) {
          throw new ApiException(404, "not_found", "no such file or directory: " + path);
        }
        if (isDir(path) && !children(path).isEmpty() && op.data() == null) {
          throw new ApiException(409, "not_empty", "directory " + path + " is not empty; pass recursive=true");
        }
      }
      default -> throw ApiException.badRequest("unknown namespace operation '" + op.op() + "'");
    }
  }

  /** Replays a journaled operation; tolerant, because the journal is the truth. */
  public void apply(String op, String path, String data) {
    switch (op) {
      case NamespaceOp.MKDIR -> mkdirs(path);
      case NamespaceOp.WRITE -> {
        mkdirs(parent(path));
        entries.put(path, data == null ? "" : data);
      }
      case NamespaceOp.APPEND -> {
        mkdirs(parent(path));
        String old = entries.get(path);
        entries.put(path, (old == null ? "" : old) + (data == null ? "" : data));
      }
      case NamespaceOp.DELETE -> {
        entries.subMap(path + "/", path + "/\uffff").clear();
        if (!path.equals("/")) {
          entries.remove(path);
        }
      }
      default -> { } // epoch-start and future record kinds leave the namespace unchanged
    }
  }

  public Optional<Entry> get(String path) {
    if (!entries.containsKey(path)) {
      return Optional.empty();
    }
    String data = entries.get(path);
    return Optional.of(data == null
        ? new Entry(path, "directory", Optional.empty(), children(path))
        : new Entry(path, "file", Optional.of(data), List.of()));
  }

  public int size() {
    return entries.size();
  }

  private List<String> children(String dir) {
    String prefix = dir.equals("/") ? "/" : dir + "/";
    List<String> out = new ArrayList<>();
    for (String p : entries.subMap(prefix, prefix + "\uffff").keySet()) {
      if (!p.equals("/") && p.indexOf('/', prefix.length()) < 0) {
        out.add(p.substring(prefix.length()));
      }
    }
    return out;
  }

  private void mkdirs(String path) {
    String p = path;
    while (!p.equals("/") && !entries.containsKey(p)) {
      entries.put(p, null);
      p = parent(p);
    }
  }

  private boolean isFile(String path) {
    return entries.get(path) != null;
  }

  private boolean isDir(String path) {
    return entries.containsKey(path) && entries.get(path) == null;
  }

  private void requireNoFileAncestor(String path) {
    for (String p = parent(path); !p.equals("/"); p = parent(p)) {
      if (isFile(p)) {
        throw new ApiException(409, "parent_is_file", p + " is a file, so " + path + " cannot be created under it");
      }
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
