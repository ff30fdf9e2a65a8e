package org.wyp.awardservice.fund;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.web.ETags;

/** HTTP adapter for a round's seed fund. */
@RestController
@RequestMapping("/api/funds")
class FundController {

  private final FundService funds;

  FundController(FundService funds) {
    this.funds = funds;
  }

  /**
   * Configures the round's fund (201 the first time, 200 after) until judging concludes, then 409.
   * {@code If-Match} is optional; when given it must name the current version.
   */
  @PutMapping("/{roundId}")
  ResponseEntity<FundView> configure(
      @PathVariable UUID roundId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody FundRequest request) {
    FundService.Configured configured =
        funds.configure(roundId, request.toTerms(), ETags.parseIfMatch(ifMatch));
    Fund fund = configured.fund();
    ResponseEntity.BodyBuilder response =
        configured.created()
            ? ResponseEntity.created(URI.create("/api/funds/" + roundId))
            : ResponseEntity.ok();
    return response.eTag(ETags.of(fund.version())).body(FundView.of(fund));
  }

  @GetMapping("/{roundId}")
  ResponseEntity<FundView> get(@PathVariable UUID roundId) {
    Fund fund = funds.get(roundId);
    return ResponseEntity.ok().eTag(ETags.of(fund.version())).body(FundView.of(fund));
  }
}
