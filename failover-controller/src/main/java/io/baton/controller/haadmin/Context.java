package io.baton.controller.haadmin;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import org.apache.hadoop.conf.Configuration;

/**
 * Everything a command needs: the command line, the loaded deployment, the timeouts, the IPC settings, the
 * fencer and the operator prompt.
 */
record Context(
    Invocation invocation,
    DeploymentConfig deployment,
    Targets targets,
    Timeouts timeouts,
    Configuration ipcConf,
    Fencer fencer,
    Confirmation confirmation,
    AdminApiClient adminApi) {

  NameNodeClient nameNode(NameNodeConfig nn, java.time.Duration timeout) throws HaAdminException {
    return NameNodeClient.open(nn, timeout, ipcConf);
  }
}
