package io.baton.controller.zk;

/**
 * The znodes of one nameservice: Hadoop's lock and breadcrumb, and beside them Baton's epoch counter and the
 * step-down verdict of the last active that released the lock because its NameNode failed.
 */
public record ZkPaths(String scope) {
  public static final String LOCK = "ActiveStandbyElectorLock";
  public static final String BREADCRUMB = "ActiveBreadCrumb";
  public static final String EPOCH = "BatonEpoch";
  public static final String STEP_DOWN = "BatonStepDown";

  public String lock() {
    return scope + "/" + LOCK;
  }

  public String breadcrumb() {
    return scope + "/" + BREADCRUMB;
  }

  public String epoch() {
    return scope + "/" + EPOCH;
  }

  public String stepDown() {
    return scope + "/" + STEP_DOWN;
  }
}
