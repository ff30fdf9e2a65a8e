package org.wyp.problemservice.round;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
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
import org.wyp.kit.web.ETags;
import org.wyp.kit.web.PageResponse;

/** HTTP adapter for rounds. */
@RestController
@RequestMapping("/api/rounds")
class RoundController {

  private final RoundService rounds;

  RoundController(RoundService rounds) {
    this.rounds = rounds;
  }

  @PostMapping
  ResponseEntity<RoundView> announce(@Valid @RequestBody RoundRequest request) {
    Round round =
        rounds.announce(
            request.name(),
            request.description(),
            new RoundSchedule(request.opensAt(), request.closesAt(), request.finalsAt()),
            request.postcodeAreasOrDefault());
    return ResponseEntity.created(URI.create("/api/rounds/" + round.roundId()))
        .eTag(ETags.of(round.version()))
        .body(RoundView.of(round));
  }

  @PostMapping("/{id}/open")
  ResponseEntity<RoundView> open(@PathVariable UUID id) {
    return view(rounds.open(new RoundId(id)));
  }

  @PostMapping("/{id}/close-submissions")
  ResponseEntity<RoundView> closeSubmissions(@PathVariable UUID id) {
    return view(rounds.closeSubmissions(new RoundId(id)));
  }

  @PostMapping("/{id}/archive")
  ResponseEntity<RoundView> archive(@PathVariable UUID id) {
    return view(rounds.archive(new RoundId(id)));
  }

  @GetMapping("/{id}")
  ResponseEntity<RoundView> get(@PathVariable UUID id) {
    return view(rounds.get(new RoundId(id)));
  }

  @GetMapping
  PageResponse<RoundView> list(
      @RequestParam Optional<RoundStatus> status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE)
          @Min(1)
          @Max(PageResponse.MAX_SIZE)
          int size) {
    return rounds.list(status, page, size).map(RoundView::of);
  }

  private static ResponseEntity<RoundView> view(Round round) {
    return ResponseEntity.ok().eTag(ETags.of(round.version())).body(RoundView.of(round));
  }
}
