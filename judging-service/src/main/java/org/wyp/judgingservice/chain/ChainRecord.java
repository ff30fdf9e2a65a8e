package org.wyp.judgingservice.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a round's score chain exactly as it is hashed and published: {@code hash} is the
 * SHA-256 (lower-case hex) of the canonical JSON ({@link CanonicalJson}) of the object {@code
 * {data, kind, prevHash, recordedAt, roundId, seq}}; {@code prevHash} is the previous entry's hash,
 * or {@link #GENESIS} for entry 1. Nothing else is needed to check it.
 */
public record ChainRecord(
    UUID roundId,
    long seq,
    EntryKind kind,
    String prevHash,
    String recordedAt,
    Map<String, Object> data,
    String hash) {

  public static final String GENESIS = "0".repeat(64);

  /** A new entry with its hash computed. */
  public static ChainRecord seal(
      UUID roundId,
      long seq,
      EntryKind kind,
      String prevHash,
      String recordedAt,
      Map<String, Object> data) {
    return new ChainRecord(
        roundId,
        seq,
        kind,
        prevHash,
        recordedAt,
        data,
        sha256(canonical(roundId, seq, kind, prevHash, recordedAt, data)));
  }

  /** The hash these fields should have; what verification compares {@link #hash} with. */
  public String expectedHash() {
    return sha256(canonical(roundId, seq, kind, prevHash, recordedAt, data));
  }

  static String canonical(
      UUID roundId,
      long seq,
      EntryKind kind,
      String prevHash,
      String recordedAt,
      Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", data);
    body.put("kind", kind.name());
    body.put("prevHash", prevHash);
    body.put("recordedAt", recordedAt);
    body.put("roundId", roundId.toString());
    body.put("seq", seq);
    return CanonicalJson.write(body);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
