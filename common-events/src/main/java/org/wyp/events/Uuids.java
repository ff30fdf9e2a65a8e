package org.wyp.events;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562). Within this JVM they are also strictly increasing: ids
 * made in the same millisecond count up in the 12 bits after the timestamp (the RFC's method 1), so
 * sorting events by id sorts them in the order they were made.
 */
public final class Uuids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int COUNTER_LIMIT = 1 << 12;

  private static long lastMillis;
  private static int counter;

  private Uuids() {}

  public static UUID v7() {
    long millis;
    int sequence;
    synchronized (Uuids.class) {
      long now = System.currentTimeMillis();
      if (now > lastMillis) {
        lastMillis = now;
        // Start low in the millisecond, leaving room to count up.
        counter = RANDOM.nextInt(COUNTER_LIMIT / 2);
      } else if (++counter == COUNTER_LIMIT) {
        // 4096 ids in one millisecond: borrow the next millisecond rather than repeat or go back.
        lastMillis++;
        counter = 0;
      }
      millis = lastMillis;
      sequence = counter;
    }
    long msb = (millis << 16) | 0x7000L | sequence;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
