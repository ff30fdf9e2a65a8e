package org.wyp.judgingservice.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.testing.ServiceIntegrationTest;

/**
 * Decisions read a round's chain through memory: what they see must be what is stored, whoever
 * appended it and whatever happened to the stored entries since.
 */
@ServiceIntegrationTest
class RecentChainsTest {

  @Autowired ChainEntries entries;
  @Autowired MongoTemplate mongo;
  @Autowired Clock clock;

  private final UUID round = UUID.randomUUID();

  @Test
  void aDecisionSeesEntriesAnotherInstanceAppended() {
    ChainService here = new ChainService(entries, clock);
    ChainService elsewhere = new ChainService(entries, clock);
    withdraw(here, 1);
    assertThat(here.ledger(round).headSeq()).isEqualTo(1);

    withdraw(elsewhere, 3);

    RoundLedger seen = here.ledger(round);
    assertThat(seen.headSeq()).isEqualTo(4);
    assertThat(seen.records()).isEqualTo(entries.records(round));
  }

  @Test
  void moreNewEntriesThanItStepsThroughAreReadWhole() {
    ChainService here = new ChainService(entries, clock);
    ChainService elsewhere = new ChainService(entries, clock);
    withdraw(here, 1);
    here.ledger(round);

    withdraw(elsewhere, 40);

    assertThat(here.ledger(round).records()).isEqualTo(entries.records(round)).hasSize(41);
  }

  @Test
  void aChainWhoseRememberedHeadIsNoLongerStoredIsReadAgain() {
    ChainService here = new ChainService(entries, clock);
    withdraw(here, 3);
    assertThat(here.ledger(round).headSeq()).isEqualTo(3);

    mongo.remove(
        query(where("roundId").is(round.toString()).and("seq").gte(2)), ChainEntries.COLLECTION);

    assertThat(here.ledger(round).headSeq()).isEqualTo(1);
    assertThat(here.ledger(round).records()).isEqualTo(entries.records(round));
  }

  /** Appends {@code count} withdrawals of new pitches, each decided against the chain as read. */
  private void withdraw(ChainService chain, int count) {
    for (int i = 0; i < count; i++) {
      UUID pitch = UUID.randomUUID();
      chain.append(
          round,
          ledger ->
              Optional.of(
                  new ChainService.Draft(
                      EntryKind.WITHDRAWAL,
                      EntryData.withdrawal(pitch),
                      "withdrawal:" + pitch,
                      List.of())));
    }
  }
}
