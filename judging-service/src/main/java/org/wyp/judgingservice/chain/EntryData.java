package org.wyp.judgingservice.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;

/**
 * The {@code data} of each kind of entry, written and read. Only strings, integers, booleans, lists
 * and objects appear (see {@link CanonicalJson}); absent values are left out, not null.
 */
public final class EntryData {

  private EntryData() {}

  public static Document rubric(RubricSpec rubric) {
    List<Document> criteria = new ArrayList<>();
    for (CriterionSpec c : rubric.criteria()) {
      Document criterion =
          new Document("key", c.key())
              .append("name", c.name())
              .append("weight", c.weight().stripTrailingZeros().toPlainString())
              .append("min", c.min())
              .append("max", c.max());
      if (c.description() != null) {
        criterion.append("description", c.description());
      }
      criteria.add(criterion);
    }
    Document data =
        new Document("stage", rubric.stage().name())
            .append("criteria", criteria)
            .append("normalisation", rubric.normalisation().name())
            .append("minJudgesPerPitch", rubric.minJudgesPerPitch());
    if (rubric.shortlistSize() != null) {
      data.append("shortlistSize", rubric.shortlistSize());
    }
    // Only when set, so the rubrics of chains written before the option keep their hashes.
    if (rubric.blindScreening()) {
      data.append("blindScreening", true);
    }
    return data;
  }

  static RubricSpec readRubric(Map<String, Object> data) {
    List<CriterionSpec> criteria = new ArrayList<>();
    for (Map<String, Object> c : maps(data.get("criteria"))) {
      criteria.add(
          new CriterionSpec(
              (String) c.get("key"),
              (String) c.get("name"),
              (String) c.get("description"),
              new BigDecimal((String) c.get("weight")),
              integer(c.get("min")),
              integer(c.get("max"))));
    }
    Object shortlistSize = data.get("shortlistSize");
    return new RubricSpec(
        stage(data),
        List.copyOf(criteria),
        Normalisation.valueOf((String) data.get("normalisation")),
        integer(data.get("minJudgesPerPitch")),
        shortlistSize == null ? null : integer(shortlistSize),
        Boolean.TRUE.equals(data.get("blindScreening")));
  }

  public static Document score(
      Stage stage,
      UUID pitchId,
      UUID judgeId,
      int revision,
      Map<String, Integer> scores,
      String comment,
      PitchFacts pitch) {
    Document data =
        new Document("stage", stage.name())
            .append("pitchId", pitchId.toString())
            .append("judgeId", judgeId.toString())
            .append("revision", revision)
            .append("scores", new Document(new LinkedHashMap<>(scores)))
            .append("pitch", facts(pitch));
    if (comment != null) {
      data.append("comment", comment);
    }
    return data;
  }

  static ScoreRecord readScore(
      long seq, String recordedAt, Map<String, Object> data, FoldMemo memo) {
    return new ScoreRecord(
        seq,
        stage(data),
        uuid(data.get("pitchId")),
        memo.judge(uuid(data.get("judgeId"))),
        integer(data.get("revision")),
        integers(map(data.get("scores"))),
        (String) data.get("comment"),
        readFacts(map(data.get("pitch")), memo),
        recordedAt);
  }

  /** Straight into an immutable map: a large round reads tens of thousands of these. */
  @SuppressWarnings("unchecked")
  private static Map<String, Integer> integers(Map<String, Object> values) {
    Map.Entry<String, Integer>[] entries = new Map.Entry[values.size()];
    int i = 0;
    for (Map.Entry<String, Object> value : values.entrySet()) {
      entries[i++] = Map.entry(value.getKey(), integer(value.getValue()));
    }
    return Map.ofEntries(entries);
  }

  public static Document conflict(
      UUID judgeId, UUID pitchId, UUID smeId, String reason, boolean detected) {
    Document data = new Document("judgeId", judgeId.toString());
    if (pitchId != null) {
      data.append("pitchId", pitchId.toString());
    }
    if (smeId != null) {
      data.append("smeId", smeId.toString());
    }
    return data.append("reason", reason).append("detected", detected);
  }

  static ConflictRecord readConflict(long seq, Map<String, Object> data) {
    return new ConflictRecord(
        seq,
        uuid(data.get("judgeId")),
        data.get("pitchId") == null ? null : uuid(data.get("pitchId")),
        data.get("smeId") == null ? null : uuid(data.get("smeId")),
        (String) data.get("reason"),
        Boolean.TRUE.equals(data.get("detected")));
  }

  public static Document withdrawal(UUID pitchId) {
    return new Document("pitchId", pitchId.toString());
  }

  static UUID readWithdrawal(Map<String, Object> data) {
    return uuid(data.get("pitchId"));
  }

  public static Document shortlist(List<PitchFacts> pitches, List<UUID> shortlisted) {
    return new Document("stage", Stage.SCREENING.name())
        .append("pitches", pitches.stream().map(EntryData::facts).toList())
        .append("shortlisted", shortlisted.stream().map(UUID::toString).toList());
  }

  public static Document conclusion(List<PitchFacts> pitches, String scoresFingerprint) {
    return new Document("stage", Stage.FINALS.name())
        .append("pitches", pitches.stream().map(EntryData::facts).toList())
        .append("scoresFingerprint", scoresFingerprint);
  }

  static Decision readDecision(
      long seq, String recordedAt, Map<String, Object> data, FoldMemo memo) {
    List<PitchFacts> pitches =
        maps(data.get("pitches")).stream().map(pitch -> readFacts(pitch, memo)).toList();
    List<UUID> shortlisted = new ArrayList<>();
    if (data.get("shortlisted") instanceof List<?> ids) {
      ids.forEach(id -> shortlisted.add(uuid(id)));
    }
    return new Decision(
        seq,
        stage(data),
        pitches,
        List.copyOf(shortlisted),
        (String) data.get("scoresFingerprint"),
        recordedAt);
  }

  static Document facts(PitchFacts pitch) {
    return new Document("pitchId", pitch.pitchId().toString())
        .append("problemId", pitch.problemId().toString())
        .append("smeId", pitch.smeId().toString())
        .append("submittedAt", pitch.submittedAt().toString())
        .append("requestedPence", pitch.requestedPence());
  }

  static PitchFacts readFacts(Map<String, Object> data, FoldMemo memo) {
    return new PitchFacts(
        uuid(data.get("pitchId")),
        uuid(data.get("problemId")),
        uuid(data.get("smeId")),
        memo.instant((String) data.get("submittedAt")),
        ((Number) data.get("requestedPence")).longValue());
  }

  private static Stage stage(Map<String, Object> data) {
    return Stage.valueOf((String) data.get("stage"));
  }

  private static int integer(Object value) {
    return ((Number) value).intValue();
  }

  private static UUID uuid(Object value) {
    return UUID.fromString((String) value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
