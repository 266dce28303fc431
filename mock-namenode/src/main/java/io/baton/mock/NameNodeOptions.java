package io.baton.mock;

import io.baton.config.ConfigException;
import io.baton.config.ConfigProblem;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.config.SharedEditsConfig;
import io.baton.mock.fault.FaultSpec;
import io.baton.mock.journal.EditLog;
import io.baton.mock.journal.HttpEditLog;
import io.baton.mock.journal.Journal;
import io.baton.mock.journal.JournalStorage;
import io.baton.mock.journal.LocalEditLog;
import io.baton.mock.qjm.JournalHttpLocator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a mock NameNode needs to start.
 *
 * @param editLog the shared journal (a journal node over HTTP, or an in-process one without shared edits)
 * @param tailPeriod how often a standby or observer reads new journal records
 * @param crash what the {@code crash} fault does (halts the process; tests pass something harmless)
 * @param hadoopProperties Hadoop IPC settings ({@link DeploymentConfig#hadoopProperties()})
 */
public record NameNodeOptions(
    NameNodeConfig nameNode,
    boolean automaticFailover,
    EditLog editLog,
    List<FaultSpec> initialFaults,
    Duration tailPeriod,
    Runnable crash,
    Map<String, String> hadoopProperties) {

  public static final Duration DEFAULT_TAIL_PERIOD = Duration.ofMillis(200);
  public static final Duration JOURNAL_TIMEOUT = Duration.ofSeconds(3);

  public NameNodeOptions {
    initialFaults = List.copyOf(initialFaults);
    hadoopProperties = Map.copyOf(hadoopProperties);
  }

  /** The options for {@code nn} of a loaded deployment, with the edit log its nameservice's shared edits name. */
  public static NameNodeOptions from(DeploymentConfig conf, NameNodeConfig nn, List<FaultSpec> faults,
      Duration tailPeriod, Runnable crash) throws ConfigException {
    NameserviceConfig ns = conf.nameservice(nn.nameserviceId()).orElseThrow();
    return new NameNodeOptions(nn, ns.automaticFailover(), editLog(ns), faults, tailPeriod, crash,
        conf.hadoopProperties());
  }

  static EditLog editLog(NameserviceConfig ns) throws ConfigException {
    if (ns.quorumJournal().isEmpty()) {
      // No quorum journal (none, or a file:// directory the mock does not write to): still a consistent
      // single-node journal, just not shared, so standbys will not see the active's writes.
      return new LocalEditLog(new Journal(ns.id(), ns.id(), new JournalStorage.InMemory(), Clock.systemUTC(), true));
    }
    SharedEditsConfig edits = ns.quorumJournal().get();
    if (edits.journalNodes().size() != 1) {
      throw new ConfigException(List.of(ConfigProblem.of("dfs.namenode.shared.edits.dir." + ns.id(),
          "the mock NameNode writes to exactly one journal node, but " + edits.uri() + " lists "
              + edits.journalNodes().size(), "list one journal node: qjournal://host:port/" + edits.journalId())));
    }
    JournalHttpLocator locator = new JournalHttpLocator(edits.journalNodes().get(0), edits.journalId(), ns.id(),
        JOURNAL_TIMEOUT);
    return new HttpEditLog(locator, locator.toString(), JOURNAL_TIMEOUT);
  }
}
