package io.baton.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RenderersTest {

  @Test
  void summaryLeadsWithTheVerdictAndListsFaultsWithTimes() {
    String text = SummaryRenderer.render(ReportFixtures.report("kill-namenode-120000", false, 640));
    assertThat(text.lines().toList()).contains(
        "  verdict    FAIL: the checker found violations: [LOST_WRITE]",
        "  checker    exit 1, violations LOST_WRITE x1",
        "  1. kill-namenode(nn1)           inject +1200 ms, heal +5200 ms (kill-namenode held 1 x session = 4000 ms)",
        "       writes recovered: 640 ms after the fault (acknowledged by a NameNode other than nn1)",
        "  - the checker found violations: [LOST_WRITE]");
  }

  @Test
  void theTimelinePictureIsWellFormedSvgWithOneBarPerFault() throws Exception {
    String svg = SvgTimeline.render(ReportFixtures.report("kill-namenode-120000", true, 640));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1);
    assertThat(svg).contains("writes recovered after 640 ms").contains("nn2 active &lt;&amp;&gt;");
  }

  @Test
  void controllerTimelinesAreReadFromTheAdminJson() throws Exception {
    String json = "[{\"id\":1,\"kind\":\"PROMOTION\",\"nodeId\":\"nn2\",\"start\":\"2026-01-01T00:00:01Z\","
        + "\"reason\":\"nn1 lost its lock\",\"epoch\":7,\"outcome\":\"SUCCEEDED\",\"phases\":["
        + "{\"name\":\"fence\",\"start\":\"2026-01-01T00:00:01Z\",\"duration\":\"PT0.412S\"},"
        + "{\"name\":\"promote\",\"start\":\"2026-01-01T00:00:01.412Z\",\"millis\":100}]},"
        + "{\"id\":2,\"kind\":\"DEMOTION\",\"outcome\":\"SUCCEEDED\",\"totalMillis\":15}]";
    List<ControllerFailover> f = ControllerFailover.read("nn2", new ObjectMapper().readTree(json));
    assertThat(f).hasSize(2);
    assertThat(f.get(0).succeededPromotion()).isTrue();
    assertThat(f.get(0).totalMs()).contains(512L);
    assertThat(f.get(0).epoch()).contains(7L);
    assertThat(f.get(1).totalMs()).contains(15L);
    assertThat(ControllerFailover.read("nn1", new ObjectMapper().readTree("{\"records\":[]}"))).isEmpty();
  }
}
