package io.baton.controller.zk;

/** The znodes of one nameservice: Hadoop's lock and breadcrumb, and Baton's epoch counter beside them. */
public record ZkPaths(String scope) {
  public static final String LOCK = "ActiveStandbyElectorLock";
  public static final String BREADCRUMB = "ActiveBreadCrumb";
  public static final String EPOCH = "BatonEpoch";

  public String lock() {
    return scope + "/" + LOCK;
  }

  public String breadcrumb() {
    return scope + "/" + BREADCRUMB;
  }

  public String epoch() {
    return scope + "/" + EPOCH;
  }
}
