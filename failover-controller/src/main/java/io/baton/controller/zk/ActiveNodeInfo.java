package io.baton.controller.zk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.thirdparty.protobuf.CodedInputStream;
import org.apache.hadoop.thirdparty.protobuf.CodedOutputStream;
import org.apache.hadoop.thirdparty.protobuf.WireFormat;

/**
 * Hadoop's {@code hadoop.hdfs.ActiveNodeInfo} (HAZKInfo.proto), the data of the election lock and the
 * breadcrumb, encoded byte for byte as Hadoop does so that a Hadoop ZKFC and Baton can share a nameservice.
 * hadoop-hdfs is not a dependency, so the five fields are written with the shaded protobuf streams.
 *
 * @param port the NameNode's HA RPC port
 * @param zkfcPort the controller's ZKFCProtocol port
 */
public record ActiveNodeInfo(String nameserviceId, String namenodeId, String hostname, int port, int zkfcPort) {
  private static final int NAMESERVICE_ID = 1;
  private static final int NAMENODE_ID = 2;
  private static final int HOSTNAME = 3;
  private static final int PORT = 4;
  private static final int ZKFC_PORT = 5;

  public ActiveNodeInfo {
    Objects.requireNonNull(nameserviceId, "nameserviceId");
    Objects.requireNonNull(namenodeId, "namenodeId");
    Objects.requireNonNull(hostname, "hostname");
  }

  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeString(NAMESERVICE_ID, nameserviceId);
      out.writeString(NAMENODE_ID, namenodeId);
      out.writeString(HOSTNAME, hostname);
      out.writeInt32(PORT, port);
      out.writeInt32(ZKFC_PORT, zkfcPort);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode ActiveNodeInfo in memory", e);
    }
  }

  /**
   * Decodes Hadoop's encoding; unknown fields are skipped, as protobuf does.
   *
   * @throws IllegalArgumentException when the bytes are not an ActiveNodeInfo with all five required fields
   */
  public static ActiveNodeInfo decode(byte[] data) {
    String ns = null;
    String nn = null;
    String host = null;
    Integer port = null;
    Integer zkfcPort = null;
    try {
      CodedInputStream in = CodedInputStream.newInstance(data);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case NAMESERVICE_ID -> ns = in.readString();
          case NAMENODE_ID -> nn = in.readString();
          case HOSTNAME -> host = in.readString();
          case PORT -> port = in.readInt32();
          case ZKFC_PORT -> zkfcPort = in.readInt32();
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not an ActiveNodeInfo protobuf (" + e.getMessage() + "): "
          + hex(data), e);
    }
    if (ns == null || nn == null || host == null || port == null || zkfcPort == null) {
      throw new IllegalArgumentException("ActiveNodeInfo lacks a required field (nameserviceId, namenodeId, "
          + "hostname, port, zkfcPort): " + hex(data));
    }
    return new ActiveNodeInfo(ns, nn, host, port, zkfcPort);
  }

  static String hex(byte[] data) {
    StringBuilder sb = new StringBuilder();
    for (byte b : data) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }
}
