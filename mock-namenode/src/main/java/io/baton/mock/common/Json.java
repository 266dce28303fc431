package io.baton.mock.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;

/** One shared, configured Jackson mapper (records, java.time, Optional). */
public final class Json {
  public static final ObjectMapper MAPPER = configure(Jackson.newObjectMapper());

  private Json() {}

  /** Lenient on unknown fields, ISO-8601 instants. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
  }
}
