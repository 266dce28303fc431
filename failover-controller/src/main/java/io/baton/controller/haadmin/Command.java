package io.baton.controller.haadmin;

import java.util.List;

/** One haadmin command: parses its own arguments, does its work, fills the reply. */
interface Command {
  /**
   * @return the exit status (failures that stop the command are thrown instead)
   * @throws HaAdminException with the message and exit status of the failure
   */
  ExitCode run(Context ctx, List<String> args, Reply reply) throws HaAdminException;
}
