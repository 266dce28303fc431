package io.baton.chaos.schedule;

/**
 * How the cluster of a run is configured.
 *
 * @param fencing the fencing methods the controllers use
 * @param unsafeJournal journal node started with {@code --unsafe-no-epoch-check} (negative control only)
 * @param fakeClocks controllers run with a wall clock that the kit can step (FakeClock)
 * @param namenodes how many NameNodes (2 or 3)
 */
public record ClusterSetup(Fencing fencing, boolean unsafeJournal, boolean fakeClocks, int namenodes) {

  /** The fencing configurations the scenarios use. */
  public enum Fencing {
    /** Storage fencing at the journal (the honest default). */
    JOURNAL,
    /** sshfence against a port where no sshd listens, then the journal. */
    SSH_DOWN_THEN_JOURNAL,
    /** sshfence against a port where no sshd listens, nothing else: fencing always fails. */
    SSH_DOWN_ONLY,
    /** sshfence against a host that accepts and never answers (unreachable), then the journal. */
    SSH_UNREACHABLE_THEN_JOURNAL,
    /** shell(/bin/true): fencing off (negative control only). */
    OFF
  }

  public ClusterSetup {
    if (namenodes < 2 || namenodes > 3) {
      throw new IllegalArgumentException("a chaos cluster has 2 or 3 NameNodes, not " + namenodes);
    }
  }

  public static ClusterSetup standard() {
    return new ClusterSetup(Fencing.JOURNAL, false, false, 2);
  }

  public ClusterSetup withFencing(Fencing f) {
    return new ClusterSetup(f, unsafeJournal, fakeClocks, namenodes);
  }

  public ClusterSetup withFakeClocks() {
    return new ClusterSetup(fencing, unsafeJournal, true, namenodes);
  }

  public ClusterSetup withoutFakeClocks() {
    return new ClusterSetup(fencing, unsafeJournal, false, namenodes);
  }

  /** Fencing off and the journal's epoch check off: a zombie must then produce split brain. */
  public ClusterSetup unsafe() {
    return new ClusterSetup(Fencing.OFF, true, fakeClocks, namenodes);
  }

  public boolean isUnsafe() {
    return fencing == Fencing.OFF || unsafeJournal;
  }
}
