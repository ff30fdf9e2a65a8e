package org.wyp.awardservice.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.awardservice.AwardFixtures.T0;
import static org.wyp.awardservice.AwardFixtures.configure;
import static org.wyp.awardservice.AwardFixtures.finals;
import static org.wyp.awardservice.AwardFixtures.fund;
import static org.wyp.awardservice.AwardFixtures.ranked;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.awardservice.LedgerInvariants;
import org.wyp.events.Topics;
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.events.submission.SmeRegistered;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A round's awards exported as a 360Giving grant package that validates, offline, against the
 * standard's 1.4.3 schemas, naming recipients by company number from submission-service's events.
 */
@ServiceIntegrationTest
class OpenDataExportTest {

  private static final String SCHEMA_BASE =
      "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/";
  private static JsonSchema packageSchema;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;
  UUID roundId;

  @BeforeAll
  static void loadSchemas() {
    // The package schema refers to the grant schema by its public URL (of 1.4.2, though the file
    // is 1.4.3's): both versions' URLs resolve to the copies in test resources, never the network.
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaMappers(
                    mappers ->
                        mappers
                            .mapPrefix(SCHEMA_BASE + "1.4.2/schema/", "classpath:360giving/")
                            .mapPrefix(SCHEMA_BASE + "1.4.3/schema/", "classpath:360giving/")));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    packageSchema =
        factory.getSchema(
            SchemaLocation.of("classpath:360giving/360-giving-package-schema.json"), config);
  }

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    LedgerInvariants.assertEveryFundBalances(mongo);
    sender.close();
  }

  @Test
  void aRoundsAwardsExportAsAValid360GivingPackage() throws Exception {
    RankedPitch sensors = ranked(1, 0);
    RankedPitch families = ranked(2, 0);
    RankedPitch withdrawnLater = ranked(3, 0);
    sender.send(
        new SmeRegistered(
            sensors.smeId(),
            1,
            "Breathe Easy Sensors Ltd",
            "12345678",
            12,
            90_000_000,
            "L",
            true,
            List.of(),
            T0));
    sender.send(
        new SubmissionReceived(
            sensors.pitchId(),
            1,
            roundId,
            sensors.problemId(),
            sensors.smeId(),
            "Breathe Easy Sensors Ltd",
            "12345678",
            "Lung health through home sensors",
            "Environmental sensors in homes flag damp before it harms children's lungs.",
            40_000_00,
            T0));
    sender.send(
        new SubmissionReceived(
            families.pitchId(),
            1,
            roundId,
            families.problemId(),
            families.smeId(),
            "Family Measures CIC",
            "SC123456",
            "Indicators co-produced with parents",
            "Parents and services agree what good family support looks like.",
            30_000_00,
            T0));
    sender.awaitConsumed("award-service", Topics.SUBMISSIONS);
    configure(http, roundId, fund(100_000_00, 3, "EQUAL_SPLIT"));
    sender.send(finals(roundId, List.of(sensors, families, withdrawnLater)));
    await()
        .untilAsserted(
            () ->
                assertThat(
                        http.get("/api/awards?roundId=" + roundId)
                            .json()
                            .path("totalElements")
                            .asLong())
                    .isEqualTo(3));
    String revoked =
        http.get("/api/awards?roundId=" + roundId)
            .json()
            .path("content")
            .get(2)
            .path("id")
            .asString();
    http.post("/api/awards/" + revoked + "/revoke", Map.of("reason", "Withdrew"));

    Http.Response export = http.anonymous().get("/api/rounds/" + roundId + "/360giving");

    assertThat(export.status()).as(export.toString()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode document = JSON.readTree(export.body());
    assertThat(packageSchema.validate(document)).as(export.body()).isEmpty();

    JsonNode body = export.json();
    assertThat(body.path("grants").size()).isEqualTo(2);
    JsonNode first = body.path("grants").get(0);
    String awardId =
        http.get("/api/awards?roundId=" + roundId)
            .json()
            .path("content")
            .get(0)
            .path("id")
            .asString();
    assertThat(first.path("id").asString()).isEqualTo("360G-wyp-" + awardId);
    assertThat(first.path("title").asString()).isEqualTo("Lung health through home sensors");
    assertThat(first.path("currency").asString()).isEqualTo("GBP");
    assertThat(first.path("amountAwarded").decimalValue())
        .isEqualByComparingTo(new BigDecimal("33333.33"));
    assertThat(first.path("awardDate").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    JsonNode recipient = first.path("recipientOrganization").get(0);
    assertThat(recipient.path("id").asString()).isEqualTo("GB-COH-12345678");
    assertThat(recipient.path("companyNumber").asString()).isEqualTo("12345678");
    assertThat(recipient.path("name").asString()).isEqualTo("Breathe Easy Sensors Ltd");
    JsonNode second = body.path("grants").get(1).path("recipientOrganization").get(0);
    assertThat(second.path("id").asString()).isEqualTo("GB-COH-SC123456");
    assertThat(second.path("name").asString()).isEqualTo("Family Measures CIC");
    assertThat(first.path("fundingOrganization").get(0).path("name").asString()).isNotBlank();
    assertThat(body.path("identifier").asString()).isEqualTo("360G-wyp-round-" + roundId);
  }

  @Test
  void theSchemaCheckCatchesAnExportMissingWhatTheStandardRequires() throws Exception {
    configure(http, roundId, fund(10_000, 1, "EQUAL_SPLIT"));
    sender.send(finals(roundId, List.of(ranked(1, 0))));
    await()
        .untilAsserted(
            () ->
                assertThat(http.anonymous().get("/api/rounds/" + roundId + "/360giving").status())
                    .isEqualTo(200));
    com.fasterxml.jackson.databind.JsonNode valid =
        JSON.readTree(http.anonymous().get("/api/rounds/" + roundId + "/360giving").body());
    assertThat(packageSchema.validate(valid)).isEmpty();
    // An unknown recipient still gets a name and an id under the publisher's prefix.
    assertThat(valid.at("/grants/0/recipientOrganization/0/id").asText())
        .startsWith("360G-wyp-sme-");

    ObjectNode noFunder = valid.deepCopy();
    ((ObjectNode) noFunder.get("grants").get(0)).remove("fundingOrganization");
    ObjectNode textAmount = valid.deepCopy();
    ((ObjectNode) textAmount.get("grants").get(0)).put("amountAwarded", "£100.00");
    ObjectNode badDate = valid.deepCopy();
    ((ObjectNode) badDate.get("grants").get(0)).put("awardDate", "12/06/2026");

    for (ObjectNode broken : List.of(noFunder, textAmount, badDate)) {
      Set<ValidationMessage> errors = packageSchema.validate(broken.toString(), InputFormat.JSON);
      assertThat(errors).as(broken.toString()).isNotEmpty();
    }
  }

  @Test
  void aRoundWithoutAwardsHasNoPackage() {
    assertProblem(
        http.anonymous().get("/api/rounds/" + UUID.randomUUID() + "/360giving"), 404, "not-found");
    configure(http, roundId, fund(10_000, 1, "EQUAL_SPLIT"));
    assertProblem(http.anonymous().get("/api/rounds/" + roundId + "/360giving"), 404, "not-found");
  }
}
