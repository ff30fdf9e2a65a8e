package org.wyp.kit.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trace the calling thread works in, as a W3C {@code traceparent} value. The outbox stores it
 * with each event because the relay publishes later, on a thread of its own where the request's
 * trace is no longer current; the relay then writes it as the record's {@code traceparent} header,
 * from which the consumers' listener observation continues the trace.
 */
@FunctionalInterface
public interface CurrentTrace {

  /**
   * The W3C Trace Context header, beside the CloudEvents headers on every relayed record: the
   * header name that Micrometer Tracing's Kafka and HTTP propagation reads.
   */
  String TRACEPARENT = "traceparent";

  /** Never a trace: for stores used outside a traced application. */
  CurrentTrace NONE = Optional::empty;

  /** The current span's {@code traceparent}; empty when no span is current. */
  Optional<String> traceparent();

  /**
   * The current span as the application's propagator writes it, so the value is exactly what the
   * same span would send in an HTTP or Kafka header (the kit's defaults produce W3C).
   */
  static CurrentTrace of(Tracer tracer, Propagator propagator) {
    return () -> {
      TraceContext context = tracer.currentTraceContext().context();
      if (context == null) {
        return Optional.empty();
      }
      Map<String, String> carrier = new HashMap<>();
      propagator.inject(context, carrier, Map::put);
      return Optional.ofNullable(carrier.get(TRACEPARENT));
    };
  }
}
