package io.baton.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads core-site.xml then hdfs-site.xml with Hadoop's own {@link Configuration} (same parser, variable
 * expansion and {@code final} rules as Hadoop), reporting a malformed file with its line.
 */
final class XmlReader {
  static final List<String> FILES = List.of("core-site.xml", "hdfs-site.xml");
  private static final String XML_FIX =
      "fix the XML syntax; each setting is <property><name>key</name><value>v</value></property>";
  private static final Pattern NAME = Pattern.compile("<name>\\s*([^<]+?)\\s*</name>");

  private final Problems problems;

  XmlReader(Problems problems) {
    this.problems = problems;
  }

  /** Adds the files' properties to {@code layer}; returns false when a file exists but cannot be used. */
  boolean read(Path confDir, HadoopLayer layer) {
    Configuration merged = new Configuration(false);
    merged.setQuietMode(true);
    Map<String, String> sourceOf = new HashMap<>();
    Map<String, Map<String, Integer>> linesOf = new HashMap<>();
    boolean ok = true;
    for (String name : FILES) {
      Path file = confDir.resolve(name);
      if (!Files.exists(file)) {
        continue;
      }
      Optional<Configuration> single = parse(file, name);
      if (single.isEmpty()) {
        ok = false;
        continue;
      }
      single.get().forEach(e -> sourceOf.put(e.getKey(), name));
      linesOf.put(name, nameLines(file));
      merged.addResource(single.get());
    }
    if (!ok) {
      return false;
    }
    for (Map.Entry<String, String> e : merged) {
      String key = e.getKey();
      String file = sourceOf.getOrDefault(key, FILES.get(1));
      Integer line = linesOf.getOrDefault(file, Map.of()).get(key);
      layer.put(key, merged.get(key), line == null ? file : file + ":" + line);
    }
    return true;
  }

  private Optional<Configuration> parse(Path file, String name) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      problems.add(name, null, "exists but cannot be read", "make " + file + " a readable file, or remove it");
      return Optional.empty();
    }
    if (!wellFormed(file, name)) {
      return Optional.empty();
    }
    Configuration conf = new Configuration(false);
    conf.setQuietMode(true);
    try {
      conf.addResource(file.toUri().toURL(), false);
      conf.size(); // forces the parse, which Hadoop otherwise defers to the first get()
      return Optional.of(conf);
    } catch (IOException | RuntimeException e) {
      XMLStreamException xml = findXmlCause(e);
      int line = xml != null && xml.getLocation() != null ? xml.getLocation().getLineNumber() : -1;
      String detail = xml != null ? xmlMessage(xml) : String.valueOf(e.getMessage());
      problems.add(name, line > 0 ? name + ":" + line : name, "malformed XML: " + detail, XML_FIX);
      return Optional.empty();
    }
  }

  /**
   * Checks the syntax with the JDK's StAX parser first: Hadoop logs a parse failure at ERROR with a stack
   * trace before throwing, and {@code baton config} must show a clean message instead.
   */
  private boolean wellFormed(Path file, String name) {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          reader.next();
        }
      } finally {
        reader.close();
      }
      return true;
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      problems.add(name, line > 0 ? name + ":" + line : name, "malformed XML: " + xmlMessage(e), XML_FIX);
      return false;
    } catch (IOException e) {
      problems.add(name, null, "cannot be read (" + e.getMessage() + ")", "make " + file + " a readable file");
      return false;
    }
  }

  private static XMLStreamException findXmlCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof XMLStreamException x) {
        return x;
      }
    }
    return null;
  }

  /** The parser's own sentence without its "at [row,col,system-id]" suffix (the line goes into the location). */
  private static String xmlMessage(XMLStreamException x) {
    String m = String.valueOf(x.getMessage());
    int at = m.indexOf("\n at [row,col");
    if (at >= 0) {
      m = m.substring(0, at);
    }
    if (m.startsWith("ParseError at [row,col]:")) {
      int msg = m.indexOf("Message:");
      m = msg >= 0 ? m.substring(msg + "Message:".length()) : m;
    }
    return m.strip().replaceAll("\\s+", " ");
  }

  /** The line of each {@code <name>key</name>}: Hadoop does not keep it, and problems should name it. */
  private static Map<String, Integer> nameLines(Path file) {
    Map<String, Integer> lines = new HashMap<>();
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < all.size(); i++) {
        Matcher m = NAME.matcher(all.get(i));
        while (m.find()) {
          lines.put(m.group(1), i + 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Only line numbers are lost; the values were read above.
      return lines;
    }
    return lines;
  }
}
