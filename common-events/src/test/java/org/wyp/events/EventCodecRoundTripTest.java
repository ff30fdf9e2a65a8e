package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecRoundTripTest {

  static Stream<Named<EventType>> catalog() {
    return GoldenSamples.catalog();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void writingAndReadingAgainGivesAnEqualEvent(EventType type) {
    DomainEvent first = GoldenSamples.event(type);

    DomainEvent second = EventCodec.fromJson(EventCodec.toJson(first), type.javaType());

    assertThat(second).isNotSameAs(first).isEqualTo(first);
  }
}
