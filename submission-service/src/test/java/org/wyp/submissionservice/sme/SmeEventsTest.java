package org.wyp.submissionservice.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.TopicReader.header;
import static org.wyp.kit.testing.TopicReader.ofType;
import static org.wyp.kit.testing.TopicReader.withSubject;
import static org.wyp.submissionservice.sme.SmeFixtures.asNewSme;
import static org.wyp.submissionservice.sme.SmeFixtures.registered;
import static org.wyp.submissionservice.sme.SmeFixtures.sme;
import static org.wyp.submissionservice.sme.SmeFixtures.uniqueCompanyNumber;
import static org.wyp.submissionservice.sme.SmeFixtures.uniqueName;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.submission.SmeRegistered;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What registering an SME publishes, read from the real broker as another service would: one
 * SmeRegistered keyed by the SME's id, with company facts and no personal contact data.
 */
@ServiceIntegrationTest
class SmeEventsTest {

  static final String SME_REGISTERED = "wyp.sme.SmeRegistered.v1";

  @LocalServerPort int port;

  @Autowired KafkaProperties kafka;

  @Autowired OutboxRelay relay;

  Http http;
  TopicReader submissionsTopic;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    submissionsTopic = new TopicReader(Brokers.of(kafka), Topics.SUBMISSIONS);
  }

  @AfterEach
  void disconnect() {
    submissionsTopic.close();
  }

  @Test
  void registeringPublishesOneSmeRegisteredWithCompanyFactsOnly() {
    String marker = UUID.randomUUID().toString();
    String contactName = "Philippa Quartermaine " + marker;
    String contactEmail = "philippa." + marker + "@dee-robotics.example.co.uk";
    String website = "https://" + marker + ".dee-robotics.example.co.uk/team";
    String name = uniqueName();
    String number = uniqueCompanyNumber();
    Map<String, Object> request = sme(name, number);
    request.put("contactName", contactName);
    request.put("contactEmail", contactEmail);
    request.put("website", website);
    request.put("postcode", "wa1 1aa");
    request.put("employees", 23);
    request.put("turnoverPence", 185_000_000L);
    Instant before = Instant.now().minusSeconds(1);

    JsonNode view = registered(http, request);
    String smeId = view.path("id").asString();

    submissionsTopic.awaitAny(withSubject(smeId));
    await().until(() -> relay.backlog() == 0);
    List<ConsumerRecord<String, byte[]>> published =
        submissionsTopic.readToEnd().stream().filter(withSubject(smeId)).toList();

    assertThat(published).hasSize(1);
    ConsumerRecord<String, byte[]> record = published.getFirst();
    assertThat(record.key()).isEqualTo(smeId);
    // The CloudEvents binding's headers, then the trace the request ran in (it sent none: a new
    // one).
    assertThat(record.headers())
        .extracting(Header::key)
        .containsExactly(
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "ce_subject",
            "content-type",
            "traceparent");
    assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(header(record, "ce_type")).isEqualTo(SME_REGISTERED);
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
    assertThat(header(record, "ce_source")).isEqualTo("/wyp/submission-service");
    assertThat(header(record, "ce_subject")).isEqualTo(smeId);
    assertThat(Instant.parse(header(record, "ce_time"))).isAfter(before);
    assertThat(header(record, "content-type")).isEqualTo("application/json");

    SmeRegistered event = EventCodec.fromJson(record.value(), SmeRegistered.class);
    assertThat(event.smeId()).hasToString(smeId);
    assertThat(event.version()).isEqualTo(1);
    assertThat(event.companyName()).isEqualTo(name);
    assertThat(event.companyNumber()).isEqualTo(number);
    assertThat(event.employees()).isEqualTo(23);
    assertThat(event.turnoverPence()).isEqualTo(185_000_000L);
    assertThat(event.postcodeArea()).isEqualTo("WA");
    assertThat(event.eligible()).isTrue();
    assertThat(event.ineligibleReasons()).isEmpty();
    assertThat(event.registeredAt()).isEqualTo(Instant.parse(view.path("registeredAt").asString()));

    String raw = new String(record.value(), StandardCharsets.UTF_8);
    assertThat(raw)
        .doesNotContain(marker)
        .doesNotContain("Philippa")
        .doesNotContain("Quartermaine")
        .doesNotContain("@")
        .doesNotContain("dee-robotics")
        .doesNotContain("https://")
        .doesNotContain("WA1 1AA")
        .doesNotContain("WA1")
        .doesNotContain("1AA")
        .doesNotContainIgnoringCase("contact")
        .doesNotContainIgnoringCase("website")
        .doesNotContainIgnoringCase("\"postcode\"");
    List<String> fields = new ArrayList<>();
    JsonMapper.shared().readTree(record.value()).propertyNames().forEach(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "smeId",
            "version",
            "companyName",
            "companyNumber",
            "employees",
            "turnoverPence",
            "postcodeArea",
            "eligible",
            "ineligibleReasons",
            "registeredAt");
  }

  @Test
  void anIneligibleSmeIsPublishedWithItsReasons() {
    Map<String, Object> request = sme();
    request.put("employees", 300);
    request.put("postcode", "L1 8JQ");
    String smeId = registered(http, request).path("id").asString();

    ConsumerRecord<String, byte[]> record =
        submissionsTopic.awaitAny(withSubject(smeId)).getFirst();

    SmeRegistered event = EventCodec.fromJson(record.value(), SmeRegistered.class);
    assertThat(event.eligible()).isFalse();
    assertThat(event.ineligibleReasons()).singleElement().asString().contains("300 employees");
    assertThat(event.postcodeArea()).isEqualTo("L");
  }

  @Test
  void aRefusedDuplicatePublishesNothing() {
    String number = uniqueCompanyNumber();
    String firstId = registered(http, sme(uniqueName(), number)).path("id").asString();
    assertProblem(
        asNewSme(http).post("/api/smes", sme(uniqueName(), number)), 409, "duplicate-company");
    // a later registration's event on the topic means the relay has got past the refused one
    String laterId = registered(http, sme()).path("id").asString();

    submissionsTopic.awaitAny(withSubject(laterId));
    await().until(() -> relay.backlog() == 0);
    List<ConsumerRecord<String, byte[]>> forNumber =
        submissionsTopic.readToEnd().stream()
            .filter(ofType(SME_REGISTERED))
            .filter(
                r ->
                    EventCodec.fromJson(r.value(), SmeRegistered.class)
                        .companyNumber()
                        .equals(number))
            .toList();

    assertThat(forNumber).hasSize(1);
    assertThat(forNumber.getFirst().key()).isEqualTo(firstId);
  }
}
