package org.wyp.kit.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Refuses values of the wrong JSON type instead of converting them: a number or boolean where a
 * request expects text ({@code {"title": 42}} is a client mistake, not the title "42"), text,
 * fractions or overlarge numbers where it expects a whole number (see {@link WholeNumbers}), text
 * where it expects a decimal ({@code "0.6"}), text or a number where it expects a boolean ({@code
 * "false"}, {@code 1}), and a number where it expects an enum constant ({@code 0} is not the first
 * constant's name). Jackson converts such scalars by default, and no {@code spring.jackson.*}
 * property turns that off.
 *
 * <p>It also refuses what Jackson reads leniently: a key given twice (which of the two values
 * counts differs between parsers), and an instant given as a number of seconds beyond any instant,
 * which Jackson would read as the epoch. {@link Utf8Bodies} refuses JSON bodies that are not UTF-8.
 */
public final class StrictJsonInput {

  private StrictJsonInput() {}

  public static JsonMapperBuilderCustomizer customizer() {
    SimpleModule wholeNumbers =
        new SimpleModule("wyp-whole-numbers")
            .addDeserializer(Integer.class, new WholeNumbers.IntOnly())
            .addDeserializer(Integer.TYPE, new WholeNumbers.IntOnly())
            .addDeserializer(Long.class, new WholeNumbers.LongOnly())
            .addDeserializer(Long.TYPE, new WholeNumbers.LongOnly())
            .setDeserializerModifier(new InstantsInRange());
    return builder ->
        builder
            .addModule(wholeNumbers)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Float,
                config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Boolean,
                config ->
                    config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
  }

  /** Wraps the instant deserializer, whatever it is configured to be, with the range check. */
  private static final class InstantsInRange extends ValueDeserializerModifier {
    @Override
    public ValueDeserializer<?> modifyDeserializer(
        DeserializationConfig config,
        BeanDescription.Supplier description,
        ValueDeserializer<?> deserializer) {
      return description.getBeanClass() == Instant.class
          ? new InstantInRange(deserializer)
          : deserializer;
    }
  }

  /**
   * An instant given as a number of seconds must be one: Jackson reads a fraction beyond about 1e63
   * seconds (such as {@code 1e309}) as the epoch rather than refusing it.
   */
  private static final class InstantInRange extends DelegatingDeserializer {

    private static final BigDecimal MIN = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal MAX = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    InstantInRange(ValueDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new InstantInRange(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal seconds = p.getDecimalValue();
        if (seconds.compareTo(MIN) < 0 || seconds.compareTo(MAX) > 0) {
          return ctxt.handleWeirdNumberValue(
              Instant.class, p.getNumberValue(), "beyond the range of an instant");
        }
      }
      return super.deserialize(p, ctxt);
    }
  }

  /**
   * Refuses a JSON request body whose bytes are not UTF-8 (RFC 8259 8.1). Jackson's own decoder
   * accepts overlong encodings (so {@code C0 AF} reads as {@code /}, the classic way past a path
   * filter) and sequences beyond U+10FFFF. Bodies are small (see {@link RequestSizeLimitFilter}),
   * so the check reads the body once and hands the same bytes on.
   */
  @ControllerAdvice
  public static class Utf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
        MethodParameter parameter,
        Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType) {
      return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
        HttpInputMessage input,
        MethodParameter parameter,
        Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType)
        throws IOException {
      MediaType type = input.getHeaders().getContentType();
      if (type == null || !isJson(type)) {
        return input;
      }
      byte[] body = input.getBody().readAllBytes();
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body));
      } catch (CharacterCodingException e) {
        throw new HttpMessageNotReadableException("The body is not valid UTF-8", e, input);
      }
      return new HttpInputMessage() {
        @Override
        public InputStream getBody() {
          return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
          return input.getHeaders();
        }
      };
    }

    /** JSON read as UTF-8: no charset, or UTF-8 (others are decoded as they say). */
    private static boolean isJson(MediaType type) {
      boolean json =
          MediaType.APPLICATION_JSON.isCompatibleWith(type)
              || (type.getSubtype() != null && type.getSubtype().endsWith("+json"));
      Charset charset = type.getCharset();
      return json && (charset == null || StandardCharsets.UTF_8.equals(charset));
    }
  }
}
