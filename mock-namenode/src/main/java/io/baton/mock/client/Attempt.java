package io.baton.mock.client;

/**
 * The result of one call to one NameNode.
 *
 * @param kind OK; NOT_ACTIVE (standby or fenced: not applied, try another NameNode); REJECTED (the request itself
 *     is wrong: not applied, do not retry); UNREACHABLE (never sent: refused connection); UNKNOWN (sent, no answer)
 */
public record Attempt(Kind kind, String nameNode, Long epoch, Long txid, String detail) {
  public enum Kind { OK, NOT_ACTIVE, REJECTED, UNREACHABLE, UNKNOWN }

  public static Attempt ok(String nn, long epoch, long txid) {
    return new Attempt(Kind.OK, nn, epoch, txid, "");
  }

  public static Attempt of(Kind kind, String nn, String detail) {
    return new Attempt(kind, nn, null, null, detail);
  }
}
