package org.wyp.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ETagsTest {

  @Test
  void aVersionIsAQuotedEntityTag() {
    assertThat(ETags.of(7)).isEqualTo("\"7\"");
  }

  @Test
  void ifMatchNamesAVersionStrongOrWeak() {
    assertThat(ETags.parseIfMatch("\"3\"")).isEqualTo(OptionalLong.of(3));
    assertThat(ETags.parseIfMatch("W/\"12\"")).isEqualTo(OptionalLong.of(12));
    assertThat(ETags.parseIfMatch(" \"4\" ")).isEqualTo(OptionalLong.of(4));
  }

  @Test
  void absentOrWildcardIfMatchNamesNoVersion() {
    assertThat(ETags.parseIfMatch(null)).isEmpty();
    assertThat(ETags.parseIfMatch("*")).isEmpty();
    assertThatThrownBy(() -> ETags.requireIfMatch(null))
        .isInstanceOf(MissingIfMatchException.class);
    assertThat(ETags.requireIfMatch("*")).isEmpty();
    assertThat(ETags.requireIfMatch("\"5\"")).isEqualTo(OptionalLong.of(5));
  }

  @Test
  void anythingElseIsMalformed() {
    for (String bad : new String[] {"3", "\"three\"", "\"\"", "\"3", "W/3"}) {
      assertThatThrownBy(() -> ETags.parseIfMatch(bad))
          .as(bad)
          .isInstanceOf(ETags.MalformedIfMatchException.class);
    }
  }

  @Test
  void aStaleVersionFailsThePrecondition() {
    ETags.requireMatch(OptionalLong.of(3), 3);
    ETags.requireMatch(OptionalLong.empty(), 3);
    assertThatThrownBy(() -> ETags.requireMatch(OptionalLong.of(2), 3))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("version is 3");
  }
}
