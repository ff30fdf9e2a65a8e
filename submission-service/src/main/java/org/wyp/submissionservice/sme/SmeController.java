package org.wyp.submissionservice.sme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.security.Caller;
import org.wyp.kit.web.ETags;
import org.wyp.kit.web.PageResponse;

/** HTTP adapter for SME registration. */
@RestController
@RequestMapping("/api/smes")
class SmeController {

  private final SmeService smes;

  SmeController(SmeService smes) {
    this.smes = smes;
  }

  /**
   * The caller's own company, under the id its token binds. 201 even for a company too big to be an
   * SME: it is told why, in {@code ineligibleReasons}.
   */
  @PostMapping
  ResponseEntity<SmeView> register(Caller caller, @Valid @RequestBody SmeRequest request) {
    Sme sme = smes.register(caller, request.details());
    return ResponseEntity.created(URI.create("/api/smes/" + sme.smeId()))
        .eTag(ETags.of(sme.version()))
        .body(SmeView.of(sme));
  }

  @GetMapping("/{id}")
  ResponseEntity<SmeView> get(Caller caller, @PathVariable UUID id) {
    Sme sme = smes.get(caller, new SmeId(id));
    return ResponseEntity.ok().eTag(ETags.of(sme.version())).body(SmeView.of(sme));
  }

  @GetMapping
  PageResponse<SmeView> list(
      Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE)
          @Min(1)
          @Max(PageResponse.MAX_SIZE)
          int size) {
    return smes.list(caller, page, size).map(SmeView::of);
  }
}
