package org.wyp.judgingservice.chain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.scoring.PitchFacts;

/**
 * A round's judging state, folded from its chain and from nothing else: the rubrics, the latest
 * score of every judge for every pitch, conflicts, withdrawals, the shortlist and the conclusion.
 * Commands decide against it; rankings are computed from it.
 */
public final class RoundLedger {

  private final UUID roundId;
  private final List<ChainRecord> records;
  private final Map<Stage, RubricSpec> rubrics = new EnumMap<>(Stage.class);
  private final Map<ScoreKey, ScoreRecord> latestScores;
  private final RoundConflicts conflicts = new RoundConflicts();
  private final Set<UUID> withdrawn = new HashSet<>();
  private final Map<UUID, PitchFacts> facts;
  private final Map<Stage, Decision> decisions = new EnumMap<>(Stage.class);

  private record ScoreKey(Stage stage, UUID pitchId, UUID judgeId) {}

  private RoundLedger(UUID roundId, List<ChainRecord> records) {
    this.roundId = roundId;
    this.records = List.copyOf(records);
    // Sized for the chain up front: most entries of a large round are scores, and regrowing these
    // maps entry by entry was a good part of folding one.
    this.latestScores = LinkedHashMap.newLinkedHashMap(records.size());
    this.facts = LinkedHashMap.newLinkedHashMap(records.size());
    FoldMemo memo = new FoldMemo();
    for (ChainRecord record : records) {
      apply(record, memo);
    }
  }

  /** Folds the entries in order; they are assumed to be one round's, from seq 1 upwards. */
  public static RoundLedger of(UUID roundId, List<ChainRecord> records) {
    return new RoundLedger(roundId, records);
  }

  /** The state as it was before entry {@code seq}. */
  public RoundLedger before(long seq) {
    return new RoundLedger(roundId, records.stream().filter(r -> r.seq() < seq).toList());
  }

  private void apply(ChainRecord record, FoldMemo memo) {
    Map<String, Object> data = record.data();
    switch (record.kind()) {
      case RUBRIC -> {
        RubricSpec rubric = EntryData.readRubric(data);
        rubrics.put(rubric.stage(), rubric);
      }
      case SCORE -> {
        ScoreRecord score = EntryData.readScore(record.seq(), record.recordedAt(), data, memo);
        latestScores.put(new ScoreKey(score.stage(), score.pitchId(), score.judgeId()), score);
        facts.put(score.pitchId(), score.pitch());
      }
      case CONFLICT -> conflicts.add(EntryData.readConflict(record.seq(), data));
      case WITHDRAWAL -> withdrawn.add(EntryData.readWithdrawal(data));
      case SHORTLIST, CONCLUSION -> {
        Decision decision = EntryData.readDecision(record.seq(), record.recordedAt(), data, memo);
        decisions.put(decision.stage(), decision);
        decision.pitches().forEach(p -> facts.putIfAbsent(p.pitchId(), p));
      }
    }
  }

  public UUID roundId() {
    return roundId;
  }

  public List<ChainRecord> records() {
    return records;
  }

  public long headSeq() {
    return records.isEmpty() ? 0 : records.getLast().seq();
  }

  public String headHash() {
    return records.isEmpty() ? ChainRecord.GENESIS : records.getLast().hash();
  }

  public Optional<RubricSpec> rubric(Stage stage) {
    return Optional.ofNullable(rubrics.get(stage));
  }

  /** The stage's shortlist (screening) or conclusion (finals), once it has ended. */
  public Optional<Decision> decision(Stage stage) {
    return Optional.ofNullable(decisions.get(stage));
  }

  /** A stage is locked once it has ended: no more scores, revisions or rubric changes. */
  public boolean locked(Stage stage) {
    return decisions.containsKey(stage);
  }

  public Optional<ScoreRecord> latestScore(Stage stage, UUID pitchId, UUID judgeId) {
    return Optional.ofNullable(latestScores.get(new ScoreKey(stage, pitchId, judgeId)));
  }

  /** The latest score of each judge for each pitch in the stage, in the order they were made. */
  public List<ScoreRecord> latestScores(Stage stage) {
    return latestScores.values().stream().filter(s -> s.stage() == stage).toList();
  }

  public boolean hasScores(Stage stage) {
    return latestScores.keySet().stream().anyMatch(k -> k.stage() == stage);
  }

  public List<ConflictRecord> conflicts() {
    return conflicts.all();
  }

  /** The first conflict recorded that {@linkplain ConflictRecord#covers covers} the pair. */
  public Optional<ConflictRecord> conflict(UUID judgeId, UUID pitchId, UUID smeId) {
    return conflicts.covering(judgeId, pitchId, smeId);
  }

  public boolean hasConflictRecorded(UUID judgeId, UUID pitchId, UUID smeId) {
    return conflicts.recorded(judgeId, pitchId, smeId);
  }

  public boolean withdrawn(UUID pitchId) {
    return withdrawn.contains(pitchId);
  }

  public Set<UUID> withdrawnPitches() {
    return Set.copyOf(withdrawn);
  }

  /** The latest facts the chain holds for a pitch (from its scores or a stage's decision). */
  public Optional<PitchFacts> facts(UUID pitchId) {
    return Optional.ofNullable(facts.get(pitchId));
  }

  public Collection<PitchFacts> allFacts() {
    return List.copyOf(facts.values());
  }
}
