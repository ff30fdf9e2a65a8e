package org.wyp.judgingservice.pitch;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.wyp.events.DomainEvent;
import org.wyp.events.judging.Stage;
import org.wyp.events.submission.SmeRegistered;
import org.wyp.events.submission.SubmissionAmended;
import org.wyp.events.submission.SubmissionEvent;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.kit.projection.Projections;
import org.wyp.kit.web.PageResponse;

/**
 * Judging's projection of pitches and SMEs, built from submission-service's events. A pitch has two
 * independently versioned parts, its content (title, summary, amount, SME name) and its status
 * (live or withdrawn), so a late SubmissionReceived can neither bring back a withdrawn pitch nor
 * overwrite an amendment; the facts that never change (round, problem, SME, submission time) are
 * set whatever order events arrive in. Duplicates, late events and replays leave it as the newest
 * events say.
 */
@Repository
public class PitchCatalogue {

  static final String PITCHES = "pitches";
  static final String SMES = "smes";
  private static final String CONTENT_VERSION = "contentVersion";
  private static final String STATUS_VERSION = "statusVersion";

  private final Projections projections;
  private final MongoTemplate mongo;

  PitchCatalogue(Projections projections, MongoTemplate mongo) {
    this.projections = projections;
    this.mongo = mongo;
    mongo
        .indexOps(PITCHES)
        .createIndex(
            new Index().on("roundId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.ASC));
    mongo.indexOps(PITCHES).createIndex(new Index().on("smeId", Sort.Direction.ASC));
  }

  void apply(DomainEvent event) {
    switch (event) {
      case SubmissionEvent submission -> apply(submission);
      case SmeRegistered sme ->
          projections.applyIfNewer(
              SMES,
              sme.smeId().toString(),
              sme.version(),
              new Update()
                  .set("companyName", sme.companyName())
                  .set("companyNumber", sme.companyNumber()));
      default -> {}
    }
  }

  private void apply(SubmissionEvent event) {
    String id = event.submissionId().toString();
    Update identity =
        new Update()
            .set("roundId", event.roundId().toString())
            .set("problemId", event.problemId().toString())
            .set("smeId", event.smeId().toString());
    switch (event) {
      case SubmissionReceived received -> {
        identity
            .set("submittedAt", Date.from(received.submittedAt()))
            .set("smeCompanyNumber", received.smeCompanyNumber());
        mongo.upsert(query(where("_id").is(id)), identity, PITCHES);
        setContent(
            id,
            received.version(),
            received.smeName(),
            received.title(),
            received.summary(),
            received.requestedPence());
        setStatus(id, received.version(), false);
      }
      case SubmissionAmended amended -> {
        mongo.upsert(query(where("_id").is(id)), identity, PITCHES);
        setContent(
            id,
            amended.version(),
            amended.smeName(),
            amended.title(),
            amended.summary(),
            amended.requestedPence());
      }
      case SubmissionWithdrawn withdrawn -> {
        mongo.upsert(query(where("_id").is(id)), identity, PITCHES);
        setStatus(id, withdrawn.version(), true);
      }
    }
  }

  private void setContent(
      String id, long version, String smeName, String title, String summary, long pence) {
    projections.applyIfNewer(
        PITCHES,
        id,
        CONTENT_VERSION,
        version,
        new Update()
            .set("smeName", smeName)
            .set("title", title)
            .set("summary", summary)
            .set("requestedPence", pence));
  }

  private void setStatus(String id, long version, boolean withdrawn) {
    projections.applyIfNewer(
        PITCHES, id, STATUS_VERSION, version, new Update().set("withdrawn", withdrawn));
  }

  public Optional<KnownPitch> pitch(UUID id) {
    return Optional.ofNullable(mongo.findById(id.toString(), Document.class, PITCHES))
        .map(PitchCatalogue::toPitch);
  }

  /** The round's live pitches in submission order: bounded by the round's size. */
  public List<KnownPitch> liveInRound(UUID roundId) {
    return mongo
        .find(
            query(where("roundId").is(roundId.toString()).and("withdrawn").is(false))
                .with(Sort.by("submittedAt", "_id")),
            Document.class,
            PITCHES)
        .stream()
        .map(PitchCatalogue::toPitch)
        .filter(KnownPitch::live)
        .toList();
  }

  /**
   * The pitches a stage judges: for screening the round's live pitches; for finals the shortlisted
   * ones once screening has ended, else (a round without screening) the live pitches.
   */
  public List<KnownPitch> candidates(UUID roundId, Stage stage, RoundLedger ledger) {
    List<KnownPitch> live =
        liveInRound(roundId).stream().filter(p -> !ledger.withdrawn(p.id())).toList();
    if (stage == Stage.SCREENING) {
      return live;
    }
    return ledger
        .decision(Stage.SCREENING)
        .map(
            shortlist ->
                live.stream().filter(p -> shortlist.shortlisted().contains(p.id())).toList())
        .orElse(live);
  }

  public PageResponse<KnownPitch> inRound(UUID roundId, Boolean withdrawn, int page, int size) {
    Query query = query(where("roundId").is(roundId.toString()).and("submittedAt").exists(true));
    if (withdrawn != null) {
      query.addCriteria(where("withdrawn").is(withdrawn));
    }
    long total = mongo.count(query, PITCHES);
    query.with(Sort.by("submittedAt", "_id")).skip((long) page * size).limit(size);
    List<KnownPitch> pitches =
        mongo.find(query, Document.class, PITCHES).stream().map(PitchCatalogue::toPitch).toList();
    return new PageResponse<>(pitches, page, size, total);
  }

  /**
   * The round's submitted pitches in submission order, all of them: bounded by the round's size.
   */
  public List<KnownPitch> allInRound(UUID roundId, Boolean withdrawn) {
    Query query = query(where("roundId").is(roundId.toString()).and("submittedAt").exists(true));
    if (withdrawn != null) {
      query.addCriteria(where("withdrawn").is(withdrawn));
    }
    return mongo.find(query.with(Sort.by("submittedAt", "_id")), Document.class, PITCHES).stream()
        .map(PitchCatalogue::toPitch)
        .toList();
  }

  /** Every pitch an SME made, in any round: few per SME. */
  public List<KnownPitch> bySme(UUID smeId) {
    return mongo.find(query(where("smeId").is(smeId.toString())), Document.class, PITCHES).stream()
        .map(PitchCatalogue::toPitch)
        .toList();
  }

  public Optional<KnownSme> sme(UUID smeId) {
    return Optional.ofNullable(mongo.findById(smeId.toString(), Document.class, SMES))
        .map(
            doc ->
                new KnownSme(smeId, doc.getString("companyName"), doc.getString("companyNumber")));
  }

  private static KnownPitch toPitch(Document doc) {
    Date submittedAt = doc.getDate("submittedAt");
    Number pence = doc.get("requestedPence", Number.class);
    Number contentVersion = doc.get(CONTENT_VERSION, Number.class);
    return new KnownPitch(
        UUID.fromString(doc.getString("_id")),
        UUID.fromString(doc.getString("roundId")),
        UUID.fromString(doc.getString("problemId")),
        UUID.fromString(doc.getString("smeId")),
        doc.getString("smeName"),
        doc.getString("smeCompanyNumber"),
        doc.getString("title"),
        doc.getString("summary"),
        pence == null ? 0 : pence.longValue(),
        submittedAt == null ? null : submittedAt.toInstant(),
        Boolean.TRUE.equals(doc.getBoolean("withdrawn")),
        contentVersion == null ? 0 : contentVersion.longValue());
  }
}
