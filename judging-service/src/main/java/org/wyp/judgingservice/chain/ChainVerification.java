package org.wyp.judgingservice.chain;

import java.util.List;

/**
 * The outcome of checking a chain: {@code ok}, or the first entry that does not hold and why.
 * {@code head} is the hash of the last entry as stored.
 */
public record ChainVerification(
    boolean ok, long entries, String head, Long firstBrokenSeq, String problem) {

  /** Checks every link and every hash; pure, so anyone holding the entries can run it. */
  public static ChainVerification of(List<ChainRecord> chain) {
    String previous = ChainRecord.GENESIS;
    long expectedSeq = 1;
    for (ChainRecord entry : chain) {
      String problem = problemWith(entry, expectedSeq, previous);
      if (problem != null) {
        return new ChainVerification(false, chain.size(), head(chain), entry.seq(), problem);
      }
      previous = entry.hash();
      expectedSeq++;
    }
    return new ChainVerification(true, chain.size(), head(chain), null, null);
  }

  private static String problemWith(ChainRecord entry, long expectedSeq, String previous) {
    if (entry.seq() != expectedSeq) {
      return "expected entry " + expectedSeq + " here, found " + entry.seq();
    }
    if (!previous.equals(entry.prevHash())) {
      return "prevHash does not match the hash of entry " + (expectedSeq - 1);
    }
    String expected;
    try {
      expected = entry.expectedHash();
    } catch (RuntimeException e) {
      return "the entry is not in canonical form: " + e.getMessage();
    }
    if (!expected.equals(entry.hash())) {
      return "hash does not match the entry's content";
    }
    return null;
  }

  private static String head(List<ChainRecord> chain) {
    return chain.isEmpty() ? ChainRecord.GENESIS : chain.getLast().hash();
  }
}
