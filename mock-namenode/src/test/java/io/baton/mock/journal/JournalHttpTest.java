package io.baton.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.mock.Http;
import io.baton.mock.TestConf;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal node's HTTP contract (its QJournalProtocol side: {@link io.baton.mock.qjm.JournalIpcServerTest}). */
class JournalHttpTest {
  @TempDir Path dir;
  private JournalNode node;
  private String base;

  @BeforeEach
  void start() throws Exception {
    node = JournalNode.start(TestConf.local(0), 0, dir, true);
    base = "http://127.0.0.1:" + node.httpPort() + "/journal/ns1";
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  @Test
  void aCorruptJournalAnswersAClearErrorWhileOthersKeepServing() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("ns2"));
    java.nio.file.Files.writeString(dir.resolve("ns2").resolve(FileJournalStorage.EDITS), "garbage\n");
    Http.Answer corrupt = Http.get("http://127.0.0.1:" + node.httpPort() + "/journal/ns2/status");
    assertThat(corrupt.status()).isEqualTo(500);
    assertThat(corrupt.json().path("error").asText()).isEqualTo("journal_corrupt");
    assertThat(corrupt.json().path("message").asText()).startsWith("journal ns2 cannot be used: "
        + dir.resolve("ns2").resolve(FileJournalStorage.EDITS) + " line 1: not a journal record");
    assertThat(Http.post("http://127.0.0.1:" + node.httpPort() + "/journal/ns2/epoch",
        "{\"writer\":\"nn1\"}").status()).isEqualTo(500);
    assertThat(java.nio.file.Files.readString(dir.resolve("ns2").resolve(FileJournalStorage.EDITS))).isEqualTo("garbage\n");
    assertThat(Http.get(base + "/status").status()).isEqualTo(200);
  }

  @Test
  void badInputGetsClearJsonErrors() throws Exception {
    Http.Answer malformed = Http.post(base + "/epoch", "{\"writer\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("error").asText()).isEqualTo("bad_request");
    assertThat(malformed.json().path("message").asText()).startsWith("malformed JSON body: ");

    Http.Answer missing = Http.post(base + "/epoch", "{\"epoch\":3}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("message").asText())
        .isEqualTo("field \"writer\" is required and must be a non-empty string");

    Http.Answer empty = Http.post(base + "/epoch", "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("message").asText())
        .isEqualTo("a JSON body is required, e.g. {\"writer\":\"nn1\"} (optionally \"epoch\":N)");

    Http.Answer fence = Http.post(base + "/fence", "{\"fencedBy\":\"c\",\"target\":\"nn1\"}");
    assertThat(fence.status()).as("the HTTP fence endpoint is gone: fencing is QJournalProtocol newEpoch")
        .isEqualTo(404);

    Http.Answer unknown = Http.get("http://127.0.0.1:" + node.httpPort() + "/journal/ns1/nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asText()).isEqualTo("not_found");
    assertThat(unknown.json().path("message").asText()).startsWith("no such endpoint: /journal/ns1/nope");

    Http.Answer badId = Http.get("http://127.0.0.1:" + node.httpPort() + "/journal/bad%20id/status");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().path("message").asText()).startsWith("journal id 'bad id' is not valid");

    Http.Answer badParam = Http.get(base + "/records?fromTxId=abc");
    assertThat(badParam.status()).isEqualTo(400);
    assertThat(badParam.json().path("message").asText()).isEqualTo("query parameter fromTxId='abc' is not a whole number");

    Http.Answer noTxid = Http.post(base + "/append", "{\"epoch\":1,\"op\":\"write\",\"path\":\"/a\",\"writer\":\"nn1\"}");
    assertThat(noTxid.status()).isEqualTo(400);
    assertThat(noTxid.json().path("message").asText()).isEqualTo("append needs numeric \"epoch\" and \"txid\"");

    // still serving after all that
    assertThat(Http.get(base + "/status").status()).isEqualTo(200);
  }
}
