package io.baton.controller.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.config.AdminAuthConfig;
import io.baton.config.AdminAuthConfig.ReadAccess;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the admin API (the application and the {@code /admin} context): mutating calls and the diagnostic servlets
 * need {@code Authorization: Bearer <token>}; reads follow {@code controller.admin-read-access}. Mutating calls are
 * audited, refused ones too, and their bodies are capped at {@value #MAX_BODY} bytes.
 */
public final class AdminAccessFilter implements Filter {
  static final int MAX_BODY = 16 * 1024;
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");
  /** Thread dumps, CPU profiles, Dropwizard tasks, the audit itself: nothing for an anonymous reader. */
  private static final Set<String> DIAGNOSTIC_PREFIXES = Set.of("/admin/threads", "/admin/pprof", "/admin/tasks",
      "/v1/audit");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AdminAuthConfig config;
  private final Optional<AdminToken> token;
  private final AdminAudit audit;

  /** @param token present when {@code controller.admin-auth} is {@code token} */
  public AdminAccessFilter(AdminAuthConfig config, Optional<AdminToken> token, AdminAudit audit) {
    if (config.required() && token.isEmpty()) {
      throw new IllegalArgumentException("admin-auth is token, but no token was given");
    }
    this.config = config;
    this.token = token;
    this.audit = audit;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) resp;
    String method = request.getMethod();
    String path = request.getRequestURI();
    String caller = request.getRemoteAddr();
    boolean mutating = !READ_METHODS.contains(method);
    Credential credential = credential(request);
    String principal = credential == Credential.VALID ? "token" : "anonymous";
    if (!mutating) {
      Optional<String> refusal = readRefusal(path, caller, credential);
      if (refusal.isPresent()) {
        unauthorized(response, credential, refusal.get());
        return;
      }
      chain.doFilter(req, resp);
      return;
    }
    if (config.required() && credential != Credential.VALID) {
      String why = refusalText(credential, "changes the controller");
      audit.record(caller, principal, method, path, "", 401, "refused: " + credential.text);
      unauthorized(response, credential, why);
      return;
    }
    Optional<byte[]> body = readCapped(request.getInputStream());
    if (body.isEmpty()) {
      audit.record(caller, principal, method, path, "", 413, "refused: body over " + MAX_BODY + " bytes");
      error(response, 413, "body_too_large", "the request body is over " + MAX_BODY + " bytes; admin API bodies are "
          + "small JSON documents such as {\"reason\":\"upgrading nn2\",\"expiry\":\"30m\"}");
      return;
    }
    boolean answered = false;
    try {
      chain.doFilter(new BufferedBody(request, body.get()), resp);
      answered = true;
    } finally {
      int status = response.getStatus();
      audit.record(caller, principal, method, path, abbreviate(body.get()), status,
          answered && status >= 200 && status < 300 ? "ok" : "failed");
    }
  }

  private enum Credential {
    NONE("no token"), WRONG("wrong token"), VALID("token");

    final String text;

    Credential(String text) {
      this.text = text;
    }
  }

  private Credential credential(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return Credential.NONE;
    }
    String h = header.strip();
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Credential.WRONG;
    }
    return token.isPresent() && token.get().matches(h.substring(7)) ? Credential.VALID : Credential.WRONG;
  }

  /** Why a read is refused, or empty when it may go on. */
  private Optional<String> readRefusal(String path, String caller, Credential credential) {
    if (!config.required() || credential == Credential.VALID) {
      return Optional.empty();
    }
    if (DIAGNOSTIC_PREFIXES.stream().anyMatch(path::startsWith)) {
      return Optional.of(refusalText(credential, "is a diagnostic"));
    }
    boolean open = config.readAccess() == ReadAccess.ANY
        || (config.readAccess() == ReadAccess.LOOPBACK && isLoopback(caller));
    if (open) {
      return Optional.empty();
    }
    return Optional.of(refusalText(credential, config.readAccess() == ReadAccess.LOOPBACK
        ? "is open without the token only from the controller's host (controller.admin-read-access: loopback), and "
            + caller + " is not"
        : "needs the token for every request (controller.admin-read-access: authenticated)"));
  }

  private String refusalText(Credential credential, String what) {
    String file = token.map(t -> t.file().toString()).orElse(config.tokenFile().toString());
    String start = credential == Credential.WRONG ? "the token sent is not this controller's; "
        : "no token was sent; ";
    return start + "this request " + what + ". Send 'Authorization: Bearer <token>' with the token from " + file
        + " on the controller's host (haadmin reads it from there, or from --admin-token-file), e.g. "
        + "curl -H \"Authorization: Bearer $(cat " + file + ")\" ...";
  }

  private void unauthorized(HttpServletResponse response, Credential credential, String message) throws IOException {
    String file = token.map(t -> t.file().toString()).orElse(config.tokenFile().toString());
    response.setHeader("WWW-Authenticate", "Bearer realm=\"baton admin API\", error=\""
        + (credential == Credential.WRONG ? "invalid_token" : "missing_token") + "\", token_file=\"" + file + "\"");
    error(response, 401, "unauthorized", message);
  }

  private static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(new Views.ErrorView(code, message)));
  }

  private static boolean isLoopback(String address) {
    try {
      // an IP literal from the connection: no name lookup happens
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** The body, or empty when it is over the cap. */
  private static Optional<byte[]> readCapped(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    return bytes.length > MAX_BODY ? Optional.empty() : Optional.of(bytes);
  }

  private static String abbreviate(byte[] body) {
    String t = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  /** The request with its body already read (so it could be capped and audited). */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new BytesInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
