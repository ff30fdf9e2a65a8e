package org.wyp.events;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562): ids that sort by creation time index well. */
public final class Uuids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Uuids() {}

  public static UUID v7() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | 0x7000L | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
