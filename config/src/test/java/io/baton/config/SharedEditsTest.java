package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qjournal:// and file:// shared edits, and what each asks of fencing. */
class SharedEditsTest {
  @TempDir Path dir;

  private ConfFixture nfs(String methods) {
    return ConfFixture.valid(dir).hdfs("dfs.namenode.shared.edits.dir", "file:///mnt/nfs/ns1")
        .hdfs("dfs.ha.fencing.methods", methods);
  }

  private ConfFixture qjm(String methods) {
    return ConfFixture.valid(dir).hdfs("dfs.namenode.shared.edits.dir", "qjournal://127.0.0.1:18485/ns1")
        .hdfs("dfs.ha.fencing.methods", methods);
  }

  @Test
  void fileSharedEditsLoadAsADirectory() {
    NameserviceConfig ns = nfs("sshfence").load().nameservices().get(0);
    assertThat(ns.sharedEdits()).contains(new SharedEditsDirectory("file:///mnt/nfs/ns1"));
    assertThat(ns.quorumJournal()).isEmpty();
    assertThat(ns.sharedEdits().orElseThrow().refusesSecondWriter()).isFalse();
  }

  @Test
  void qjournalKeepsItsQuorumJournalAccessor() {
    NameserviceConfig ns = qjm("sshfence").load().nameservices().get(0);
    assertThat(ns.quorumJournal().orElseThrow().journalNodes()).containsExactly(new HostPort("127.0.0.1", 18485));
    assertThat(ns.sharedEdits().orElseThrow().refusesSecondWriter()).isTrue();
  }

  @Test
  void journalFencingWithASharedDirectoryIsALoadErrorNamingTheKeyAndTheFix() {
    // one value for both NameNodes: reported once
    assertThat(nfs("sshfence\njournal").problems()).singleElement().asString()
        .startsWith("hdfs-site.xml:40: dfs.ha.fencing.methods: journal fencing needs a quorum journal, but"
            + " dfs.namenode.shared.edits.dir is file:///mnt/nfs/ns1")
        .contains("Fix: remove journal from dfs.ha.fencing.methods");
    // negative control: the same methods with a quorum journal raise no such problem
    assertThat(qjm("sshfence\njournal").problems()).noneMatch(p -> p.contains("needs a quorum journal"));
  }

  @Test
  void anAlwaysSucceedingMethodWarnsPerStorageKind() {
    LoadReport withNfs = nfs("sshfence\nshell(/bin/true)").inspect();
    assertThat(withNfs.isValid()).isTrue();
    assertThat(withNfs.warnings()).map(ConfigProblem::toString).anySatisfy(w -> assertThat(w)
        .contains("shell(/bin/true) always succeeds")
        .contains("nothing else keeps an old active from writing").contains("fencing must really fence"));

    LoadReport withQjm = qjm("shell(/bin/true)").inspect();
    assertThat(withQjm.isValid()).isTrue();
    assertThat(withQjm.warnings()).map(ConfigProblem::toString).anySatisfy(w -> assertThat(w)
        .contains("always succeeds: with the quorum journal the journal nodes' epochs still keep a second writer out"));
    // with a quorum journal, a real method first and shell(/bin/true) last is Hadoop's advice: no warning
    assertThat(qjm("sshfence\nshell(/bin/true)").inspect().warnings()).isEmpty();
    // negative control: a method that really fences raises no warning
    assertThat(nfs("sshfence").inspect().warnings()).isEmpty();
  }
}
