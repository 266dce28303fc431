package io.baton.chaos.cluster;

import io.baton.chaos.event.EventLog;
import io.baton.worlds.process.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a fault may do to the cluster under test. {@link ChaosCluster} implements it with real processes; unit
 * tests implement it with a recording fake. Every method is bounded in time.
 */
public interface ClusterControl {
  EventLog events();

  List<String> namenodeIds();

  /** The NameNode whose {@code /isActive} says 200 now, if exactly one does. */
  Optional<String> activeNameNode();

  /** Waits up to {@code timeout} for exactly one active NameNode. */
  Optional<String> awaitSingleActive(Duration timeout);

  /** The processes a fault can signal on a NameNode host. */
  enum Role { NAMENODE, CONTROLLER }

  /** Sends the signal to that process by PID; returns e.g. {@code SIGSTOP nn1(pid 42)}. */
  String signal(Role role, String id, Signal signal);

  /** kill -9 and wait until it is gone; returns e.g. {@code kill -9 zkfc-nn1(pid 43)}. */
  String kill(Role role, String id);

  /** Starts the NameNode again (after a kill) and waits until it answers. */
  void restartNameNode(String id);

  /** Starts the controller again (after a kill). */
  void restartController(String id);

  /** Posts a mock-namenode fault (e.g. {@code zombie}, {@code slow=1500ms}) to the NameNode's HTTP endpoint. */
  void injectNameNodeFault(String id, String faultSpec);

  /** Clears one fault (by its label, e.g. {@code hang}); false when the NameNode does not answer. */
  boolean clearNameNodeFault(String id, String fault);

  /** Clears every fault injected into that NameNode; false when it does not answer. */
  boolean clearNameNodeFaults(String id);

  /** The ZooKeeper servers, by index; kill/restart them through {@link #zookeeper()}. */
  ZooKeeperControl zookeeper();

  /** The network links that partitions cut; empty when this mode cannot partition. */
  Optional<Links> links();

  /** Moves the controller's clock by the offset (e.g. {@code +1h}); false when clock faults are not enabled. */
  boolean setControllerClockOffset(String id, String offset);

  /**
   * Runs a short fresh client (a new process that finds the active from scratch, trying {@code firstTry} first)
   * for {@code writes} writes and waits for it; returns its history file.
   */
  Path runProbeClient(String name, String firstTry, int writes, Duration timeout);

  /** The ZooKeeper session timeout the controllers use. */
  Duration sessionTimeout();

  /** The ZooKeeper ensemble, as far as faults need it. */
  interface ZooKeeperControl {
    int size();

    Optional<Integer> leader();

    void kill(int server);

    void restart(int server);

    void awaitQuorum(Duration timeout);
  }

  /** Cuttable links between the cluster's hosts, ZooKeeper and the clients. */
  interface Links {
    /** Silently cuts (or heals) every link between the NameNode host and the ZooKeeper servers. */
    void hostToZooKeeper(String nnId, boolean cut);

    /** One way: the host's requests reach ZooKeeper, ZooKeeper's replies to it are lost (or healed). */
    void zooKeeperRepliesToHost(String nnId, boolean cut);

    /** Silently cuts (or heals) every link from the clients to the NameNode host. */
    void clientsToHost(String nnId, boolean cut);

    /** One way: the clients' requests reach the NameNode host, its replies to them are lost (or healed). */
    void hostRepliesToClients(String nnId, boolean cut);

    /**
     * Cuts (or heals) the links between two NameNode hosts; when {@code oneWay}, only {@code fromNn} cannot open
     * connections to {@code toNn} ({@code toNn} still reaches {@code fromNn}).
     */
    void hostToHost(String fromNn, String toNn, boolean oneWay, boolean cut);

    /** True when {@link #hostToHost} is supported. */
    boolean supportsHostToHost();
  }
}
