package org.wyp.judgingservice.chain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.security.Caller;

/** HTTP adapter for a round's score chain and its verification. */
@RestController
class ChainController {

  static final int MAX_LIMIT = 1000;

  private final ChainService chain;

  ChainController(ChainService chain) {
    this.chain = chain;
  }

  /**
   * Entries from {@code fromSeq}, at most {@code limit} of them, with the head (hash and seq of the
   * last entry). {@code nextFromSeq} is where the next page starts, null at the end.
   */
  record ChainView(
      UUID roundId, String head, long headSeq, List<ChainRecord> entries, Long nextFromSeq) {}

  @GetMapping("/api/rounds/{roundId}/chain")
  ChainView chain(
      @PathVariable UUID roundId,
      @RequestParam(defaultValue = "1") @Min(1) long fromSeq,
      @RequestParam(defaultValue = "" + MAX_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
    List<ChainRecord> all = chain.chain(roundId);
    List<ChainRecord> page = all.stream().filter(e -> e.seq() >= fromSeq).limit(limit).toList();
    long headSeq = all.isEmpty() ? 0 : all.getLast().seq();
    String head = all.isEmpty() ? ChainRecord.GENESIS : all.getLast().hash();
    Long next = page.isEmpty() || page.getLast().seq() >= headSeq ? null : page.getLast().seq() + 1;
    return new ChainView(roundId, head, headSeq, page, next);
  }

  /**
   * Recomputes every hash and link: 200, with {@code ok} false and where it broke. Public once the
   * round is concluded.
   */
  @GetMapping("/api/rounds/{roundId}/chain/verify")
  ChainVerification verify(@PathVariable UUID roundId, Caller caller) {
    return chain.verify(caller, roundId);
  }
}
