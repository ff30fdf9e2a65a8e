package org.wyp.events;

/**
 * The CloudEvents type of an event class ({@code wyp.<aggregate>.<EventName>.v<major>}) and the
 * topic it travels on.
 */
public record EventType(String name, Class<? extends DomainEvent> javaType, String topic) {

  static EventType of(String aggregate, Class<? extends DomainEvent> javaType, String topic) {
    return new EventType(
        "wyp." + aggregate + "." + javaType.getSimpleName() + ".v1", javaType, topic);
  }
}
