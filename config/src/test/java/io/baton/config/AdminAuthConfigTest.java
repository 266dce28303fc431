package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.AdminAuthConfig.Mode;
import io.baton.config.AdminAuthConfig.ReadAccess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** controller.admin-auth, admin-token-file, admin-read-access; the base fixture's baton.yaml takes lines 1-5. */
class AdminAuthConfigTest {
  @TempDir Path dir;

  private ConfFixture conf(String yaml) {
    return ConfFixture.valid(dir).moreYaml(yaml);
  }

  @Test
  void defaultsAreTokenInTheHomeFolderAndLoopbackReads() {
    AdminAuthConfig auth = conf("").load().controller().adminAuth();
    assertThat(auth).isEqualTo(new AdminAuthConfig(Mode.TOKEN,
        Path.of(System.getProperty("user.home"), ".baton", "admin-token"), ReadAccess.LOOPBACK));
    assertThat(auth).isEqualTo(AdminAuthConfig.defaults());
  }

  @Test
  void allThreeKeysAreRead() {
    AdminAuthConfig auth = conf("controller:\n  admin-auth: token\n  admin-token-file: /srv/baton/token\n"
        + "  admin-read-access: authenticated\n").load().controller().adminAuth();
    assertThat(auth).isEqualTo(new AdminAuthConfig(Mode.TOKEN, Path.of("/srv/baton/token"), ReadAccess.AUTHENTICATED));
  }

  @Test
  void aRelativeTokenFileIsInTheConfFolder() {
    AdminAuthConfig auth = conf("controller: { admin-token-file: secrets/token }\n").load().controller().adminAuth();
    assertThat(auth.tokenFile()).isEqualTo(dir.resolve("secrets/token"));
  }

  @Test
  void noneIsAllowedOnLoopback() {
    AdminAuthConfig auth = conf("controller: { admin-auth: none, admin-bind-address: 127.0.0.1 }\n").load()
        .controller().adminAuth();
    assertThat(auth.mode()).isEqualTo(Mode.NONE);
    assertThat(auth.required()).isFalse();
  }

  @Test
  void noneBeyondLoopbackIsRefusedSayingWhy() {
    assertThat(conf("controller: { admin-auth: none, admin-bind-address: 0.0.0.0 }\n").problems()).containsExactly(
        "baton.yaml:6: controller.admin-auth: is none, but controller.admin-bind-address is 0.0.0.0, beyond loopback:"
            + " anyone who reaches that address could pause failover or cede the active. Fix: remove"
            + " controller.admin-auth (the default, token, needs the token from controller.admin-token-file), or bind"
            + " the admin API to 127.0.0.1");
  }

  @Test
  void tokenBeyondLoopbackIsFine() {
    assertThat(conf("controller: { admin-bind-address: 0.0.0.0 }\n").problems()).isEmpty();
  }

  @Test
  void unknownModesNameTheValidOnes() {
    assertThat(conf("controller: { admin-auth: password, admin-read-access: everyone }\n").problems())
        .containsExactlyInAnyOrder(
            "baton.yaml:6: controller.admin-auth: 'password' is not one of token, none. Fix: write one of token, none",
            "baton.yaml:6: controller.admin-read-access: 'everyone' is not one of loopback, any, authenticated. Fix:"
                + " write one of loopback, any, authenticated");
  }

  @Test
  void loopbackAddresses() {
    assertThat(AdminAuthConfig.isLoopback("127.0.0.1")).isTrue();
    assertThat(AdminAuthConfig.isLoopback("127.1.2.3")).isTrue();
    assertThat(AdminAuthConfig.isLoopback("localhost")).isTrue();
    assertThat(AdminAuthConfig.isLoopback("::1")).isTrue();
    assertThat(AdminAuthConfig.isLoopback("0.0.0.0")).isFalse();
    assertThat(AdminAuthConfig.isLoopback("::")).isFalse();
    assertThat(AdminAuthConfig.isLoopback("10.0.0.5")).isFalse();
    assertThat(AdminAuthConfig.isLoopback("nn1.example.com")).isFalse();
  }
}
