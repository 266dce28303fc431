package io.baton.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.AdminAuthConfig;
import io.baton.config.AdminAuthConfig.Mode;
import io.baton.config.AdminAuthConfig.ReadAccess;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets through the admin API's filter, by method, path, caller and token; the servlet objects are fakes. */
class AdminAccessFilterTest {
  private static final String REMOTE = "10.0.0.7";
  private static final String LOCAL = "127.0.0.1";
  @TempDir Path dir;
  private AdminToken token;
  private String bearer;

  @BeforeEach
  void token() throws Exception {
    token = AdminToken.loadOrCreate(dir.resolve("admin-token"));
    bearer = "Bearer " + Files.readString(dir.resolve("admin-token")).strip();
  }

  /** The status answered; 0 means the request reached the API behind the filter. */
  private int call(AdminAuthConfig config, String method, String path, String caller, String authorization,
      String body) throws Exception {
    return call(new AdminAccessFilter(config, config.required() ? Optional.of(token) : Optional.empty(),
        new AdminAudit("nn1", Clock.systemUTC())), method, path, caller, authorization, body).status;
  }

  private record Answer(int status, String body, Map<String, String> headers, String bodySeen) {}

  private Answer call(AdminAccessFilter filter, String method, String path, String caller, String authorization,
      String body) throws Exception {
    FakeResponse response = new FakeResponse();
    String[] seen = {null};
    filter.doFilter(request(method, path, caller, authorization, body), response.proxy(), (req, resp) -> {
      seen[0] = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    });
    return new Answer(seen[0] != null && response.status == 0 ? 0 : response.status,
        response.out.toString(StandardCharsets.UTF_8), response.headers, seen[0]);
  }

  private AdminAuthConfig config(ReadAccess read) {
    return new AdminAuthConfig(Mode.TOKEN, dir.resolve("admin-token"), read);
  }

  @Test
  void mutatingCallsNeedTheTokenFromAnywhere() throws Exception {
    for (String caller : List.of(LOCAL, REMOTE)) {
      for (String method : List.of("POST", "PUT", "DELETE")) {
        assertThat(call(config(ReadAccess.ANY), method, "/v1/pause", caller, null, "{}")).as(method + " " + caller)
            .isEqualTo(401);
        assertThat(call(config(ReadAccess.ANY), method, "/v1/pause", caller, "Bearer nope", "{}")).isEqualTo(401);
        assertThat(call(config(ReadAccess.ANY), method, "/v1/pause", caller, bearer, "{}")).isEqualTo(0);
      }
    }
  }

  @Test
  void diagnosticsNeedTheTokenEvenOnLoopback() throws Exception {
    for (String path : List.of("/admin/threads", "/admin/pprof", "/admin/tasks/gc", "/v1/audit")) {
      assertThat(call(config(ReadAccess.ANY), "GET", path, LOCAL, null, "")).as(path).isEqualTo(401);
      assertThat(call(config(ReadAccess.ANY), "GET", path, LOCAL, bearer, "")).as(path).isEqualTo(0);
    }
  }

  @Test
  void readAccessLoopback() throws Exception {
    AdminAuthConfig c = config(ReadAccess.LOOPBACK);
    assertThat(call(c, "GET", "/v1/status", LOCAL, null, "")).isEqualTo(0);
    assertThat(call(c, "GET", "/metrics", "::1", null, "")).isEqualTo(0);
    assertThat(call(c, "GET", "/v1/status", REMOTE, null, "")).isEqualTo(401);
    assertThat(call(c, "GET", "/v1/status", REMOTE, bearer, "")).isEqualTo(0);
  }

  @Test
  void readAccessAnyAndAuthenticated() throws Exception {
    assertThat(call(config(ReadAccess.ANY), "GET", "/v1/status", REMOTE, null, "")).isEqualTo(0);
    AdminAuthConfig closed = config(ReadAccess.AUTHENTICATED);
    assertThat(call(closed, "GET", "/v1/status", LOCAL, null, "")).isEqualTo(401);
    assertThat(call(closed, "HEAD", "/metrics", LOCAL, null, "")).isEqualTo(401);
    assertThat(call(closed, "GET", "/v1/status", LOCAL, bearer, "")).isEqualTo(0);
  }

  @Test
  void noneLetsEverythingThroughButStillAudits() throws Exception {
    AdminAuthConfig none = new AdminAuthConfig(Mode.NONE, dir.resolve("unused"), ReadAccess.LOOPBACK);
    AdminAudit audit = new AdminAudit("nn1", Clock.systemUTC());
    AdminAccessFilter filter = new AdminAccessFilter(none, Optional.empty(), audit);
    assertThat(call(filter, "POST", "/v1/resume", LOCAL, null, "").status).isEqualTo(0);
    assertThat(call(filter, "GET", "/admin/threads", LOCAL, null, "").status).isEqualTo(0);
    assertThat(audit.entries()).extracting(AdminAudit.Entry::path, AdminAudit.Entry::principal)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/v1/resume", "anonymous"));
  }

  @Test
  void refusalsAreOurJsonErrorAndNameTheTokenFile() throws Exception {
    AdminAccessFilter filter = new AdminAccessFilter(config(ReadAccess.LOOPBACK), Optional.of(token),
        new AdminAudit("nn1", Clock.systemUTC()));
    Answer missing = call(filter, "POST", "/v1/cede", REMOTE, null, "{}");
    Path file = dir.resolve("admin-token");
    assertThat(missing.status).isEqualTo(401);
    assertThat(missing.headers.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"baton admin API\", "
        + "error=\"missing_token\", token_file=\"" + file + "\"");
    assertThat(missing.body).startsWith("{\"error\":\"unauthorized\",\"message\":\"no token was sent; this request "
        + "changes the controller. Send 'Authorization: Bearer <token>' with the token from " + file);
    Answer wrong = call(filter, "POST", "/v1/cede", REMOTE, "Bearer " + "0".repeat(64), "{}");
    assertThat(wrong.headers.get("WWW-Authenticate")).contains("error=\"invalid_token\"");
    assertThat(wrong.body).contains("the token sent is not this controller's");
    assertThat(call(filter, "POST", "/v1/cede", REMOTE, "Basic " + bearer.substring(7), "{}").status)
        .as("only the Bearer scheme").isEqualTo(401);
  }

  @Test
  void bodiesAreCappedAt16KiB() throws Exception {
    AdminAccessFilter filter = new AdminAccessFilter(config(ReadAccess.LOOPBACK), Optional.of(token),
        new AdminAudit("nn1", Clock.systemUTC()));
    String atCap = "x".repeat(AdminAccessFilter.MAX_BODY);
    Answer fits = call(filter, "POST", "/v1/pause", LOCAL, bearer, atCap);
    assertThat(fits.status).isEqualTo(0);
    assertThat(fits.bodySeen).as("the API behind the filter reads the whole body").isEqualTo(atCap);
    Answer over = call(filter, "POST", "/v1/pause", LOCAL, bearer, atCap + "x");
    assertThat(over.status).isEqualTo(413);
    assertThat(over.body).startsWith("{\"error\":\"body_too_large\",\"message\":\"the request body is over 16384 bytes");
  }

  @Test
  void auditHasCallerPrincipalPathAndOutcome() throws Exception {
    AdminAudit audit = new AdminAudit("nn1", Clock.systemUTC());
    AdminAccessFilter filter = new AdminAccessFilter(config(ReadAccess.LOOPBACK), Optional.of(token), audit);
    call(filter, "POST", "/v1/pause", REMOTE, null, "{\"reason\":\"x\"}");
    call(filter, "POST", "/v1/pause", LOCAL, bearer, "{\"reason\":\"upgrade\"}");
    call(filter, "GET", "/v1/status", LOCAL, null, "");
    assertThat(audit.entries()).hasSize(2);
    AdminAudit.Entry refused = audit.entries().get(0);
    assertThat(List.of(refused.caller(), refused.principal(), refused.method(), refused.path(), refused.outcome()))
        .containsExactly(REMOTE, "anonymous", "POST", "/v1/pause", "refused: no token");
    assertThat(refused.status()).isEqualTo(401);
    AdminAudit.Entry ok = audit.entries().get(1);
    assertThat(List.of(ok.caller(), ok.principal(), ok.request(), ok.outcome()))
        .containsExactly(LOCAL, "token", "{\"reason\":\"upgrade\"}", "ok");
  }

  private static HttpServletRequest request(String method, String path, String caller, String authorization,
      String body) {
    ServletInputStream stream = new BytesInputStream(body.getBytes(StandardCharsets.UTF_8));
    return (HttpServletRequest) Proxy.newProxyInstance(AdminAccessFilterTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
          case "getMethod" -> method;
          case "getRequestURI" -> path;
          case "getRemoteAddr" -> caller;
          case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
          case "getInputStream" -> stream;
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  /** Status 0 until the filter sets one. */
  private static final class FakeResponse {
    int status;
    final Map<String, String> headers = new HashMap<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    HttpServletResponse proxy() {
      ServletOutputStream stream = new ServletOutputStream() {
        @Override
        public void write(int b) {
          out.write(b);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener l) {}
      };
      return (HttpServletResponse) Proxy.newProxyInstance(AdminAccessFilterTest.class.getClassLoader(),
          new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
            case "setStatus" -> {
              status = (Integer) args[0];
              yield null;
            }
            case "getStatus" -> status == 0 ? 200 : status;
            case "setHeader" -> {
              headers.put((String) args[0], (String) args[1]);
              yield null;
            }
            case "setContentType", "setCharacterEncoding" -> null;
            case "getOutputStream" -> stream;
            default -> throw new UnsupportedOperationException(m.getName());
          });
    }
  }
}
