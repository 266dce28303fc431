package io.baton.chaos.schedule;

import static io.baton.chaos.fault.FaultKind.CLOCK_JUMP;
import static io.baton.chaos.fault.FaultKind.HOST_LOSS;
import static io.baton.chaos.fault.FaultKind.KILL_CONTROLLER;
import static io.baton.chaos.fault.FaultKind.KILL_NAMENODE;
import static io.baton.chaos.fault.FaultKind.KILL_ZK_LEADER;
import static io.baton.chaos.fault.FaultKind.LOSE_ZK_QUORUM;
import static io.baton.chaos.fault.FaultKind.ONE_WAY_CUT_FAILOVER;
import static io.baton.chaos.fault.FaultKind.PARTITION_CLIENTS;
import static io.baton.chaos.fault.FaultKind.PARTITION_CLIENT_REPLIES;
import static io.baton.chaos.fault.FaultKind.PARTITION_ONE_WAY;
import static io.baton.chaos.fault.FaultKind.PARTITION_PEER;
import static io.baton.chaos.fault.FaultKind.PARTITION_ZK_REPLIES;
import static io.baton.chaos.fault.FaultKind.PARTITION_ZOOKEEPER;
import static io.baton.chaos.fault.FaultKind.PAUSE_CONTROLLER;
import static io.baton.chaos.fault.FaultKind.PAUSE_NAMENODE;
import static io.baton.chaos.fault.FaultKind.PEER_CUT_FAILOVER;
import static io.baton.chaos.fault.FaultKind.SLOW_TRANSITION;
import static io.baton.chaos.fault.FaultKind.ZOMBIE;

import io.baton.chaos.schedule.ClusterSetup.Fencing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The named scenarios of {@code baton chaos list}, in the order they are listed and run in CI. */
public final class ScenarioCatalog {
  private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

  static {
    ClusterSetup std = ClusterSetup.standard();
    add("kill-namenode", "kill -9 of the active NameNode; restarted after 1 session timeout", std,
        Step.of(KILL_NAMENODE, 1, 0));
    add("kill-controller", "kill -9 of the active's controller: its session expires, the healthy NameNode is "
        + "fenced and the standby takes over", std, Step.of(KILL_CONTROLLER, 2, 1));
    add("host-loss", "kill -9 of the active NameNode and its controller together", std, Step.of(HOST_LOSS, 2, 1));
    add("zombie", "the active NameNode hangs longer than the session timeout and, running again, ignores "
        + "transitionToStandby and keeps serving: only fencing can stop it", std, Step.of(ZOMBIE, 1.5, 1));
    add("gc-pause", "SIGSTOP of the active NameNode for longer than the session timeout, then SIGCONT", std,
        Step.of(PAUSE_NAMENODE, 2, 1));
    add("pause-controller", "SIGSTOP of the active's controller for longer than the session timeout", std,
        Step.of(PAUSE_CONTROLLER, 2, 1));
    add("partition-zk", "the active's host loses ZooKeeper (silent partition) longer than the session timeout",
        std, Step.of(PARTITION_ZOOKEEPER, 2.5, 1));
    add("partition-clients", "the clients lose the active's host; no failover is due, writes resume on heal", std,
        Step.of(PARTITION_CLIENTS, 1, 0));
    add("partition-peer", "the two NameNode hosts lose each other, both still reach ZooKeeper and the clients; no "
        + "failover is due", std, Step.of(PARTITION_PEER, 1, 0));
    add("peer-cut-failover", "the two NameNode hosts lose each other, then the active's controller dies: the standby "
        + "must fence an old active it cannot reach", std, Step.of(PEER_CUT_FAILOVER, 2, 1));
    add("asymmetric-partition", "the active's host cannot connect to the other host, the reverse works; no "
        + "failover is due", std, Step.of(PARTITION_ONE_WAY, 1, 0));
    add("asymmetric-failover", "the standby's host cannot connect to the active's host (the reverse works), then "
        + "the active's controller dies", std, Step.of(ONE_WAY_CUT_FAILOVER, 2, 1));
    add("asymmetric-zk", "the active's requests reach ZooKeeper but ZooKeeper's replies are lost, longer than the "
        + "session timeout", std, Step.of(PARTITION_ZK_REPLIES, 2.5, 1));
    add("asymmetric-clients", "the clients' requests reach the active but its replies are lost; no failover is due",
        std, Step.of(PARTITION_CLIENT_REPLIES, 1, 0));
    add("kill-zk-leader", "kill -9 of the ZooKeeper leader; no failover is due", std, Step.of(KILL_ZK_LEADER, 1, 0));
    add("lose-zk-quorum", "two of three ZooKeeper servers die and come back; no failover is due", std,
        Step.of(LOSE_ZK_QUORUM, 1.5, 0));
    add("fencing-fails-fallback", "the active stops; sshfence fails (no sshd) and the journal method fences", 
        std.withFencing(Fencing.SSH_DOWN_THEN_JOURNAL), Step.of(PAUSE_NAMENODE, 2, 2));
    add("fencing-fails-no-fallback", "the active stops; sshfence is the only method and fails: nobody may be "
        + "promoted until the old active is back", std.withFencing(Fencing.SSH_DOWN_ONLY),
        Step.of(PAUSE_NAMENODE, 2, 2));
    add("fencing-unreachable-fallback", "the active stops; the ssh host never answers (unreachable), the journal "
        + "method fences", std.withFencing(Fencing.SSH_UNREACHABLE_THEN_JOURNAL), Step.of(PAUSE_NAMENODE, 2, 3));
    add("slow-transition", "the standby answers every RPC 1.5 s late, then the active is killed", std,
        Step.of(SLOW_TRANSITION, 1, 3));
    add("clock-jump", "the active's controller's wall clock steps one hour ahead (monotonic clock unchanged, as "
        + "with NTP) and stays there; its NameNode is killed, then the other one, so the skewed controller promotes "
        + "and writes its skewed time; then its NameNode is paused: the other must take over without trusting that "
        + "time", std.withFakeClocks(), Step.of(CLOCK_JUMP, 1, 2), Step.of(KILL_NAMENODE, 1, 0),
        Step.of(KILL_NAMENODE, 1, 0), Step.of(PAUSE_NAMENODE, 2, 1));
  }

  private ScenarioCatalog() {}

  private static void add(String name, String description, ClusterSetup setup, Step... steps) {
    SCENARIOS.put(name, new Scenario(name, description, setup, List.of(steps), Expectation.SAFE_AND_LIVE, 0));
  }

  public static List<Scenario> all() {
    return List.copyOf(SCENARIOS.values());
  }

  /** The negative control: the zombie scenario with fencing and the journal's epoch check off. */
  public static Scenario negativeControl() {
    return SCENARIOS.get("zombie").unsafe();
  }

  public static Optional<Scenario> byName(String name) {
    return Optional.ofNullable(SCENARIOS.get(name));
  }

  public static String names() {
    return String.join(", ", SCENARIOS.keySet());
  }
}
