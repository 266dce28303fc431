package io.baton.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
  @TempDir Path dir;

  @Test
  void createdAtFirstStartOwnerOnlyAnd256Bits() throws Exception {
    Path file = dir.resolve("new/folder/admin-token");
    AdminToken token = AdminToken.loadOrCreate(file);
    String text = Files.readString(file).strip();
    assertThat(text).matches("[0-9a-f]{64}");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(token.matches(text)).isTrue();
    assertThat(token.matches(text + "\n")).as("surrounding white space is not part of the token").isTrue();
    assertThat(token.matches(text.substring(1))).isFalse();
    assertThat(token.matches(null)).isFalse();
    assertThat(Files.list(file.getParent())).as("no temporary file left").containsExactly(file);
  }

  @Test
  void readAgainAtTheNextStartNotReplaced() throws Exception {
    Path file = dir.resolve("admin-token");
    AdminToken.loadOrCreate(file);
    String first = Files.readString(file);
    AdminToken again = AdminToken.loadOrCreate(file);
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(again.matches(first)).isTrue();
    Path other = dir.resolve("other-token");
    assertThat(AdminToken.loadOrCreate(other).matches(first)).as("each new token is random").isFalse();
  }

  @Test
  void aTokenFileOthersCanReadIsRefusedWithTheFix() throws Exception {
    Path file = dir.resolve("admin-token");
    Files.writeString(file, "secret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> AdminToken.loadOrCreate(file)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the admin token file " + file + " is readable by other users (rw-r--r--); run 'chmod 600 "
            + file + "' (controller.admin-token-file)");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(AdminToken.loadOrCreate(file).matches("secret")).isTrue();
  }

  @Test
  void anEmptyTokenFileIsRefused() throws Exception {
    Path file = dir.resolve("admin-token");
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    assertThatThrownBy(() -> AdminToken.loadOrCreate(file)).hasMessageContaining("is empty; delete it");
  }
}
