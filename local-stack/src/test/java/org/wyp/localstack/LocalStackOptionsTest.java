package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

  @Test
  void defaultsToTheDocumentedPortsAndDataDirectory() {
    LocalStackOptions options = parse(Map.of());

    assertThat(options.dataDir()).isEqualTo(Path.of("data"));
    assertThat(options.kafkaPort()).isEqualTo(9092);
    assertThat(options.kafkaControllerPort()).isEqualTo(9093);
    assertThat(options.mongoPort()).isEqualTo(27017);
    assertThat(options.servicePorts()).containsEntry("problem-service", 8081);
    assertThat(options.externalKafka()).isEmpty();
    assertThat(options.externalMongoUri()).isEmpty();
    assertThat(options.help()).isFalse();
  }

  @Test
  void readsOptionsAndEnvironment() {
    LocalStackOptions options =
        parse(
            Map.of(
                "WYP_DATA_DIR", "/tmp/from-env",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "MONGODB_URI", " "),
            "--kafka-port=19092",
            "--mongo-port=27018",
            "--problem-service-port=0");

    assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/from-env"));
    assertThat(options.kafkaPort()).isEqualTo(19092);
    assertThat(options.kafkaControllerPort()).isEqualTo(19093);
    assertThat(options.mongoPort()).isEqualTo(27018);
    assertThat(options.servicePorts()).containsEntry("problem-service", 0);
    assertThat(options.externalKafka()).isEqualTo(Optional.of("kafka:9092"));
    assertThat(options.externalMongoUri()).as("blank means unset").isEmpty();
  }

  @Test
  void theDevelopmentIssuerRunsUnlessAnotherIssuerIsTrusted() {
    assertThat(parse(Map.of()).issuerPort()).isEqualTo(9000);
    assertThat(parse(Map.of()).externalIssuer()).isEmpty();
    assertThat(parse(Map.of(), "--issuer-port=19000").issuerPort()).isEqualTo(19000);

    LocalStackOptions external =
        parse(
            Map.of(
                "WYP_JWT_ISSUER", "https://login.example.org",
                "WYP_JWT_JWK_SET_URI", "https://login.example.org/keys"));

    assertThat(external.externalIssuer()).contains("https://login.example.org");
    assertThat(external.externalJwkSetUri()).contains("https://login.example.org/keys");
  }

  @Test
  void theDemoIsOffUnlessAskedForAndItsPaceIsInSeconds() {
    assertThat(parse(Map.of()).demoPace()).isEmpty();
    assertThat(parse(Map.of(), "--demo").demoPace()).contains(Duration.ofMillis(1500));
    assertThat(parse(Map.of(), "--demo-pace=0.25").demoPace()).contains(Duration.ofMillis(250));
    assertThat(parse(Map.of(), "--demo-pace=0", "--demo").demoPace()).contains(Duration.ZERO);
    assertThat(parse(Map.of(), "--web-port=18080").servicePorts()).containsEntry("web", 18080);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(Map.of(), "--demo-pace=fast"))
        .withMessageContaining("number of seconds");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(Map.of(), "--demo-pace=-1"))
        .withMessageContaining("between 0 and 60");
  }

  @Test
  void theTrainingRunIsOffUnlessAskedFor() {
    assertThat(parse(Map.of()).aotTraining()).isFalse();
    assertThat(parse(Map.of(), "--aot-training").aotTraining()).isTrue();
  }

  @Test
  void onFreePortsGivesEveryComponentItsOwnPort() throws Exception {
    LocalStackOptions options =
        LocalStackOptions.onFreePorts(Path.of("/tmp/x"), PlatformServices.ALL);

    List<Integer> ports = new ArrayList<>(options.servicePorts().values());
    ports.addAll(
        List.of(
            options.kafkaPort(),
            options.kafkaControllerPort(),
            options.mongoPort(),
            options.issuerPort()));
    assertThat(ports).doesNotHaveDuplicates().allMatch(port -> port > 0);
    assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void theDataDirOptionWinsOverTheEnvironment() {
    assertThat(parse(Map.of("WYP_DATA_DIR", "/tmp/env"), "--data-dir=/tmp/arg").dataDir())
        .isEqualTo(Path.of("/tmp/arg"));
  }

  @Test
  void rejectsWhatItDoesNotKnow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(Map.of(), "--kafka-prot=1"))
        .withMessageContaining("unknown option '--kafka-prot'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(Map.of(), "--data-dir", "/tmp"))
        .withMessageContaining("--name=value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(Map.of(), "--kafka-port=0"))
        .withMessageContaining("between 1 and 65535");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(Map.of(), "--mongo-port=mongo"))
        .withMessageContaining("port number");
  }

  @Test
  void usageListsEveryServicePortOption() {
    assertThat(LocalStackOptions.usage(PlatformServices.ALL))
        .contains("--problem-service-port=N", "--data-dir=PATH", "KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void hidesPasswordsInPrintedUris() {
    assertThat(LocalStack.withoutPassword("mongodb://app:s3cret@db:27017/x"))
        .isEqualTo("mongodb://app:****@db:27017/x");
    assertThat(LocalStack.withoutPassword("mongodb://127.0.0.1:27017"))
        .isEqualTo("mongodb://127.0.0.1:27017");
  }

  private static LocalStackOptions parse(Map<String, String> env, String... args) {
    return LocalStackOptions.parse(args, env, PlatformServices.ALL);
  }
}
