package io.baton.chaos.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a process's resident memory and CPU time from /proc, and ZooKeeper's counters with {@code mntr}. */
final class ProcStats {
  /** Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every mainstream kernel. */
  private static final long TICKS_PER_SECOND = 100;

  private ProcStats() {}

  /** VmRSS in kB, empty when the process is gone. */
  static Optional<Long> rssKb(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** User plus system CPU time in ms, empty when the process is gone. */
  static Optional<Long> cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Optional.of(cpuMillisFromStat(stat));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Fields 14 (utime) and 15 (stime) of /proc/PID/stat; the command name in field 2 may hold spaces. */
  static long cpuMillisFromStat(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // f[0] is field 3 (state), so field n is f[n - 3]
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND;
  }

  /** {@code zk_packets_received} from ZooKeeper's mntr four-letter word, empty when it does not answer. */
  static Optional<Long> zookeeperPacketsReceived(String connect) {
    String first = connect.split(",")[0];
    int colon = first.lastIndexOf(':');
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 1000);
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write("mntr".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("zk_packets_received"))
          .map(l -> Long.parseLong(l.split("\\s+")[1].trim()))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
