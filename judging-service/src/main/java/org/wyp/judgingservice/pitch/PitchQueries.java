package org.wyp.judgingservice.pitch;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wyp.judgingservice.panel.JudgeDesk;
import org.wyp.judgingservice.panel.PanelService;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;
import org.wyp.kit.web.PageResponse;

/**
 * Reads of the pitch projection for the API (controllers do not reach repositories), as the caller
 * may see them: an organiser every pitch with its SME; a judge only the pitches on its desk (see
 * {@link JudgeDesk}), blind where it screens a blind round. Any other pitch is not found for a
 * judge, exactly as one that does not exist.
 */
@Service
class PitchQueries {

  private final PitchCatalogue catalogue;
  private final PanelService panels;

  PitchQueries(PitchCatalogue catalogue, PanelService panels) {
    this.catalogue = catalogue;
    this.panels = panels;
  }

  PageResponse<PitchView> inRound(
      Caller caller, UUID roundId, Boolean withdrawn, int page, int size) {
    if (caller.has(Role.ORGANISER)) {
      return catalogue.inRound(roundId, withdrawn, page, size).map(PitchView.Identified::of);
    }
    JudgeDesk desk = panels.desk(roundId, caller.requireJudge());
    List<PitchView> visible =
        catalogue.allInRound(roundId, withdrawn).stream()
            .flatMap(pitch -> desk.sight(pitch).map(sight -> view(pitch, sight)).stream())
            .toList();
    int from = (int) Math.min((long) page * size, visible.size());
    int to = Math.min(from + size, visible.size());
    return new PageResponse<>(visible.subList(from, to), page, size, visible.size());
  }

  PitchView pitch(Caller caller, UUID pitchId) {
    Optional<KnownPitch> pitch = catalogue.pitch(pitchId).filter(p -> p.submittedAt() != null);
    if (caller.has(Role.ORGANISER)) {
      return pitch.map(PitchView.Identified::of).orElseThrow(() -> notFound(pitchId));
    }
    UUID judgeId = caller.requireJudge();
    return pitch
        .flatMap(p -> panels.desk(p.roundId(), judgeId).sight(p).map(sight -> view(p, sight)))
        .orElseThrow(() -> notFound(pitchId));
  }

  private static PitchView view(KnownPitch pitch, JudgeDesk.Sight sight) {
    return switch (sight) {
      case IDENTIFIED -> PitchView.Identified.of(pitch);
      case BLIND -> PitchView.Blind.of(pitch);
    };
  }

  private static NotFoundException notFound(UUID pitchId) {
    return new NotFoundException("pitch", pitchId);
  }
}
