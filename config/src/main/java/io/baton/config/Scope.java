package io.baton.config;

/** Where a setting is being resolved: globally, for a nameservice, or for one NameNode of it. */
record Scope(String ns, String nn) {
  static final Scope GLOBAL = new Scope(null, null);

  static Scope ns(String ns) {
    return new Scope(ns, null);
  }

  static Scope nn(String ns, String nn) {
    return new Scope(ns, nn);
  }

  @Override
  public String toString() {
    return ns == null ? "global" : nn == null ? ns : ns + "." + nn;
  }
}
