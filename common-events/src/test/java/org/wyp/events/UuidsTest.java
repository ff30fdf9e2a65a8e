package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

  /** The 48-bit Unix millisecond timestamp of a version 7 UUID. */
  private static long millisOf(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }

  @Test
  void versionIsSevenAndVariantIsIetf() {
    for (int i = 0; i < 1_000; i++) {
      UUID id = Uuids.v7();

      assertThat(id.version()).as("version of %s", id).isEqualTo(7);
      assertThat(id.variant()).as("variant of %s", id).isEqualTo(2);
      assertThat(id.toString().charAt(14)).isEqualTo('7');
      assertThat(id.toString().charAt(19)).isIn('8', '9', 'a', 'b');
    }
  }

  @Test
  void timestampIsTheCreationTimeInMillis() {
    long before = System.currentTimeMillis();
    UUID id = Uuids.v7();
    long after = System.currentTimeMillis();

    assertThat(millisOf(id)).isBetween(before, after);
  }

  @Test
  void idsAreUnique() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(Uuids.v7());
    }

    assertThat(ids).hasSize(10_000);
  }

  @Test
  void idsMadeInSequenceSortInTheOrderTheyWereMadeEvenWithinAMillisecond() {
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      made.add(Uuids.v7());
    }
    List<String> asText = made.stream().map(UUID::toString).toList();
    assertThat(asText).isSorted();
    assertThat(new HashSet<>(asText)).hasSize(made.size());
  }

  @Test
  void idsFromDifferentMillisecondsSortByTime() {
    // No sleeping: keep generating, and keep the first id made within each new millisecond, known
    // because the clock read the same just before and just after it was made.
    List<UUID> firstOfEachMillisecond = new ArrayList<>();
    long lastMillisecond = -1;
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (firstOfEachMillisecond.size() < 5 && System.nanoTime() < deadline) {
      long before = System.currentTimeMillis();
      UUID id = Uuids.v7();
      long after = System.currentTimeMillis();
      assertThat(millisOf(id)).isBetween(before, after);
      if (before == after && before > lastMillisecond) {
        firstOfEachMillisecond.add(id);
        lastMillisecond = before;
      }
    }
    assertThat(firstOfEachMillisecond).as("ids from distinct milliseconds").hasSize(5);

    assertThat(firstOfEachMillisecond)
        .doesNotHaveDuplicates()
        .isSortedAccordingTo(Comparator.comparing(UUID::toString))
        .isSortedAccordingTo(
            Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned));
  }
}
