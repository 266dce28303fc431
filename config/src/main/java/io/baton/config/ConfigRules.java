package io.baton.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cross-field rules that keep the controller safe; docs/config.md gives the reason for each one.
 * Each problem names the key to change and where it was set.
 */
final class ConfigRules {
  static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(2);

  /** Fence methods that report success without doing anything. */
  private static final Pattern ALWAYS_SUCCEEDS =
      Pattern.compile("shell\\(\\s*(/bin/true|/usr/bin/true|true|exit 0|:)\\s*\\)");

  private final SettingReader settings;
  private final Problems problems;
  private final Problems warnings;

  ConfigRules(SettingReader settings, Problems problems, Problems warnings) {
    this.settings = settings;
    this.problems = problems;
    this.warnings = warnings;
  }

  void check(List<NameserviceConfig> nameservices, HealthMonitorConfig health, FailoverConfig failover) {
    Scope g = Scope.GLOBAL;
    if (ok(g, Settings.FO_GRACEFUL_FENCE_TIMEOUT, Settings.FO_NEW_ACTIVE_TIMEOUT)
        && failover.gracefulFenceRpcTimeout().compareTo(failover.newActiveRpcTimeout()) >= 0) {
      problems.add(settings.origin(Settings.FO_GRACEFUL_FENCE_TIMEOUT, g),
          "graceful-fence timeout " + fmt(failover.gracefulFenceRpcTimeout()) + " is not shorter than new-active"
              + " timeout " + fmt(failover.newActiveRpcTimeout()),
          "make failover.graceful-fence-rpc-timeout shorter than failover.new-active-rpc-timeout");
    }
    if (ok(g, Settings.FO_RETRY_BACKOFF, Settings.FO_MAX_RETRY_BACKOFF)
        && failover.retryBackoff().compareTo(failover.maxRetryBackoff()) > 0) {
      problems.add(settings.origin(Settings.FO_RETRY_BACKOFF, g),
          "retry back-off " + fmt(failover.retryBackoff()) + " is longer than its cap "
              + fmt(failover.maxRetryBackoff()),
          "make failover.retry-backoff at most failover.max-retry-backoff");
    }
    for (NameserviceConfig ns : nameservices) {
      checkNameservice(ns, health);
    }
    checkUniqueListeners(nameservices);
  }

  private void checkNameservice(NameserviceConfig ns, HealthMonitorConfig health) {
    Scope scope = Scope.ns(ns.id());
    ZooKeeperConfig zk = ns.zookeeper();
    Origin session = settings.origin(Settings.ZK_SESSION_TIMEOUT, scope);
    if (!ok(scope, Settings.ZK_SESSION_TIMEOUT)) {
      // already reported
    } else if (zk.sessionTimeout().compareTo(MIN_SESSION_TIMEOUT) < 0) {
      problems.add(session, "session timeout " + fmt(zk.sessionTimeout()) + " is below 2s",
          "use 2s or more (ZooKeeper servers refuse shorter sessions; Hadoop uses 10s)");
    } else if (ok(Scope.GLOBAL, Settings.HM_CHECK_INTERVAL)
        && health.checkInterval().compareTo(zk.sessionTimeout()) >= 0) {
      problems.add(settings.origin(Settings.HM_CHECK_INTERVAL, Scope.GLOBAL),
          "health check interval " + fmt(health.checkInterval()) + " is not shorter than the " + ns.id()
              + " ZooKeeper session timeout " + fmt(zk.sessionTimeout()),
          "make health-monitor.check-interval shorter than zookeeper.session-timeout");
    }
    if (ns.automaticFailover() && !zk.isConfigured() && ok(scope, Settings.ZK_QUORUM)) {
      problems.add(settings.origin(Settings.ZK_QUORUM, scope),
          "is not set, but automatic failover of " + ns.id() + " needs ZooKeeper",
          "set ha.zookeeper.quorum (or zookeeper.quorum in baton.yaml), or turn automatic failover off");
    }
    for (NameNodeConfig nn : ns.namenodes()) {
      checkFencing(ns, nn);
    }
  }

  private void checkFencing(NameserviceConfig ns, NameNodeConfig nn) {
    Scope scope = Scope.nn(ns.id(), nn.id());
    FencingConfig f = nn.fencing();
    if (ns.automaticFailover() && !f.isConfigured() && ok(scope, Settings.FENCING_METHODS)) {
      problems.add(settings.origin(Settings.FENCING_METHODS, scope), "no fencing method for " + nn.qualifiedId()
          + ", but automatic failover is on", "set dfs.ha.fencing.methods (or fencing.methods in baton.yaml), e.g."
          + " sshfence, then journal (storage fencing that also works when the host is dead)");
    }
    checkFencingAgainstStorage(ns, nn);
    boolean usesSsh = f.methods().lines().map(String::strip).anyMatch(l -> l.startsWith("sshfence"));
    if (usesSsh && ok(scope, Settings.SSH_CONNECT_TIMEOUT, Settings.FENCING_METHOD_TIMEOUT)
        && f.sshConnectTimeout().compareTo(f.methodTimeout()) >= 0) {
      problems.add(settings.origin(Settings.SSH_CONNECT_TIMEOUT, scope), "ssh connect timeout "
          + fmt(f.sshConnectTimeout()) + " of " + nn.qualifiedId() + " is not shorter than its fencing method timeout "
          + fmt(f.methodTimeout()), "make fencing.ssh-connect-timeout shorter than fencing.method-timeout");
    }
    if (ok(scope, Settings.FENCING_METHOD_TIMEOUT, Settings.FENCING_DEADLINE)
        && f.methodTimeout().compareTo(f.deadline()) > 0) {
      problems.add(settings.origin(Settings.FENCING_METHOD_TIMEOUT, scope), "fencing method timeout "
          + fmt(f.methodTimeout()) + " of " + nn.qualifiedId() + " is longer than its fencing deadline "
          + fmt(f.deadline()), "make fencing.method-timeout at most fencing.deadline");
    }
  }

  /**
   * What fencing has to achieve depends on the shared edits: the quorum journal's epochs refuse an old active's
   * writes, a shared directory (NFS) refuses nothing, so there fencing must really stop the old active.
   */
  private void checkFencingAgainstStorage(NameserviceConfig ns, NameNodeConfig nn) {
    Scope scope = Scope.nn(ns.id(), nn.id());
    if (!ok(scope, Settings.FENCING_METHODS) || ns.sharedEdits().isEmpty()) {
      return;
    }
    SharedEdits edits = ns.sharedEdits().get();
    Origin methods = settings.origin(Settings.FENCING_METHODS, scope);
    List<String> lines = nn.fencing().methods().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (!edits.refusesSecondWriter() && lines.stream().anyMatch(l -> l.equals("journal") || l.startsWith("journal("))) {
      // no NameNode id in the text: a value shared by several NameNodes is then reported once (Problems dedupes)
      problems.add(methods, "journal fencing needs a quorum journal, but "
          + Settings.SHARED_EDITS.hadoopKeys().get(0) + " is " + edits.uri() + " (a shared directory has no"
          + " journal epochs to claim)", "remove journal from dfs.ha.fencing.methods and fence the old active for"
          + " real (sshfence, or shell(...) that cuts its power or its NFS access), or move the shared edits to"
          + " qjournal://");
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!ALWAYS_SUCCEEDS.matcher(line).matches()) {
        continue;
      }
      if (edits.refusesSecondWriter()) {
        if (i > 0) {
          continue; // a real method first, then "succeed anyway": Hadoop's advice with a quorum journal
        }
        warnings.add(methods, line + " always succeeds: with the quorum"
            + " journal the journal nodes' epochs still keep a second writer out, but an old active that was not"
            + " stopped may serve stale reads until its next write fails", "put a method that really fences"
            + " (sshfence, journal) before it, as Hadoop's HA guide advises");
      } else {
        warnings.add(methods, line + " always succeeds, and with shared"
            + " edits in a directory (" + edits.uri() + ") nothing else keeps an old active from writing: two"
            + " actives would corrupt the edit log", "fencing must really fence here: use sshfence or shell(...)"
            + " that cuts the old active's power or NFS access, and no method that always succeeds");
      }
    }
  }

  /** Two listeners on one host:port cannot both start. */
  private void checkUniqueListeners(List<NameserviceConfig> nameservices) {
    Map<String, String> owners = new LinkedHashMap<>();
    for (NameserviceConfig ns : nameservices) {
      ns.quorumJournal().ifPresent(se -> se.journalNodes().forEach(j ->
          owners.putIfAbsent(normalize(j), "journal node " + j)));
      for (NameNodeConfig nn : ns.namenodes()) {
        Scope scope = Scope.nn(ns.id(), nn.id());
        claim(owners, nn.rpcAddress(), nn.qualifiedId() + " rpc-address", Settings.RPC_ADDRESS, scope);
        nn.serviceRpcAddress().ifPresent(a ->
            claim(owners, a, nn.qualifiedId() + " service-rpc-address", Settings.SERVICE_RPC_ADDRESS, scope));
        nn.lifelineRpcAddress().ifPresent(a ->
            claim(owners, a, nn.qualifiedId() + " lifeline-rpc-address", Settings.LIFELINE_RPC_ADDRESS, scope));
        claim(owners, nn.httpAddress(), nn.qualifiedId() + " http-address", Settings.HTTP_ADDRESS, scope);
        claim(owners, nn.controllerAddress(), nn.qualifiedId() + " controller port", Settings.CONTROLLER_PORT, scope);
        claim(owners, new HostPort(nn.host(), nn.adminPort()), nn.qualifiedId() + " admin port", Settings.ADMIN_PORT,
            scope);
      }
    }
  }

  private void claim(Map<String, String> owners, HostPort address, String what, Setting s, Scope scope) {
    if (!ok(scope, s)) {
      return;
    }
    String previous = owners.putIfAbsent(normalize(address), what);
    if (previous != null) {
      problems.add(settings.origin(s, scope), what + " " + address + " is also the " + previous
          + "; two listeners cannot share one host:port", "give " + what + " a port of its own");
    }
  }

  /** False when one of the values was already reported as unusable (its stand-in default proves nothing). */
  private boolean ok(Scope scope, Setting... used) {
    for (Setting s : used) {
      if (settings.isBroken(s, scope)) {
        return false;
      }
    }
    return true;
  }

  private static String normalize(HostPort a) {
    String host = a.host().toLowerCase(Locale.ROOT);
    return (host.equals("localhost") ? "127.0.0.1" : host) + ":" + a.port();
  }

  private static String fmt(Duration d) {
    return Durations.format(d);
  }
}
