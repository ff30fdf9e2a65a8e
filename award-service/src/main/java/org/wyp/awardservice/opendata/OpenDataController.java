package org.wyp.awardservice.opendata;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for open grant data. */
@RestController
class OpenDataController {

  private final OpenGrantData openData;

  OpenDataController(OpenGrantData openData) {
    this.openData = openData;
  }

  /** The round's awards as a 360Giving grant package; 404 until the round has awards. */
  @GetMapping("/api/rounds/{roundId}/360giving")
  GrantPackage forRound(@PathVariable UUID roundId) {
    return openData.forRound(roundId);
  }
}
