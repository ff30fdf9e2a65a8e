package org.wyp.awardservice.award;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.awardservice.fund.Award;
import org.wyp.awardservice.fund.AwardFilter;
import org.wyp.awardservice.fund.AwardStatus;
import org.wyp.kit.security.Caller;
import org.wyp.kit.web.ETags;
import org.wyp.kit.web.PageResponse;

/**
 * HTTP adapter for awards. The {@link Caller} comes from the bearer token, not from the request's
 * parameters, so the API description leaves it out.
 */
@RestController
@RequestMapping("/api/awards")
class AwardController {

  private final AwardService awards;

  AwardController(AwardService awards) {
    this.awards = awards;
  }

  /** An organiser lists every award, an SME only its own. */
  @GetMapping
  PageResponse<AwardView> search(
      Caller caller,
      @RequestParam Optional<UUID> roundId,
      @RequestParam Optional<UUID> smeId,
      @RequestParam Optional<AwardStatus> status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE)
          @Min(1)
          @Max(PageResponse.MAX_SIZE)
          int size) {
    return awards
        .search(new AwardFilter(roundId, smeId, status), caller, page, size)
        .map(AwardView::of);
  }

  @GetMapping("/{id}")
  ResponseEntity<AwardView> get(Caller caller, @PathVariable UUID id) {
    return view(awards.get(id, caller));
  }

  /** Only the awarded SME accepts. */
  @PostMapping("/{id}/accept")
  ResponseEntity<AwardView> accept(Caller caller, @PathVariable UUID id) {
    return view(awards.accept(id, caller));
  }

  /** Tranches are released in order, from 1, once the award is accepted. */
  @PostMapping("/{id}/tranches/{number}/release")
  ResponseEntity<AwardView> release(@PathVariable UUID id, @PathVariable int number) {
    return view(awards.releaseTranche(id, number));
  }

  /** The body with a {@code reason} is optional. */
  @PostMapping("/{id}/revoke")
  ResponseEntity<AwardView> revoke(
      @PathVariable UUID id, @Valid @RequestBody(required = false) RevokeRequest request) {
    String reason = request == null ? RevokeRequest.DEFAULT_REASON : request.reason().strip();
    return view(awards.revoke(id, reason));
  }

  private static ResponseEntity<AwardView> view(Award award) {
    return ResponseEntity.ok().eTag(ETags.of(award.version())).body(AwardView.of(award));
  }
}
