package org.wyp.judgingservice.panel;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The judges of a round's panel for one stage. */
record PanelRequest(@NotEmpty @Size(max = 100) List<@NotNull UUID> judgeIds) {}
