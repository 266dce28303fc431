package io.baton.fencing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spots a {@code shell(...)} method that succeeds without doing anything ({@code /bin/true}, {@code exit 0}, ...)
 * and says, once per process and command, what that means for the nameservice's kind of shared edits: with the
 * quorum journal Hadoop's epochs still stop a second writer; without it nothing guards the storage.
 */
final class AlwaysSucceeds {
  private static final Logger log = LoggerFactory.getLogger(AlwaysSucceeds.class);
  private static final Pattern NO_OP = Pattern.compile("(/usr)?(/bin/)?true|:|exit( 0)?");
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private AlwaysSucceeds() {}

  /** The warning for {@code command} of nameservice {@code nsId}, or empty when it does something. */
  static Optional<String> warning(String command, String nsId, boolean quorumJournal) {
    if (!NO_OP.matcher(command.strip().replaceAll("\\s*;\\s*$", "")).matches()) {
      return Optional.empty();
    }
    String fence = "fence method shell(" + command.strip() + ") of " + nsId + " always succeeds and stops nothing";
    return Optional.of(quorumJournal
        ? fence + ": safe for the namespace only because the quorum journal refuses an old writer's epoch; the old"
            + " active may still answer reads, and nothing is checked before the promotion. Put journal before it"
            + " (a checked epoch claim on a majority of the journal nodes)"
        : fence + ": NOT safe without qjournal:// shared edits, since nothing guards the storage and two NameNodes"
            + " may write; use a method that really stops the old active (sshfence, a STONITH script)");
  }

  static void warnOnce(String command, String nsId, boolean quorumJournal) {
    warning(command, nsId, quorumJournal).filter(w -> WARNED.add(nsId + "|" + command.strip()))
        .ifPresent(log::warn);
  }
}
