package io.baton.controller.haadmin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The {@code --forcemanual} confirmation: Hadoop's warning and a Y/N question on the terminal, or yes
 * without asking when {@code -y}/{@code --yes} was given (the non-interactive form). End of input means no.
 */
final class Confirmation {
  static final String FORCE_MANUAL_WARNING = "You have specified the --forcemanual flag. This flag is dangerous, "
      + "as it can induce a split-brain scenario that WILL CORRUPT your HDFS namespace, possibly irrecoverably.\n"
      + "\n"
      + "It is recommended not to use this flag, but instead to shut down the cluster and disable automatic "
      + "failover if you prefer to manually manage your HA state.\n"
      + "\n"
      + "You may abort safely by answering 'n' or hitting ^C now.\n"
      + "\n"
      + "Are you sure you want to continue?";
  private static final int MAX_QUESTIONS = 5;

  private final BufferedReader in;
  private final PrintStream prompt;
  private final boolean assumeYes;

  Confirmation(BufferedReader in, PrintStream prompt, boolean assumeYes) {
    this.in = in;
    this.prompt = prompt;
    this.assumeYes = assumeYes;
  }

  /** @throws HaAdminException {@link ExitCode#ABORTED} unless the operator said yes */
  void confirmForceManual() throws HaAdminException {
    if (assumeYes) {
      return;
    }
    for (int i = 0; i < MAX_QUESTIONS; i++) {
      prompt.print(FORCE_MANUAL_WARNING + " (Y or N) ");
      prompt.flush();
      String answer;
      try {
        answer = in.readLine();
      } catch (IOException e) {
        throw new HaAdminException(ExitCode.ABORTED, "Aborted: cannot read the answer (" + e.getMessage() + ")");
      }
      if (answer == null) {
        prompt.println();
        throw new HaAdminException(ExitCode.ABORTED,
            "Aborted: no answer (end of input); to confirm without the prompt, add --yes");
      }
      switch (answer.trim().toLowerCase(Locale.ROOT)) {
        case "y", "yes" -> {
          return;
        }
        case "n", "no" -> throw new HaAdminException(ExitCode.ABORTED, "Aborted");
        default -> prompt.println("Invalid input: " + answer.trim());
      }
    }
    throw new HaAdminException(ExitCode.ABORTED, "Aborted: no Y or N after " + MAX_QUESTIONS + " questions");
  }
}
