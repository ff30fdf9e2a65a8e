package org.wyp.judgingservice.pitch;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wyp.kit.web.PageResponse;

/** Reads of the pitch projection for the API (controllers do not reach repositories). */
@Service
class PitchQueries {

  private final PitchCatalogue catalogue;

  PitchQueries(PitchCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  PageResponse<KnownPitch> inRound(UUID roundId, Boolean withdrawn, int page, int size) {
    return catalogue.inRound(roundId, withdrawn, page, size);
  }

  Optional<KnownPitch> pitch(UUID pitchId) {
    return catalogue.pitch(pitchId).filter(p -> p.submittedAt() != null);
  }
}
