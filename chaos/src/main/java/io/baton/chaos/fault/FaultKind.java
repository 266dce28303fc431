package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl.Role;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Every fault the kit can inject, by the name used in schedules and reports. */
public enum FaultKind {
  KILL_NAMENODE("kill-namenode", "kill -9 of the active NameNode", () -> new KillProcesses("kill-namenode", true,
      false)),
  KILL_CONTROLLER("kill-controller", "kill -9 of the active NameNode's controller",
      () -> new KillProcesses("kill-controller", false, true)),
  HOST_LOSS("host-loss", "kill -9 of the active NameNode and its controller",
      () -> new KillProcesses("host-loss", true, true)),
  PAUSE_NAMENODE("pause-namenode", "SIGSTOP of the active NameNode, then SIGCONT",
      () -> new PauseProcess("pause-namenode", Role.NAMENODE)),
  ZOMBIE("zombie", "the active NameNode hangs and ignores transitionToStandby, then runs again", Zombie::new),
  PAUSE_CONTROLLER("pause-controller", "SIGSTOP of the active's controller, then SIGCONT",
      () -> new PauseProcess("pause-controller", Role.CONTROLLER)),
  PARTITION_ZOOKEEPER("partition-zk", "the active's host cut off from ZooKeeper",
      () -> new Partition("partition-zk", Partition.Cut.FROM_ZOOKEEPER)),
  PARTITION_CLIENTS("partition-clients", "the clients cut off from the active's host",
      () -> new Partition("partition-clients", Partition.Cut.FROM_CLIENTS)),
  PARTITION_PEER("partition-peer", "the active's host cut off from the other NameNode host",
      () -> new Partition("partition-peer", Partition.Cut.FROM_PEER)),
  PARTITION_ONE_WAY("partition-one-way", "the active's host cannot connect to the other host, the reverse works",
      () -> new Partition("partition-one-way", Partition.Cut.ONE_WAY_TO_PEER)),
  KILL_ZK_LEADER("kill-zk-leader", "kill -9 of the ZooKeeper leader", () -> new KillZooKeeper(false)),
  LOSE_ZK_QUORUM("lose-zk-quorum", "kill -9 of a majority of the ZooKeeper servers", () -> new KillZooKeeper(true)),
  SLOW_TRANSITION("slow-transition", "the standby answers every RPC slowly, then the active is killed",
      () -> new SlowTransition(Duration.ofMillis(1500))),
  CLOCK_JUMP("clock-jump", "the active's controller's wall clock steps one hour ahead", () -> new ClockJump("+1h")),
  PARTITION_ZK_REPLIES("partition-zk-replies", "the active's requests reach ZooKeeper, the replies are lost",
      () -> new Partition("partition-zk-replies", Partition.Cut.ZOOKEEPER_REPLIES)),
  PARTITION_CLIENT_REPLIES("partition-client-replies", "the clients' requests reach the active, its replies are "
      + "lost", () -> new Partition("partition-client-replies", Partition.Cut.CLIENT_REPLIES)),
  PEER_CUT_FAILOVER("peer-cut-failover", "the NameNode hosts lose each other, then the active's controller is "
      + "killed: the standby must fence an old active it cannot reach", () -> new DuringPartition(
          "peer-cut-failover", new Partition("partition-peer", Partition.Cut.FROM_PEER),
          new KillProcesses("kill-controller", false, true), Zombie.FAILOVER_WAIT)),
  ONE_WAY_CUT_FAILOVER("one-way-cut-failover", "the other host cannot connect to the active's host (the reverse "
      + "works), then the active's controller is killed", () -> new DuringPartition("one-way-cut-failover",
          new Partition("partition-one-way", Partition.Cut.ONE_WAY_FROM_PEER),
          new KillProcesses("kill-controller", false, true), Zombie.FAILOVER_WAIT));

  private final String label;
  private final String description;
  private final Supplier<Fault> factory;

  FaultKind(String label, String description, Supplier<Fault> factory) {
    this.label = label;
    this.description = description;
    this.factory = factory;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** A fresh fault instance for one step. */
  public Fault newFault() {
    return factory.get();
  }

  /** True when the fault needs links between NameNode hosts. */
  public boolean needsHostLinks() {
    return this == PARTITION_PEER || this == PARTITION_ONE_WAY || this == PEER_CUT_FAILOVER
        || this == ONE_WAY_CUT_FAILOVER;
  }

  public static FaultKind byLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + label + "'; known: " + labels()));
  }

  public static String labels() {
    return Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", "));
  }
}
