package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.event.EventLog;
import io.baton.worlds.process.Signal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A cluster that only records what faults do to it: nn1 active, three ZooKeeper servers, zk2 the leader. */
final class RecordingCluster implements ClusterControl, ClusterControl.ZooKeeperControl, ClusterControl.Links {
  final List<String> actions = new ArrayList<>();
  Optional<String> active = Optional.of("nn1");
  boolean hostLinks;
  boolean clocks;
  boolean failKills;
  /** A kill of the active's controller makes nn2 active, as a failover would. */
  boolean failoverOnControllerKill = true;

  @Override
  public EventLog events() {
    return new EventLog("test", Clock.systemUTC(), Optional.empty());
  }

  @Override
  public List<String> namenodeIds() {
    return List.of("nn1", "nn2");
  }

  @Override
  public Optional<String> activeNameNode() {
    return active;
  }

  @Override
  public Optional<String> awaitSingleActive(Duration timeout) {
    return active;
  }

  @Override
  public String signal(Role role, String id, Signal signal) {
    actions.add(signal + " " + role + " " + id);
    return "SIG" + signal + " " + id;
  }

  @Override
  public String kill(Role role, String id) {
    if (failKills) {
      throw new IllegalStateException("kill failed");
    }
    actions.add("KILL " + role + " " + id);
    if (role == Role.CONTROLLER && failoverOnControllerKill && active.equals(Optional.of(id))) {
      active = Optional.of("nn2");
    }
    return "kill -9 " + id;
  }

  @Override
  public void restartNameNode(String id) {
    actions.add("restart NAMENODE " + id);
  }

  @Override
  public void restartController(String id) {
    actions.add("restart CONTROLLER " + id);
  }

  @Override
  public void injectNameNodeFault(String id, String faultSpec) {
    actions.add("fault " + id + " " + faultSpec);
    if (faultSpec.equals("hang") && active.equals(Optional.of(id))) {
      active = Optional.of("nn2"); // the standby takes over from a hung active
    }
  }

  @Override
  public boolean clearNameNodeFault(String id, String fault) {
    actions.add("clear " + id + " " + fault);
    return true;
  }

  @Override
  public boolean clearNameNodeFaults(String id) {
    actions.add("clear " + id);
    return true;
  }

  @Override
  public ZooKeeperControl zookeeper() {
    return this;
  }

  @Override
  public Optional<Links> links() {
    return Optional.of(this);
  }

  @Override
  public boolean setControllerClockOffset(String id, String offset) {
    actions.add("clock " + id + " " + offset);
    return clocks;
  }

  @Override
  public Path runProbeClient(String name, String firstTry, int writes, Duration timeout) {
    actions.add("probe " + name + " first " + firstTry + " x" + writes);
    return Path.of(name);
  }

  @Override
  public Duration sessionTimeout() {
    return Duration.ofSeconds(4);
  }

  @Override
  public int size() {
    return 3;
  }

  @Override
  public Optional<Integer> leader() {
    return Optional.of(1);
  }

  @Override
  public void kill(int server) {
    actions.add("KILL zk" + (server + 1));
  }

  @Override
  public void restart(int server) {
    actions.add("restart zk" + (server + 1));
  }

  @Override
  public void awaitQuorum(Duration timeout) {
    actions.add("await quorum");
  }

  @Override
  public void hostToZooKeeper(String nnId, boolean cut) {
    actions.add((cut ? "cut " : "heal ") + nnId + " <-> zk");
  }

  @Override
  public void zooKeeperRepliesToHost(String nnId, boolean cut) {
    actions.add((cut ? "cut " : "heal ") + "zk -/-> " + nnId);
  }

  @Override
  public void hostRepliesToClients(String nnId, boolean cut) {
    actions.add((cut ? "cut " : "heal ") + nnId + " -/-> clients");
  }

  @Override
  public void clientsToHost(String nnId, boolean cut) {
    actions.add((cut ? "cut " : "heal ") + "clients -> " + nnId);
  }

  @Override
  public void hostToHost(String fromNn, String toNn, boolean oneWay, boolean cut) {
    actions.add((cut ? "cut " : "heal ") + fromNn + (oneWay ? " -> " : " <-> ") + toNn);
  }

  @Override
  public boolean supportsHostToHost() {
    return hostLinks;
  }
}
