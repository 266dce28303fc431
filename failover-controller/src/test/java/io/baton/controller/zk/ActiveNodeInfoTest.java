package io.baton.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ActiveNodeInfoTest {
  /** Hadoop 3.5.0's ZKFC wrote this breadcrumb for ns1/nn1 at localhost:18020, ZKFC port 18019. */
  private static final String HADOOP_HEX = "0a036e733112036e6e311a096c6f63616c686f737420e48c0128e38c01";

  @Test
  void encodesExactlyAsHadoop() {
    byte[] bytes = new ActiveNodeInfo("ns1", "nn1", "localhost", 18020, 18019).encode();
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HADOOP_HEX);
  }

  @Test
  void decodesHadoopsBytes() {
    assertThat(ActiveNodeInfo.decode(HexFormat.of().parseHex(HADOOP_HEX)))
        .isEqualTo(new ActiveNodeInfo("ns1", "nn1", "localhost", 18020, 18019));
  }

  @Test
  void rejectsDataWithoutTheRequiredFields() {
    assertThatThrownBy(() -> ActiveNodeInfo.decode(HexFormat.of().parseHex("0a036e7331")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ActiveNodeInfo lacks a required field (nameserviceId, namenodeId, hostname, port, zkfcPort): "
            + "0a036e7331");
    assertThatThrownBy(() -> ActiveNodeInfo.decode(new byte[] {0, 0, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an ActiveNodeInfo protobuf");
  }

  @Test
  void epochRecordRoundTripsAndNamesBadText() {
    EpochRecord r = new EpochRecord(7, "nn1", Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(new String(r.encode())).isEqualTo("epoch=7 namenode=nn1 at=2026-01-01T00:00:00Z");
    assertThat(EpochRecord.decode(r.encode())).isEqualTo(r);
    assertThatThrownBy(() -> EpochRecord.decode("hello".getBytes()))
        .hasMessage("epoch znode holds 'hello', expected 'epoch=N namenode=ID at=TIME'");
  }
}
