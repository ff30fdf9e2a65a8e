package org.wyp.awardservice.recipient;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.wyp.events.DomainEvent;
import org.wyp.events.submission.SmeRegistered;
import org.wyp.events.submission.SubmissionAmended;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.kit.projection.Projections;

/**
 * This service's projection of SMEs and pitches, from submission-service's events, for open data:
 * company names and numbers, pitch titles and summaries. Writes are versioned upserts, or sets of
 * facts that never change, so duplicates, late events and replays leave it as the newest say.
 */
@Repository
public class RecipientDirectory {

  static final String SMES = "known_smes";
  static final String PITCHES = "known_pitches";

  private final Projections projections;
  private final MongoTemplate mongo;

  RecipientDirectory(Projections projections, MongoTemplate mongo) {
    this.projections = projections;
    this.mongo = mongo;
  }

  void apply(DomainEvent event) {
    switch (event) {
      case SmeRegistered registered ->
          projections.applyIfNewer(
              SMES,
              registered.smeId().toString(),
              registered.version(),
              new Update()
                  .set("companyName", registered.companyName())
                  .set("companyNumber", registered.companyNumber()));
      case SubmissionReceived received -> {
        // The pitch states the SME's company as it was when it pitched; it never changes after.
        mongo.upsert(
            query(where("_id").is(received.submissionId().toString())),
            new Update()
                .set("smeName", received.smeName())
                .set("smeCompanyNumber", received.smeCompanyNumber()),
            PITCHES);
        pitch(received.submissionId(), received.version(), received.title(), received.summary());
      }
      case SubmissionAmended amended ->
          pitch(amended.submissionId(), amended.version(), amended.title(), amended.summary());
      default -> {}
    }
  }

  /** The recipient of an award to {@code smeId} for pitch {@code submissionId}. */
  public Recipient recipient(UUID smeId, UUID submissionId) {
    Optional<Document> sme =
        Optional.ofNullable(mongo.findById(smeId.toString(), Document.class, SMES));
    Optional<Document> pitch =
        Optional.ofNullable(mongo.findById(submissionId.toString(), Document.class, PITCHES));
    return new Recipient(
        text(sme, "companyName").or(() -> text(pitch, "smeName")),
        text(sme, "companyNumber").or(() -> text(pitch, "smeCompanyNumber")),
        text(pitch, "title"),
        text(pitch, "summary"));
  }

  private void pitch(UUID submissionId, long version, String title, String summary) {
    projections.applyIfNewer(
        PITCHES,
        submissionId.toString(),
        version,
        new Update().set("title", title).set("summary", summary));
  }

  private static Optional<String> text(Optional<Document> doc, String field) {
    return doc.map(d -> d.getString(field)).filter(value -> !value.isBlank());
  }
}
