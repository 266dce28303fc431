package io.baton.controller.haadmin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The controllers' admin API token as haadmin finds it: the value, or why there is none, so that a refusal can say
 * what to do.
 */
record AdminApiToken(Path file, Optional<String> value, String problem) {

  static AdminApiToken read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? new AdminApiToken(file, Optional.empty(), "it is empty")
          : new AdminApiToken(file, Optional.of(text), "");
    } catch (NoSuchFileException e) {
      return new AdminApiToken(file, Optional.empty(), "there is no such file");
    } catch (AccessDeniedException e) {
      return new AdminApiToken(file, Optional.empty(), "this user may not read it");
    } catch (IOException e) {
      return new AdminApiToken(file, Optional.empty(), "it cannot be read (" + e.getMessage() + ")");
    }
  }

  /** The advice after a 401. */
  String whatToDo() {
    String how = "Run haadmin on a controller's host as the controller's user (the token is created in "
        + "controller.admin-token-file at the controller's first start), or copy the token to a file only you can "
        + "read and pass --admin-token-file <file>.";
    if (value.isEmpty()) {
      return "haadmin sent no admin token: " + file + " is the token file, and " + problem + ". " + how;
    }
    return "haadmin sent the token from " + file + ", which this controller does not accept: every controller of "
        + "the nameservice needs the same token file. " + how;
  }
}
